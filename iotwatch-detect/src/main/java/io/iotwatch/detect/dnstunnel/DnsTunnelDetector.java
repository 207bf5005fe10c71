package io.iotwatch.detect.dnstunnel;

import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.DnsEvent;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventType;
import io.iotwatch.detect.Detector;
import io.iotwatch.detect.EventTime;
import io.iotwatch.detect.FindingSink;
import io.iotwatch.detect.LruMap;
import io.iotwatch.detect.Printable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds data carried in DNS names: a client asking one registered domain for many distinct names that are
 * long (Elastic's rule), many distinct names that look random (RITA's), or many distinct names as NULL
 * records (iodine's way). Content delivery and cloud names
 * are long and random-looking too, but a client asks for few distinct ones per domain, so they stay below.
 * Each client and domain is counted over a window that starts at its first query; a tunnel runs for longer
 * than that, so a fresh window sees it again. Once found, the incident grows with every further query.
 */
public final class DnsTunnelDetector implements Detector {

    static final String NAME = "dns-tunnel";
    private static final String ATTACK_CLASS = "DNS-Tunneling";
    private static final String GROUP = "C2";
    private static final String MITRE = "T1071.004";
    // Record types that carry data in answers; by name and by number, as sources write either.
    private static final Set<String> TUNNEL_TYPES = Set.of("NULL", "TXT", "CNAME", "MX", "ANY", "10", "16", "5", "15", "255");
    // Second-level labels under which registrations sit one level deeper (example.co.uk).
    private static final String[] COMMON_SLDS = {"co", "com", "net", "org", "gov", "ac", "edu"};
    private static final int MAX_QTYPES = 8;
    private static final int MAX_SAMPLES = 3;
    private static final int SAMPLE_LENGTH = 100;
    private static final double LN2 = Math.log(2);

    private final DnsTunnelConfig config;
    private final long windowMillis;
    private final LruMap<Key, Flow> flows;
    // Incidents with queries not yet reported, so that advance() need not visit every key.
    private final List<PendingFlow> pending = new ArrayList<>();
    // Symbol counts for the entropy of one name, reused: detectors run on one thread.
    private final int[] symbols = new int[256];

    public DnsTunnelDetector(DnsTunnelConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.windowMillis = config.window().toMillis();
        this.flows = new LruMap<>(config.maxKeys());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<EventType> eventTypes() {
        return Set.of(EventType.DNS);
    }

    /** Keys evicted because more than {@link DnsTunnelConfig#maxKeys()} were held. */
    public long evictedKeys() {
        return flows.evictions();
    }

    int trackedKeys() {
        return flows.size();
    }

    @Override
    public void onEvent(Event event, FindingSink out) {
        if (!(event instanceof DnsEvent dns) || !dns.client().isKnown()) {
            return;
        }
        String name = normalized(dns.queryName());
        String domain = registeredDomain(name);
        if (domain == null) {
            return;
        }
        Key key = new Key(dns.client().ip(), domain);
        long t = EventTime.millis(dns.time());
        Flow flow = flows.get(key);
        if (flow == null || (!flow.alerted && t - flow.start > windowMillis)) {
            flow = new Flow(t);
            flows.put(key, flow);
        }
        flow.last = Math.max(flow.last, t);
        if (flow.alerted) {
            if (flow.pending == 0) {
                pending.add(new PendingFlow(key, flow));
            }
            flow.pend(t);
            return;
        }
        flow.queries++;
        flow.nameBytes += name.length();
        flow.addType(dns.queryType());
        boolean isLong = name.length() >= config.longNameLength();
        boolean newName = flow.names.size() < config.minDistinctNames() && flow.names.add(name);
        boolean newLong = isLong && flow.addLongName(name, config.minLongNames());
        if (isNull(dns.queryType())) {
            flow.addNullName(name, config.minNullNames());
        }
        if (newName) {
            flow.entropySum += entropy(name, name.length() - domain.length() - 1);
        }
        if (newName || newLong) {
            flow.maxLabel = Math.max(flow.maxLabel, longestLabel(name));
            flow.addSample(name, isLong, config.longNameLength());
        }
        if (flow.elastic(config) || flow.rita(config) || flow.nullRecords(config)) {
            alert(key, flow, t, out);
        }
    }

    private static boolean isNull(String queryType) {
        return queryType.equals("NULL") || queryType.equals("10");
    }

    private void alert(Key key, Flow flow, long t, FindingSink out) {
        flow.alerted = true;
        double confidence = 0.7;
        if (flow.tunnelTypes) {
            confidence += 0.1;
        }
        if (flow.meanEntropy() >= 4) {
            confidence += 0.1;
        }
        if (flow.elastic(config) && flow.rita(config)) {
            confidence += 0.1;
        }
        flow.confidence = Math.min(confidence, 0.99);
        flow.distinctNames = flow.names.size();
        flow.distinctLong = size(flow.longNames);
        flow.distinctNull = size(flow.nullNames);
        // The counts are frozen at what made the incident; only the query count goes on growing.
        flow.names = null;
        flow.longNames = null;
        flow.nullNames = null;
        out.report(finding(key, flow, Math.min(flow.start, t), flow.last, flow.queries));
    }

    /**
     * Reports the queries added to ongoing incidents since the last call, and forgets keys idle for a
     * window (the map keeps the least recently queried first, so this stops at the first active one; a key
     * still queried starts a new window when its next query comes).
     */
    @Override
    public void advance(Instant now, FindingSink out) {
        for (PendingFlow p : pending) {
            Flow flow = p.flow;
            out.report(finding(p.key, flow, flow.pendingFirst, flow.pendingLast, flow.pending));
            flow.pending = 0;
        }
        pending.clear();
        long horizon = EventTime.millis(now) - windowMillis;
        flows.removeSeenBefore(horizon, v -> v.last);
    }

    private Finding finding(Key key, Flow flow, long first, long last, long count) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("queries", flow.queries);
        evidence.put("distinct_names", flow.distinctNames);
        evidence.put("long_names", flow.distinctLong);
        evidence.put("null_names", flow.distinctNull);
        evidence.put("max_label", flow.maxLabel);
        evidence.put("mean_entropy", Math.round(flow.meanEntropy() * 100) / 100.0);
        evidence.put("qtypes", List.copyOf(flow.types));
        evidence.put("name_bytes", flow.nameBytes);
        evidence.put("window_seconds", windowMillis / 1000);
        evidence.put("sample_names", flow.samples.stream().map(s -> Printable.of(s, SAMPLE_LENGTH)).toList());
        String domain = Printable.of(key.domain, 253);
        return new Finding(NAME, Printable.of(key.client, 64) + " " + domain, ATTACK_CLASS, GROUP, ThreatLevel.HIGH,
                flow.confidence, Instant.ofEpochMilli(first), Instant.ofEpochMilli(Math.max(first, last)),
                key.client, null, domain, MITRE, count, evidence);
    }

    /** Lower case, without the dot of a fully qualified name. */
    static String normalized(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /**
     * The last two labels, or three under a common second level of a country (example.co.uk); null for
     * names that are no domain a tunnel could use: IP literals, single labels, empty labels at the end,
     * and reverse lookups and mDNS names, which never leave the network and are long and many by design.
     */
    static String registeredDomain(String name) {
        int last = name.lastIndexOf('.');
        if (last <= 0 || last == name.length() - 1 || name.indexOf(':') >= 0 || isDottedNumbers(name)) {
            return null;
        }
        if (name.endsWith(".arpa") || name.endsWith(".local")) {
            return null;
        }
        int second = name.lastIndexOf('.', last - 1);
        if (second == last - 1) {
            return null;
        }
        if (second > 0 && name.length() - last - 1 == 2 && isCommonSld(name, second + 1, last)) {
            int third = name.lastIndexOf('.', second - 1);
            if (third < second - 1) {
                return name.substring(third + 1);
            }
        }
        return second < 0 ? name : name.substring(second + 1);
    }

    private static boolean isCommonSld(String name, int from, int to) {
        for (String sld : COMMON_SLDS) {
            if (sld.length() == to - from && name.startsWith(sld, from)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDottedNumbers(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** Shannon entropy in bits per character of name[0, end) without its dots; 0 when that is empty. */
    private double entropy(String name, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            char c = name.charAt(i);
            if (c != '.') {
                symbols[c & 0xff]++;
                n++;
            }
        }
        double bits = 0;
        for (int i = 0; i < end; i++) {
            char c = name.charAt(i);
            int k = symbols[c & 0xff];
            // Zeroing the slot counts each symbol once and leaves the array clean for the next name.
            if (c != '.' && k > 0) {
                double p = (double) k / n;
                bits -= p * Math.log(p);
                symbols[c & 0xff] = 0;
            }
        }
        return bits / LN2;
    }

    private static int longestLabel(String name) {
        int longest = 0;
        int start = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '.') {
                longest = Math.max(longest, i - start);
                start = i + 1;
            }
        }
        return longest;
    }

    private static int size(Set<String> names) {
        return names == null ? 0 : names.size();
    }

    private record Key(String client, String domain) {}

    private record PendingFlow(Key key, Flow flow) {}

    /** One client's queries under one domain in the current window, or since they made an incident. */
    private static final class Flow {
        final long start;
        long last;
        Set<String> names = new HashSet<>();
        // Made at their first name: most clients never ask for a long name or a NULL record, and a capture
        // full of DNS keeps tens of thousands of these flows.
        Set<String> longNames;
        Set<String> nullNames;
        final List<String> types = new ArrayList<>(2);
        final List<String> samples = new ArrayList<>(MAX_SAMPLES);
        boolean tunnelTypes;
        long queries;
        long nameBytes;
        double entropySum;
        int maxLabel;
        boolean alerted;
        double confidence;
        int distinctNames;
        int distinctLong;
        int distinctNull;
        long pending;
        long pendingFirst;
        long pendingLast;

        Flow(long start) {
            this.start = start;
            this.last = start;
        }

        boolean elastic(DnsTunnelConfig config) {
            return queries >= config.minQueries() && size(longNames) >= config.minLongNames();
        }

        boolean nullRecords(DnsTunnelConfig config) {
            return size(nullNames) >= config.minNullNames();
        }

        /** Adds a long name while fewer than {@code limit} are held; true when it was new. */
        boolean addLongName(String name, int limit) {
            if (longNames == null) {
                longNames = new HashSet<>();
            }
            return longNames.size() < limit && longNames.add(name);
        }

        void addNullName(String name, int limit) {
            if (nullNames == null) {
                nullNames = new HashSet<>();
            }
            if (nullNames.size() < limit) {
                nullNames.add(name);
            }
        }

        boolean rita(DnsTunnelConfig config) {
            return names.size() >= config.minDistinctNames() && meanEntropy() >= config.minEntropy();
        }

        double meanEntropy() {
            int distinct = names != null ? names.size() : distinctNames;
            return distinct == 0 ? 0 : entropySum / distinct;
        }

        void addType(String type) {
            if (types.size() >= MAX_QTYPES || types.contains(type)) {
                return;
            }
            types.add(Printable.of(type, 16));
            tunnelTypes |= TUNNEL_TYPES.contains(type.toUpperCase(Locale.ROOT));
        }

        // Long names show best what the tunnel carries, so one takes the place of a short sample.
        void addSample(String name, boolean isLong, int longLength) {
            if (samples.size() < MAX_SAMPLES) {
                samples.add(name);
                return;
            }
            if (isLong) {
                for (int i = 0; i < samples.size(); i++) {
                    if (samples.get(i).length() < longLength) {
                        samples.set(i, name);
                        return;
                    }
                }
            }
        }

        void pend(long t) {
            if (pending == 0) {
                pendingFirst = t;
                pendingLast = t;
            }
            pending++;
            queries++;
            pendingFirst = Math.min(pendingFirst, t);
            pendingLast = Math.max(pendingLast, t);
        }
    }
}
