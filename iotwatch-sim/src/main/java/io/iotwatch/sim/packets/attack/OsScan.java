package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.lan.Device;
import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Packet;
import io.iotwatch.sim.packets.net.Packets;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.packets.wire.Frame;
import io.iotwatch.sim.truth.AttackKind;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code nmap -O -p 22,23,80,443,554,8000 VICTIM}: SYN probes to find an open and a closed port, then nmap's OS
 * detection probes as its documentation lists them: six SYNs 100 ms apart with their odd windows and option
 * orders, two ICMP echoes (code 9, then TOS 4), a SYN with ECN flags, T2 to T7 (no flags, SYN-FIN-URG-PSH and ACK
 * to the open port; SYN, ACK and FIN-PSH-URG to the closed one) and a 300-byte UDP probe to a closed port,
 * with the answers a Linux victim gives.
 */
final class OsScan extends Attack {

    static final long SLOT = Micros.seconds(6);
    private static final int[] PORTS = {22, 23, 80, 443, 554, 8000};
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[][] SEQ_OPTIONS = {
        HEX.parseHex("03030a01020405b4080affffffff000000000402"),
        HEX.parseHex("020405780303000402080affffffff0000000000"),
        HEX.parseHex("080affffffff0000000001010303050102040280"),
        HEX.parseHex("0402080affffffff0000000003030a00"),
        HEX.parseHex("020402180402080affffffff0000000003030a00"),
        HEX.parseHex("020401090402080affffffff00000000"),
    };
    private static final int[] SEQ_WINDOWS = {1, 63, 4, 4, 16, 512};
    private static final byte[] T_OPTIONS = HEX.parseHex("03030a0102040109080affffffff000000000402");
    private static final byte[] ECN_OPTIONS = HEX.parseHex("03030a01020405b404020101");
    private static final byte[] SYN_ACK_OPTIONS = HEX.parseHex("020405b40402080a00000000ffffffff01030307");

    private final Host scanner;
    private final Device victim;
    private final SplittableRandom rnd;
    private final Frame scratch;

    OsScan(AttackContext ctx) {
        super(AttackKind.OS_SCAN);
        this.scanner = ctx.attacker();
        this.victim = ctx.victim(AttackContext.listening(80));
        this.rnd = ctx.random();
        this.scratch = ctx.scratch();
    }

    @Override
    public void start(long start, Scheduler scheduler) {
        Host target = victim.host();
        scheduler.add(new ToolSource(origin, rnd, start) {
            private int nextPort;

            @Override
            protected void plan(long now, Scheduler s) {
                long t = resolve(now, scanner, target, victim.gateway());
                nextPort = 40_000 + rnd.nextInt(25_000);
                int open = -1;
                int closed = -1;
                for (int dport : PORTS) {
                    boolean listening = victim.kind().listens(dport);
                    probe(t, dport, Frame.SYN, 1024, MSS_OPTION, listening);
                    open = open < 0 && listening ? dport : open;
                    closed = closed < 0 && !listening ? dport : closed;
                    t += 400;
                }
                t += Micros.millis(300);
                for (int i = 0; i < SEQ_OPTIONS.length; i++) {
                    probe(t, open, Frame.SYN, SEQ_WINDOWS[i], SEQ_OPTIONS[i], true);
                    t += Micros.millis(100);
                }
                echo(t, 9, 0, 295, 120);
                echo(t + 200, 0, 4, 296, 150);
                probe(t + Micros.millis(100), open, Frame.SYN | Frame.ECE | Frame.CWR, 3, ECN_OPTIONS, true);
                t += Micros.millis(200);
                probe(t, open, 0, 128, T_OPTIONS, false);
                probe(t + 300, open, Frame.SYN | Frame.FIN | Frame.URG | Frame.PSH, 256, T_OPTIONS, false);
                probe(t + 600, open, Frame.ACK, 1024, T_OPTIONS, false);
                probe(t + 900, closed, Frame.SYN, 31_337, T_OPTIONS, false);
                probe(t + 1_200, closed, Frame.ACK, 32_768, T_OPTIONS, false);
                probe(t + 1_500, closed, Frame.FIN | Frame.PSH | Frame.URG, 65_535, T_OPTIONS, false);
                udpProbe(t + 1_800, 30_000 + rnd.nextInt(30_000));
            }

            /** A probe and the victim's answer: SYN-ACK and the scanner's RST where {@code accepts}, else what Linux says. */
            private void probe(long t, int dport, int flags, int window, byte[] options, boolean accepts) {
                // Each probe from a source port of its own, as nmap sends them.
                int port = nextPort++;
                long seq = rnd.nextLong(1L << 32);
                long ack = (flags & Frame.ACK) != 0 ? rnd.nextLong(1L << 32) : 0;
                at(t, tcp(scanner, target, port, dport, seq, ack, flags, window, nmapTtl(), rnd.nextInt(1 << 16), options));
                long answered = t + target.rtt() + 30;
                if (accepts) {
                    int synAck = Frame.SYN | Frame.ACK | ((flags & Frame.ECE) != 0 ? Frame.ECE : 0);
                    at(answered, kernel(target, scanner, dport, port, rnd.nextLong(1L << 32), seq + 1, synAck, 65_160, 0,
                            SYN_ACK_OPTIONS));
                    at(answered + scanner.rtt() + 30, kernel(scanner, target, port, dport, seq + 1, 0, Frame.RST, 0, 0, null));
                } else if ((flags & Frame.ACK) != 0 || !victim.kind().listens(dport)) {
                    // An open Linux port drops a segment without SYN, RST or ACK (T2, T3); everything else is refused.
                    at(answered, refusal(target, scanner, dport, port, seq, ack, flags, 0));
                }
            }

            private void echo(long t, int code, int tos, int sequence, int data) {
                int id = rnd.nextInt(1 << 16);
                int ipId = rnd.nextInt(1 << 16);
                Packet request = f -> f.ethernet(target.mac(), scanner.mac(), Frame.ETHERTYPE_IPV4)
                        .ipv4(tos, scanner.ip(), target.ip(), Frame.PROTO_ICMP, nmapTtl(), ipId, Frame.DONT_FRAGMENT)
                        .icmp(Frame.ICMP_ECHO, code, id << 16 | sequence).fill(0, data).finish();
                at(t, request);
                at(t + target.rtt() + 20, Packets.echo(target, scanner, target.ttl(), false, id, sequence, rnd.nextInt(1 << 16),
                        new byte[data]));
            }

            private void udpProbe(long t, int dport) {
                int port = nextPort++;
                byte[] data = new byte[300];
                Arrays.fill(data, (byte) 'C');
                Packet probe = f -> f.ethernet(target.mac(), scanner.mac(), Frame.ETHERTYPE_IPV4)
                        .ipv4(scanner.ip(), target.ip(), Frame.PROTO_UDP, nmapTtl(), 0x1042, 0)
                        .udp(port, dport).bytes(data).finish();
                at(t, probe);
                byte[] quote = Packets.quote(scratch, probe);
                at(t + target.rtt() + 40, Packets.unreachable(target, scanner, 3, rnd.nextInt(1 << 16), quote));
            }
        });
    }

    @Override
    protected List<String> attackers() {
        return List.of(AttackContext.text(scanner));
    }

    @Override
    protected String victim() {
        return AttackContext.text(victim.host());
    }

    @Override
    protected String command() {
        return "nmap -O -p 22,23,80,443,554,8000 " + victim() + " (OS detection probes SEQ, IE, ECN, T2-T7, U1)";
    }
}
