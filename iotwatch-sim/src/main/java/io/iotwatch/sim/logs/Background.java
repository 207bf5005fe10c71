package io.iotwatch.sim.logs;

import java.util.List;
import java.util.random.RandomGenerator;

/** Site-wide background that is not any one device's doing and is not an attack. */
final class Background {

    private static final int[] PROBED_PORTS = {23, 22, 80, 443, 8080, 2323, 5555, 7547, 37215, 52869, 3389, 445};
    private static final String[] IPS_ATTACKS = {"Hikvision.IP.Camera.Command.Injection", "Mirai.Botnet", "Realtek.SDK.Miniigd.UPnP.SOAP.Command.Execution",
        "Huawei.HG532.Remote.Code.Execution", "Netgear.DGN.Devices.Unauthenticated.Command.Execution", "ZTE.Router.Remote.Code.Execution"};
    private static final String[] ANOMALIES = {"tcp_syn_flood", "udp_flood", "icmp_flood", "tcp_port_scan"};

    private Background() {
    }

    /** Internet scanners hitting the WAN address (local deny), rare IPS drops and DoS anomalies. */
    static EventSource internetNoise(Network network, FortiLogs logs, Timeline timeline, int devices, RandomGenerator rnd) {
        // Scaled with the network so the share of these lines stays a few percent at any size.
        double meanGap = 200.0 / devices / 0.3;
        List<Device> cameras = network.devices(d -> d.cls() == DeviceClass.CAMERA);
        return new EventSource() {
            private long next = timeline.start() + Timeline.seconds(rnd.nextDouble(meanGap));

            @Override
            protected boolean step() {
                if (next >= timeline.end()) {
                    return false;
                }
                String src = Addresses.randomPublic(rnd);
                int kind = rnd.nextInt(1000);
                if (kind < 930) {
                    int port = PROBED_PORTS[rnd.nextInt(PROBED_PORTS.length)];
                    emit(next, logs.traffic(new Session(src, rnd.nextInt(1024, 65536), Network.FIREWALL_WAN, port, 6,
                            "tcp/" + port, "", "deny", 0, 0, 0, "Reserved"), rnd));
                } else if (kind < 990) {
                    String victim = cameras.get(rnd.nextInt(cameras.size())).ip();
                    emit(next, FortiLogs.ips(src, rnd.nextInt(1024, 65536), victim, 80, "HTTP",
                            IPS_ATTACKS[rnd.nextInt(IPS_ATTACKS.length)], rnd.nextBoolean() ? "high" : "critical", "dropped"));
                } else {
                    String attack = ANOMALIES[rnd.nextInt(ANOMALIES.length)];
                    int proto = attack.startsWith("udp") ? 17 : attack.startsWith("icmp") ? 1 : 6;
                    emit(next, FortiLogs.anomaly(src, proto == 1 ? 0 : PROBED_PORTS[rnd.nextInt(PROBED_PORTS.length)], proto, attack,
                            rnd.nextBoolean() ? "critical" : "medium", rnd.nextInt(2000, 20000)));
                }
                next += Timeline.seconds(-Math.log(1 - rnd.nextDouble()) * meanGap);
                return true;
            }

            @Override
            protected long horizon() {
                return next;
            }
        };
    }

    /** The site admin: a few web UI logins a day, once or twice a day after mistyping the password twice. */
    static EventSource adminLogins(Network network, Timeline timeline, RandomGenerator rnd) {
        return new BatchSource() {
            @Override
            protected void generate() {
                String laptop = network.devices(d -> d.cls() == DeviceClass.LAPTOP).getFirst().ip();
                for (long day = timeline.start() - Math.floorMod(timeline.start(), 86_400 * Timeline.SECOND); day < timeline.end(); day += 24 * Timeline.HOUR) {
                    int logins = rnd.nextInt(2, 5);
                    int mistypes = rnd.nextInt(1, 3);
                    for (int i = 0; i < logins; i++) {
                        long t = day + Timeline.HOUR * rnd.nextInt(8, 18) + rnd.nextLong(Timeline.HOUR);
                        if (i < mistypes) {
                            emit(t, FortiLogs.adminLogin(laptop, "admin", "https", false));
                            t += Timeline.seconds(rnd.nextDouble(4, 15));
                            emit(t, FortiLogs.adminLogin(laptop, "admin", "https", false));
                            t += Timeline.seconds(rnd.nextDouble(4, 15));
                        }
                        emit(t, FortiLogs.adminLogin(laptop, "admin", "https", true));
                    }
                }
            }
        };
    }

    /** Each night around 02:00 a gateway copies 1-5 GB to the internal backup server over 20-60 minutes. */
    static EventSource nightlyBackup(Network network, FortiLogs logs, Timeline timeline, RandomGenerator rnd) {
        return new BatchSource() {
            @Override
            protected void generate() {
                String gateway = network.devices(d -> d.cls() == DeviceClass.GATEWAY).getLast().ip();
                for (long day = timeline.start() - Math.floorMod(timeline.start(), 86_400 * Timeline.SECOND); day < timeline.end(); day += 24 * Timeline.HOUR) {
                    long start = day + 2 * Timeline.HOUR + Timeline.seconds(rnd.nextDouble(-600, 600));
                    long span = Timeline.seconds(rnd.nextDouble(20 * 60, 60 * 60));
                    long total = rnd.nextLong(1_000_000_000L, 5_000_000_001L);
                    int sessions = rnd.nextInt(4, 11);
                    for (int i = 0; i < sessions; i++) {
                        long duration = span / sessions;
                        long end = start + duration * (i + 1);
                        if (start + duration * i >= timeline.start() && end < timeline.end()) {
                            emit(end, logs.traffic(new Session(gateway, rnd.nextInt(32768, 61000), Network.BACKUP_SERVER, 445, 6, "SMB", "",
                                    "close", duration / Timeline.SECOND, total / sessions, rnd.nextLong(200_000, 2_000_000), "Reserved"), rnd));
                        }
                    }
                }
            }
        };
    }
}
