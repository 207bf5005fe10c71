package io.iotwatch.detect.slowhttp;

import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventType;
import io.iotwatch.detect.Ongoing;
import io.iotwatch.detect.Detector;
import io.iotwatch.detect.EventTime;
import io.iotwatch.detect.FindingSink;
import io.iotwatch.detect.Flows;
import io.iotwatch.detect.LruMap;
import io.iotwatch.detect.SlidingWindow;
import java.time.Instant;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Slow HTTP attacks (slowloris, slow POST): one source holding many connections to a web server open at once,
 * each nearly idle, until the server has no worker left. A connection event is a slow one when it lasted long and
 * carried almost nothing; per source and server, how many were open at once is estimated from the slow
 * connections of the window as their summed duration over the time they span (the average number open, never
 * more than the peak). Over the threshold it raises a HIGH DDoS-SlowLoris (the dataset's only class for it),
 * MITRE T1499.002. Connections are reported when they end: the attack shows as soon as the server starts timing
 * them out (20 to 60 s), or when the attacker lets go.
 */
public final class SlowHttpDetector implements Detector {

    public static final String NAME = "slowhttp";

    private static final String ATTACK_CLASS = "DDoS-SlowLoris";
    private static final String GROUP = "DDoS";
    private static final String MITRE = "T1499.002";
    private static final Set<String> REFUSED = Set.of("deny", "drop", "dropped", "reject", "block", "blocked");

    private final SlowHttpConfig config;
    private final long windowMillis;
    private final long minDurationMillis;
    private final BitSet ports = new BitSet(65536);
    private final LruMap<Pair, Tally> pairs;
    private final Ongoing<Tally> alerting = new Ongoing<>();

    public SlowHttpDetector(SlowHttpConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.windowMillis = config.window().toMillis();
        this.minDurationMillis = config.minDuration().toMillis();
        config.ports().forEach(ports::set);
        this.pairs = new LruMap<>(config.maxKeys());
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
        if (!(event instanceof ConnectionEvent c) || !ports.get(c.destination().port()) || !Flows.isTcp(c.protocol())
                || !c.source().isKnown() || !c.destination().isKnown() || !slow(c)) {
            return;
        }
        Pair key = new Pair(c.destination().ip(), c.source().ip());
        Tally tally = pairs.get(key);
        if (tally == null) {
            tally = new Tally(key, c.destination().port());
            pairs.put(key, tally);
        }
        tally.see(c);
        if (!alerting.contains(tally) && tally.concurrent() >= config.concurrentConnections()) {
            alerting.add(tally);
            report(tally, out);
        }
    }

    @Override
    public void advance(Instant now, FindingSink out) {
        long nowMillis = EventTime.millis(now);
        alerting.advance(nowMillis, windowMillis, tally -> report(tally, out));
        long horizon = nowMillis - windowMillis;
        pairs.removeSeenBefore(horizon, v -> v.lastEvent);
    }

    /** Source and server pairs removed because {@link SlowHttpConfig#maxKeys()} were tracked. */
    public long evictions() {
        return pairs.evictions();
    }

    /** Source and server pairs tracked now. */
    public int trackedPairs() {
        return pairs.size();
    }

    /** Accepted by the server (it answered), long, and nearly idle all along. */
    private boolean slow(ConnectionEvent c) {
        long duration = Flows.durationMillis(c);
        if (duration < minDurationMillis || c.packetsIn() <= 0 || REFUSED.contains(c.action())) {
            return false;
        }
        long bytes = SlidingWindow.saturatedAdd(Math.max(0, c.bytesOut()), Math.max(0, c.bytesIn()));
        return bytes <= (double) config.maxBytesPerSecond() * duration / 1000;
    }

    private void report(Tally tally, FindingSink out) {
        long concurrent = tally.concurrent();
        double confidence = Math.clamp(0.7 + 0.3 * Math.log10(Math.max(1, concurrent / (double) config.concurrentConnections())),
                0.7, 1.0);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("concurrent", concurrent);
        evidence.put("threshold_concurrent", config.concurrentConnections());
        evidence.put("connections", tally.connections);
        evidence.put("mean_duration_s", tally.durations / tally.connections / 1000);
        evidence.put("mean_bytes_per_s", tally.durations == 0 ? 0 : (long) (tally.bytes * 1000.0 / tally.durations));
        evidence.put("port", tally.port);
        evidence.put("window_s", windowMillis / 1000);
        long first = tally.reported == 0 ? tally.firstSeen : Math.min(tally.reportedAt, tally.lastSeen);
        out.report(new Finding(NAME, tally.key.server() + '|' + tally.key.source(), ATTACK_CLASS, GROUP, ThreatLevel.HIGH,
                confidence, Instant.ofEpochMilli(first), Instant.ofEpochMilli(Math.max(first, tally.lastSeen)),
                tally.key.source(), tally.key.server(), null, MITRE, tally.connections - tally.reported, evidence));
        tally.reported = tally.connections;
        tally.reportedAt = tally.lastSeen;
    }

    private record Pair(String server, String source) {}

    /** One source's slow connections to one server: all of them, and those of the current window. */
    private final class Tally implements Ongoing.Incident {
        final Pair key;
        final int port;
        long connections;
        long durations;
        long bytes;
        long firstSeen = Long.MAX_VALUE;
        long lastSeen = Long.MIN_VALUE;
        long lastEvent = Long.MIN_VALUE;
        long windowStart = Long.MIN_VALUE;
        long windowDurations;
        long windowFirst;
        long windowLast;
        long reported;
        long reportedAt;

        Tally(Pair key, int port) {
            this.key = key;
            this.port = port;
        }

        void see(ConnectionEvent c) {
            long start = Flows.startMillis(c);
            long end = Flows.endMillis(c);
            long duration = end - start;
            if (windowStart == Long.MIN_VALUE || start >= windowStart + windowMillis) {
                windowStart = start;
                windowDurations = 0;
                windowFirst = start;
                windowLast = end;
            }
            windowDurations = SlidingWindow.saturatedAdd(windowDurations, duration);
            windowFirst = Math.min(windowFirst, start);
            windowLast = Math.max(windowLast, end);
            connections++;
            durations = SlidingWindow.saturatedAdd(durations, duration);
            bytes = SlidingWindow.saturatedAdd(bytes, SlidingWindow.saturatedAdd(Math.max(0, c.bytesOut()), Math.max(0, c.bytesIn())));
            firstSeen = Math.min(firstSeen, start);
            lastSeen = Math.max(lastSeen, end);
            lastEvent = Math.max(lastEvent, EventTime.millis(c.time()));
        }

        /** Connections open at once on average over the time the window's slow connections span. */
        long concurrent() {
            return windowDurations / Math.max(windowLast - windowFirst, minDurationMillis);
        }

        @Override
        public boolean grewSinceReport() {
            return connections > reported;
        }

        @Override
        public long lastEventMillis() {
            return lastEvent;
        }
    }
}
