package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.lan.Device;
import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.packets.wire.Frame;
import io.iotwatch.sim.truth.AttackKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code nmap -sS -T4 --top-ports 1000 VICTIM}: after an ARP request for the victim, a SYN (MSS option, window
 * 1024, random TTL) from one source port to each of a thousand ports in random order, about two thousand a
 * second; closed ports answer RST-ACK, open ones SYN-ACK, which the scanner's kernel resets.
 */
final class PortScan extends Attack {

    static final long SLOT = Micros.seconds(6);
    /** The first of nmap's most common TCP ports (nmap-services, by frequency); the rest of 1-1024 follows. */
    private static final int[] TOP = {80, 23, 443, 21, 22, 25, 3389, 110, 445, 139, 143, 53, 135, 3306, 8080, 1723, 111,
        995, 993, 5900, 1025, 587, 8888, 199, 1720, 465, 548, 113, 81, 6001, 10000, 514, 5060, 179, 1026, 2000, 8443,
        8000, 32768, 554, 26, 1433, 49152, 2001, 515, 8008, 49154, 1027, 5666, 646, 5000, 5631, 631, 49153, 8081, 2049,
        88, 79, 5800, 106, 2121, 1110, 49155, 6000, 513, 990, 5357, 427, 49156, 543, 544, 5101, 144, 7, 389, 8009, 3128,
        444, 9999, 5009, 7070, 5190, 3000, 5432, 1900, 3986, 13, 1029, 9, 5051, 6646, 49157, 1028, 873, 1755, 2717,
        4899, 9100, 119, 37, 1883, 8883, 5683, 6668, 8123, 9000, 7547, 37215, 52869, 60001};
    private static final int PORTS = 1000;

    private final Host scanner;
    private final Device victim;
    private final SplittableRandom rnd;

    PortScan(AttackContext ctx) {
        super(AttackKind.PORT_SCAN);
        this.scanner = ctx.attacker();
        this.victim = ctx.victim(AttackContext.listening(80));
        this.rnd = ctx.random();
    }

    /** nmap's top thousand ports: the most common first, then the rest of the well-known range. */
    static List<Integer> topPorts() {
        Set<Integer> ports = new LinkedHashSet<>();
        for (int p : TOP) {
            ports.add(p);
        }
        for (int p = 1; ports.size() < PORTS; p++) {
            ports.add(p);
        }
        return new ArrayList<>(ports);
    }

    @Override
    public void start(long start, Scheduler scheduler) {
        Host target = victim.host();
        scheduler.add(new ToolSource(origin, rnd, start) {
            @Override
            protected void plan(long now, Scheduler s) {
                long t = resolve(now, scanner, target, victim.gateway());
                List<Integer> ports = topPorts();
                Collections.shuffle(ports, rnd);
                int port = 40_000 + rnd.nextInt(25_000);
                for (int dport : ports) {
                    long seq = rnd.nextLong(1L << 32);
                    at(t, tcp(scanner, target, port, dport, seq, 0, Frame.SYN, 1024, nmapTtl(), rnd.nextInt(1 << 16), MSS_OPTION));
                    long answered = t + target.rtt() + 30;
                    if (victim.kind().listens(dport)) {
                        at(answered, kernel(target, scanner, dport, port, rnd.nextLong(1L << 32), seq + 1, Frame.SYN | Frame.ACK,
                                64_240, 0, MSS_OPTION));
                        at(answered + scanner.rtt() + 30, kernel(scanner, target, port, dport, seq + 1, 0, Frame.RST, 0, 0, null));
                    } else {
                        at(answered, refusal(target, scanner, dport, port, seq, 0, Frame.SYN, 0));
                    }
                    t += 350 + rnd.nextLong(300);
                }
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
        return "nmap -sS -T4 --top-ports " + PORTS + " " + victim() + " (SYN probes from one port, about 2000/s)";
    }
}
