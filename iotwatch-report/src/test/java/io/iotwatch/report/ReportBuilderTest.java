package io.iotwatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.store.AlertStatus;
import io.iotwatch.store.AllowRule;
import io.iotwatch.store.EventStore;
import io.iotwatch.store.EventStores;
import io.iotwatch.store.StoreSettings;
import io.iotwatch.store.audit.AuditRecord;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every figure of a report against the same figures worked out from the known alerts and connections stored. */
class ReportBuilderTest {

    private static final Instant GENERATED = Instant.parse("2026-12-02T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(GENERATED, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final ReportFixture data = new ReportFixture(20261202L);

    private EventStore open() {
        return EventStores.open(StoreSettings.embedded(dir));
    }

    @Test
    void summaryCountsThePeriodsAlertsAndTraffic() {
        try (EventStore store = open()) {
            data.store(store);
            Report report = ReportBuilder.build(store, data.from, data.to, CLOCK);

            List<Alert> expected = data.inPeriod();
            assertThat(expected).hasSizeBetween(40, data.alerts.size() - 5);
            Summary summary = report.summary();
            assertThat(report.period()).isEqualTo(new Period(data.from, data.to, GENERATED));
            assertThat(summary.alerts()).isEqualTo(expected.size());
            assertThat(summary.occurrences()).isEqualTo(expected.stream().mapToLong(Alert::count).sum());
            Map<String, Long> byLevel = new LinkedHashMap<>();
            for (ThreatLevel level : ThreatLevel.values()) {
                byLevel.put(level.id(), expected.stream().filter(a -> a.level() == level).count());
            }
            assertThat(summary.byLevel()).containsExactlyEntriesOf(byLevel);
            assertThat(summary.byGroup()).containsExactlyEntriesOf(countedMostFirst(expected.stream().map(Alert::group).toList()));
            assertThat(summary.byClass()).containsExactlyEntriesOf(countedMostFirst(expected.stream().map(Alert::attackClass).toList()));

            List<ConnectionEvent> traffic = data.connectionsInPeriod();
            assertThat(traffic.size()).isLessThan(data.connections.size());
            assertThat(summary.events()).isEqualTo(traffic.size());
            assertThat(summary.packets()).isEqualTo(traffic.stream().mapToLong(c -> c.packetsIn() + c.packetsOut()).sum());
            assertThat(summary.bytes()).isEqualTo(traffic.stream().mapToLong(c -> c.bytesIn() + c.bytesOut()).sum());

            assertThat(report.alerts()).extracting(AlertRow::id).containsExactlyElementsOf(expected.stream()
                    .sorted(Comparator.comparing(Alert::lastSeen).reversed().thenComparing(Alert::id)).map(Alert::id).toList());
        }
    }

    @Test
    void aCenturyReadsOnlyTheTimeThatHoldsDataAndALongerPeriodIsRefused() {
        try (EventStore store = open()) {
            data.store(store);
            Instant from = data.from.minus(Period.MAX_LENGTH.minusDays(2));
            Report report = ReportBuilder.build(store, from, data.to, CLOCK);

            List<Alert> begun = data.alerts.stream().filter(a -> !a.firstSeen().isAfter(data.to)).toList();
            assertThat(report.summary().alerts()).isEqualTo(begun.size());
            Instant end = data.to.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
            List<ConnectionEvent> traffic = data.connections.stream().filter(c -> c.header().time().isBefore(end)).toList();
            assertThat(report.summary().events()).isEqualTo(traffic.size());
            assertThat(report.summary().bytes()).isEqualTo(traffic.stream().mapToLong(c -> c.bytesIn() + c.bytesOut()).sum());
            assertThat(report.timeline()).hasSizeLessThanOrEqualTo(ReportBuilder.MAX_TIMELINE_STEPS);
            assertThat(report.timeline().stream().mapToLong(b -> b.low() + b.medium() + b.high() + b.critical()).sum())
                    .isGreaterThanOrEqualTo(begun.size());
            assertThatThrownBy(() -> ReportBuilder.build(store, from.minus(Duration.ofDays(3)), data.to, CLOCK))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than 36500 days");
        }
    }

    @Test
    void trafficOfALongPeriodAddsUpMinutesAtItsEndsAndDaysBetween() {
        try (EventStore store = open()) {
            data.store(store);
            // from and to in the middle of a minute, whole days between them
            Instant from = data.from.minus(Duration.ofDays(3)).plusSeconds(30);
            Instant to = data.to.plus(Duration.ofDays(3)).plusSeconds(30);
            Summary summary = ReportBuilder.build(store, from, to, CLOCK).summary();

            assertThat(summary.events()).isEqualTo(data.connections.size());
            assertThat(summary.bytes()).isEqualTo(data.connections.stream().mapToLong(c -> c.bytesIn() + c.bytesOut()).sum());

            // a period that ends in the middle of the connections' first minute still counts that minute whole
            Instant firstMinute = data.connections.stream().map(c -> c.header().time()).min(Comparator.naturalOrder())
                    .orElseThrow().truncatedTo(ChronoUnit.MINUTES);
            long inFirstMinute = data.connections.stream()
                    .filter(c -> c.header().time().truncatedTo(ChronoUnit.MINUTES).equals(firstMinute)).count();
            assertThat(ReportBuilder.build(store, from, firstMinute.plusSeconds(1), CLOCK).summary().events()).isEqualTo(inFirstMinute);
        }
    }

    @Test
    void timelineHasAtMostAHundredWholeStepsThatAddUpToTheAlertsThatBeganInThePeriod() {
        try (EventStore store = open()) {
            data.store(store);
            Report report = ReportBuilder.build(store, data.from, data.to, CLOCK);

            assertThat(ReportBuilder.timelineStep(data.from, data.to)).isEqualTo(Duration.ofMinutes(15));
            assertThat(report.timeline()).hasSizeLessThanOrEqualTo(ReportBuilder.MAX_TIMELINE_STEPS);
            long counted = report.timeline().stream().mapToLong(b -> b.low() + b.medium() + b.high() + b.critical()).sum();
            assertThat(counted).isEqualTo(data.inPeriod().stream().filter(a -> !a.firstSeen().isBefore(data.from)).count());
        }
    }

    @Test
    void timelineStepsAreWholeMinutesHoursOrDaysAndNeverMoreThanAHundred() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(ReportBuilder.timelineStep(t, t)).isEqualTo(Duration.ofMinutes(1));
        assertThat(ReportBuilder.timelineStep(t, t.plus(Duration.ofHours(1)))).isEqualTo(Duration.ofMinutes(1));
        assertThat(ReportBuilder.timelineStep(t, t.plus(Duration.ofDays(7)))).isEqualTo(Duration.ofHours(2));
        assertThat(ReportBuilder.timelineStep(t, t.plus(Duration.ofDays(365)))).isEqualTo(Duration.ofDays(4));
        for (Duration span : List.of(Duration.ofMinutes(99), Duration.ofHours(30), Duration.ofDays(40), Duration.ofDays(1000))) {
            Instant from = t.plusSeconds(37);
            Duration step = ReportBuilder.timelineStep(from, from.plus(span));
            long buckets = Math.floorDiv(from.plus(span).toEpochMilli(), step.toMillis())
                    - Math.floorDiv(from.toEpochMilli(), step.toMillis()) + 1;
            assertThat(buckets).as(span.toString()).isLessThanOrEqualTo(ReportBuilder.MAX_TIMELINE_STEPS);
        }
    }

    @Test
    void topSourcesTargetsAndDetectorsAreWorkedOutFromThePeriodsAlerts() {
        try (EventStore store = open()) {
            data.store(store);
            Report report = ReportBuilder.build(store, data.from, data.to, CLOCK);
            List<Alert> expected = data.inPeriod();

            Map<String, List<Alert>> bySource = by(expected, Alert::srcIp);
            List<String> sourceOrder = bySource.keySet().stream()
                    .sorted(Comparator.<String>comparingInt(ip -> -bySource.get(ip).size()).thenComparing(ip -> ip))
                    .limit(10).toList();
            assertThat(report.topSources()).extracting(SourceRow::ip).containsExactlyElementsOf(sourceOrder);
            for (SourceRow row : report.topSources()) {
                List<Alert> of = bySource.get(row.ip());
                assertThat(row.alerts()).isEqualTo(of.size());
                assertThat(row.occurrences()).isEqualTo(of.stream().mapToLong(Alert::count).sum());
                assertThat(row.classes()).containsExactlyElementsOf(countedMostFirst(of.stream().map(Alert::attackClass).toList()).keySet());
                assertThat(row.highestLevel()).isEqualTo(of.stream().map(Alert::level).max(Comparator.naturalOrder()).orElseThrow().id());
                assertThat(row.firstSeen()).isEqualTo(of.stream().map(Alert::firstSeen).min(Comparator.naturalOrder()).orElseThrow());
                assertThat(row.lastSeen()).isEqualTo(of.stream().map(Alert::lastSeen).max(Comparator.naturalOrder()).orElseThrow());
            }

            Map<String, List<Alert>> byTarget = by(expected, Alert::dstIp);
            assertThat(report.topTargets()).hasSize(Math.min(10, byTarget.size()));
            for (TargetRow row : report.topTargets()) {
                List<Alert> of = byTarget.get(row.ip());
                assertThat(row.alerts()).isEqualTo(of.size());
                assertThat(row.attackers()).isEqualTo(of.stream().map(Alert::srcIp).filter(Objects::nonNull).distinct().count());
                assertThat(row.classes()).containsExactlyInAnyOrderElementsOf(of.stream().map(Alert::attackClass).distinct().toList());
            }
            assertThat(report.topTargets()).isSortedAccordingTo(Comparator.comparingLong(TargetRow::alerts).reversed()
                    .thenComparing(TargetRow::ip));

            Map<String, List<Alert>> byDetector = by(expected, Alert::detector);
            assertThat(report.detection()).extracting(DetectorRow::detector).containsExactlyInAnyOrderElementsOf(byDetector.keySet());
            for (DetectorRow row : report.detection()) {
                List<Alert> of = byDetector.get(row.detector());
                long[] bins = new long[10];
                // worked out in decimal, so the float arithmetic of the builder's binning is checked too
                of.forEach(a -> bins[Math.min(9, new BigDecimal(Double.toString(a.confidence())).movePointRight(1).intValue())]++);
                assertThat(row.alerts()).isEqualTo(of.size());
                assertThat(row.confidenceHistogram()).containsExactly(bins);
                assertThat(row.meanConfidence()).isCloseTo(of.stream().mapToDouble(Alert::confidence).average().orElseThrow(), within(1e-12));
            }
            assertThat(report.detection()).isSortedAccordingTo(Comparator.comparingLong(DetectorRow::alerts).reversed()
                    .thenComparing(DetectorRow::detector));
        }
    }

    @Test
    void binsHoldTheirLowerEdgeAndTheLastHoldsOne() {
        assertThat(List.of(0.0, 0.1, 0.2, 0.3, 0.6, 0.7, 0.79, 0.9, 0.99, 1.0).stream().map(DetectorRow::bin).toList())
                .containsExactly(0, 1, 2, 3, 6, 7, 7, 9, 9, 9);
    }

    @Test
    void oneRecommendationPerGroupSeenMostAlertsFirstWithGenericAdviceForAnUnknownGroup() {
        try (EventStore store = open()) {
            data.store(store);
            Report report = ReportBuilder.build(store, data.from, data.to, CLOCK);

            Map<String, Long> groups = countedMostFirst(data.inPeriod().stream().map(Alert::group).toList());
            assertThat(report.recommendations()).extracting(Recommendation::group).containsExactlyElementsOf(groups.keySet());
            assertThat(report.recommendations()).allSatisfy(r -> {
                assertThat(r.actions()).hasSizeBetween(2, 4);
                assertThat(r.mitigations()).isNotEmpty();
            });
            Recommendation unknown = report.recommendations().stream().filter(r -> r.group().equals("NoSuchGroup")).findFirst().orElseThrow();
            assertThat(unknown.classes()).containsExactly("Made-Up");
            assertThat(unknown.actions().getFirst()).contains("NoSuchGroup");
            Recommendation c2 = report.recommendations().stream().filter(r -> r.group().equals("C2")).findFirst().orElseThrow();
            assertThat(c2.classes()).containsExactlyInAnyOrder("DNS-Tunneling", "C2-Beaconing");
            assertThat(c2.mitigations()).contains(new Mitigation("M1031", "Network Intrusion Prevention"));
        }
    }

    @Test
    void complianceTimesComeFromTheAuditEntriesOfRaisingAndTriage() throws InterruptedException {
        try (EventStore store = open()) {
            long raisedFrom = System.currentTimeMillis();
            data.store(store);
            long raisedTo = System.currentTimeMillis();
            List<Alert> expected = data.inPeriod();
            List<String> ids = expected.stream().map(Alert::id).toList();

            // three acknowledged ever later, two of them resolved; one suppressed; one reopened
            long[][] acknowledged = new long[3][2];
            for (int i = 0; i < 3; i++) {
                Thread.sleep(20);
                acknowledged[i][0] = System.currentTimeMillis();
                store.triage().set(ids.get(i), AlertStatus.ACKNOWLEDGED, "on it", "ana", Instant.now());
                acknowledged[i][1] = System.currentTimeMillis();
            }
            long[][] resolved = new long[2][2];
            for (int i = 0; i < 2; i++) {
                Thread.sleep(20);
                resolved[i][0] = System.currentTimeMillis();
                store.triage().set(ids.get(i), AlertStatus.RESOLVED, "done", "ana", Instant.now());
                resolved[i][1] = System.currentTimeMillis();
            }
            store.triage().suppress(ids.get(3), new AllowRule(null, null, "10.9.9.9/32", null, "lab scanner", "ana",
                    Instant.now()), "ours", "ana", Instant.now());
            store.triage().set(ids.get(4), AlertStatus.OPEN, "again", "ana", Instant.now());

            Report report = ReportBuilder.build(store, data.from, data.to, CLOCK);
            Compliance compliance = report.compliance();

            assertThat(compliance.triaged()).isEqualTo(5);
            assertThat(compliance.triagedShare()).isEqualTo(5.0 / expected.size());
            assertThat(compliance.allowRules()).isEqualTo(1);

            // every alert was recorded raised between raisedFrom and raisedTo
            long[] earliest = expected.stream().mapToLong(a -> Math.max(0, raisedFrom - a.firstSeen().toEpochMilli())).sorted().toArray();
            long[] latest = expected.stream().mapToLong(a -> Math.max(0, raisedTo - a.firstSeen().toEpochMilli())).sorted().toArray();
            Stat detect = compliance.timeToDetect();
            assertThat(detect.count()).isEqualTo(expected.size());
            assertThat(detect.medianSeconds()).isBetween(rank(earliest, 50), rank(latest, 50));
            assertThat(detect.p90Seconds()).isBetween(rank(earliest, 90), rank(latest, 90));
            assertThat(detect.maxSeconds()).isBetween(earliest[earliest.length - 1] / 1000.0, latest[latest.length - 1] / 1000.0);

            // acknowledged one after another, so the second is the median (nearest rank 2 of 3) and the third the 90th
            Stat acknowledge = compliance.timeToAcknowledge();
            assertThat(acknowledge.count()).isEqualTo(3);
            assertThat(acknowledge.medianSeconds()).isBetween((acknowledged[1][0] - raisedTo) / 1000.0, (acknowledged[1][1] - raisedFrom) / 1000.0);
            assertThat(acknowledge.p90Seconds()).isBetween((acknowledged[2][0] - raisedTo) / 1000.0, (acknowledged[2][1] - raisedFrom) / 1000.0);
            assertThat(acknowledge.maxSeconds()).isEqualTo(acknowledge.p90Seconds());
            Stat resolve = compliance.timeToResolve();
            assertThat(resolve.count()).isEqualTo(2);
            assertThat(resolve.medianSeconds()).isBetween((resolved[0][0] - raisedTo) / 1000.0, (resolved[0][1] - raisedFrom) / 1000.0);
            assertThat(resolve.maxSeconds()).isBetween((resolved[1][0] - raisedTo) / 1000.0, (resolved[1][1] - raisedFrom) / 1000.0);

            assertThat(report.alerts()).filteredOn(row -> row.id().equals(ids.get(0))).extracting(AlertRow::status).containsExactly("resolved");
            assertThat(report.alerts()).filteredOn(row -> row.id().equals(ids.get(3))).extracting(AlertRow::status).containsExactly("suppressed");
        }
    }

    @Test
    void noDurationsGiveNullFigures() {
        assertThat(Stat.ofMillis(new long[0])).isEqualTo(new Stat(0, null, null, null));
        assertThat(Stat.ofMillis(new long[] {4000, 1000, 3000, 2000})).isEqualTo(new Stat(4, 2.0, 4.0, 4.0));
    }

    @Test
    void auditCheckVerifiesTheLogAndGivesTheHeadSealedByThePeriodsEnd() throws InterruptedException {
        try (EventStore store = open()) {
            data.store(store);
            Report beforeAnyBlock = ReportBuilder.build(store, data.from, data.to, CLOCK);
            assertThat(beforeAnyBlock.compliance().audit().head()).isNull();

            store.audit().seal();
            Thread.sleep(5);
            Instant between = Instant.now();
            Thread.sleep(5);
            store.triage().set(data.inPeriod().getFirst().id(), AlertStatus.ACKNOWLEDGED, "", "ana", Instant.now());
            store.audit().seal();

            // a period that ended before the blocks were sealed has no head
            AuditCheck past = ReportBuilder.build(store, data.from, data.to, CLOCK).compliance().audit();
            assertThat(past.valid()).isTrue();
            assertThat(past.blocks()).isEqualTo(2);
            assertThat(past.entries()).isEqualTo(data.alerts.size() + 1);
            assertThat(past.problems()).isZero();
            assertThat(past.firstProblem()).isNull();
            assertThat(past.head()).isNull();

            assertThat(ReportBuilder.build(store, data.from, between, CLOCK).compliance().audit().head().index()).isZero();
            AuditCheck now = ReportBuilder.build(store, data.from, Instant.now().plusSeconds(60), CLOCK).compliance().audit();
            assertThat(now.head().index()).isEqualTo(1);
            assertThat(now.head().selfConsistent()).isTrue();
            assertThat(now.head()).isEqualTo(store.audit().head().orElseThrow());
        }
    }

    @Test
    void sensorsShowTheirStateAtThePeriodsEndsTheirTimeOnlineAndTheirChangesFromTheAuditLog() throws InterruptedException {
        try (EventStore store = open()) {
            sensor(store, "source.offline", "syslog udp/5514", "syslog", "port taken");
            sensor(store, "source.online", "/srv/old", "folder", null);
            sensor(store, "source.stopped", "/srv/old", "folder", null);
            sensor(store, "source.online", "/var/log/fgt", "folder", null);
            Instant up = sensor(store, "source.online", "eth0", "interface", null);
            Instant down = sensor(store, "source.offline", "eth0", "interface", "link down");
            Instant eth1Up = sensor(store, "source.online", "eth1", "interface", null);
            Instant folderGone = sensor(store, "source.offline", "/var/log/fgt", "folder", "no such folder: /var/log/fgt");
            Instant upAgain = sensor(store, "source.online", "eth0", "interface", null);
            Instant stopped = sensor(store, "source.stopped", "eth0", "interface", null);
            sensor(store, "source.online", "demo", "demo", null);
            // from between eth0's first two changes, to between its last two, both in the middle of a millisecond
            Instant from = up.plus(Duration.between(up, down).dividedBy(2)).plusNanos(500_000);
            Instant to = upAgain.plus(Duration.between(upAgain, stopped).dividedBy(2)).plusNanos(250_000);
            double period = seconds(Duration.between(from, to));

            List<SensorRow> sensors = ReportBuilder.build(store, from, to, CLOCK).summary().sensors();

            // /srv/old stopped before the period and the demo began after it: neither is in it
            assertThat(sensors).extracting(SensorRow::name).containsExactly("/var/log/fgt", "eth0", "eth1", "syslog udp/5514");
            double eth0Online = seconds(Duration.between(from, down).plus(Duration.between(upAgain, to)));
            assertRow(sensors.get(0), new SensorRow("/var/log/fgt", "folder", "online", "offline",
                    seconds(Duration.between(from, folderGone)), seconds(Duration.between(from, folderGone)) / period, 1,
                    "no such folder: /var/log/fgt"));
            assertRow(sensors.get(1), new SensorRow("eth0", "interface", "online", "online", eth0Online, eth0Online / period, 2,
                    "link down"));
            assertRow(sensors.get(2), new SensorRow("eth1", "interface", "unknown", "online",
                    seconds(Duration.between(eth1Up, to)), seconds(Duration.between(eth1Up, to)) / period, 1, null));
            assertRow(sensors.get(3), new SensorRow("syslog udp/5514", "syslog", "offline", "offline", 0, 0, 0, "port taken"));

            // a later period: the sensors still online or offline as it begins, unchanged through it
            Instant later = stopped.plus(Duration.ofHours(1));
            List<SensorRow> after = ReportBuilder.build(store, later, later.plus(Duration.ofHours(1)), CLOCK).summary().sensors();
            assertThat(after).extracting(SensorRow::name).containsExactly("/var/log/fgt", "demo", "eth1", "syslog udp/5514");
            assertThat(after).extracting(SensorRow::changes).containsOnly(0L);
            assertThat(after.get(2)).extracting(SensorRow::statusAtEnd, SensorRow::onlineSeconds, SensorRow::onlineShare)
                    .containsExactly("online", 3600.0, 1.0);
            assertThat(after.get(0).lastProblem()).isEqualTo("no such folder: /var/log/fgt");
        }
    }

    /** Records a change of a sensor as 'serve' does, after the one before; when it was recorded. */
    private static Instant sensor(EventStore store, String kind, String name, String sensorKind, String reason)
            throws InterruptedException {
        Thread.sleep(5);
        Map<String, String> data = new HashMap<>(Map.of("kind", sensorKind));
        if (reason != null) {
            data.put("reason", reason);
        }
        store.audit().record(new AuditRecord(kind, "source:" + name, data));
        return Instant.ofEpochMilli(store.audit().entriesAbout("source:" + name, 1).getFirst().timeMillis());
    }

    /** Equal, seconds and shares to a nanosecond's worth. */
    private static void assertRow(SensorRow actual, SensorRow expected) {
        assertThat(actual).usingRecursiveComparison()
                .withComparatorForType((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b), Double.class)
                .isEqualTo(expected);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    @Test
    void anEmptyStoreGivesAReportOfZeros() {
        try (EventStore store = open()) {
            Report report = ReportBuilder.build(store, data.from, data.to, CLOCK);
            assertThat(report.summary().alerts()).isZero();
            assertThat(report.summary().sensors()).isEmpty();
            assertThat(report.summary().byLevel()).containsOnlyKeys("low", "medium", "high", "critical").allSatisfy((k, v) -> assertThat(v).isZero());
            assertThat(report.topSources()).isEmpty();
            assertThat(report.recommendations()).isEmpty();
            assertThat(report.compliance().triagedShare()).isZero();
            assertThat(report.compliance().timeToDetect()).isEqualTo(new Stat(0, null, null, null));
            assertThat(report.compliance().audit().valid()).isTrue();
        }
    }

    private static double rank(long[] sorted, int percentile) {
        return sorted[(int) Math.ceil(percentile / 100.0 * sorted.length) - 1] / 1000.0;
    }

    private static Map<String, List<Alert>> by(List<Alert> alerts, java.util.function.Function<Alert, String> key) {
        Map<String, List<Alert>> groups = new HashMap<>();
        alerts.stream().filter(a -> key.apply(a) != null).forEach(a -> groups.computeIfAbsent(key.apply(a), k -> new ArrayList<>()).add(a));
        return groups;
    }

    /** Each value with how often it occurs, most first, ties in name order. */
    private static Map<String, Long> countedMostFirst(List<String> values) {
        Map<String, Long> counts = new TreeMap<>(values.stream().collect(Collectors.groupingBy(v -> v, Collectors.counting())));
        Map<String, Long> ordered = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }
}
