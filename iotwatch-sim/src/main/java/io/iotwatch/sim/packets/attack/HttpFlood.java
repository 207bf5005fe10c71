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
 * ApacheBench against the victim's web UI, {@code ab -n N -c C http://VICTIM/}: C connections at a time, each a
 * whole HTTP/1.0 exchange (handshake, GET, the login page, the server's close), the next one as soon as the
 * last ended; from one machine (DoS) or from several at once (DDoS).
 */
final class HttpFlood extends Attack {

    static final long SLOT = Micros.seconds(14);
    private static final int PORT = 80;

    private final int requestsPerBot;
    private final int concurrency;
    private final List<Host> bots;
    private final Device victim;
    private final SplittableRandom rnd;

    HttpFlood(AttackKind kind, AttackContext ctx) {
        super(kind);
        boolean distributed = kind == AttackKind.DDOS_HTTP_FLOOD;
        this.bots = ctx.attackers(distributed ? 3 : 1);
        this.requestsPerBot = distributed ? 700 : 2_000;
        this.concurrency = distributed ? 8 : 20;
        this.victim = ctx.victim(AttackContext.linuxWeb());
        this.rnd = ctx.random();
    }

    @Override
    public void start(long start, Scheduler scheduler) {
        Host target = victim.host();
        byte[] request = Http.request("GET", "/", "HTTP/1.0", new byte[0], "Host: " + victim(), "User-Agent: ApacheBench/2.3",
                "Accept: */*");
        for (Host bot : bots) {
            long begin = start + rnd.nextLong(Micros.millis(500));
            scheduler.add(new ToolSource(origin, rnd.split(), begin) {
                @Override
                protected void plan(long now, Scheduler s) {
                    long t = resolve(now, bot, target, victim.gateway());
                    Ports ports = new Ports(rnd);
                    for (int w = 0; w < concurrency; w++) {
                        s.add(worker(bot, ports, target, request, t + w * 300L, requestsPerBot / concurrency));
                    }
                }
            });
        }
    }

    /** One of ab's concurrent clients: a connection after another until its share of requests is done. */
    private ToolSource worker(Host bot, Ports ports, Host target, byte[] request, long start, int requests) {
        return new ToolSource(origin, rnd.split(), start) {
            private int done;

            @Override
            protected void plan(long now, Scheduler s) {
                TcpFlow flow = connection(bot, ports.next(), target, PORT);
                long t = flow.connect(now) + 60;
                // An IoT web server takes a few milliseconds a page, more as the flood queues requests up.
                long serve = Micros.millis(4 + rnd.nextInt(20));
                t = flow.exchange(true, t, request, serve, WebServer.home(victim.kind(), t, true));
                t = flow.close(false, t + 100);
                if (++done < requests) {
                    wakeAt(t + 50 + rnd.nextLong(200));
                }
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
        return String.format(Locale.ROOT, "ab -n %d -c %d http://%s/ on %d machine%s: requests=%d target=%s port=%d",
                requestsPerBot, concurrency, victim(), bots.size(), bots.size() > 1 ? "s" : "", requestsPerBot * bots.size(),
                victim(), PORT);
    }
}
