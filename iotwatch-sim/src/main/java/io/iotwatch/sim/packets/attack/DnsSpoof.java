package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.lan.Cloud;
import io.iotwatch.sim.packets.lan.Device;
import io.iotwatch.sim.packets.lan.DeviceKind;
import io.iotwatch.sim.packets.lan.Endpoint;
import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Packets;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.packets.proto.Dns;
import io.iotwatch.sim.packets.wire.Bytes;
import io.iotwatch.sim.truth.AttackKind;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code dnsspoof -i eth0 -f hosts} behind {@code arpspoof -t VICTIM GATEWAY}: once the victim sends its traffic for
 * the gateway to the attacker's MAC, each of its DNS queries is forwarded to the real resolver (the attacker's
 * kernel, TTL one lower) and answered twice under the same id: first by dnsspoof within a millisecond, with the
 * attacker's address and a TTL of 60, then by the gateway with the real one.
 */
final class DnsSpoof extends Attack {

    static final long SLOT = Micros.seconds(36);
    private static final long LENGTH = Micros.seconds(30);
    private static final int FORGED_TTL = 60;

    private final Host attacker;
    private final Device victim;
    private final Endpoint name;
    private final SplittableRandom rnd;

    DnsSpoof(AttackContext ctx) {
        super(AttackKind.DNS_SPOOFING);
        this.attacker = ctx.attacker();
        this.victim = ctx.victim(d -> d.kind() == DeviceKind.PLUG || d.kind() == DeviceKind.CAMERA);
        Cloud cloud = ctx.lan().cloud();
        this.name = victim.kind() == DeviceKind.PLUG ? cloud.plugApi : cloud.cameraApi;
        this.rnd = ctx.random();
    }

    @Override
    public void start(long start, Scheduler scheduler) {
        Host device = victim.host();
        Host gateway = victim.gateway();
        scheduler.add(new ToolSource(origin, rnd, start) {
            @Override
            protected void plan(long now, Scheduler s) {
                long t = Poisoning.plan(this, now, now + LENGTH, attacker, device, gateway, rnd) + Micros.seconds(2);
                // The victim, sending to the gateway's address at the attacker's MAC; the attacker forwarding it.
                Host toAttacker = new Host(gateway.ip(), attacker.mac(), gateway.stack(), gateway.ttl(), gateway.rtt(),
                        gateway.bitsPerSecond());
                Host forwarded = new Host(device.ip(), attacker.mac(), device.stack(), device.ttl() - 1, device.rtt(),
                        device.bitsPerSecond());
                Host forger = new Host(gateway.ip(), attacker.mac(), attacker.stack(), 64, attacker.rtt(), attacker.bitsPerSecond());
                for (; t < now + LENGTH - Micros.seconds(1); t += Micros.seconds(4 + rnd.nextInt(3))) {
                    int port = victim.ephemeralPort();
                    int id = rnd.nextInt(1 << 16);
                    int ipId = rnd.nextInt(1 << 16);
                    Bytes query = new Bytes(64);
                    Dns.query(query, id, name.name(), Dns.TYPE_A);
                    byte[] q = query.toArray();
                    at(t, Packets.udp(device, port, toAttacker, 53, ipId, q));
                    at(t + 150, Packets.udp(forwarded, port, gateway, 53, ipId, q));
                    at(t + 400 + rnd.nextLong(400), Packets.udp(forger, 53, device, port, rnd.nextInt(1 << 16),
                            answer(id, attacker.ip(), FORGED_TTL)));
                    at(t + Micros.millis(12 + rnd.nextInt(30)), Packets.udp(gateway, 53, device, port, rnd.nextInt(1 << 16),
                            answer(id, name.host().ip(), name.ttl() / 2)));
                }
            }
        });
    }

    private byte[] answer(int id, int address, int ttl) {
        Bytes out = new Bytes(96);
        Dns.response(out, id, name.name(), Dns.TYPE_A, Dns.NOERROR).a(ttl, address).finish();
        return out.toArray();
    }

    /** The attacker, and the gateway's address as a /32: the forged answers carry it as their source. */
    @Override
    protected List<String> attackers() {
        return List.of(AttackContext.text(attacker), AttackContext.text(victim.gateway()) + "/32");
    }

    @Override
    protected String victim() {
        return AttackContext.text(victim.host());
    }

    @Override
    protected String command() {
        return "arpspoof -t " + victim() + " " + AttackContext.text(victim.gateway()) + " & dnsspoof -i eth0 -f hosts ("
                + name.name() + " A " + AttackContext.text(attacker) + ", TTL " + FORGED_TTL + ") for " + LENGTH / Micros.SECOND + " s";
    }
}
