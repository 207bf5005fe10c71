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
 * for rows the model puts in an attack class at or above its alert threshold) gathered per kind of attack and
 * key. The key is the victim for floods (DDoS, DoS, Mirai: many sources, one target; flows the victim starts
 * towards its attackers join its incident: ICMP errors always, others once the incident exists), the server whose answers were forged for DNS
 * spoofing, and the source otherwise (a scan, a brute force, a web attack come from one place).
 * {@link ModelConfig#minRows()} verdicts of one kind and key within the window make an incident, reported then
 * and brought up to date while it goes on. DoS and DDoS variants of a class are one kind, named DoS when its
 * rows come from one source and DDoS otherwise, as the dataset defines them (one flow cannot tell how many
 * machines take part); one source's reconnaissance is one kind, named by the class most of its rows have.
 * Group, level and MITRE technique come from the class named ({@link AttackClass}); a class the taxonomy does
 * not know keeps the group the model gave it and is MEDIUM.
 */
public final class ModelDetector implements Detector {

    public static final String NAME = "model";

    /** Community IDs of flows kept as evidence, so the flows can be found in the events. */
    static final int SAMPLE_FLOWS = 3;
    private static final String ICMP = "icmp";
    /** What the classes of ICMP floods have in their names; their ICMP flows are the flood itself. */
    private static final String ICMP_CLASS = "ICMP";
    private static final String DDOS_PREFIX = AttackGroup.DDOS.label() + "-";
    private static final String DOS_PREFIX = AttackGroup.DOS.label() + "-";
    /**
     * Classes whose attacker is the side that answers: forged DNS answers to a device's own queries come from
     * the server the spoofer impersonates, and the device that asked is the target.
     */
    private static final Set<String> ATTACKER_ANSWERS = Set.of(AttackClass.DNS_SPOOFING.label());
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
        boolean attackerAnswers = ATTACKER_ANSWERS.contains(c.attackClass());
        String attacker = attackerAnswers ? c.destination().ip() : c.source().ip();
        String target = attackerAnswers ? c.source().ip() : c.destination().ip();
        String kind = c.group().equals(AttackGroup.RECON.label()) ? c.group() : AttackClass.kind(c.attackClass());
        // A flood victim's answers to the bots are flows it starts: they join its incident rather than open one on a
        // bot. ICMP errors are answers whichever verdict comes first; other flows, when the victim's incident exists.
        Key towardsTarget = new Key(kind, target);
        Key fromVictim = new Key(kind, attacker);
        boolean victimAnswering = victimCentred && (c.protocol().startsWith(ICMP) && !kind.contains(ICMP_CLASS)
                || !tallies.containsKey(towardsTarget) && tallies.containsKey(fromVictim));
        Key key = victimCentred && !victimAnswering ? towardsTarget : fromVictim;
        long now = EventTime.millis(c.time());
        Tally tally = tallies.get(key);
        if (tally == null || !alerting.contains(tally) && now - tally.windowStart > windowMillis) {
            tally = new Tally(key, c.group(), victimCentred, now);
            tallies.put(key, tally);
        }
        tally.see(c, attacker, target, victimAnswering, now);
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
        String attackClass = tally.likeliestClass();
        Optional<AttackClass> known = AttackClass.byLabel(attackClass);
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
        if (tally.byClass.size() > 1) {
            evidence.put("rows_by_class", tally.byClass.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        }
        out.report(new Finding(NAME, tally.key.kind() + '|' + tally.key.address(), attackClass,
                known.map(c -> c.group().label()).orElse(tally.group), level, tally.maxConfidence, Instant.ofEpochMilli(first),
                Instant.ofEpochMilli(Math.max(first, tally.lastSeen)), src, dst, null,
                known.map(AttackClass::mitre).orElse(""), tally.rows - tally.reported, evidence));
        tally.reported = tally.rows;
        tally.reportedAt = tally.lastSeen;
    }

    /**
     * What an incident is about, and the victim or source. The kind is the class without its DoS or DDoS prefix,
     * since one flow cannot tell how many machines flood (the dataset's DoS and DDoS classes differ only in
     * that), and the group for reconnaissance, since one probe cannot tell a port scan from host discovery
     * (how many ports and hosts a source tries is the scan rule's to count).
     */
    private record Key(String kind, String address) {}


    /** The verdicts of one class about one key: since the window began, or since the incident began. */
    private static final class Tally implements Ongoing.Incident {
        final Key key;
        final String group;
        final boolean victimCentred;
        final long windowStart;
        final List<String> flows = new ArrayList<>(SAMPLE_FLOWS);
        final Map<String, Long> byClass = new LinkedHashMap<>();
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

        void see(ClassificationEvent c, String attacker, String target, boolean victimAnswering, long now) {
            rows++;
            byClass.merge(c.attackClass(), 1L, Long::sum);
            model = c.model();
            firstSeen = Math.min(firstSeen, now);
            lastSeen = Math.max(lastSeen, now);
            maxConfidence = Math.max(maxConfidence, c.confidence());
            confidenceSum += c.confidence();
            if (!victimAnswering) {
                manySources |= source != null && !source.equals(attacker);
                source = attacker;
                manyDestinations |= destination != null && !destination.equals(target);
                destination = target;
            }
            if (flows.size() < SAMPLE_FLOWS && !c.communityId().isEmpty()) {
                flows.add(c.communityId().text());
            }
        }

        /**
         * The class most of its rows have (the first seen of those tied); but where the rows name DoS or DDoS
         * variants, the one the number of sources seen makes it, as the dataset defines them (DoS from one
         * machine), when the taxonomy has that variant.
         */
        String likeliestClass() {
            String likeliest = byClass.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            if (!likeliest.equals(key.kind())) {
                String bySources = (manySources ? DDOS_PREFIX : DOS_PREFIX) + key.kind();
                if (AttackClass.byLabel(bySources).isPresent()) {
                    return bySources;
                }
            }
            return likeliest;
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
