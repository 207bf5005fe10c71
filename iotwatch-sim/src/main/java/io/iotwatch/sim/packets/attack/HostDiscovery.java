package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.lan.Device;
import io.iotwatch.sim.packets.lan.Lan;
import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Packets;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.packets.wire.Frame;
import io.iotwatch.sim.truth.AttackKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code nmap -sn -PS22,80,443 -PA80 192.168.50.0/24 192.168.60.0/24}: nmap finds the hosts of its own LAN by ARP
 * (a request for every address, answered by the live ones) and those of the routed office network by TCP: a
 * SYN to ports 22, 80 and 443 and an ACK to port 80 of every address, answered by SYN-ACK or RST where a host
 * lives (the scanner's kernel resetting the SYN-ACKs), a second try where none answered, then reverse lookups.
 */
final class HostDiscovery extends Attack {

    static final long SLOT = Micros.seconds(20);
    private static final int[] SYN_PORTS = {22, 80, 443};
    private static final int ACK_PORT = 80;

    private final Lan lan;
    private final Host scanner;
    private final SplittableRandom rnd;

    HostDiscovery(AttackContext ctx) {
        super(AttackKind.HOST_DISCOVERY);
        this.lan = ctx.lan();
        this.scanner = ctx.attacker();
        this.rnd = ctx.random();
    }

    @Override
    public void start(long start, Scheduler scheduler) {
        scheduler.add(new ToolSource(origin, rnd, start) {
            @Override
            protected void plan(long now, Scheduler s) {
                List<Integer> up = new ArrayList<>();
                long t = arpSweep(now, up);
                t = tcpSweep(resolve(t + Micros.millis(200), scanner, lan.internet(Lan.OFFICE, 1, 1), lan.gateway()), up);
                ReverseLookups.plan(this, t + Micros.millis(100), scanner, lan.gateway(), up, rnd);
            }

            private long arpSweep(long t, List<Integer> up) {
                Map<Integer, Host> live = new HashMap<>();
                live.put(lan.gateway().ip(), lan.gateway());
                live.put(lan.hub().host().ip(), lan.hub().host());
                for (Device d : lan.devices()) {
                    live.put(d.host().ip(), d.host());
                }
                long last = t;
                for (int attempt = 0; attempt < 2; attempt++) {
                    for (int host = 1; host < 255; host++) {
                        int ip = Lan.SUBNET | host;
                        Host target = live.get(ip);
                        if (ip == scanner.ip() || attempt == 1 && target != null) {
                            continue;
                        }
                        at(t, Packets.arpRequest(scanner, ip));
                        if (target != null) {
                            at(t + target.rtt() + 50, Packets.arpReply(target.mac(), target.mac(), ip, scanner));
                            up.add(ip);
                        }
                        last = t;
                        t += 1_800 + rnd.nextLong(800);
                    }
                    t = last + Micros.millis(600);
                }
                return t;
            }

            private long tcpSweep(long t, List<Integer> up) {
                Responders office = new Responders(lan);
                int port = 40_000 + rnd.nextInt(25_000);
                long last = t;
                for (int attempt = 0; attempt < 2; attempt++) {
                    for (int host = 1; host < 255; host++) {
                        int ip = Lan.OFFICE | host;
                        Host target = office.at(ip);
                        if (attempt == 1 && target != null) {
                            continue;
                        }
                        Host to = target != null ? target : lan.internet(ip, 1, 1);
                        for (int i = 0; i <= SYN_PORTS.length; i++) {
                            // nmap gives each probe a source port of its own, to tell the answers apart.
                            int probePort = port + attempt * 4 + i;
                            boolean ack = i == SYN_PORTS.length;
                            int dport = ack ? ACK_PORT : SYN_PORTS[i];
                            long seq = rnd.nextLong(1L << 32);
                            long ackNumber = ack ? rnd.nextLong(1L << 32) : 0;
                            int flags = ack ? Frame.ACK : Frame.SYN;
                            at(t, tcp(scanner, to, probePort, dport, seq, ackNumber, flags, 1024, nmapTtl(), rnd.nextInt(1 << 16),
                                    ack ? null : MSS_OPTION));
                            if (target != null) {
                                answer(t, target, office.open(ip, dport), probePort, dport, seq, ackNumber, flags);
                            }
                            t += 250 + rnd.nextLong(250);
                        }
                        if (target != null) {
                            up.add(ip);
                        }
                        last = t;
                    }
                    t = last + Micros.seconds(1);
                }
                return t;
            }

            private void answer(long t, Host target, boolean open, int port, int dport, long seq, long ack, int flags) {
                long answered = t + target.rtt();
                if (open && flags == Frame.SYN) {
                    long isn = rnd.nextLong(1L << 32);
                    at(answered, kernel(target, scanner, dport, port, isn, seq + 1, Frame.SYN | Frame.ACK, 64_240, 0, MSS_OPTION));
                    at(answered + scanner.rtt() + 40, kernel(scanner, target, port, dport, seq + 1, 0, Frame.RST, 0, 0, null));
                } else {
                    at(answered, refusal(target, scanner, dport, port, seq, ack, flags, 0));
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
        return "192.168.50.0/24 192.168.60.0/24";
    }

    @Override
    protected String command() {
        return "nmap -sn -PS22,80,443 -PA80 192.168.50.0/24 192.168.60.0/24 (ARP requests on the LAN, 4 TCP probes to "
                + "each office address, a second try to the silent ones)";
    }
}
