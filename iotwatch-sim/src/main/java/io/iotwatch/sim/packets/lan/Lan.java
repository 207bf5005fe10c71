package io.iotwatch.sim.packets.lan;

import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Stack;
import io.iotwatch.sim.packets.wire.Ip;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The captured LAN and what is around it. Devices live in 192.168.50.0/24 from .10 (180 a subnet; more spill into
 * 192.168.51.0/24 and on, one broadcast domain) behind a gateway at .1 of each subnet, which routes to the
 * Internet and to the office network 192.168.60.0/24, and answers DNS. The hub is 192.168.50.2. Addresses .190
 * to .254 of 192.168.50.0/24 are left to the attack machines, which appear only while they attack.
 */
public final class Lan {

    public static final int MIN_DEVICES = 12;
    public static final int MAX_DEVICES = 1_000;
    public static final int SUBNET = Ip.of(192, 168, 50, 0);
    public static final int OFFICE = Ip.of(192, 168, 60, 0);
    public static final int MAX_ATTACKERS = 65;

    private static final int DEVICES_PER_SUBNET = 180;
    private static final int FIRST_DEVICE = 10;
    private static final int FIRST_ATTACKER = 190;
    private static final long GATEWAY_MAC = Ip.mac("00:09:0f:9a:31:e2");
    private static final String[] ATTACKER_MAKES = {"dc:a6:32", "e4:5f:01", "3c:22:fb", "f8:bc:12", "b8:27:eb"};
    private static final int OFFICE_HOSTS = 24;

    private final Host gateway;
    private final Cloud cloud;
    private final Device hub;
    private final List<Device> devices;
    private final List<OfficeHost> office;
    private final List<Host> attackers;

    /** An office host, reached through the gateway, and the ports it answers on. */
    public record OfficeHost(Host host, List<Integer> openPorts) {
    }

    public Lan(int deviceCount, RandomGenerator rnd) {
        if (deviceCount < MIN_DEVICES || deviceCount > MAX_DEVICES) {
            throw new IllegalArgumentException("devices must be " + MIN_DEVICES + " to " + MAX_DEVICES + ": " + deviceCount);
        }
        gateway = gatewayOf(SUBNET);
        cloud = new Cloud(GATEWAY_MAC);
        hub = new Device(DeviceKind.HUB, Host.lan(SUBNET | 2, mac(DeviceKind.HUB.makes.getFirst(), rnd), Stack.LINUX,
                300, 1_000_000_000L), gateway, rnd);
        devices = Collections.unmodifiableList(layout(deviceCount, rnd));
        office = office(rnd);
        attackers = attackers(rnd);
    }

    /** The gateway as the hosts of the subnet of {@code ip} see it: its address there, its one MAC. */
    public static Host gatewayOf(int ip) {
        return Host.lan(ip & 0xFFFF_FF00 | 1, GATEWAY_MAC, Stack.LINUX, 200, 1_000_000_000L);
    }

    public Host gateway() {
        return gateway;
    }

    public Cloud cloud() {
        return cloud;
    }

    public Device hub() {
        return hub;
    }

    /** The devices, hub excluded, in address order. */
    public List<Device> devices() {
        return devices;
    }

    /** The office network's live hosts. */
    public List<OfficeHost> office() {
        return office;
    }

    /** Attack machine {@code n} (0 to {@link #MAX_ATTACKERS} - 1). */
    public Host attacker(int n) {
        return attackers.get(n);
    }

    /** A host beyond the gateway at {@code ip} (an Internet address), {@code hops} away. */
    public Host internet(int ip, int hops, double rttMillis) {
        return Host.beyond(ip, GATEWAY_MAC, Stack.LINUX, hops, Micros.millis(rttMillis), 100_000_000L);
    }

    private List<Device> layout(int count, RandomGenerator rnd) {
        List<DeviceKind> kinds = new ArrayList<>();
        DeviceKind[] all = DeviceKind.values();
        int assigned = 0;
        int[] perKind = new int[all.length];
        for (DeviceKind kind : all) {
            if (kind.share > 0) {
                perKind[kind.ordinal()] = Math.max(2, (int) Math.round(count * kind.share));
                assigned += perKind[kind.ordinal()];
            }
        }
        // The rounding error goes to the most numerous kinds, never below two of a kind.
        for (int i = 0; assigned != count; i = (i + 1) % all.length) {
            int step = assigned < count ? 1 : -1;
            if (all[i].share >= 0.2 && perKind[i] + step >= 2) {
                perKind[i] += step;
                assigned += step;
            }
        }
        for (DeviceKind kind : all) {
            for (int i = 0; i < perKind[kind.ordinal()]; i++) {
                kinds.add(kind);
            }
        }
        // Addresses are leased as devices join, so kinds are mixed across the range.
        Collections.shuffle(kinds, rnd);
        List<Device> result = new ArrayList<>(count);
        int[] made = new int[all.length];
        for (int i = 0; i < count; i++) {
            DeviceKind kind = kinds.get(i);
            // At least two devices of each make in use: a make's cloud is never one device's private peer.
            int makes = Math.clamp(perKind[kind.ordinal()] / 2, 1, kind.makes.size());
            String make = kind.makes.get(made[kind.ordinal()]++ % makes);
            int ip = SUBNET + ((i / DEVICES_PER_SUBNET) << 8) + FIRST_DEVICE + i % DEVICES_PER_SUBNET;
            Stack stack = kind == DeviceKind.PHONE && make.equals("a4:83:e7") ? Stack.DARWIN : kind.stack;
            Host host = Host.lan(ip, mac(make, rnd), stack, rtt(kind, rnd), rate(kind));
            result.add(new Device(kind, host, gatewayOf(ip), rnd));
        }
        return result;
    }

    private static long rtt(DeviceKind kind, RandomGenerator rnd) {
        return switch (kind) {
            case CAMERA -> 400 + rnd.nextLong(1_600);
            case HUB -> 300;
            case PHONE -> Micros.millis(3 + rnd.nextInt(9));
            default -> Micros.millis(2 + rnd.nextInt(6));
        };
    }

    private static long rate(DeviceKind kind) {
        return switch (kind) {
            case CAMERA -> 50_000_000L;
            case PHONE -> 100_000_000L;
            case HUB -> 1_000_000_000L;
            default -> 8_000_000L;
        };
    }

    private List<OfficeHost> office(RandomGenerator rnd) {
        List<Integer> addresses = new ArrayList<>();
        for (int i = 2; i < 255; i++) {
            addresses.add(i);
        }
        Collections.shuffle(addresses, rnd);
        List<Integer> live = new ArrayList<>(addresses.subList(0, OFFICE_HOSTS));
        Collections.sort(live);
        List<OfficeHost> result = new ArrayList<>();
        for (int last : live) {
            boolean windows = rnd.nextInt(3) > 0;
            Host host = Host.beyond(OFFICE | last, GATEWAY_MAC, windows ? Stack.WINDOWS : Stack.LINUX, 1, 600, 1_000_000_000L);
            List<Integer> open = new ArrayList<>();
            for (int port : new int[] {22, 80, 443}) {
                if (rnd.nextInt(3) == 0 || port == 22 && !windows) {
                    open.add(port);
                }
            }
            result.add(new OfficeHost(host, List.copyOf(open)));
        }
        return List.copyOf(result);
    }

    private List<Host> attackers(RandomGenerator rnd) {
        List<Host> result = new ArrayList<>(MAX_ATTACKERS);
        for (int n = 0; n < MAX_ATTACKERS; n++) {
            String make = ATTACKER_MAKES[rnd.nextInt(ATTACKER_MAKES.length)];
            result.add(Host.lan(SUBNET | FIRST_ATTACKER + n, mac(make, rnd), Stack.LINUX, 300 + rnd.nextLong(1_500),
                    300_000_000L));
        }
        return List.copyOf(result);
    }

    private static long mac(String make, RandomGenerator rnd) {
        return Ip.mac(make) << 24 | rnd.nextInt(1 << 24);
    }
}
