package io.iotwatch.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.store.AlertFilter;
import io.iotwatch.store.AlertStatus;
import io.iotwatch.store.EventStore;
import io.iotwatch.store.LevelBucket;
import io.iotwatch.store.StoredAlert;
import io.iotwatch.store.TrafficBucket;
import io.iotwatch.store.TrafficTotals;
import io.iotwatch.store.audit.AuditBlock;
import io.iotwatch.store.audit.AuditEntry;
import io.iotwatch.store.audit.SignedHead;
import io.iotwatch.store.audit.Verification;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;

/**
 * Builds the {@link Report} of a period from the store. Every figure but the traffic totals, the sensors, the timeline
 * and the audit check comes from one read of the period's alerts, so the sections agree with one another.
 */
public final class ReportBuilder {

    /** Rows of the top sources and top targets. */
    public static final int TOP = 10;
    /** At most this many steps in the timeline. */
    public static final int MAX_TIMELINE_STEPS = 100;
    /** At most this many sensors in the summary, the first by name. */
    public static final int MAX_SENSORS = 1000;
    /**
     * Audit entries read per sensor, newest first. A sensor whose state changed more often than this since the
     * period began has its state before the oldest entry read out of reach: unknown, and neither online nor a change.
     */
    private static final int ENTRIES_PER_SENSOR = 10_000;
    /** How the audit log names a sensor: {@code source:} and its name (docs/AUDIT.md). */
    private static final String SENSOR_PREFIX = "source:";
    private static final String UNKNOWN = "unknown";
    private static final String ONLINE = "online";
    private static final String OFFLINE = "offline";
    private static final String STOPPED = "stopped";

    private static final int BLOCK_PAGE = 100;
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final List<Duration> STEPS = List.of(MINUTE, Duration.ofMinutes(2), Duration.ofMinutes(5),
            Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1));
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportBuilder() {}

    /**
     * The report of {@code from} to {@code to} (both included), dated by {@code clock}.
     *
     * @throws IllegalArgumentException if {@code from} is after {@code to}
     */
    public static Report build(EventStore store, Instant from, Instant to, Clock clock) {
        Period period = new Period(from, to, clock.instant());
        // verifying the audit log reads all of it and needs nothing else the report reads: it runs beside the rest
        FutureTask<AuditCheck> audit = new FutureTask<>(() -> auditCheck(store, to));
        Thread.ofPlatform().name("report-audit-check").daemon().start(audit);
        List<StoredAlert> alerts = alerts(store, from, to);
        return new Report(period, summary(store, alerts, from, to), timeline(store, from, to), topSources(alerts),
                topTargets(alerts), detection(alerts), recommendations(alerts), compliance(store, alerts, result(audit)),
                alertRows(alerts));
    }

    /** What the task returned, or the failure it ended in. */
    private static <T> T result(FutureTask<T> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("checking the audit log failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the audit log was checked", e);
        }
    }

    /** The alerts whose incident overlaps the period, most recently active first. */
    private static List<StoredAlert> alerts(EventStore store, Instant from, Instant to) {
        List<StoredAlert> alerts = new ArrayList<>();
        store.alertQueries().each(new AlertFilter(from, to, null, null, null, null, null, null, null, null), alerts::add);
        return alerts;
    }

    private static Summary summary(EventStore store, List<StoredAlert> alerts, Instant from, Instant to) {
        Map<ThreatLevel, Long> levels = new EnumMap<>(ThreatLevel.class);
        for (ThreatLevel level : ThreatLevel.values()) {
            levels.put(level, 0L);
        }
        long occurrences = 0;
        for (StoredAlert stored : alerts) {
            levels.merge(stored.alert().level(), 1L, Long::sum);
            occurrences += stored.alert().count();
        }
        Map<String, Long> byLevel = new LinkedHashMap<>();
        levels.forEach((level, n) -> byLevel.put(level.id(), n));
        long events = 0;
        long packets = 0;
        long bytes = 0;
        for (TrafficBucket bucket : trafficBuckets(store, from, to)) {
            events += bucket.events();
            packets += bucket.packets();
            bytes += bucket.bytes();
        }
        return new Summary(alerts.size(), occurrences, byLevel, mostFirst(alerts.stream().map(a -> a.alert().group()).toList()),
                mostFirst(alerts.stream().map(a -> a.alert().attackClass()).toList()), events, packets, bytes,
                sensors(store, from, to));
    }

    /** The sensors whose audit history touches the period, by name. */
    private static List<SensorRow> sensors(EventStore store, Instant from, Instant to) {
        List<SensorRow> rows = new ArrayList<>();
        for (String subject : store.audit().subjects(SENSOR_PREFIX, MAX_SENSORS)) {
            List<AuditEntry> newestFirst = store.audit().entriesAbout(subject, ENTRIES_PER_SENSOR);
            SensorRow row = sensorRow(subject.substring(SENSOR_PREFIX.length()), newestFirst, from, to);
            if (row != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** A recorded change of a sensor's state: {@code source.online}, {@code source.offline} or {@code source.stopped}. */
    private record SensorChange(Instant time, String status, String reason, String kind) {}

    /** The sensor's row, or null when its history does not touch the period. */
    private static SensorRow sensorRow(String name, List<AuditEntry> newestFirst, Instant from, Instant to) {
        SensorChange before = null;
        List<SensorChange> during = new ArrayList<>();
        String kind = null;
        for (AuditEntry entry : newestFirst.reversed()) {
            SensorChange change = sensorChange(entry);
            if (change == null) {
                continue;
            }
            kind = change.kind() != null ? change.kind() : kind;
            if (change.time().isBefore(from)) {
                before = change;
            } else if (!change.time().isAfter(to)) {
                during.add(change);
            }
        }
        String atStart = before == null ? UNKNOWN : before.status();
        if (during.isEmpty() && !atStart.equals(ONLINE) && !atStart.equals(OFFLINE)) {
            return null;
        }
        // the state holds from each change to the next, the one before the period from the period's beginning
        String state = atStart;
        String lastProblem = atStart.equals(OFFLINE) ? before.reason() : null;
        Instant since = from;
        Duration online = Duration.ZERO;
        for (SensorChange change : during) {
            online = state.equals(ONLINE) ? online.plus(Duration.between(since, change.time())) : online;
            state = change.status();
            since = change.time();
            lastProblem = state.equals(OFFLINE) ? change.reason() : lastProblem;
        }
        online = state.equals(ONLINE) ? online.plus(Duration.between(since, to)) : online;
        double period = seconds(Duration.between(from, to));
        return new SensorRow(name, kind, atStart, state, seconds(online), period == 0 ? 0 : seconds(online) / period,
                during.size(), lastProblem);
    }

    private static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }

    /** The change an entry records, or null for an entry of another kind or whose data cannot be read. */
    private static SensorChange sensorChange(AuditEntry entry) {
        String status = switch (entry.kind()) {
            case "source.online" -> ONLINE;
            case "source.offline" -> OFFLINE;
            case "source.stopped" -> STOPPED;
            default -> null;
        };
        if (status == null) {
            return null;
        }
        try {
            JsonNode data = JSON.readTree(entry.data());
            return new SensorChange(Instant.ofEpochMilli(entry.timeMillis()), status, text(data, "reason"), text(data, "kind"));
        } catch (JsonProcessingException e) {
            // the verification reports a damaged entry; a report just leaves it out
            return null;
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null ? null : value.asText();
    }

    /**
     * The traffic buckets that cover the minutes holding part of the period: per minute for the partial days at its
     * ends, per UTC day between them, so a year's report reads a few hundred buckets rather than half a million. Only
     * the part of the period that holds stored events is read: a period of centuries reads the days there are.
     */
    private static List<TrafficBucket> trafficBuckets(EventStore store, Instant periodFrom, Instant periodTo) {
        TrafficTotals stored = store.traffic().totals();
        if (stored.firstEvent() == null) {
            return List.of();
        }
        // the minutes that hold events: a minute that holds part of the period counts whole
        Instant eventsFrom = stored.firstEvent().truncatedTo(ChronoUnit.MINUTES);
        Instant eventsTo = stored.lastEvent().truncatedTo(ChronoUnit.MINUTES).plus(MINUTE).minusNanos(1);
        if (eventsFrom.isAfter(periodTo) || eventsTo.isBefore(periodFrom)) {
            return List.of();
        }
        Instant from = eventsFrom.isAfter(periodFrom) ? eventsFrom : periodFrom;
        Instant to = eventsTo.isBefore(periodTo) ? eventsTo : periodTo;
        Instant firstWholeDay = from.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        Instant lastDay = to.truncatedTo(ChronoUnit.DAYS);
        if (!firstWholeDay.isBefore(lastDay)) {
            return store.traffic().series(from, to, MINUTE);
        }
        List<TrafficBucket> buckets = new ArrayList<>(store.traffic().series(from, firstWholeDay.minusNanos(1), MINUTE));
        buckets.addAll(store.traffic().series(firstWholeDay, lastDay.minusNanos(1), Duration.ofDays(1)));
        buckets.addAll(store.traffic().series(lastDay, to, MINUTE));
        return buckets;
    }

    private static List<LevelBucket> timeline(EventStore store, Instant from, Instant to) {
        return store.alertQueries().series(from, to, timelineStep(from, to));
    }

    /**
     * The shortest of 1, 2, 5, 10, 15 and 30 minutes, 1, 2, 3, 6 and 12 hours and whole days that cuts the period
     * into at most {@link #MAX_TIMELINE_STEPS} steps aligned as the store aligns them.
     */
    public static Duration timelineStep(Instant from, Instant to) {
        // steps are aligned to the epoch, so the period's ends may each add a partial step: 2 fewer whole ones
        long span = Duration.between(from, to).toMillis();
        long needed = Math.ceilDiv(span, MAX_TIMELINE_STEPS - 2);
        for (Duration step : STEPS) {
            if (step.toMillis() >= needed) {
                return step;
            }
        }
        return Duration.ofDays(Math.ceilDiv(needed, Duration.ofDays(1).toMillis()));
    }

    private static List<SourceRow> topSources(List<StoredAlert> alerts) {
        Map<String, List<Alert>> bySource = groupBy(alerts, Alert::srcIp);
        return bySource.entrySet().stream()
                .map(e -> sourceRow(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(SourceRow::alerts).reversed().thenComparing(SourceRow::ip))
                .limit(TOP)
                .toList();
    }

    private static SourceRow sourceRow(String ip, List<Alert> alerts) {
        ThreatLevel highest = ThreatLevel.LOW;
        Instant first = alerts.getFirst().firstSeen();
        Instant last = alerts.getFirst().lastSeen();
        long occurrences = 0;
        for (Alert alert : alerts) {
            highest = highest.max(alert.level());
            first = alert.firstSeen().isBefore(first) ? alert.firstSeen() : first;
            last = alert.lastSeen().isAfter(last) ? alert.lastSeen() : last;
            occurrences += alert.count();
        }
        return new SourceRow(ip, alerts.size(), occurrences, classes(alerts), highest.id(), first, last);
    }

    private static List<TargetRow> topTargets(List<StoredAlert> alerts) {
        Map<String, List<Alert>> byTarget = groupBy(alerts, Alert::dstIp);
        return byTarget.entrySet().stream()
                .map(e -> new TargetRow(e.getKey(), e.getValue().size(), e.getValue().stream().map(Alert::srcIp)
                        .filter(ip -> ip != null).distinct().count(), classes(e.getValue())))
                .sorted(Comparator.comparingLong(TargetRow::alerts).reversed().thenComparing(TargetRow::ip))
                .limit(TOP)
                .toList();
    }

    private static List<DetectorRow> detection(List<StoredAlert> alerts) {
        Map<String, List<Alert>> byDetector = groupBy(alerts, Alert::detector);
        return byDetector.entrySet().stream()
                .map(e -> detectorRow(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(DetectorRow::alerts).reversed().thenComparing(DetectorRow::detector))
                .toList();
    }

    private static DetectorRow detectorRow(String detector, List<Alert> alerts) {
        long[] histogram = new long[DetectorRow.BINS];
        double sum = 0;
        for (Alert alert : alerts) {
            histogram[DetectorRow.bin(alert.confidence())]++;
            sum += alert.confidence();
        }
        return new DetectorRow(detector, alerts.size(), classes(alerts), sum / alerts.size(), histogram);
    }

    private static List<Recommendation> recommendations(List<StoredAlert> alerts) {
        Map<String, List<Alert>> byGroup = groupBy(alerts, Alert::group);
        return byGroup.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, List<Alert>>>comparingInt(e -> e.getValue().size()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .map(e -> Recommendations.recommend(e.getKey(), classes(e.getValue())))
                .toList();
    }

    private static Compliance compliance(EventStore store, List<StoredAlert> alerts, AuditCheck audit) {
        Map<String, Milestones> milestones = milestones(store, alerts);
        List<Long> detect = new ArrayList<>();
        List<Long> acknowledge = new ArrayList<>();
        List<Long> resolve = new ArrayList<>();
        long triaged = 0;
        for (StoredAlert stored : alerts) {
            triaged += stored.triage() == null ? 0 : 1;
            Milestones times = milestones.get(stored.alert().id());
            if (times.raised == null) {
                continue;
            }
            detect.add(Math.max(0, times.raised - stored.alert().firstSeen().toEpochMilli()));
            if (times.acknowledged != null) {
                acknowledge.add(Math.max(0, times.acknowledged - times.raised));
            }
            if (times.resolved != null) {
                resolve.add(Math.max(0, times.resolved - times.raised));
            }
        }
        double share = alerts.isEmpty() ? 0 : (double) triaged / alerts.size();
        return new Compliance(stat(detect), stat(acknowledge), stat(resolve), triaged, share,
                store.triage().allowRules().size(), audit);
    }

    /**
     * When an alert was first recorded raised (or adopted), first acknowledged and first resolved, epoch milliseconds;
     * null for what never happened.
     */
    private static final class Milestones {
        Long raised;
        Long acknowledged;
        Long resolved;
    }

    /**
     * The milestones of each alert, from one pass over the audit log, oldest entry first: the log is read whole anyway
     * to verify it, and following each alert's own links would take a query per entry.
     */
    private static Map<String, Milestones> milestones(EventStore store, List<StoredAlert> alerts) {
        Map<String, Milestones> byId = new HashMap<>();
        alerts.forEach(stored -> byId.put(stored.alert().id(), new Milestones()));
        store.audit().eachEntry(entry -> {
            Milestones times = byId.get(entry.subject());
            if (times == null) {
                return;
            }
            switch (entry.kind()) {
                case "alert.raised", "alert.adopted" -> {
                    if (times.raised == null) {
                        times.raised = entry.timeMillis();
                    }
                }
                case "alert.triaged" -> {
                    String status = triageStatus(entry);
                    if (times.acknowledged == null && AlertStatus.ACKNOWLEDGED.id().equals(status)) {
                        times.acknowledged = entry.timeMillis();
                    } else if (times.resolved == null && AlertStatus.RESOLVED.id().equals(status)) {
                        times.resolved = entry.timeMillis();
                    }
                }
                default -> { }
            }
        });
        return byId;
    }

    private static String triageStatus(AuditEntry entry) {
        try {
            JsonNode status = JSON.readTree(entry.data()).get("status");
            return status == null ? null : status.asText();
        } catch (JsonProcessingException e) {
            // the verification reports a damaged entry; a report just does not count it
            return null;
        }
    }

    private static Stat stat(List<Long> millis) {
        return Stat.ofMillis(millis.stream().mapToLong(Long::longValue).toArray());
    }

    private static AuditCheck auditCheck(EventStore store, Instant to) {
        Verification verification = store.audit().verify(null);
        String firstProblem = verification.problems().isEmpty() ? null : verification.problems().getFirst().toString();
        int problems = (int) Math.min(Integer.MAX_VALUE, verification.problems().size() + verification.moreProblems());
        return new AuditCheck(verification.valid(), verification.blocks(), verification.entries(), problems, firstProblem,
                headAt(store, to));
    }

    /** The signed head of the newest block sealed at or before {@code to}, or null. */
    private static SignedHead headAt(EventStore store, Instant to) {
        PublicKey key = store.audit().publicKey().orElse(null);
        if (key == null) {
            return null;
        }
        long before = Long.MAX_VALUE;
        while (true) {
            List<AuditBlock> page = store.audit().blocks(before, BLOCK_PAGE);
            for (AuditBlock block : page) {
                if (block.time() <= to.toEpochMilli()) {
                    return SignedHead.of(block, key);
                }
            }
            if (page.size() < BLOCK_PAGE) {
                return null;
            }
            before = page.getLast().index();
        }
    }

    private static List<AlertRow> alertRows(List<StoredAlert> alerts) {
        return alerts.stream().map(stored -> {
            Alert a = stored.alert();
            return new AlertRow(a.id(), a.firstSeen(), a.lastSeen(), a.level().id(), a.group(), a.attackClass(),
                    a.detector(), a.srcIp(), a.dstIp(), a.domain(), a.count(), a.confidence(), a.mitre(),
                    stored.status().id());
        }).toList();
    }

    /** The alerts by a key, those whose key is null left out. */
    private static Map<String, List<Alert>> groupBy(List<StoredAlert> alerts, Function<Alert, String> key) {
        Map<String, List<Alert>> groups = new HashMap<>();
        for (StoredAlert stored : alerts) {
            String value = key.apply(stored.alert());
            if (value != null) {
                groups.computeIfAbsent(value, k -> new ArrayList<>()).add(stored.alert());
            }
        }
        return groups;
    }

    /** Each value counted, the most frequent first, then by value. */
    private static Map<String, Long> mostFirst(List<String> values) {
        Map<String, Long> counts = values.stream().collect(Collectors.groupingBy(v -> v, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** The alerts' attack classes, the most alerts first, then by name. */
    private static List<String> classes(List<Alert> alerts) {
        return List.copyOf(mostFirst(alerts.stream().map(Alert::attackClass).toList()).keySet());
    }
}
