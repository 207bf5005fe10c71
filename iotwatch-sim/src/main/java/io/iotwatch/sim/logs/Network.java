package io.iotwatch.sim.logs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * The simulated site: devices in per-class VLANs of 10.0.0.0/16 behind one FortiGate, and the web
 * sites its people browse.
 */
final class Network {

    static final String FIREWALL_LAN = "10.0.0.1";
    static final String FIREWALL_WAN = "203.0.113.2";
    static final String BACKUP_SERVER = "10.0.0.50";

    private static final String[] WORDS = {"alpha", "blue", "cloud", "daily", "echo", "fast", "green", "happy", "iron",
        "jet", "kite", "lumen", "metro", "nova", "orbit", "pixel", "quick", "river", "solar", "tiger", "urban", "vivid",
        "wave", "xeno", "yellow", "zen", "news", "shop", "media", "travel", "sport", "food", "tech", "games", "bank"};
    private static final String[] TLDS = {".com", ".net", ".org", ".de", ".io", ".co.uk", ".fr", ".eu"};

    private final List<Device> devices;
    private final Map<String, Device> byIp = new HashMap<>();
    private final List<Endpoint> sites;
    private final Set<String> usedExternal = new HashSet<>();

    Network(int deviceCount, RandomGenerator rnd) {
        devices = Collections.unmodifiableList(layout(deviceCount, rnd));
        devices.forEach(d -> byIp.put(d.ip(), d));
        for (DeviceClass cls : DeviceClass.values()) {
            for (Vendor v : Catalog.vendors(cls)) {
                v.flows().forEach(f -> f.destinations().forEach(e -> usedExternal.add(e.ip())));
            }
        }
        Catalog.NTP.forEach(e -> usedExternal.add(e.ip()));
        sites = browsingSites(rnd);
    }

    List<Device> devices() {
        return devices;
    }

    List<Device> devices(Predicate<Device> filter) {
        return devices.stream().filter(filter).toList();
    }

    /** The device with this address, or null for addresses no device has. */
    Device device(String ip) {
        return byIp.get(ip);
    }

    /** Sites people browse, most popular first. */
    List<Endpoint> sites() {
        return sites;
    }

    /** A public address no cloud endpoint, site or earlier caller uses: attacker and C2 addresses stay unique. */
    String freshPublicIp(RandomGenerator rnd) {
        String ip;
        do {
            ip = Addresses.randomPublic(rnd);
        } while (!usedExternal.add(ip));
        return ip;
    }

    /** Firewall interface an internal address sits behind: its VLAN, or port2 for the server network. */
    static String interfaceOf(String ip) {
        int third = Integer.parseInt(ip.split("\\.")[2]);
        for (DeviceClass cls : DeviceClass.values()) {
            if (cls.subnet == third % 16 && third > 0) {
                return cls.intf;
            }
        }
        return "port2";
    }

    private static List<Device> layout(int count, RandomGenerator rnd) {
        DeviceClass[] classes = DeviceClass.values();
        int[] perClass = new int[classes.length];
        int assigned = 0;
        for (int i = 0; i < classes.length; i++) {
            perClass[i] = Math.max(2 * Catalog.vendors(classes[i]).size(), (int) (count * classes[i].share));
            assigned += perClass[i];
        }
        // Remainders go to sensors, the most numerous class; raising small classes to their minimum takes from them too.
        perClass[DeviceClass.SENSOR.ordinal()] += count - assigned;
        List<Device> result = new ArrayList<>(count);
        for (DeviceClass cls : classes) {
            List<Vendor> vendors = Catalog.vendors(cls);
            for (int i = 0; i < perClass[cls.ordinal()]; i++) {
                // Round-robin makes: every vendor cloud is used by several devices, as the brief requires.
                Vendor vendor = vendors.get(i % vendors.size());
                String ip = Addresses.ip(10, 0, cls.subnet + 16 * (i / 250), 2 + i % 250);
                String mac = vendor.macPrefix() + String.format(":%02x:%02x:%02x", rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256));
                result.add(new Device(cls, vendor, ip, mac));
            }
        }
        return result;
    }

    private List<Endpoint> browsingSites(RandomGenerator rnd) {
        List<Endpoint> result = new ArrayList<>();
        Set<String> names = new HashSet<>();
        while (result.size() < 400) {
            String name = "www." + WORDS[rnd.nextInt(WORDS.length)] + WORDS[rnd.nextInt(WORDS.length)] + TLDS[rnd.nextInt(TLDS.length)];
            if (names.add(name)) {
                String ip = freshPublicIp(rnd);
                result.add(new Endpoint(name, ip, Addresses.country(ip), 300 + 300 * rnd.nextInt(12)));
            }
        }
        return Collections.unmodifiableList(result);
    }
}
