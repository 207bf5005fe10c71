package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.lan.Device;
import io.iotwatch.sim.packets.lan.Lan;
import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.packets.wire.Frame;
import io.iotwatch.sim.packets.wire.Ip;
import io.iotwatch.sim.truth.AttackKind;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * hping3's TCP floods at a victim's web port: {@code -S} (SYN), {@code -PA} (PSH-ACK) and {@code -R -F}
 * (RST-FIN) from several machines, and {@code -S} with sources forged from 198.18.0.0/15 (as --rand-source draws
 * from all of IPv4, a source rarely repeats). hping3's segments
 * have no options, window 64, a random sequence number and IP ID, and a source port that counts up from a
 * random one. The victim answers a SYN with a SYN-ACK (SYN cookies keep it answering), which a real sender's
 * kernel resets and a forged one's never sees; it resets a PSH-ACK and ignores a RST-FIN.
 */
final class TcpFlood extends Attack {

    static final long SLOT = Micros.seconds(8);
    static final String SPOOFED_PREFIX = "198.18.0.0/15";
    private static final int PACKETS = 20_000;
    private static final int RATE = 20_000;
    private static final int BOTS = 3;
    private static final int PORT = 80;
    private static final int HPING_WINDOW = 64;
    private static final int FORGED_NETWORK = Ip.of(198, 18, 0, 0);
    private static final int FORGED_HOSTS = (1 << 17) - 2;

    private final int flags;
    private final boolean spoofed;
    private final List<Host> bots;
    private final Device victim;
    private final Lan lan;
    private final SplittableRandom rnd;

    TcpFlood(AttackKind kind, AttackContext ctx) {
        super(kind);
        this.flags = switch (kind) {
            case PSHACK_FLOOD -> Frame.PSH | Frame.ACK;
            case RSTFIN_FLOOD -> Frame.RST | Frame.FIN;
            default -> Frame.SYN;
        };
        this.spoofed = kind == AttackKind.SYNONYMOUS_IP_FLOOD;
        this.bots = ctx.attackers(spoofed ? 1 : BOTS);
        this.victim = ctx.victim(AttackContext.linuxWeb());
        this.lan = ctx.lan();
        this.rnd = ctx.random();
    }

    @Override
    public void start(long start, Scheduler scheduler) {
        Host target = victim.host();
        for (Host bot : bots) {
            scheduler.add(new FloodSource(origin, rnd.split(), start + rnd.nextLong(Micros.millis(300)), PACKETS / bots.size(),
                    (double) RATE / bots.size()) {
                private final int basePort = 1024 + rnd.nextInt(30_000);

                @Override
                protected long prepare(long now) {
                    return resolve(now, bot, target, victim.gateway());
                }

                @Override
                protected void unit(long t, int index) {
                    int port = basePort + index & 0xFFFF;
                    long seq = rnd.nextLong(1L << 32);
                    long ack = (flags & Frame.ACK) != 0 ? rnd.nextLong(1L << 32) : 0;
                    Host from = spoofed ? new Host(FORGED_NETWORK | 1 + rnd.nextInt(FORGED_HOSTS), bot.mac(), bot.stack(), 64,
                            bot.rtt(), bot.bitsPerSecond()) : bot;
                    at(t, tcp(from, target, port, PORT, seq, ack, flags, HPING_WINDOW, 64, rnd.nextInt(1 << 16), null));
                    long answered = t + target.rtt() + 20;
                    Host back = spoofed ? lan.internet(from.ip(), 12, 40) : bot;
                    if (flags == Frame.SYN) {
                        at(answered, kernel(target, back, PORT, port, rnd.nextLong(1L << 32), seq + 1, Frame.SYN | Frame.ACK,
                                64_240, 0, MSS_OPTION));
                        if (!spoofed) {
                            at(answered + bot.rtt() + 20, kernel(bot, target, port, PORT, seq + 1, 0, Frame.RST, 0, 0, null));
                        }
                    } else if ((flags & Frame.RST) == 0) {
                        at(answered, refusal(target, back, PORT, port, seq, ack, flags, 0));
                    }
                }
            });
        }
    }

    @Override
    protected List<String> attackers() {
        return spoofed ? List.of(SPOOFED_PREFIX) : AttackContext.texts(bots);
    }

    @Override
    protected String victim() {
        return AttackContext.text(victim.host());
    }

    @Override
    protected String command() {
        String option = switch (kind) {
            case PSHACK_FLOOD -> "-PA";
            case RSTFIN_FLOOD -> "-R -F";
            default -> "-S";
        };
        return String.format(Locale.ROOT, "hping3 %s -p %d -w %d%s %s: packets=%d rate=%d/s target=%s port=%d senders=%s", option,
                PORT, HPING_WINDOW, spoofed ? " --rand-source" : "", victim(), PACKETS, RATE, victim(), PORT,
                spoofed ? SPOOFED_PREFIX + " (forged, from " + AttackContext.text(bots.getFirst()) + ")" : bots.size());
    }
}
