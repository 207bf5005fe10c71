package io.iotwatch.detect.scan;

import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventType;
import io.iotwatch.detect.Detector;
import io.iotwatch.detect.DistinctCounter;
import io.iotwatch.detect.FindingSink;
import io.iotwatch.detect.Addresses;
import io.iotwatch.detect.EventTime;
import io.iotwatch.detect.Flows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Port scans and host sweeps, as Zeek's scan policy finds them, on unsuccessful connections only: denied,
 * timed out, reset before any reply, or never answered. Successful connections to many hosts are how
 * browsers and cloud clients work and never count. Per scanner and window: many distinct ports on one
 * target is a port scan; many distinct targets on one port (ICMP as port 0) a host sweep. The first finding
 * comes when a threshold is crossed, with the distinct values so far; further ones, each tick, with those
 * added since. An internal scanner is a compromised device and rates higher than one from outside.
 */
public final class ScanDetector implements Detector {

    public static final String NAME = "scan";

    private static final int SAMPLES = 10;

    private final ScanConfig config;
    private final long windowMs;
    // by (scanner, target) for port scans, by (scanner, port and whether ICMP) for host sweeps
    private final ScanKeys<Tally> ports;
    private final ScanKeys<Tally> hosts;
    private final List<Tally> pending = new ArrayList<>();

    public ScanDetector(ScanConfig config) {
        this.config = config;
        this.windowMs = config.window().toMillis();
        this.ports = new ScanKeys<>(config.maxKeys(), Tally.class);
        this.hosts = new ScanKeys<>(config.maxKeys(), Tally.class);
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
        if (!(event instanceof ConnectionEvent c) || !unsuccessful(c)) {
            return;
        }
        String src = c.source().ip();
        String dst = c.destination().ip();
        if (src.isEmpty() || dst.isEmpty()) {
            return;
        }
        boolean icmp = Flows.isIcmp(c.protocol());
        int port = icmp ? 0 : c.destination().port();
        long time = EventTime.millis(c.time());

        see(ports, false, src, dst, 0, port, c.protocol(), port + 1L, port, time, out);
        see(hosts, true, src, null, 2 * port + (icmp ? 1 : 0), port, c.protocol(), hash(dst), dst, time, out);
    }

    /**
     * A value of the key {@code (first, second, number)}: counted as {@link Tally#see} counts it, in the
     * table's arrays while the key has one value in its window, by a tally of the key's own from its second.
     */
    private void see(ScanKeys<Tally> keys, boolean sweep, String first, String second, int number, int port, String protocol,
            long value, Object sample, long time, FindingSink out) {
        int threshold = sweep ? config.hostThreshold() : config.portThreshold();
        int hash = ScanKeys.hash(first, second, number);
        int e = keys.touch(first, second, number, hash);
        if (e == ScanKeys.NONE) {
            keys.add(first, second, number, hash, value, sample, protocol, time);
            return;
        }
        Tally tally = keys.tally(e);
        boolean newWindow = time >= keys.windowStart(e) + windowMs;
        keys.seen(e, time);
        if (tally != null) {
            tally.see(value, sample, time, windowMs, threshold, out);
            return;
        }
        if (newWindow) {
            keys.restart(e, value, sample, time);
            return;
        }
        if (value == keys.value(e)) {
            return;
        }
        // the second value: thresholds are at least 2, so no finding came of one
        tally = new Tally(sweep, first, second, sweep ? port : (int) keys.value(e) - 1, keys.protocol(e),
                config.maxDistinctPerKey(), keys.windowStart(e));
        tally.lastSeen = keys.lastSeen(e);
        tally.see(keys.value(e), keys.sample(e), tally.windowStart, windowMs, threshold, out);
        keys.promote(e, tally);
        tally.see(value, sample, time, windowMs, threshold, out);
    }

    @Override
    public void advance(Instant now, FindingSink out) {
        for (Tally tally : pending) {
            tally.flush(out);
        }
        pending.clear();
        long horizon = EventTime.millis(now) - windowMs;
        ports.removeSeenBefore(horizon);
        hosts.removeSeenBefore(horizon);
    }

    /** Keys removed because {@code maxKeys} was reached, both kinds together. */
    public long evictions() {
        return ports.evictions() + hosts.evictions();
    }

    /** Keys tracked now, both kinds together. */
    public int trackedKeys() {
        return ports.size() + hosts.size();
    }

    /**
     * Denied, timed out, reset with no reply, or no reply at all (Zeek counts failed attempts the same way). A
     * reset with no reply is one where the responder sent at most one packet: the RST of a closed port, or the
     * SYN-ACK of an open one that a half-open scanner resets. Packets count that one packet in the bytes in;
     * firewall logs often do not.
     */
    static boolean unsuccessful(ConnectionEvent c) {
        String action = c.action();
        if (action.equals("deny") || action.equals("timeout")) {
            return true;
        }
        if ((c.bytesIn() == 0 || c.packetsIn() <= 1) && (action.equals("server-rst") || action.equals("client-rst"))) {
            return true;
        }
        return c.bytesIn() == 0 && c.packetsIn() == 0;
    }

    /** The address text's 64-bit hash, never 0 ({@link LongSet} holds non-zero values): collisions are negligible. */
    private static long hash(String s) {
        long h = DistinctCounter.hash(s);
        return h == 0 ? 1 : h;
    }

    /** Distinct values of one key in its current window, and how many of them were reported. */
    private final class Tally {
        final boolean sweep;
        final String src;
        final String dst;
        final int port;
        final boolean icmp;
        final String protocol;
        final LongSet values;
        final Object[] samples = new Object[SAMPLES];
        int sampleCount;
        long windowStart;
        long lastSeen;
        long reportedAt;
        int reported;
        boolean queued;

        Tally(boolean sweep, String src, String dst, int port, String protocol, int max, long time) {
            this.sweep = sweep;
            this.src = src;
            this.dst = dst;
            this.port = port;
            this.icmp = Flows.isIcmp(protocol);
            this.protocol = protocol;
            this.values = new LongSet(max);
            this.windowStart = time;
            this.lastSeen = time;
        }

        void see(long value, Object sample, long time, long window, int threshold, FindingSink out) {
            if (time >= windowStart + window) {
                flush(out);
                values.clear();
                sampleCount = 0;
                reported = 0;
                windowStart = time;
            }
            lastSeen = Math.max(lastSeen, time);
            if (!values.add(value)) {
                return;
            }
            if (sampleCount < SAMPLES) {
                samples[sampleCount++] = sample;
            }
            if (values.size() < threshold) {
                return;
            }
            if (reported == 0) {
                flush(out);
            } else if (!queued) {
                queued = true;
                pending.add(this);
            }
        }

        void flush(FindingSink out) {
            queued = false;
            int distinct = values.size();
            int threshold = sweep ? config.hostThreshold() : config.portThreshold();
            if (distinct < threshold || distinct <= reported) {
                return;
            }
            long first = reported == 0 ? windowStart : reportedAt;
            long fresh = distinct - reported;
            reported = distinct;
            reportedAt = lastSeen;
            boolean internal = Addresses.isInternal(src);
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put(sweep ? "distinct_hosts" : "distinct_ports", distinct);
            evidence.put("threshold", threshold);
            evidence.put("window_s", windowMs / 1000);
            evidence.put("scanner_internal", internal);
            if (sweep) {
                evidence.put("port", port);
                evidence.put("protocol", protocol);
                evidence.put("sample_targets", List.of(Arrays.copyOf(samples, sampleCount)));
            } else {
                evidence.put("target", dst);
                evidence.put("sample_ports", List.of(Arrays.copyOf(samples, sampleCount)));
            }
            String attackClass = !sweep ? "Recon-PortScan" : icmp ? "Recon-PingSweep" : "Recon-HostDiscovery";
            String key = sweep ? "host|" + src + '|' + port + (icmp ? "|icmp" : "") : "port|" + src + '|' + dst;
            out.report(new Finding(NAME, key, attackClass, "Recon", internal ? ThreatLevel.HIGH : ThreatLevel.MEDIUM,
                    Math.min(1, distinct / (2.0 * threshold)), Instant.ofEpochMilli(first), Instant.ofEpochMilli(lastSeen),
                    src, sweep ? null : dst, null, sweep ? "T1018" : "T1046", fresh, evidence));
        }
    }
}
