package io.iotwatch.detect.newport;

import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventType;
import io.iotwatch.detect.Addresses;
import io.iotwatch.detect.Detector;
import io.iotwatch.detect.EventTime;
import io.iotwatch.detect.FindingSink;
import io.iotwatch.detect.LruMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A single-purpose device that starts using a protocol and port it never used: a camera that suddenly
 * speaks telnet or IRC to the Internet, or to a port of a miner pool. For a learning period from its first
 * outbound connection, and at least {@code minLearningConnections}, a device's (protocol, destination port)
 * pairs are learned; afterwards a pair not learned is
 * a finding, one incident per device, protocol and port, whose count grows with its connections. Devices
 * that learned more than {@code maxLearnedPairs} pairs, or reached more than {@code maxLearnedDestinations}
 * destinations while learning, are phones, laptops or gateways and are left alone; so is a pair other
 * devices of the network already use ({@code maxOtherUsers}). A
 * device forgotten after {@code forgetAfter} idle learns again, and is blind while it does.
 */
public final class NewPortDetector implements Detector {

    public static final String NAME = "anomaly-port";

    /** New pairs followed per device; a device past this many has changed role, and that has been said. */
    private static final int MAX_NOVEL = 32;
    /** Pairs a device's first uses are remembered for, toward the network's habits. */
    private static final int MAX_USED = 64;
    /** Learned pairs listed in evidence. */
    private static final int LISTED = 20;

    private final NewPortConfig config;
    private final LruMap<String, Device> devices;
    private final List<Novel> pending = new ArrayList<>();
    // How many devices ever used each (protocol, port) toward the destinations watched: the network's habits.
    private final Map<Integer, Integer> users = new HashMap<>();

    public NewPortDetector(NewPortConfig config) {
        this.config = config;
        this.devices = new LruMap<>(config.maxDevices());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<EventType> eventTypes() {
        return Set.of(EventType.CONNECTION);
    }

    @Override
    public void onEvent(Event event, FindingSink out) {
        if (!(event instanceof ConnectionEvent c)) {
            return;
        }
        String src = c.source().ip();
        String dst = c.destination().ip();
        if (dst.isEmpty() || !Addresses.isInternal(src) || (config.externalOnly() && !Addresses.isExternal(dst))) {
            return;
        }
        long time = EventTime.millis(c.time());
        int code = code(c.protocol(), c.destination().port());
        Device device = devices.get(src);
        if (device == null) {
            device = new Device(time, config.maxLearnedPairs(), config.maxLearnedDestinations());
            devices.put(src, device);
        }
        device.lastSeen = Math.max(device.lastSeen, time);
        if (device.firstUse(code)) {
            users.merge(code, 1, Integer::sum);
        }
        if (device.broad) {
            return;
        }
        // Learning ends for good with the first event past it: a late event must not teach an alerted pair.
        if (device.learning && (time < device.firstSeen + config.learning().toMillis()
                || device.connections < config.minLearningConnections())) {
            device.connections++;
            device.learn(code);
            device.contacted(dst);
            return;
        }
        device.learning = false;
        if (device.knows(code)) {
            return;
        }
        Novel novel = device.novel(code);
        if (novel == null) {
            if (device.novelCount == MAX_NOVEL || users.getOrDefault(code, 1) - 1 > config.maxOtherUsers()) {
                return;
            }
            novel = new Novel(src, device, code, c.destination().ip());
            device.novels[device.novelCount++] = novel;
            report(novel, device, 1, time, time, out);
            return;
        }
        novel.pending++;
        novel.pendingFirst = Math.min(novel.pendingFirst, time);
        novel.pendingLast = Math.max(novel.pendingLast, time);
        if (!novel.queued) {
            novel.queued = true;
            pending.add(novel);
        }
    }

    @Override
    public void advance(Instant now, FindingSink out) {
        for (Novel novel : pending) {
            report(novel, novel.owner, novel.pending, novel.pendingFirst, novel.pendingLast, out);
            novel.pending = 0;
            novel.pendingFirst = Long.MAX_VALUE;
            novel.pendingLast = Long.MIN_VALUE;
            novel.queued = false;
        }
        pending.clear();
        long horizon = EventTime.millis(now) - config.forgetAfter().toMillis();
        devices.removeSeenBefore(horizon, v -> v.lastSeen);
    }

    /** Devices removed because {@code maxDevices} was reached. */
    public long evictions() {
        return devices.evictions();
    }

    /** Devices tracked now. */
    public int trackedDevices() {
        return devices.size();
    }

    private void report(Novel novel, Device device, long count, long first, long last, FindingSink out) {
        List<String> learned = new ArrayList<>();
        for (int i = 0; i < Math.min(device.learnedCount, LISTED); i++) {
            learned.add(label(device.learned[i]));
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("protocol", protocol(novel.code));
        evidence.put("port", novel.code & 0xffff);
        evidence.put("learned", learned);
        evidence.put("learned_count", device.learnedCount);
        out.report(new Finding(NAME, novel.device + '|' + label(novel.code), "Protocol-Anomaly", "Anomaly",
                ThreatLevel.MEDIUM, 0.6, Instant.ofEpochMilli(first), Instant.ofEpochMilli(last), novel.device,
                novel.firstDestination, null, "T1571", count, evidence));
    }

    /** Protocol number and port in one int; ICMP has no port. Unnamed protocols other than numbers share 255. */
    static int code(String protocol, int port) {
        int number = switch (protocol) {
            case "tcp" -> 6;
            case "udp" -> 17;
            case "icmp" -> 1;
            default -> number(protocol);
        };
        return number << 16 | (number == 1 ? 0 : port);
    }

    private static int number(String protocol) {
        int n = protocol.length();
        if (n == 0 || n > 3) {
            return 255;
        }
        int value = 0;
        for (int i = 0; i < n; i++) {
            char ch = protocol.charAt(i);
            if (ch < '0' || ch > '9') {
                return 255;
            }
            value = value * 10 + (ch - '0');
        }
        return Math.min(value, 255);
    }

    private static String protocol(int code) {
        return switch (code >>> 16) {
            case 6 -> "tcp";
            case 17 -> "udp";
            case 1 -> "icmp";
            case 255 -> "other";
            default -> Integer.toString(code >>> 16);
        };
    }

    static String label(int code) {
        return protocol(code) + '/' + (code & 0xffff);
    }

    /** One device: when it was first seen, what it learned, and the new pairs it used since. */
    private static final class Device {
        final long firstSeen;
        long lastSeen;
        final int[] learned;
        int learnedCount;
        final String[] destinations;
        int destinationCount;
        final int[] used = new int[MAX_USED];
        int usedCount;
        long connections;
        boolean learning = true;
        boolean broad;
        final Novel[] novels = new Novel[MAX_NOVEL];
        int novelCount;

        Device(long firstSeen, int maxLearned, int maxDestinations) {
            this.firstSeen = firstSeen;
            this.lastSeen = firstSeen;
            this.learned = new int[maxLearned];
            this.destinations = new String[maxDestinations];
        }

        /** Whether this is the device's first use of the pair (as far as its bounded memory of them goes). */
        boolean firstUse(int code) {
            for (int i = 0; i < usedCount; i++) {
                if (used[i] == code) {
                    return false;
                }
            }
            if (usedCount == used.length) {
                return false;
            }
            used[usedCount++] = code;
            return true;
        }

        /** A device that reaches more destinations while learning than a single-purpose one would is broad. */
        void contacted(String dst) {
            for (int i = 0; i < destinationCount; i++) {
                if (destinations[i].equals(dst)) {
                    return;
                }
            }
            if (destinationCount == destinations.length) {
                broad = true;
                return;
            }
            destinations[destinationCount++] = dst;
        }

        void learn(int code) {
            if (knows(code)) {
                return;
            }
            if (learnedCount == learned.length) {
                broad = true;
                return;
            }
            learned[learnedCount++] = code;
        }

        boolean knows(int code) {
            for (int i = 0; i < learnedCount; i++) {
                if (learned[i] == code) {
                    return true;
                }
            }
            return false;
        }

        Novel novel(int code) {
            for (int i = 0; i < novelCount; i++) {
                if (novels[i].code == code) {
                    return novels[i];
                }
            }
            return null;
        }
    }

    /** A pair a device was not seen to use while learning, and its connections not yet reported. */
    private static final class Novel {
        final String device;
        final Device owner;
        final int code;
        final String firstDestination;
        long pending;
        long pendingFirst = Long.MAX_VALUE;
        long pendingLast = Long.MIN_VALUE;
        boolean queued;

        Novel(String device, Device owner, int code, String firstDestination) {
            this.device = device;
            this.owner = owner;
            this.code = code;
            this.firstDestination = firstDestination;
        }
    }
}
