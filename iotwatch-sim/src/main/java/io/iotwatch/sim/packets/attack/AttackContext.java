package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.lan.Device;
import io.iotwatch.sim.packets.lan.DeviceKind;
import io.iotwatch.sim.packets.lan.Lan;
import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.wire.Frame;
import io.iotwatch.sim.packets.wire.Ip;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * What attacks are made from: the LAN, attack machines handed out one per attacker so that no two attacks share
 * an address, victims chosen so that consecutive attacks hit different hosts, and a random stream per attack.
 */
public final class AttackContext {

    private final Lan lan;
    private final SplittableRandom rnd;
    private final Instant notBefore;
    private final Frame scratch = new Frame();
    private final List<Device> recentVictims = new ArrayList<>();
    private final List<Device> compromised = new ArrayList<>();
    private int nextAttacker;

    public AttackContext(Lan lan, SplittableRandom rnd, Instant notBefore) {
        this.lan = lan;
        this.rnd = rnd;
        this.notBefore = notBefore;
    }

    public Lan lan() {
        return lan;
    }

    /** A random stream of the attack's own. */
    public SplittableRandom random() {
        return rnd.split();
    }

    /** Validity start for certificates. */
    public Instant notBefore() {
        return notBefore;
    }

    /** A frame for building the quotes of ICMP errors while planning. */
    public Frame scratch() {
        return scratch;
    }

    /** A fresh attack machine. */
    public Host attacker() {
        if (nextAttacker == Lan.MAX_ATTACKERS) {
            throw new IllegalStateException("more than " + Lan.MAX_ATTACKERS + " attack machines");
        }
        return lan.attacker(nextAttacker++);
    }

    /** {@code n} fresh attack machines, the bots of a distributed attack. */
    public List<Host> attackers(int n) {
        List<Host> bots = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            bots.add(attacker());
        }
        return bots;
    }

    /**
     * A victim in the first subnet (on the attack machines' link) among those {@code eligible}, not one of the
     * last two attacks' victims when there is another choice.
     */
    public Device victim(Predicate<Device> eligible) {
        List<Device> candidates = new ArrayList<>();
        if (eligible.test(lan.hub())) {
            candidates.add(lan.hub());
        }
        for (Device d : lan.devices()) {
            if ((d.host().ip() & 0xFFFF_FF00) == Lan.SUBNET && eligible.test(d) && !compromised.contains(d)) {
                candidates.add(d);
            }
        }
        List<Device> fresh = candidates.stream().filter(d -> !recentVictims.contains(d)).toList();
        List<Device> pool = fresh.isEmpty() ? candidates : fresh;
        if (pool.isEmpty()) {
            throw new IllegalStateException("no device can be the victim");
        }
        Device victim = pool.get(rnd.nextInt(pool.size()));
        recentVictims.add(victim);
        if (recentVictims.size() > 2) {
            recentVictims.removeFirst();
        }
        return victim;
    }

    /**
     * A device of {@code kind} in the first subnet that no earlier attack compromised, to carry an implant; one
     * the last attacks did not target when there is one.
     */
    public Device compromise(DeviceKind kind) {
        List<Device> candidates = lan.devices().stream().filter(d -> d.kind() == kind && !compromised.contains(d)
                && (d.host().ip() & 0xFFFF_FF00) == Lan.SUBNET).toList();
        List<Device> untouched = candidates.stream().filter(d -> !recentVictims.contains(d)).toList();
        List<Device> pool = untouched.isEmpty() ? candidates : untouched;
        Device device = pool.get(rnd.nextInt(pool.size()));
        compromised.add(device);
        return device;
    }

    /** Devices listening on {@code port}. */
    public static Predicate<Device> listening(int port) {
        return d -> d.kind().listens(port);
    }

    /** Devices running Linux with a web UI: they answer SYN floods with SYN cookies instead of falling over. */
    public static Predicate<Device> linuxWeb() {
        return d -> d.kind().listens(80) && (d.kind() == DeviceKind.CAMERA || d.kind() == DeviceKind.HUB);
    }

    public static String text(Host host) {
        return Ip.text(host.ip());
    }

    public static List<String> texts(List<Host> hosts) {
        return hosts.stream().map(AttackContext::text).toList();
    }
}
