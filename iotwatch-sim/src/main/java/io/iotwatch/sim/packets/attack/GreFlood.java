package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Packet;
import io.iotwatch.sim.packets.net.Packets;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.packets.wire.Frame;
import io.iotwatch.sim.packets.wire.Noise;
import io.iotwatch.sim.truth.AttackKind;
import java.util.Locale;

/**
 * Mirai's GRE floods from several bots, as its attack_gre.c builds them: an IPv4 packet of protocol 47 (TTL 64,
 * don't-fragment, random IP ID) with a bare GRE header, carrying for {@code greeth} an Ethernet frame between
 * random MAC addresses (protocol type 0x6558) and for {@code greip} nothing in between (0x0800), then an IPv4
 * header from the bot to the victim (Mirai's {@code constip}) and UDP with random ports and 512 random bytes.
 * The victim, which runs no GRE, answers with rate-limited ICMP protocol unreachables.
 */
final class GreFlood extends BotFlood {

    static final long SLOT = Micros.seconds(7);
    private static final int PACKETS = 12_000;
    private static final int RATE = 20_000;
    private static final int BOTS = 3;
    private static final int DATA = 512;

    private final boolean ethernet;
    private final AttackContext ctx;

    GreFlood(AttackKind kind, AttackContext ctx) {
        super(kind, ctx, BOTS);
        this.ethernet = kind == AttackKind.GREETH_FLOOD;
        this.ctx = ctx;
    }

    @Override
    public void start(long start, Scheduler scheduler) {
        Host target = victim.host();
        for (Host bot : bots) {
            IcmpErrors limit = new IcmpErrors();
            scheduler.add(new BotSource(bot, start, PACKETS, RATE) {

                @Override
                protected void unit(long t, int index) {
                    int outerId = rnd.nextInt(1 << 16);
                    int innerId = rnd.nextInt(1 << 16);
                    long innerDst = rnd.nextLong(1L << 48) & ~(1L << 40);
                    long innerSrc = rnd.nextLong(1L << 48) & ~(1L << 40);
                    int sourcePort = rnd.nextInt(1 << 16);
                    int destinationPort = rnd.nextInt(1 << 16);
                    int noise = rnd.nextInt(Noise.BLOCK.length);
                    Packet packet = f -> {
                        f.ethernet(target.mac(), bot.mac(), Frame.ETHERTYPE_IPV4)
                                .ipv4(bot.ip(), target.ip(), Frame.PROTO_GRE, 64, outerId, Frame.DONT_FRAGMENT);
                        if (ethernet) {
                            f.gre(Frame.ETHERTYPE_TRANSPARENT_ETHERNET).ethernet(innerDst, innerSrc, Frame.ETHERTYPE_IPV4);
                        } else {
                            f.gre(Frame.ETHERTYPE_IPV4);
                        }
                        f.ipv4(bot.ip(), target.ip(), Frame.PROTO_UDP, 64, innerId, Frame.DONT_FRAGMENT)
                                .udp(sourcePort, destinationPort).cycle(Noise.BLOCK, noise, DATA).finish();
                    };
                    at(t, packet);
                    long answered = t + target.rtt() + 30;
                    if (limit.allow(answered)) {
                        at(answered, Packets.unreachable(target, bot, 2, rnd.nextInt(1 << 16), Packets.quote(ctx.scratch(), packet)));
                    }
                }
            });
        }
    }

    @Override
    protected String command() {
        return String.format(Locale.ROOT, "mirai %s %s 60 len=%d constip=1: packets=%d rate=%d/s target=%s senders=%d",
                ethernet ? "greeth" : "greip", victim(), DATA, PACKETS, RATE, victim(), bots.size());
    }
}
