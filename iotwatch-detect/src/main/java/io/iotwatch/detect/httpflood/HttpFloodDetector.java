package io.iotwatch.detect.httpflood;

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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * HTTP floods: one source opening complete, short connections to a web server's port far faster than any
 * client does (a flood tool without keep-alive, one request per connection). Each source is judged on its own
 * rate, so many clients at normal rates never add up to a flood. A source over the rate raises a HIGH
 * DoS-HTTP_Flood; when two or more sources are over it against the same server within the window, each raises
 * a DDoS-HTTP_Flood. MITRE T1499.002 (service exhaustion flood); confidence from 0.7 at the rate to 1 at ten
 * times it. Reported as the connections come in, and again each minute of event time while the flood goes on.
 */
public final class HttpFloodDetector implements Detector {

    public static final String NAME = "http-flood";

    private static final String MITRE = "T1499.002";
    private static final String DOS = "DoS-HTTP_Flood";
    private static final String DDOS = "DDoS-HTTP_Flood";
    private static final int COUNT = 0;
    private static final int MAX_ATTACKERS = 16;
    private static final Set<String> REFUSED = Set.of("deny", "drop", "dropped", "reject", "block", "blocked", "timeout");

    private final HttpFloodConfig config;
    private final long windowMillis;
    private final long threshold;
    private final long maxDurationMillis;
    private final BitSet ports = new BitSet(65536);
    private final LruMap<Pair, Tally> pairs;
    /** Per server, the sources that went over the rate against it, with their tallies. */
    private final LruMap<String, Map<String, Tally>> attackers;
    private final Ongoing<Tally> alerting = new Ongoing<>();

    public HttpFloodDetector(HttpFloodConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.windowMillis = config.window().toMillis();
        this.threshold = (long) config.connectionsPerSecond() * windowMillis / 1000;
        this.maxDurationMillis = config.maxDuration().toMillis();
        config.ports().forEach(ports::set);
        this.pairs = new LruMap<>(config.maxKeys());
        this.attackers = new LruMap<>(config.maxKeys());
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
                || !c.source().isKnown() || !c.destination().isKnown() || !completed(c)
                || Flows.durationMillis(c) >= maxDurationMillis) {
            return;
        }
        long time = EventTime.millis(c.time());
        Pair key = new Pair(c.destination().ip(), c.source().ip());
        Tally tally = pairs.get(key);
        if (tally == null) {
            tally = new Tally(key, c.destination().port(), time);
            pairs.put(key, tally);
        }
        tally.see(c, time);
        if (!alerting.contains(tally) && tally.window.sum(COUNT, time, windowMillis) >= threshold) {
            alerting.add(tally);
            report(tally, out);
        }
    }

    @Override
    public void advance(Instant now, FindingSink out) {
        long nowMillis = EventTime.millis(now);
        alerting.advance(nowMillis, windowMillis, tally -> report(tally, out));
        long horizon = nowMillis - 2 * windowMillis;
        pairs.removeSeenBefore(horizon, v -> v.lastEvent);
        for (Iterator<Map<String, Tally>> it = attackers.values().iterator(); it.hasNext(); ) {
            Map<String, Tally> sources = it.next();
            sources.values().removeIf(tally -> tally.lastEvent < horizon);
            if (sources.isEmpty()) {
                it.remove();
            }
        }
    }

    /** Source and server pairs removed because {@link HttpFloodConfig#maxKeys()} were tracked. */
    public long evictions() {
        return pairs.evictions();
    }

    /** Source and server pairs tracked now. */
    public int trackedPairs() {
        return pairs.size();
    }

    /**
     * A connection that carried a request and an answer: from packets, a handshake, data from the client after it
     * and a reply; from firewall logs, accepted and answered.
     */
    private static boolean completed(ConnectionEvent c) {
        if (c.bytesOut() <= 0 || c.bytesIn() <= 0 || REFUSED.contains(c.action())) {
            return false;
        }
        if (!Flows.flagsKnown(c)) {
            return c.packetsIn() > 0;
        }
        int handshake = Flows.SYN | Flows.ACK;
        return (c.tcpFlags() & handshake) == handshake && c.packetsOut() >= 3 && c.packetsIn() >= 2;
    }

    private void report(Tally tally, FindingSink out) {
        long now = tally.lastEvent;
        Map<String, Tally> sources = attackers.get(tally.key.server());
        if (sources == null) {
            sources = new LinkedHashMap<>();
            attackers.put(tally.key.server(), sources);
        }
        if (sources.size() < MAX_ATTACKERS || sources.containsKey(tally.key.source())) {
            sources.put(tally.key.source(), tally);
        }
        long over = sources.values().stream().filter(other -> other.lastEvent >= now - windowMillis).count();
        String attackClass = over >= 2 ? DDOS : DOS;
        long rate = (long) (tally.window.sum(COUNT, now, windowMillis) * (1000.0 / windowMillis));
        double confidence = Math.clamp(0.7 + 0.3 * Math.log10(Math.max(1, rate / (double) config.connectionsPerSecond())), 0.7, 1.0);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("connections", tally.connections);
        evidence.put("rate_cps", rate);
        evidence.put("threshold_cps", config.connectionsPerSecond());
        evidence.put("window_s", windowMillis / 1000);
        evidence.put("port", tally.port);
        evidence.put("mean_request_bytes", tally.bytesOut / tally.connections);
        evidence.put("mean_response_bytes", tally.bytesIn / tally.connections);
        evidence.put("sources_over_rate", over);
        evidence.put("sample_sources", sources.keySet().stream().limit(5).toList());
        long first = tally.reported == 0 ? tally.firstSeen : Math.min(tally.reportedAt, tally.lastSeen);
        out.report(new Finding(NAME, tally.key.server() + '|' + attackClass + '|' + tally.key.source(), attackClass,
                attackClass.substring(0, attackClass.indexOf('-')), ThreatLevel.HIGH, confidence, Instant.ofEpochMilli(first),
                Instant.ofEpochMilli(Math.max(first, tally.lastSeen)), tally.key.source(), tally.key.server(), null, MITRE,
                tally.connections - tally.reported, evidence));
        tally.reported = tally.connections;
        tally.reportedAt = tally.lastSeen;
    }

    private record Pair(String server, String source) {}

    /** One source's connections to one server. */
    private final class Tally implements Ongoing.Incident {
        final Pair key;
        final int port;
        final SlidingWindow window;
        long connections;
        long bytesOut;
        long bytesIn;
        long firstSeen = Long.MAX_VALUE;
        long lastSeen = Long.MIN_VALUE;
        long lastEvent;
        long reported;
        long reportedAt;

        Tally(Pair key, int port, long time) {
            this.key = key;
            this.port = port;
            this.window = new SlidingWindow(1, time);
            this.lastEvent = time;
        }

        void see(ConnectionEvent c, long time) {
            window.roll(time, windowMillis);
            window.add(COUNT, 1);
            connections++;
            bytesOut = SlidingWindow.saturatedAdd(bytesOut, c.bytesOut());
            bytesIn = SlidingWindow.saturatedAdd(bytesIn, c.bytesIn());
            firstSeen = Math.min(firstSeen, Flows.startMillis(c));
            lastSeen = Math.max(lastSeen, Flows.endMillis(c));
            lastEvent = Math.max(lastEvent, time);
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
