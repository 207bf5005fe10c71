package io.iotwatch.report.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.report.HoldingClock;
import io.iotwatch.report.Report;
import io.iotwatch.report.archive.ReportArchive.Origin;
import io.iotwatch.report.json.ReportJson;
import io.iotwatch.report.render.ReportFormat;
import io.iotwatch.store.EventStore;
import io.iotwatch.store.EventStores;
import io.iotwatch.store.StoreSettings;
import io.iotwatch.store.audit.AuditEntry;
import io.iotwatch.store.audit.AuditSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reports folder over a real SQLite store: reports made, listed, read back, refused, and never half there. */
class ReportArchiveTest {

    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T23:59:59.999Z");

    @TempDir
    Path dir;

    private Path folder;
    private EventStore store;

    @BeforeEach
    void storeWithTwoAlerts() {
        store = EventStores.open(StoreSettings.embedded(dir.resolve("data")));
        Alert scan = new Alert("scan-1", "scan", "scan-1", "Recon-PortScan", "Recon", ThreatLevel.LOW, 0.9,
                FROM.plusSeconds(3600), FROM.plusSeconds(3700), "10.0.0.66", "10.0.0.12", null, "T1046", 20, Map.of());
        Alert flood = new Alert("flood-1", "flood", "flood-1", "DDoS-SYN_Flood", "DDoS", ThreatLevel.HIGH, 0.95,
                FROM.plusSeconds(7200), FROM.plusSeconds(7300), "10.0.0.70", "10.0.0.12", null, "T1498.001", 5000, Map.of());
        store.accept(new Batch(List.of(), List.of(), List.of(scan, flood), Optional.empty()));
        folder = dir.resolve("reports");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aReportIsMadeListedAndReadBackAsTheReportOfItsPeriod() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T09:30:00.123456Z"), ZoneOffset.UTC);
        ReportArchive archive = ReportArchive.open(folder, clock);
        ArchivedReport made = archive.create(store, FROM, TO, ReportFormat.JSON, Origin.user("alice"));

        assertThat(made.id()).startsWith("20261202T093000123Z-").matches(ReportArchive::isId);
        assertThat(made.createdAt()).isEqualTo(clock.instant());
        assertThat(made.from()).isEqualTo(FROM);
        assertThat(made.to()).isEqualTo(TO);
        assertThat(made.format()).isEqualTo(ReportFormat.JSON);
        assertThat(made.requestedBy()).isEqualTo("alice");
        assertThat(made.schedule()).isNull();
        assertThat(made.downloadName()).isEqualTo("iotwatch-report-20261201T000000Z-20261201T235959Z.json");
        assertThat(archive.list()).containsExactly(made);
        assertThat(archive.find(made.id())).hasValue(made);

        Path file = archive.file(made.id()).orElseThrow();
        assertThat(file.getParent()).isEqualTo(folder.toRealPath());
        byte[] bytes = Files.readAllBytes(file);
        assertThat(made.size()).isEqualTo(bytes.length);
        assertThat(made.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        Report report = ReportJson.read(new String(bytes, StandardCharsets.UTF_8));
        assertThat(report.period().from()).isEqualTo(FROM);
        assertThat(report.period().to()).isEqualTo(TO);
        assertThat(report.period().generatedAt()).isEqualTo(made.createdAt());
        assertThat(report.summary().alerts()).isEqualTo(2);

        AuditEntry entry = store.audit().entriesAbout(made.id(), 10).getFirst();
        assertThat(entry.kind()).isEqualTo("report.created");
        assertThat(entry.data()).contains("\"by\":\"alice\"").contains("\"sha256\":\"" + made.sha256() + "\"")
                .contains("\"from\":\"2026-12-01T00:00:00Z\"").contains("\"to\":\"2026-12-01T23:59:59.999Z\"")
                .contains("\"format\":\"json\"").contains("\"size\":\"" + made.size() + "\"").doesNotContain("schedule");
    }

    @Test
    void theMetadataSurvivesARestartAndTheListIsNewestFirst() throws Exception {
        // a minute later each time it is read
        Instant[] next = {Instant.parse("2026-12-02T09:00:00Z")};
        HoldingClock clock = HoldingClock.released(() -> {
            synchronized (next) {
                Instant now = next[0];
                next[0] = now.plus(Duration.ofMinutes(1));
                return now;
            }
        });
        ReportArchive archive = ReportArchive.open(folder, clock);
        ArchivedReport first = archive.create(store, FROM, TO, ReportFormat.JSON, Origin.schedule("daily"));
        ArchivedReport second = archive.create(store, FROM.minus(Duration.ofDays(7)), TO, ReportFormat.JSON, Origin.user("bob@example.org"));
        ArchivedReport third = archive.create(store, FROM, FROM, ReportFormat.JSON, Origin.schedule("weekly"));
        assertThat(archive.list()).containsExactly(third, second, first);

        ReportArchive reopened = ReportArchive.open(folder, Clock.systemUTC());
        assertThat(reopened.list()).containsExactly(third, second, first);
        assertThat(reopened.find(first.id()).orElseThrow().schedule()).isEqualTo("daily");
        assertThat(store.audit().entriesAbout(first.id(), 1).getFirst().data()).contains("\"by\":\"iotwatch\"")
                .contains("\"schedule\":\"daily\"");
    }

    @Test
    void onlyItsOwnIdsAreAnswered() throws Exception {
        ReportArchive archive = ReportArchive.open(folder, Clock.systemUTC());
        ArchivedReport made = archive.create(store, FROM, TO, ReportFormat.JSON, Origin.user("alice"));
        Files.writeString(dir.resolve("secret.json"), "{\"secret\": true}");
        Files.writeString(folder.resolve("notes.meta.json"), ReportArchive.toJson(made));
        String id = made.id();
        List<String> hostile = new ArrayList<>(List.of("", " ", ".", "..", "../secret", "../secret.json", "/etc/passwd",
                "%2e%2e%2fsecret", "..\\secret", "notes", id + ".json", id + "/", id + "/../" + id, " " + id, id + "\n",
                id + "\u0000", id.toUpperCase(), id.replace('-', '_'), id.substring(0, 31), id + "0", "C:\\" + id,
                // Arabic-Indic digits: a regex's \d would take them
                "\u0662\u0660\u0662\u0666" + id.substring(4)));
        hostile.add(null);
        for (String bad : hostile) {
            assertThat(ReportArchive.isId(bad)).as("%s", bad).isFalse();
            assertThat(archive.find(bad)).as("%s", bad).isEmpty();
            assertThat(archive.file(bad)).as("%s", bad).isEmpty();
        }
        // the form of an id, but none of the archive's
        String absent = id.substring(0, 20) + "000000000000";
        assertThat(ReportArchive.isId(absent)).isTrue();
        assertThat(archive.find(absent)).isEmpty();
        assertThat(archive.list()).containsExactly(made);
        assertThatThrownBy(() -> new ArchivedReport("../x", made.createdAt(), FROM, TO, ReportFormat.JSON, 1, made.sha256(), null, "a"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void metadataThatDoesNotMatchItsNameOrItsFileIsLeftOut() throws Exception {
        ReportArchive archive = ReportArchive.open(folder, Clock.systemUTC());
        ArchivedReport made = archive.create(store, FROM, TO, ReportFormat.JSON, Origin.user("alice"));
        String other = made.id().substring(0, 20) + "aaaaaaaaaaaa";
        // a copy of another report's metadata under this name, a damaged one, and one whose report is gone
        Files.writeString(folder.resolve(other + ".meta.json"), ReportArchive.toJson(made));
        Files.writeString(folder.resolve(other + ".json"), "{}");
        String damaged = made.id().substring(0, 20) + "bbbbbbbbbbbb";
        Files.writeString(folder.resolve(damaged + ".meta.json"), "{\"id\": \"" + damaged + "\", \"size\": \"big\"}");
        Files.writeString(folder.resolve(damaged + ".json"), "{}");
        ArchivedReport gone = archive.create(store, FROM, TO, ReportFormat.JSON, Origin.user("alice"));
        Files.delete(folder.resolve(gone.fileName()));

        assertThat(archive.list()).containsExactly(made);
        assertThat(archive.find(other)).isEmpty();
        assertThat(archive.find(damaged)).isEmpty();
        assertThat(archive.file(gone.id())).isEmpty();
    }

    @Test
    void whatACrashLeftHalfWrittenIsNeverListedAndIsClearedOnOpen() throws Exception {
        ReportArchive archive = ReportArchive.open(folder, Clock.systemUTC());
        ArchivedReport made = archive.create(store, FROM, TO, ReportFormat.JSON, Origin.user("alice"));
        String halfId = made.id().substring(0, 20) + "cccccccccccc";
        Path temp = Files.writeString(folder.resolve(".tmp-" + halfId + ".json"), "{\"period\":");
        Path tempMeta = Files.writeString(folder.resolve(".tmp-" + halfId + ".meta.json"), "{");
        // renamed into place, but the crash came before its metadata was
        Path orphan = Files.writeString(folder.resolve(halfId + ".pdf"), "%PDF-1.7");
        Path unrelated = Files.writeString(folder.resolve("README.txt"), "the operator's note");
        assertThat(archive.list()).containsExactly(made);

        ReportArchive reopened = ReportArchive.open(folder, Clock.systemUTC());
        assertThat(temp).doesNotExist();
        assertThat(tempMeta).doesNotExist();
        assertThat(orphan).doesNotExist();
        assertThat(unrelated).exists();
        assertThat(reopened.list()).containsExactly(made);
        assertThat(reopened.file(made.id()).orElseThrow()).exists();
    }

    @Test
    void aReportThatCannotBeRecordedLeavesNothingBehind() throws Exception {
        ReportArchive archive = ReportArchive.open(folder, Clock.systemUTC());
        archive.create(store, FROM, TO, ReportFormat.JSON, Origin.user("alice"));
        store.close();
        Path data = dir.resolve("data");
        // the same database with its audit log opened for reading only: the report is built, its entry refused
        store = EventStores.open(StoreSettings.embedded(data), new AuditSettings(EventStores.defaultKeyFile(StoreSettings.embedded(data)),
                false, 1000, Duration.ofSeconds(30)));
        try (Stream<Path> before = Files.list(folder)) {
            Set<Path> files = new HashSet<>(before.toList());
            assertThatThrownBy(() -> archive.create(store, FROM, TO, ReportFormat.JSON, Origin.user("alice")))
                    .hasMessageContaining("cannot record report.created");
            try (Stream<Path> after = Files.list(folder)) {
                assertThat(after.toList()).containsExactlyInAnyOrderElementsOf(files);
            }
        }
        assertThat(archive.list()).hasSize(1);
    }

    @Test
    void aPeriodWhoseFromIsAfterItsToIsRefused() throws Exception {
        ReportArchive archive = ReportArchive.open(folder, Clock.systemUTC());
        assertThatThrownBy(() -> archive.create(store, TO, FROM, ReportFormat.JSON, Origin.user("alice")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(archive.list()).isEmpty();
        assertThatThrownBy(() -> Origin.schedule("../daily")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Origin("daily", "alice")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Origin.user(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsMadeAtOnceThroughTwoArchivesOfOneFolderAllArriveWhole() throws Exception {
        // the same instant for every report: only the random part of their ids tells them apart
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T09:30:00Z"), ZoneOffset.UTC);
        List<ReportArchive> archives = List.of(ReportArchive.open(folder, clock), ReportArchive.open(folder, clock));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<ArchivedReport>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                ReportArchive archive = archives.get(i % 2);
                String user = "user" + i;
                futures.add(pool.submit(() -> archive.create(store, FROM, TO, ReportFormat.JSON, Origin.user(user))));
            }
            Set<String> ids = new HashSet<>();
            for (Future<ArchivedReport> future : futures) {
                ids.add(future.get(60, TimeUnit.SECONDS).id());
            }
            assertThat(ids).hasSize(12);
        } finally {
            pool.shutdownNow();
        }
        List<ArchivedReport> listed = archives.getFirst().list();
        assertThat(listed).extracting(ArchivedReport::id).containsExactlyInAnyOrderElementsOf(
                futures.stream().map(ReportArchiveTest::result).map(ArchivedReport::id).toList());
        for (ArchivedReport report : listed) {
            assertThat(ReportJson.read(Files.readString(archives.getFirst().file(report.id()).orElseThrow())).summary().alerts())
                    .isEqualTo(2);
        }
    }

    @Test
    void tryCreateGivesWayWhileAnotherReportIsBeingMade() throws Exception {
        // the builder asks the clock when the report is made: this one holds the first report there
        HoldingClock holding = new HoldingClock(() -> Instant.parse("2026-12-02T09:30:00Z"));
        ReportArchive archive = ReportArchive.open(folder, holding);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ArchivedReport> first = pool.submit(() -> archive.create(store, FROM, TO, ReportFormat.JSON, Origin.user("alice")));
            assertThat(holding.awaitReader(60, TimeUnit.SECONDS)).isTrue();
            assertThat(archive.tryCreate(store, FROM, TO, ReportFormat.JSON, Origin.user("bob"))).isEmpty();
            holding.release();
            assertThat(first.get(60, TimeUnit.SECONDS).requestedBy()).isEqualTo("alice");
            assertThat(archive.tryCreate(store, FROM, TO, ReportFormat.JSON, Origin.user("bob"))).isPresent();
        } finally {
            holding.release();
            pool.shutdownNow();
        }
        assertThat(archive.list()).hasSize(2);
    }

    private static ArchivedReport result(Future<ArchivedReport> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
