package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Packets;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.truth.AttackKind;
import java.util.Locale;

/**
 * {@code hping3 --icmp --flood} from several machines: echo requests without data, one identifier per machine and
 * the sequence number counting up, each answered by the victim's echo reply.
 */
final class IcmpFlood extends BotFlood {

    static final long SLOT = Micros.seconds(7);
    private static final int PACKETS = 15_000;
    private static final int RATE = 15_000;
    private static final int BOTS = 3;

    IcmpFlood(AttackContext ctx) {
        super(AttackKind.ICMP_FLOOD, ctx, BOTS);
    }

    @Override
    public void start(long start, Scheduler scheduler) {
        Host target = victim.host();
        byte[] none = new byte[0];
        for (Host bot : bots) {
            scheduler.add(new BotSource(bot, start, PACKETS, RATE) {
                private final int id = rnd.nextInt(1 << 16);

                @Override
                protected void unit(long t, int index) {
                    at(t, Packets.echo(bot, target, 64, true, id, index, rnd.nextInt(1 << 16), none));
                    at(t + target.rtt() + 15, Packets.echo(target, bot, target.ttl(), false, id, index, rnd.nextInt(1 << 16), none));
                }
            });
        }
    }

    @Override
    protected String command() {
        return String.format(Locale.ROOT, "hping3 --icmp --flood %s: packets=%d rate=%d/s target=%s senders=%d", victim(), PACKETS,
                RATE, victim(), bots.size());
    }
}
