package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.lan.Device;
import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Packets;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.truth.AttackKind;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code hping3 --icmp --flood} from several machines: echo requests without data, one identifier per machine and
 * the sequence number counting up, each answered by the victim's echo reply.
 */
final class IcmpFlood extends Attack {

    static final long SLOT = Micros.seconds(7);
    private static final int PACKETS = 15_000;
    private static final int RATE = 15_000;
    private static final int BOTS = 3;

    private final List<Host> bots;
    private final Device victim;
    private final SplittableRandom rnd;

    IcmpFlood(AttackContext ctx) {
        super(AttackKind.ICMP_FLOOD);
        this.bots = ctx.attackers(BOTS);
        this.victim = ctx.victim(AttackContext.linuxWeb());
        this.rnd = ctx.random();
    }

    @Override
    public void start(long start, Scheduler scheduler) {
        Host target = victim.host();
        byte[] none = new byte[0];
        for (Host bot : bots) {
            scheduler.add(new FloodSource(origin, rnd.split(), start + rnd.nextLong(Micros.millis(300)), PACKETS / BOTS,
                    (double) RATE / BOTS) {
                private final int id = rnd.nextInt(1 << 16);

                @Override
                protected long prepare(long now) {
                    return resolve(now, bot, target, victim.gateway());
                }

                @Override
                protected void unit(long t, int index) {
                    at(t, Packets.echo(bot, target, 64, true, id, index, rnd.nextInt(1 << 16), none));
                    at(t + target.rtt() + 15, Packets.echo(target, bot, target.ttl(), false, id, index, rnd.nextInt(1 << 16), none));
                }
            });
        }
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
        return String.format(Locale.ROOT, "hping3 --icmp --flood %s: packets=%d rate=%d/s target=%s senders=%d", victim(), PACKETS,
                RATE, victim(), bots.size());
    }
}
