package io.iotwatch.detect.model;

import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.ClassificationEvent;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventType;
import io.iotwatch.core.taxonomy.AttackClass;
import io.iotwatch.core.taxonomy.AttackGroup;
import io.iotwatch.detect.Detector;
import io.iotwatch.detect.EventTime;
import io.iotwatch.detect.FindingSink;
import io.iotwatch.detect.LruMap;
import io.iotwatch.detect.Ongoing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The machine-learning classifier's incidents: its verdicts (classification events, made on the packet thread
 * for rows the model puts in an attack class at or above its alert threshold) gathered per class and key. The
 * key is the victim for floods (DDoS, DoS, Mirai: many sources, one target; flows the victim starts towards
 * its attackers, its answers, join its incident) and the source otherwise (a scan, a brute force, a web attack
 * come from one place). {@link ModelConfig#minRows()} verdicts of one class and key
 * within the window make an incident, reported then and brought up to date while it goes on. Level and MITRE
 * technique come from the class ({@link AttackClass}); a class the taxonomy does not know is MEDIUM.
 */
public final class ModelDetector implements Detector {

    public static final String NAME = "model";

    /** Community IDs of flows kept as evidence, so the flows can be found in the events. */
    static final int SAMPLE_FLOWS = 3;
    private static final Set<String> VICTIM_CENTRED = Set.of(AttackGroup.DDOS.label(), AttackGroup.DOS.label(),
            AttackGroup.MIRAI.label());

    private final ModelConfig config;
    private final long windowMillis;
    private final LruMap<Key, Tally> tallies;
    private final Ongoing<Tally> alerting = new Ongoing<>();

    public ModelDetector(ModelConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.windowMillis = config.window().toMillis();
        this.tallies = new LruMap<>(config.maxKeys());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<EventType> eventTypes() {
        return Set.of(EventType.CLASSIFICATION);
    }

    @Override
    public void onEvent(Event event, FindingSink out) {
        if (!(event instanceof ClassificationEvent c)) {
            return;
        }
        boolean victimCentred = VICTIM_CENTRED.contains(c.group());
        Key key = new Key(c.attackClass(), victimCentred ? c.destination().ip() : c.source().ip());
        if (victimCentred) {
            // The victim's own answers (ICMP errors to the bots) are flows it starts: they join its incident.
            Key victimAnswering = new Key(c.attackClass(), c.source().ip());
            if (!tallies.containsKey(key) && tallies.containsKey(victimAnswering)) {
                key = victimAnswering;
            }
        }
        long now = EventTime.millis(c.time());
        Tally tally = tallies.get(key);
        if (tally == null || !alerting.contains(tally) && now - tally.windowStart > windowMillis) {
            tally = new Tally(key, c.group(), victimCentred, now);
            tallies.put(key, tally);
        }
        tally.see(c, now);
        if (!alerting.contains(tally) && tally.rows >= config.minRows()) {
            alerting.add(tally);
            report(tally, out);
        }
    }

    @Override
    public void advance(Instant now, FindingSink out) {
        long nowMillis = EventTime.millis(now);
        alerting.advance(nowMillis, windowMillis, tally -> report(tally, out));
        tallies.removeSeenBefore(nowMillis - windowMillis, t -> t.lastSeen);
    }

    /** Keys removed because {@link ModelConfig#maxKeys()} were tracked. */
    public long evictions() {
        return tallies.evictions();
    }

    private void report(Tally tally, FindingSink out) {
        Optional<AttackClass> known = AttackClass.byLabel(tally.key.attackClass());
        ThreatLevel level = known.map(c -> c.level(tally.maxConfidence)).orElse(ThreatLevel.MEDIUM);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("model", tally.model);
        evidence.put("rows", tally.rows);
        evidence.put("mean_confidence", Math.round(tally.confidenceSum / tally.rows * 1000) / 1000.0);
        evidence.put("max_confidence", tally.maxConfidence);
        evidence.put("threshold_rows", config.minRows());
        if (!tally.flows.isEmpty()) {
            evidence.put("sample_flows", List.copyOf(tally.flows));
        }
        long first = tally.reported == 0 ? tally.firstSeen : Math.min(tally.reportedAt, tally.lastSeen);
        String address = tally.key.address().isEmpty() ? null : tally.key.address();
        String src = tally.victimCentred ? tally.onlySource() : address;
        String dst = tally.victimCentred ? address : tally.onlyDestination();
        out.report(new Finding(NAME, tally.key.attackClass() + '|' + tally.key.address(), tally.key.attackClass(),
                tally.group, level, tally.maxConfidence, Instant.ofEpochMilli(first),
                Instant.ofEpochMilli(Math.max(first, tally.lastSeen)), src, dst, null,
                known.map(AttackClass::mitre).orElse(""), tally.rows - tally.reported, evidence));
        tally.reported = tally.rows;
        tally.reportedAt = tally.lastSeen;
    }

    private record Key(String attackClass, String address) {}

    /** The verdicts of one class about one key: since the window began, or since the incident began. */
    private static final class Tally implements Ongoing.Incident {
        final Key key;
        final String group;
        final boolean victimCentred;
        final long windowStart;
        final List<String> flows = new ArrayList<>(SAMPLE_FLOWS);
        String model = "";
        String source;
        String destination;
        boolean manySources;
        boolean manyDestinations;
        long rows;
        long reported;
        long reportedAt;
        long firstSeen = Long.MAX_VALUE;
        long lastSeen = Long.MIN_VALUE;
        double maxConfidence;
        double confidenceSum;

        Tally(Key key, String group, boolean victimCentred, long windowStart) {
            this.key = key;
            this.group = group;
            this.victimCentred = victimCentred;
            this.windowStart = windowStart;
        }

        void see(ClassificationEvent c, long now) {
            rows++;
            model = c.model();
            firstSeen = Math.min(firstSeen, now);
            lastSeen = Math.max(lastSeen, now);
            maxConfidence = Math.max(maxConfidence, c.confidence());
            confidenceSum += c.confidence();
            manySources |= source != null && !source.equals(c.source().ip());
            source = c.source().ip();
            manyDestinations |= destination != null && !destination.equals(c.destination().ip());
            destination = c.destination().ip();
            if (flows.size() < SAMPLE_FLOWS && !c.communityId().isEmpty()) {
                flows.add(c.communityId());
            }
        }

        String onlySource() {
            return manySources || source == null || source.isEmpty() ? null : source;
        }

        String onlyDestination() {
            return manyDestinations || destination == null || destination.isEmpty() ? null : destination;
        }

        @Override
        public boolean grewSinceReport() {
            return rows > reported;
        }

        @Override
        public long lastEventMillis() {
            return lastSeen;
        }
    }
}
