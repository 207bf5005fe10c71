package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.packets.wire.Frame;
import io.iotwatch.sim.truth.AttackKind;
import java.util.List;
import java.util.Locale;

/**
 * hping3's TCP floods at a victim's web port: {@code -S} (SYN), {@code -PA} (PSH-ACK) and {@code -R -F}
 * (RST-FIN) from several machines, and CICIoT2023's SynonymousIP flood, {@code -S -a VICTIM VICTIM}: SYNs from one
 * machine's MAC that carry the victim's own address as their source. hping3's segments have no options, window
 * 64, a random sequence number and IP ID, and a source port that counts up from a random one. The victim answers
 * a SYN with a SYN-ACK (SYN cookies keep it answering), which the sender's kernel resets; it drops the SYNs from
 * its own address unanswered (a martian source), resets a PSH-ACK and ignores a RST-FIN.
 */
final class TcpFlood extends BotFlood {

    static final long SLOT = Micros.seconds(8);
    private static final int PACKETS = 20_000;
    private static final int RATE = 20_000;
    private static final int BOTS = 3;
    private static final int PORT = 80;
    private static final int HPING_WINDOW = 64;

    private final int flags;
    private final boolean spoofed;

    TcpFlood(AttackKind kind, AttackContext ctx) {
        super(kind, ctx, kind == AttackKind.SYNONYMOUS_IP_FLOOD ? 1 : BOTS);
        this.flags = switch (kind) {
            case PSHACK_FLOOD -> Frame.PSH | Frame.ACK;
            case RSTFIN_FLOOD -> Frame.RST | Frame.FIN;
            default -> Frame.SYN;
        };
        this.spoofed = kind == AttackKind.SYNONYMOUS_IP_FLOOD;
    }

    @Override
    public void start(long start, Scheduler scheduler) {
        Host target = victim.host();
        for (Host bot : bots) {
            scheduler.add(new BotSource(bot, start, PACKETS, RATE) {
                private final int basePort = 1024 + rnd.nextInt(30_000);
                private final Host forged = new Host(target.ip(), bot.mac(), bot.stack(), 64, bot.rtt(), bot.bitsPerSecond());

                @Override
                protected void unit(long t, int index) {
                    int port = basePort + index & 0xFFFF;
                    long seq = rnd.nextLong(1L << 32);
                    long ack = (flags & Frame.ACK) != 0 ? rnd.nextLong(1L << 32) : 0;
                    at(t, tcp(spoofed ? forged : bot, target, port, PORT, seq, ack, flags, HPING_WINDOW, 64,
                            rnd.nextInt(1 << 16), null));
                    long answered = t + target.rtt() + 20;
                    if (spoofed) {
                        return;
                    }
                    if (flags == Frame.SYN) {
                        at(answered, kernel(target, bot, PORT, port, rnd.nextLong(1L << 32), seq + 1, Frame.SYN | Frame.ACK,
                                64_240, 0, MSS_OPTION));
                        at(answered + bot.rtt() + 20, kernel(bot, target, port, PORT, seq + 1, 0, Frame.RST, 0, 0, null));
                    } else if ((flags & Frame.RST) == 0) {
                        at(answered, refusal(target, bot, PORT, port, seq, ack, flags, 0));
                    }
                }
            });
        }
    }

    @Override
    protected List<String> attackers() {
        // The packets name no attacker: the truth gives the one address they carry, as a prefix, as forged sources are.
        return spoofed ? List.of(victim() + "/32") : AttackContext.texts(bots);
    }

    @Override
    protected String command() {
        String option = switch (kind) {
            case PSHACK_FLOOD -> "-PA";
            case RSTFIN_FLOOD -> "-R -F";
            default -> "-S";
        };
        return String.format(Locale.ROOT, "hping3 %s -p %d -w %d%s %s: packets=%d rate=%d/s target=%s port=%d senders=%s", option,
                PORT, HPING_WINDOW, spoofed ? " -a " + victim() : "", victim(), PACKETS, RATE, victim(), PORT,
                spoofed ? "the victim's own address (forged, from " + AttackContext.text(bots.getFirst()) + ")" : bots.size());
    }
}
