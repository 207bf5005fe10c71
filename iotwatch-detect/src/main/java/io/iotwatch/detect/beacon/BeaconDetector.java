package io.iotwatch.detect.beacon;

import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventType;
import io.iotwatch.detect.Detector;
import io.iotwatch.detect.FindingSink;
import io.iotwatch.detect.Addresses;
import io.iotwatch.detect.EventTime;
import io.iotwatch.detect.LruMap;
import io.iotwatch.detect.Prevalence;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-and-control beaconing, scored as RITA scores it (see {@link BeaconScore}): a host that connects to one external network (a /24 or /64) and port at regular intervals with regular sizes, to
 * destinations no other internal host talks to. A network rather than an address, because a C2 server
 * behind round-robin DNS or a load balancer is reached at a few neighbouring addresses, and each address
 * alone sees an irregular share of the beacon. The last condition keeps the periodic traffic IoT devices
 * are designed to send (MQTT keep-alives, cloud polling) quiet, since whole classes of devices share those
 * endpoints. Findings repeat on later evaluations with the connections since the last, so the alert's
 * count is the beacon's connection count.
 */
public final class BeaconDetector implements Detector {

    public static final String NAME = "beacon";

    /** Connection start is event time minus duration; longer durations are taken as bad data. */
    private static final Duration MAX_DURATION = Duration.ofDays(1);

    private final BeaconConfig config;
    private final LruMap<Pair, Series> pairs;
    private final Prevalence prevalence;
    private long nextEvaluation = Long.MIN_VALUE;

    public BeaconDetector(BeaconConfig config) {
        this(config, new Prevalence(config.prevalenceWindow(), config.maxDestinations()));
    }

    /** A detector that notes and reads destinations' prevalence in a table other detectors share. */
    public BeaconDetector(BeaconConfig config, Prevalence prevalence) {
        this.config = config;
        this.pairs = new LruMap<>(config.maxPairs());
        this.prevalence = prevalence;
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
        int port = c.destination().port();
        if (config.skipTimeSync() && port == 123 && "udp".equals(c.protocol())) {
            return;
        }
        // Only connections out to external destinations beacon. The source need not be a private address:
        // sites with public addresses (universities, small offices on an ISP's range) have beacons too, and the
        // connection's initiator is the host that beacons.
        if (src.isEmpty() || !Addresses.isExternal(dst)) {
            return;
        }
        long time = EventTime.millis(c.time());
        // Shared cloud endpoints are most of the traffic and can never be a beacon here: not tracking their
        // pairs keeps the table small and the work per connection one lookup.
        if (prevalence.touch(dst, src, time) > config.maxPrevalence()) {
            return;
        }
        long start = time - EventTime.millis(c.duration(), MAX_DURATION);
        Pair key = new Pair(src, Addresses.network(dst), port);
        Series series = pairs.get(key);
        if (series == null) {
            series = new Series();
            pairs.put(key, series);
        }
        series.add(start, Math.max(0, c.bytesOut()), time, config.maxConnectionsPerPair());
        series.noteDestination(dst);
    }

    @Override
    public void advance(Instant now, FindingSink out) {
        long nowMs = EventTime.millis(now);
        prevalence.expire(nowMs);
        if (nowMs < nextEvaluation) {
            return;
        }
        nextEvaluation = nowMs + config.evaluateEvery().toMillis();
        long horizon = nowMs - config.window().toMillis();
        for (Iterator<Map.Entry<Pair, Series>> it = pairs.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Pair, Series> entry = it.next();
            Series series = entry.getValue();
            if (series.lastSeen < horizon) {
                it.remove();
            } else if (series.changed) {
                series.changed = false;
                evaluate(entry.getKey(), series, horizon, nowMs, out);
            }
        }
    }

    @Override
    public void finish(Instant now, FindingSink out) {
        nextEvaluation = Long.MIN_VALUE;
        advance(now, out);
    }

    /** Pairs removed because {@code maxPairs} was reached. */
    public long evictedPairs() {
        return pairs.evictions();
    }

    /** Destinations removed from prevalence because {@code maxDestinations} was reached. */
    public long evictedDestinations() {
        return prevalence.evictions();
    }

    /** Pairs tracked now. */
    public int trackedPairs() {
        return pairs.size();
    }

    private void evaluate(Pair key, Series series, long horizon, long nowMs, FindingSink out) {
        int n = series.kept(horizon);
        if (n < config.minConnections()) {
            return;
        }
        long[] starts = new long[n];
        long[] sizes = new long[n];
        series.copy(horizon, starts, sizes);
        Arrays.sort(starts);
        if (starts[n - 1] - starts[0] < config.minDuration().toMillis()) {
            return;
        }
        BeaconScore score = BeaconScore.of(starts, sizes, n);
        double total = score.total();
        if (total < config.threshold() || score.timing() < config.threshold()) {
            return;
        }
        int sources = 1;
        for (int i = 0; i < series.destinationCount; i++) {
            sources = Math.max(sources, prevalence.of(series.destinations[i], nowMs));
        }
        if (sources > config.maxPrevalence()) {
            return;
        }
        long fresh = series.total - series.reported;
        if (fresh <= 0) {
            return;
        }
        long firstSeen = starts[0];
        if (series.reported > 0) {
            int i = Arrays.binarySearch(starts, series.reportedUpTo + 1);
            firstSeen = starts[Math.min(i < 0 ? -i - 1 : i, n - 1)];
        }
        series.reported = series.total;
        series.reportedUpTo = starts[n - 1];
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("connections", n);
        evidence.put("interval_median_s", round(score.intervalMedian()));
        evidence.put("interval_mad_s", round(score.intervalMad()));
        evidence.put("interval_skew", round(score.intervalSkew()));
        evidence.put("size_median", round(score.sizeMedian()));
        evidence.put("size_mad", round(score.sizeMad()));
        evidence.put("score", round(total));
        evidence.put("score_interval_skew", round(score.intervalSkewScore()));
        evidence.put("score_interval_mad", round(score.intervalMadScore()));
        evidence.put("score_size_skew", round(score.sizeSkewScore()));
        evidence.put("score_size_mad", round(score.sizeMadScore()));
        evidence.put("score_coverage", round(score.coverage()));
        evidence.put("prevalence", sources);
        evidence.put("span_hours", round(score.spanHours()));
        evidence.put("port", key.port);
        evidence.put("addresses", List.of(Arrays.copyOf(series.destinations, series.destinationCount)));
        Instant last = Instant.ofEpochMilli(Math.max(starts[n - 1], series.lastSeen));
        out.report(new Finding(NAME, key.src + '|' + key.dst + '|' + key.port, "C2-Beaconing", "C2", ThreatLevel.HIGH,
                Math.clamp(total, 0, 1), Instant.ofEpochMilli(firstSeen), last, key.src,
                series.destinationCount == 1 ? series.destinations[0] : key.dst, null, "T1071.001",
                fresh, evidence));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private record Pair(String src, String dst, int port) {}

    /** The last connections of a pair, as a ring buffer that grows up to its capacity. */
    private static final class Series {
        /** A network's addresses a beacon uses are few; the first ones are enough for prevalence and evidence. */
        static final int MAX_DESTINATIONS = 8;

        long[] starts = new long[16];
        long[] sizes = new long[16];
        final String[] destinations = new String[MAX_DESTINATIONS];
        int destinationCount;
        int head;
        int size;
        long total;
        long reported;
        long reportedUpTo = Long.MIN_VALUE;
        long lastSeen = Long.MIN_VALUE;
        boolean changed;

        void add(long start, long bytes, long time, int capacity) {
            if (size == starts.length && size < capacity) {
                int grown = Math.min(capacity, size * 2);
                starts = unrolled(starts, grown);
                sizes = unrolled(sizes, grown);
                head = 0;
            }
            int slot;
            if (size < starts.length) {
                slot = (head + size) % starts.length;
                size++;
            } else {
                slot = head;
                head = (head + 1) % starts.length;
            }
            starts[slot] = start;
            sizes[slot] = bytes;
            total++;
            lastSeen = Math.max(lastSeen, time);
            changed = true;
        }

        void noteDestination(String ip) {
            for (int i = 0; i < destinationCount; i++) {
                if (destinations[i].equals(ip)) {
                    return;
                }
            }
            if (destinationCount < MAX_DESTINATIONS) {
                destinations[destinationCount++] = ip;
            }
        }

        private long[] unrolled(long[] ring, int length) {
            long[] copy = new long[length];
            for (int i = 0; i < size; i++) {
                copy[i] = ring[(head + i) % ring.length];
            }
            return copy;
        }

        int kept(long horizon) {
            int n = 0;
            for (int i = 0; i < size; i++) {
                if (starts[(head + i) % starts.length] >= horizon) {
                    n++;
                }
            }
            return n;
        }

        void copy(long horizon, long[] startsOut, long[] sizesOut) {
            int n = 0;
            for (int i = 0; i < size; i++) {
                int slot = (head + i) % starts.length;
                if (starts[slot] >= horizon) {
                    startsOut[n] = starts[slot];
                    sizesOut[n++] = sizes[slot];
                }
            }
        }
    }
}
