package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.lan.Device;
import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Ports;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.packets.net.TcpFlow;
import io.iotwatch.sim.packets.proto.Http;
import io.iotwatch.sim.truth.AttackKind;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code slowhttptest -H -c 150 -r 50 -i 10 -l 60 -u http://VICTIM/} on several machines: connections opened at 50
 * a second, each sending an unfinished request (no blank line), then one more header line every 10 seconds to
 * keep the server waiting, until the test ends after a minute and the tool closes them all.
 */
final class Slowloris extends Attack {

    static final long SLOT = Micros.seconds(70);
    private static final int BOTS = 3;
    private static final int CONNECTIONS = 150;
    private static final int OPEN_RATE = 50;
    private static final long FOLLOW_UP = Micros.seconds(10);
    private static final long LENGTH = Micros.seconds(60);
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final List<Host> bots;
    private final Device victim;
    private final SplittableRandom rnd;

    Slowloris(AttackContext ctx) {
        super(AttackKind.SLOWLORIS);
        this.bots = ctx.attackers(BOTS);
        this.victim = ctx.victim(AttackContext.linuxWeb());
        this.rnd = ctx.random();
    }

    @Override
    public void start(long start, Scheduler scheduler) {
        Host target = victim.host();
        for (Host bot : bots) {
            long begin = start + rnd.nextLong(Micros.seconds(1));
            scheduler.add(new ToolSource(origin, rnd.split(), begin) {
                @Override
                protected void plan(long now, Scheduler s) {
                    long t = resolve(now, bot, target, victim.gateway());
                    Ports ports = new Ports(rnd);
                    for (int i = 0; i < CONNECTIONS; i++) {
                        s.add(held(bot, ports.next(), target, t + i * Micros.SECOND / OPEN_RATE, begin + LENGTH));
                    }
                }
            });
        }
    }

    /** One held connection: the request's start, a header line every {@link #FOLLOW_UP}, the close at {@code end}. */
    private ToolSource held(Host bot, int port, Host target, long open, long end) {
        return new ToolSource(origin, rnd.split(), open) {
            private TcpFlow flow;

            @Override
            protected void plan(long now, Scheduler s) {
                if (flow == null) {
                    flow = connection(bot, port, target, 80);
                    long t = flow.connect(now) + 80;
                    flow.send(true, t, Http.text("GET /?" + rnd.nextInt(10_000) + " HTTP/1.1\r\nHost: " + victim()
                            + "\r\nUser-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                            + "Chrome/120.0 Safari/537.36\r\nReferer: http://code.google.com/p/slowhttptest/\r\n"));
                    wakeAt(now + FOLLOW_UP);
                } else if (now < end) {
                    flow.send(true, now, Http.text("X-" + word(1 + rnd.nextInt(8)) + ": " + word(1 + rnd.nextInt(24)) + "\r\n"));
                    wakeAt(Math.min(end, now + FOLLOW_UP));
                } else {
                    flow.close(true, now);
                }
            }

            private String word(int length) {
                StringBuilder s = new StringBuilder(length);
                for (int i = 0; i < length; i++) {
                    s.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                }
                return s.toString();
            }
        };
    }

    @Override
    protected List<String> attackers() {
        return AttackContext.texts(bots);
    }

    @Override
    protected String victim() {
        return AttackContext.text(victim.host());
    }

    @Override
    protected String command() {
        return String.format(Locale.ROOT, "slowhttptest -H -c %d -r %d -i %d -l %d -u http://%s/ on %d machines: connections=%d "
                + "target=%s port=80", CONNECTIONS, OPEN_RATE, FOLLOW_UP / Micros.SECOND, LENGTH / Micros.SECOND, victim(),
                bots.size(), CONNECTIONS * bots.size(), victim());
    }
}
