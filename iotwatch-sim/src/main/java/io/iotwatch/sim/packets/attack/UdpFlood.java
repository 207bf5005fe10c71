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
 * UDP floods from several machines at a closed port of the victim, which answers with ICMP port unreachable
 * as fast as Linux's rate limit lets it. {@code hping3 --udp}: 64 zero bytes, a source port counting up, random
 * IP ID. Mirai's {@code udpplain}: a connected socket per bot (one random source and destination port), 512
 * random bytes per datagram, sent by the bot's kernel (don't-fragment set, IP ID counting up).
 */
final class UdpFlood extends BotFlood {

    static final long SLOT = Micros.seconds(8);
    private static final int BOTS = 3;

    private final boolean mirai;
    private final int packets;
    private final int rate;
    private final int size;
    private final int port;
    private final AttackContext ctx;

    UdpFlood(AttackKind kind, AttackContext ctx) {
        super(kind, ctx, BOTS);
        this.mirai = kind == AttackKind.UDPPLAIN_FLOOD;
        this.packets = 20_000;
        this.rate = 20_000;
        this.size = mirai ? 512 : 64;
        this.port = mirai ? 1024 + rnd.nextInt(60_000) : 80;
        this.ctx = ctx;
    }

    @Override
    public void start(long start, Scheduler scheduler) {
        Host target = victim.host();
        for (Host bot : bots) {
            IcmpErrors limit = new IcmpErrors();
            scheduler.add(new BotSource(bot, start, packets, rate) {
                private final int basePort = 1024 + rnd.nextInt(30_000);
                private final int botPort = 1024 + rnd.nextInt(60_000);
                private int ipId = rnd.nextInt(1 << 16);

                @Override
                protected void unit(long t, int index) {
                    int sourcePort = mirai ? botPort : basePort + index;
                    int id = mirai ? ipId++ & 0xFFFF : rnd.nextInt(1 << 16);
                    int noise = rnd.nextInt(Noise.BLOCK.length);
                    Packet datagram = f -> {
                        f.ethernet(target.mac(), bot.mac(), Frame.ETHERTYPE_IPV4)
                                .ipv4(bot.ip(), target.ip(), Frame.PROTO_UDP, 64, id, mirai ? Frame.DONT_FRAGMENT : 0)
                                .udp(sourcePort, port);
                        if (mirai) {
                            f.cycle(Noise.BLOCK, noise, size);
                        } else {
                            f.fill(0, size);
                        }
                        f.finish();
                    };
                    at(t, datagram);
                    long answered = t + target.rtt() + 30;
                    if (limit.allow(answered)) {
                        at(answered, Packets.unreachable(target, bot, 3, rnd.nextInt(1 << 16), Packets.quote(ctx.scratch(), datagram)));
                    }
                }
            });
        }
    }

    @Override
    protected String command() {
        String tool = mirai ? "mirai udpplain " + victim() + " 60 dport=" + port + " len=" + size
                : "hping3 --udp -p " + port + " -d " + size + " " + victim();
        return String.format(Locale.ROOT, "%s: packets=%d rate=%d/s target=%s port=%d senders=%d", tool, packets, rate, victim(),
                port, bots.size());
    }
}
