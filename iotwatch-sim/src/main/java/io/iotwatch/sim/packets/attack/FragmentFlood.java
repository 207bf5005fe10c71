package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Packet;
import io.iotwatch.sim.packets.net.Packets;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.packets.wire.Frame;
import io.iotwatch.sim.truth.AttackKind;
import java.util.Arrays;
import java.util.Locale;

/**
 * Floods of datagrams too big for one frame, sent as real IPv4 fragments from several machines (hping3 with
 * {@code -d SIZE -f --mtu MTU}): TCP ACKs with 1400 bytes of data cut at a 576-byte MTU, which the victim
 * reassembles and resets; 2000-byte UDP datagrams to a closed port, answered by rate-limited port unreachables;
 * 2000-byte ICMP echo requests, answered by echo replies fragmented the same way.
 */
final class FragmentFlood extends BotFlood {

    static final long SLOT = Micros.seconds(7);
    private static final int BOTS = 3;
    private static final int DATAGRAMS = 4_500;
    private static final int RATE = 6_000;
    private static final int PORT = 80;

    private final int data;
    private final int mtu;
    private final AttackContext ctx;

    FragmentFlood(AttackKind kind, AttackContext ctx) {
        super(kind, ctx, BOTS);
        this.data = kind == AttackKind.ACK_FRAGMENTATION ? 1_400 : 2_000;
        this.mtu = kind == AttackKind.ACK_FRAGMENTATION ? 576 : 1_500;
        this.ctx = ctx;
    }

    @Override
    public void start(long start, Scheduler scheduler) {
        Host target = victim.host();
        Frame datagram = new Frame();
        Frame fragment = new Frame();
        for (Host bot : bots) {
            IcmpErrors limit = new IcmpErrors();
            scheduler.add(new BotSource(bot, start, DATAGRAMS, RATE) {
                private final int basePort = 1024 + rnd.nextInt(30_000);
                private final int echoId = rnd.nextInt(1 << 16);

                @Override
                protected void unit(long t, int index) {
                    int ipId = rnd.nextInt(1 << 16);
                    int port = basePort + index;
                    long seq = rnd.nextLong(1L << 32);
                    long ack = rnd.nextLong(1L << 32);
                    Packet whole = f -> {
                        f.ethernet(target.mac(), bot.mac(), Frame.ETHERTYPE_IPV4).ipv4(bot.ip(), target.ip(), protocol(), 64, ipId, 0);
                        switch (kind) {
                            case ACK_FRAGMENTATION -> f.tcp(port, PORT, seq, ack, Frame.ACK, 64);
                            case UDP_FRAGMENTATION -> f.udp(port, PORT);
                            default -> f.icmp(Frame.ICMP_ECHO, 0, echoId << 16 | index & 0xFFFF);
                        }
                        f.fill(0, data).finish();
                    };
                    long end = fragments(t, whole, bot.transmit(mtu));
                    long answered = end + target.rtt() + 40;
                    switch (kind) {
                        case ACK_FRAGMENTATION -> at(answered, refusal(target, bot, PORT, port, seq, ack, Frame.ACK, 0));
                        case UDP_FRAGMENTATION -> {
                            if (limit.allow(answered)) {
                                at(answered, Packets.unreachable(target, bot, 3, rnd.nextInt(1 << 16), Packets.quote(ctx.scratch(), whole)));
                            }
                        }
                        default -> {
                            int replyId = rnd.nextInt(1 << 16);
                            fragments(answered, f -> f.ethernet(bot.mac(), target.mac(), Frame.ETHERTYPE_IPV4)
                                    .ipv4(target.ip(), bot.ip(), Frame.PROTO_ICMP, target.ttl(), replyId, 0)
                                    .icmp(Frame.ICMP_ECHO_REPLY, 0, echoId << 16 | index & 0xFFFF).fill(0, data).finish(),
                                    target.transmit(mtu));
                        }
                    }
                }

                /** Plans the fragments of {@code whole}, one every {@code gap}; returns when the last passes. */
                private long fragments(long t, Packet whole, long gap) {
                    whole.write(datagram.start());
                    int payload = datagram.length() - Frame.ETHERNET - Frame.IPV4;
                    int count = Frame.fragments(payload, mtu);
                    for (int i = 0; i < count; i++) {
                        fragment.fragment(datagram, i, mtu);
                        byte[] bytes = Arrays.copyOf(fragment.buffer(), fragment.length());
                        at(t + i * gap, f -> f.bytes(bytes).finish());
                    }
                    return t + (count - 1) * gap;
                }
            });
        }
    }

    private int protocol() {
        return switch (kind) {
            case ACK_FRAGMENTATION -> Frame.PROTO_TCP;
            case UDP_FRAGMENTATION -> Frame.PROTO_UDP;
            default -> Frame.PROTO_ICMP;
        };
    }

    @Override
    protected String command() {
        String option = switch (kind) {
            case ACK_FRAGMENTATION -> "-A -p " + PORT;
            case UDP_FRAGMENTATION -> "--udp -p " + PORT;
            default -> "--icmp";
        };
        return String.format(Locale.ROOT, "hping3 %s -d %d -f --mtu %d %s: datagrams=%d rate=%d/s target=%s senders=%d", option,
                data, mtu, victim(), DATAGRAMS, RATE, victim(), bots.size());
    }
}
