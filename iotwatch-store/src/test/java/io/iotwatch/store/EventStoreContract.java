package io.iotwatch.store;

import static io.iotwatch.store.SampleEvents.STREAM;
import static io.iotwatch.store.SampleEvents.batch;
import static io.iotwatch.store.SampleEvents.header;
import static io.iotwatch.store.SampleEvents.reject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.ArpEvent;
import io.iotwatch.core.event.AuthEvent;
import io.iotwatch.core.event.ClassificationEvent;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.DnsEvent;
import io.iotwatch.core.event.Endpoint;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventHeader;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.event.EventType;
import io.iotwatch.core.event.GenericEvent;
import io.iotwatch.core.event.Reject;
import io.iotwatch.core.event.VendorAlertEvent;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.core.sink.Checkpoint;
import io.iotwatch.store.audit.AuditEntry;
import io.iotwatch.store.audit.AuditRecord;
import io.iotwatch.store.audit.AuditSettings;
import io.iotwatch.store.audit.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventStore} does, whatever the database. Each test gets a new, empty database
 * from {@link #newDatabase()}.
 */
abstract class EventStoreContract {

    private StoreSettings settings;
    private Path auditKey;
    private EventStore store;

    /** Settings of a new, empty database (or schema) for one test. */
    protected abstract StoreSettings newDatabase() throws Exception;

    /** Removes what {@link #newDatabase()} made. */
    protected abstract void dropDatabase() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        settings = newDatabase();
        auditKey = Files.createTempDirectory("iotwatch-audit-key").resolve(EventStores.DEFAULT_KEY_FILE);
        store = open();
    }

    @AfterEach
    void closeStore() throws Exception {
        store.close();
        dropDatabase();
        Files.deleteIfExists(auditKey);
        Files.deleteIfExists(auditKey.getParent());
    }

    /** The test's database, with its audit log signed by the test's key. */
    private EventStore open() {
        return EventStores.open(settings, audit());
    }

    private AuditSettings audit() {
        return AuditSettings.signingWith(auditKey);
    }

    @Test
    void storesEveryEventTypeAndReadsItBack() {
        List<Event> events = SampleEvents.oneOfEach(100);
        store.accept(batch(events, List.of()));

        for (Event event : events) {
            assertThat(store.events(event.type(), 10)).containsExactly(event);
        }
    }

    @Test
    void readsBackEventsWhoseOptionalFieldsAreEmpty() {
        List<Event> events = SampleEvents.bare(200);
        store.accept(batch(events, List.of()));

        for (Event event : events) {
            assertThat(store.events(event.type(), 10)).containsExactly(event);
        }
    }

    @Test
    void storingABatchAgainStoresNothingTwice() {
        Batch batch = batch(SampleEvents.oneOfEach(0), List.of(reject(50, "garbage")));
        store.accept(batch);
        store.accept(batch);

        StoreSummary summary = store.summary();
        assertThat(summary.totalEvents()).isEqualTo(EventType.values().length);
        assertThat(summary.rejects()).isEqualTo(1);
        assertThat(store.events(EventType.CONNECTION, 10)).containsExactly(batch.events().getFirst());
    }

    @Test
    void anIdAlreadyStoredKeepsItsFirstEventWhileNewIdsAreAdded() {
        ConnectionEvent first = SampleEvents.connection(1);
        store.accept(batch(List.of(first), List.of(reject(2, "first reject"))));

        ConnectionEvent sameId = new ConnectionEvent(header(1), "udp", null, null, 0, 0, 0, 0, null, "deny", "", "", "", 0);
        ConnectionEvent next = SampleEvents.connection(3);
        store.accept(batch(List.of(sameId, next), List.of(reject(2, "second reject"), reject(4, "new reject"))));

        assertThat(store.events(EventType.CONNECTION, 10)).containsExactly(first, next);
        assertThat(store.rejects(10)).extracting(r -> new String(r.raw(), StandardCharsets.UTF_8))
                .containsExactly("first reject", "new reject");
    }

    @Test
    void aBatchWithTheSameIdTwiceStoresItOnce() {
        ConnectionEvent event = SampleEvents.connection(7);
        store.accept(batch(List.of(event, event), List.of(reject(8, "x"), reject(8, "x"))));

        assertThat(store.summary().totalEvents()).isEqualTo(1);
        assertThat(store.summary().rejects()).isEqualTo(1);
    }

    @Test
    void theCheckpointOfTheLatestBatchWins() {
        assertThat(store.checkpoint(STREAM)).isEmpty();

        Checkpoint first = new Checkpoint(STREAM, "/logs/a.log", 100, 2);
        Checkpoint second = new Checkpoint(STREAM, "/logs/a.log", 250, 5);
        store.accept(batch(List.of(SampleEvents.connection(0)), List.of(), first));
        store.accept(batch(List.of(SampleEvents.connection(100)), List.of(), second));

        assertThat(store.checkpoint(STREAM)).contains(second);
        assertThat(store.checkpoint(STREAM + 1)).isEmpty();
    }

    @Test
    void aBatchMayCarryOnlyACheckpoint() {
        Checkpoint checkpoint = new Checkpoint(-1, "", 0, 0);
        store.accept(batch(List.of(), List.of(), checkpoint));

        assertThat(store.checkpoint(-1)).contains(checkpoint);
        assertThat(store.summary().totalEvents()).isZero();
    }

    @Test
    void aFailedBatchStoresNothingAndLeavesTheCheckpointWhereItWas() throws SQLException {
        Checkpoint before = new Checkpoint(STREAM, "/logs/a.log", 100, 1);
        store.accept(batch(List.of(SampleEvents.connection(0)), List.of(), before));
        execute("ALTER TABLE rejects RENAME TO rejects_away");

        Batch failing = batch(List.of(SampleEvents.connection(100), SampleEvents.dns(200)), List.of(reject(300, "x")),
                new Checkpoint(STREAM, "/logs/a.log", 400, 4));
        assertThatThrownBy(() -> store.accept(failing))
                .isInstanceOf(StoreException.class)
                .hasCauseInstanceOf(SQLException.class)
                .hasMessageContaining("cannot store a batch of 2 events, 1 rejects and 0 alerts");

        execute("ALTER TABLE rejects_away RENAME TO rejects");
        assertThat(store.checkpoint(STREAM)).contains(before);
        assertThat(store.summary().totalEvents()).isEqualTo(1);

        store.accept(failing);
        assertThat(store.checkpoint(STREAM)).isEqualTo(failing.checkpoint());
        assertThat(store.summary().totalEvents()).isEqualTo(3);
    }

    @Test
    void rejectsKeepTheirBytesExactly() {
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        List<byte[]> raws = List.of(
                everyByte,
                new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, (byte) 0xe2, (byte) 0x82},
                new byte[] {0, 0, 'a', 0},
                new byte[0],
                "date=2024-01-01 \"unterminated".getBytes(StandardCharsets.UTF_8));
        List<Reject> rejects = new ArrayList<>();
        for (int i = 0; i < raws.size(); i++) {
            rejects.add(new Reject(new EventId(STREAM, i), "/logs/ü \"odd\" name.log", i + 1L, raws.get(i), "reason " + i + " 'quoted'"));
        }
        store.accept(batch(List.of(), rejects));

        List<Reject> stored = store.rejects(100);
        assertThat(stored).hasSize(rejects.size());
        for (int i = 0; i < rejects.size(); i++) {
            Reject expected = rejects.get(i);
            Reject actual = stored.get(i);
            assertThat(actual.id()).isEqualTo(expected.id());
            assertThat(actual.origin()).isEqualTo(expected.origin());
            assertThat(actual.lineNumber()).isEqualTo(expected.lineNumber());
            assertThat(actual.raw()).as("raw of reject %d", i).isEqualTo(expected.raw());
            assertThat(actual.reason()).isEqualTo(expected.reason());
        }
    }

    @Test
    void summaryCountsEventsByTypeAndRejects() {
        StoreSummary empty = store.summary();
        assertThat(empty.totalEvents()).isZero();
        assertThat(empty.rejects()).isZero();
        assertThat(empty.eventsByType()).containsOnlyKeys(EventType.values()).allSatisfy((type, n) -> assertThat(n).isZero());

        store.accept(batch(List.of(SampleEvents.connection(1), SampleEvents.connection(2), SampleEvents.dns(3), SampleEvents.generic(4)),
                List.of(reject(5, "a"), reject(6, "b"), reject(7, "c"))));

        StoreSummary summary = store.summary();
        assertThat(summary.totalEvents()).isEqualTo(4);
        assertThat(summary.rejects()).isEqualTo(3);
        assertThat(summary.eventsByType()).containsEntry(EventType.CONNECTION, 2L).containsEntry(EventType.DNS, 1L)
                .containsEntry(EventType.GENERIC, 1L).containsEntry(EventType.AUTH, 0L);
    }

    @Test
    void alertsAreStoredWithTheirBatchAndReplacedAsTheyGrow() {
        Alert first = alert("a1", ThreatLevel.HIGH, 10, Instant.parse("2025-05-12T10:00:00Z"),
                Map.of("failures", 10, "users", List.of("admin", "root"), "succeeded", false, "score", 0.5));
        Alert other = alert("a2", ThreatLevel.LOW, 1, Instant.parse("2025-05-12T11:00:00Z"), Map.of());
        store.accept(new Batch(List.of(), List.of(), List.of(first, other), Optional.empty()));
        Alert grown = alert("a1", ThreatLevel.CRITICAL, 25, first.firstSeen(),
                Map.of("failures", 25, "nested", Map.of("k", "v")));
        store.accept(new Batch(List.of(), List.of(), List.of(grown), Optional.empty()));

        List<Alert> stored = store.alerts(AlertQuery.all());
        assertThat(stored).extracting(Alert::id).containsExactly("a1", "a2");
        Alert a1 = stored.getFirst();
        assertThat(a1.level()).isEqualTo(ThreatLevel.CRITICAL);
        assertThat(a1.count()).isEqualTo(25);
        assertThat(a1.firstSeen()).isEqualTo(first.firstSeen());
        assertThat(a1.lastSeen()).isEqualTo(first.firstSeen().plusSeconds(60).plusNanos(123));
        assertThat(a1.evidence()).containsEntry("failures", 25).containsEntry("nested", Map.of("k", "v"));
        assertThat(a1).usingRecursiveComparison().ignoringFields("evidence").isEqualTo(grown);
        assertThat(stored.get(1).dstIp()).isNull();
    }

    @Test
    void alertsAreListedSinceATimeAndFromALevelUp() {
        Instant t = Instant.parse("2025-05-12T10:00:00Z");
        store.accept(new Batch(List.of(), List.of(), List.of(
                alert("low", ThreatLevel.LOW, 1, t, Map.of()),
                alert("high", ThreatLevel.HIGH, 1, t.plusSeconds(3600), Map.of()),
                alert("critical", ThreatLevel.CRITICAL, 1, t.plusSeconds(7200), Map.of())), Optional.empty()));

        assertThat(store.alerts(new AlertQuery(null, ThreatLevel.HIGH, 10))).extracting(Alert::id)
                .containsExactly("high", "critical");
        assertThat(store.alerts(new AlertQuery(t.plusSeconds(3600), null, 10))).extracting(Alert::id)
                .containsExactly("high", "critical");
        assertThat(store.alerts(new AlertQuery(null, null, 1))).extracting(Alert::id).containsExactly("low");
    }

    @Test
    void hostileAlertTextRoundTrips() {
        String hostile = "it's \"q\" \\ ; DROP TABLE alerts;-- \u0000\u0001 ünï 日本 😀 \u202e";
        Alert alert = new Alert("h", "dns-tunnel", hostile, "DNS-Tunneling", "C2", ThreatLevel.HIGH, 0.75,
                Instant.EPOCH, Instant.EPOCH, "10.0.0.9", null, hostile, "T1071.004", 3,
                Map.of("sample_names", List.of(hostile), hostile, hostile));
        store.accept(new Batch(List.of(), List.of(), List.of(alert), Optional.empty()));

        Alert stored = store.alerts(AlertQuery.all()).getFirst();
        String clean = hostile.replace('\u0000', '\uFFFD');
        assertThat(stored.incidentKey()).isEqualTo(clean);
        // evidence is JSON, where a NUL is an escape: it reads back exactly
        assertThat(stored.evidence()).isEqualTo(alert.evidence());
        assertThat(stored.domain()).isEqualTo(clean);
    }

    private static Alert alert(String id, ThreatLevel level, long count, Instant first, Map<String, Object> evidence) {
        return new Alert(id, "bruteforce", "10.0.0.5|10.0.1.7|ssh", "DictionaryBruteForce", "BruteForce", level, 0.9,
                first, first.plusSeconds(60).plusNanos(123), "10.0.0.5", id.equals("a2") ? null : "10.0.1.7", null,
                "T1110.001", count, evidence);
    }

    @Test
    void hostileTextRoundTrips() {
        String hostile = "it's \"quoted\" \\ back`tick; DROP TABLE events;-- %_ \t\r\n\u0001\u001f"
                + " ünïcödé 日本語 עברית \u202e 𝕏 😀 e\u0301 \uFEFF";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(hostile, hostile);
        fields.put("nul\u0000key", "nul\u0000value");
        fields.put("empty", "");
        String megabyte = (hostile + "\u0000").repeat((1 << 20) / hostile.length() + 1);
        GenericEvent generic = new GenericEvent(
                new EventHeader(new EventId(STREAM, 1), Instant.EPOCH, hostile, hostile, megabyte), hostile, fields);
        DnsEvent dns = new DnsEvent(header(STREAM, 2, hostile), new Endpoint(hostile, 1), null, hostile, hostile, hostile,
                List.of(hostile, "", hostile));
        store.accept(batch(List.of(generic, dns), List.of()));

        assertThat(store.events(EventType.GENERIC, 1)).containsExactly(generic);
        assertThat(store.events(EventType.DNS, 1)).containsExactly(dns);
    }

    @Test
    void aNulInAnyFieldReadsBackUnchanged() {
        DnsEvent dns = new DnsEvent(header(STREAM, 1, "query=a\u0000b.example"), new Endpoint("\u0000", 0), null,
                "a\u0000b.example", "A", "", List.of("\u0000"));
        store.accept(batch(List.of(dns), List.of()));

        assertThat(store.events(EventType.DNS, 1)).containsExactly(dns);
    }

    @Test
    void theRawRecordKeepsEveryByteEvenWhenItIsNotUtf8() {
        byte[] raw = new byte[256];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) i;
        }
        GenericEvent event = new GenericEvent(new EventHeader(new EventId(STREAM, 7), SampleEvents.TIME, "fortigate", "", raw), "x", null);
        store.accept(batch(List.of(event), List.of()));

        assertThat(store.events(EventType.GENERIC, 1)).singleElement()
                .satisfies(stored -> assertThat(stored.header().raw()).isEqualTo(raw));
    }

    @Test
    void storesABatchOfOneStreamAsOneBlockAndCountsItsEventsOnce() throws SQLException {
        List<Event> events = SampleEvents.oneOfEach(0);
        store.accept(batch(events, List.of()));
        store.accept(batch(events, List.of()));

        assertThat(count("SELECT COUNT(*) FROM event_blocks")).isEqualTo(1);
        assertThat(count("SELECT SUM(event_count) FROM event_blocks")).isEqualTo(EventType.values().length);
        assertThat(count("SELECT SUM(events) FROM event_counts")).isEqualTo(EventType.values().length);
        assertThat(store.summary().eventsByType()).allSatisfy((type, n) -> assertThat(n).isEqualTo(1));
    }

    @Test
    void aStreamReadAgainFromAnEarlierPositionInOtherBatchesStoresEachEventOnce() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            events.add(i % 2 == 0 ? SampleEvents.dns(i * 10L) : SampleEvents.connection(i * 10L));
        }
        for (int i = 0; i < 100; i += 10) {
            store.accept(batch(events.subList(i, i + 10), List.of()));
        }
        for (int i = 3; i < 120; i += 7) {
            store.accept(batch(events.subList(i, Math.min(i + 7, 120)), List.of()));
        }
        store.accept(batch(events.subList(45, 115), List.of()));

        assertThat(store.summary().totalEvents()).isEqualTo(120);
        assertThat(store.events(EventType.DNS, 1000)).containsExactlyElementsOf(
                events.stream().filter(e -> e.type() == EventType.DNS).toList());
        assertThat(store.events(EventType.CONNECTION, 1000)).containsExactlyElementsOf(
                events.stream().filter(e -> e.type() == EventType.CONNECTION).toList());
    }

    @Test
    void aBatchOfSeveralStreamsOutOfOrderIsStoredInIdOrder() {
        List<Event> events = List.of(
                new DnsEvent(header(2, 5, "x"), null, null, "b5", "", "", null),
                new DnsEvent(header(1, 9, "x"), null, null, "a9", "", "", null),
                new DnsEvent(header(2, 1, "x"), null, null, "b1", "", "", null),
                new DnsEvent(header(1, 3, "x"), null, null, "a3", "", "", null));
        store.accept(batch(events, List.of()));

        assertThat(store.events(EventType.DNS, 10)).extracting(e -> ((DnsEvent) e).queryName())
                .containsExactly("a3", "a9", "b1", "b5");
        assertThat(store.summary().totalEvents()).isEqualTo(4);
    }

    @Test
    void timesAndDurationsKeepTheirNanosecondsAndExtremes() {
        List<Instant> times = List.of(
                Instant.parse("2024-03-01T12:34:56.000000001Z"),
                Instant.parse("1969-12-31T23:59:59.999999999Z"),
                Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.MIN,
                Instant.MAX);
        List<Duration> durations = List.of(Duration.ofNanos(1), Duration.ofNanos(-5), Duration.ofDays(365L * 1000),
                Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), Duration.ofSeconds(Long.MIN_VALUE), Duration.ZERO);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            EventHeader header = new EventHeader(new EventId(STREAM, i), times.get(i), "fortigate", "", "line " + i);
            events.add(new ConnectionEvent(header, "tcp", null, null, Long.MAX_VALUE, Long.MIN_VALUE, 0, -1,
                    durations.get(i), "", "", "", "", -1));
        }
        store.accept(batch(events, List.of()));

        assertThat(store.events(EventType.CONNECTION, 100)).containsExactlyElementsOf(events);
    }

    @Test
    void readsEventsInIdOrderUpToTheLimit() {
        List<Event> events = List.of(
                SampleEvents.dns(5),
                new DnsEvent(header(Long.MIN_VALUE, 9, "x"), null, null, "first", "", "", null),
                SampleEvents.dns(1),
                new DnsEvent(header(Long.MAX_VALUE, 0, "x"), null, null, "last", "", "", null),
                SampleEvents.dns(3));
        store.accept(batch(events.subList(0, 2), List.of()));
        store.accept(batch(events.subList(2, 5), List.of()));

        assertThat(store.events(EventType.DNS, 100)).extracting(Event::id).containsExactly(
                new EventId(Long.MIN_VALUE, 9), new EventId(STREAM, 1), new EventId(STREAM, 3), new EventId(STREAM, 5),
                new EventId(Long.MAX_VALUE, 0));
        assertThat(store.events(EventType.DNS, 2)).extracting(Event::id)
                .containsExactly(new EventId(Long.MIN_VALUE, 9), new EventId(STREAM, 1));
        assertThat(store.events(EventType.DNS, 0)).isEmpty();
        assertThat(store.events(EventType.AUTH, 10)).isEmpty();
        assertThatThrownBy(() -> store.events(EventType.DNS, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.rejects(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storesALargeBatchWhole() {
        Random random = new Random(7);
        List<Event> events = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            events.add(switch (random.nextInt(3)) {
                case 0 -> SampleEvents.connection(i);
                case 1 -> SampleEvents.dns(i);
                default -> SampleEvents.generic(i);
            });
            rejects.add(reject(10_000 + i, "bad line " + i));
        }
        store.accept(batch(events, rejects, new Checkpoint(STREAM, "big.log", 15_000, 10_000)));

        assertThat(store.summary().totalEvents()).isEqualTo(5000);
        assertThat(store.summary().rejects()).isEqualTo(5000);
        assertThat(store.checkpoint(STREAM)).map(Checkpoint::offset).contains(15_000L);
    }

    @Test
    void reopeningFindsWhatWasStoredAndRunsNoMigrationAgain() throws SQLException {
        store.accept(batch(SampleEvents.oneOfEach(0), List.of(reject(10, "r")), new Checkpoint(STREAM, "a", 10, 1)));
        int migrations = count("SELECT COUNT(*) FROM flyway_schema_history");
        store.close();

        store = open();
        store.close();
        store = open();

        assertThat(count("SELECT COUNT(*) FROM flyway_schema_history")).isEqualTo(migrations);
        assertThat(store.summary().totalEvents()).isEqualTo(EventType.values().length);
        assertThat(store.checkpoint(STREAM)).isPresent();
    }

    @Test
    void batchWriterStoresWhatManyProducersAccept() throws Exception {
        int producers = 4;
        int batchesEach = 25;
        int eventsPerBatch = 40;
        try (BatchWriter writer = new BatchWriter(store, 2); ExecutorService pool = Executors.newFixedThreadPool(producers)) {
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                long stream = p;
                done.add(pool.submit(() -> {
                    for (int b = 0; b < batchesEach; b++) {
                        List<Event> events = new ArrayList<>();
                        for (int e = 0; e < eventsPerBatch; e++) {
                            long position = (long) b * eventsPerBatch + e;
                            events.add(new DnsEvent(header(stream, position, "line"), null, null, "q", "", "", null));
                        }
                        writer.accept(batch(events, List.of(), new Checkpoint(stream, "p", (b + 1) * 100L, b + 1L)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            writer.flush();

            assertThat(store.summary().totalEvents()).isEqualTo((long) producers * batchesEach * eventsPerBatch);
            for (long p = 0; p < producers; p++) {
                assertThat(store.checkpoint(p)).map(Checkpoint::offset).contains(batchesEach * 100L);
            }
        }
    }

    @Test
    void batchWriterReportsAFailureOfTheDatabase() throws Exception {
        execute("ALTER TABLE rejects RENAME TO rejects_away");
        BatchWriter writer = new BatchWriter(store, 4);
        writer.accept(batch(List.of(SampleEvents.connection(1)), List.of(reject(2, "x"))));

        assertThatThrownBy(writer::flush).isInstanceOf(StoreException.class)
                .cause().isInstanceOf(StoreException.class).hasCauseInstanceOf(SQLException.class);
        assertThatThrownBy(() -> writer.accept(batch(List.of(SampleEvents.connection(3)), List.of())))
                .isInstanceOf(StoreException.class);
        assertThatThrownBy(writer::close).isInstanceOf(StoreException.class);
        assertThat(store.events(EventType.CONNECTION, 10)).isEmpty();
    }

    // ---- the dashboard: traffic aggregates

    private static final Instant T0 = Instant.parse("2025-05-12T10:00:00Z");

    /** Stores the events in consecutive batches of random sizes (1 to 400). */
    private void storeInBatches(List<Event> events, Random random) {
        for (int from = 0; from < events.size(); ) {
            int to = Math.min(events.size(), from + 1 + random.nextInt(400));
            store.accept(batch(events.subList(from, to), List.of()));
            from = to;
        }
    }

    private record TrafficSnapshot(List<TrafficBucket> series, List<ProtocolTotal> protocols, List<Talker> talkers,
            HostPage hosts, TrafficTotals totals) {}

    private TrafficSnapshot traffic(Instant from, Instant to) {
        TrafficQueries traffic = store.traffic();
        return new TrafficSnapshot(traffic.series(from, to, Duration.ofMinutes(1)), traffic.protocols(from, to),
                traffic.talkers(from, to, 1000), traffic.hosts(null, 0, 1000), traffic.totals());
    }

    @Test
    void trafficAggregatesEqualSumsOverTheStoredEvents() {
        Random random = new Random(20250512);
        List<Event> events = SampleEvents.traffic(random, 0, 3000, T0.plusSeconds(17), Duration.ofHours(3));
        storeInBatches(events, random);

        Instant from = T0;
        Instant to = T0.plus(Duration.ofHours(3)).plusSeconds(30);
        TrafficQueries traffic = store.traffic();
        assertThat(traffic.series(from, to, Duration.ofMinutes(1)))
                .hasSize(3 * 60 + 1)
                .isEqualTo(ExpectedTraffic.series(events, from, to, Duration.ofMinutes(1)));
        assertThat(traffic.series(from.plusSeconds(190), to, Duration.ofMinutes(7)))
                .isEqualTo(ExpectedTraffic.series(events, from.plusSeconds(190), to, Duration.ofMinutes(7)));
        assertThat(traffic.protocols(from, to)).isEqualTo(ExpectedTraffic.protocols(events))
                .extracting(ProtocolTotal::protocol).contains("tcp", "other").doesNotContain("TCP", "");
        List<Talker> talkers = ExpectedTraffic.talkers(events);
        assertThat(traffic.talkers(from, to, 1000)).isEqualTo(talkers);
        assertThat(traffic.talkers(from, to, 3)).isEqualTo(talkers.subList(0, 3));
        List<Host> hosts = ExpectedTraffic.hosts(events);
        assertThat(hosts).extracting(Host::ip).containsExactlyInAnyOrder("10.0.0.1", "10.200.3.4", "172.16.5.4",
                "172.31.255.1", "192.168.1.23", "192.168.1.24", "169.254.10.10", "fd12:3456::1", "fc00::7", "fe80::1", "febf::2");
        assertThat(traffic.hosts(null, 0, 1000)).isEqualTo(new HostPage(hosts.size(), hosts));
        for (Host host : hosts) {
            assertThat(traffic.host(host.ip())).contains(host);
        }
        assertThat(traffic.host("8.8.8.8")).isEmpty();
        assertThat(traffic.totals()).isEqualTo(ExpectedTraffic.totals(events));
    }

    @Test
    void storingTheSameEventsAgainCountsNothingTwice() {
        Random random = new Random(7);
        List<Event> events = SampleEvents.traffic(random, 1000, 1500, T0, Duration.ofMinutes(90));
        storeInBatches(events, random);
        TrafficSnapshot once = traffic(T0, T0.plus(Duration.ofMinutes(90)));

        store.accept(batch(events, List.of()));
        storeInBatches(events.subList(55, 1300), random);
        List<Event> shuffled = new ArrayList<>(events.subList(700, 900));
        Collections.shuffle(shuffled, random);
        store.accept(batch(shuffled, List.of()));

        assertThat(traffic(T0, T0.plus(Duration.ofMinutes(90)))).isEqualTo(once);
        assertThat(once.totals()).isEqualTo(ExpectedTraffic.totals(events));
    }

    @Test
    void hostRowsAreTheSameMergedWithEveryBatchAsHeldBackForSeconds() {
        Random random = new Random(11);
        List<Event> events = SampleEvents.traffic(random, 0, 2000, T0, Duration.ofHours(5));
        store.close();
        store = EventStores.open(settings, audit(), EventCodec.Compression.LZ4, TrafficAggregator.MAX_HOSTS, Duration.ZERO);
        storeInBatches(events, random);

        Instant to = T0.plus(Duration.ofHours(5));
        assertThat(store.traffic().hosts(null, 0, 1000)).isEqualTo(new HostPage(ExpectedTraffic.hosts(events).size(),
                ExpectedTraffic.hosts(events)));
        assertThat(store.traffic().talkers(T0, to, 1000)).isEqualTo(ExpectedTraffic.talkers(events));
    }

    @Test
    void hostRowsHeldBackSurviveAFailedBatchAndAClose() throws SQLException {
        List<Event> first = SampleEvents.traffic(new Random(5), 0, 300, T0, Duration.ofMinutes(10));
        List<Event> failed = SampleEvents.traffic(new Random(6), 300, 600, T0.plusSeconds(600), Duration.ofMinutes(10));
        store.accept(batch(first, List.of()));
        execute("ALTER TABLE rejects RENAME TO rejects_away");
        assertThatThrownBy(() -> store.accept(batch(failed, List.of(reject(10_000, "x"))))).isInstanceOf(StoreException.class);
        execute("ALTER TABLE rejects_away RENAME TO rejects");
        store.close();
        store = open();

        assertThat(store.traffic().hosts(null, 0, 1000).items()).isEqualTo(ExpectedTraffic.hosts(first));
        assertThat(store.traffic().talkers(T0, T0.plusSeconds(1200), 1000)).isEqualTo(ExpectedTraffic.talkers(first));
    }

    @Test
    void aFailedBatchAddsNothingToTheAggregates() throws SQLException {
        List<Event> events = SampleEvents.traffic(new Random(3), 0, 200, T0, Duration.ofMinutes(10));
        execute("ALTER TABLE rejects RENAME TO rejects_away");
        assertThatThrownBy(() -> store.accept(batch(events, List.of(reject(10_000, "x"))))).isInstanceOf(StoreException.class);
        execute("ALTER TABLE rejects_away RENAME TO rejects");

        assertThat(store.traffic().totals()).isEqualTo(new TrafficTotals(0, 0, 0, 0, null, null));
        store.accept(batch(events.subList(0, 1), List.of()));
        assertThat(store.traffic().totals()).isEqualTo(ExpectedTraffic.totals(events.subList(0, 1)));
    }

    @Test
    void countsOfABrokenRecordCountAsZeroInsteadOfOverflowing() {
        ConnectionEvent sane = new ConnectionEvent(header(1), "tcp", new Endpoint("10.0.0.1", 1), new Endpoint("10.0.0.2", 2),
                100, 200, 3, 4, null, "", "", "", "", 0);
        List<Event> events = new ArrayList<>(List.of(sane));
        for (int i = 2; i < 6; i++) {
            events.add(new ConnectionEvent(header(i), "tcp", new Endpoint("10.0.0.1", 1), new Endpoint("10.0.0.2", 2),
                    Long.MAX_VALUE, Long.MIN_VALUE, -1, 1L << 48, null, "", "", "", "", 0));
        }
        store.accept(batch(events.subList(0, 3), List.of()));
        store.accept(batch(events.subList(3, 5), List.of()));

        TrafficTotals totals = store.traffic().totals();
        assertThat(totals.connections()).isEqualTo(5);
        assertThat(totals.bytes()).isEqualTo(300);
        assertThat(totals.packets()).isEqualTo(7);
        assertThat(store.traffic().host("10.0.0.1")).get().satisfies(h -> {
            assertThat(h.bytesOut()).isEqualTo(100);
            assertThat(h.bytesIn()).isEqualTo(200);
        });
    }

    @Test
    void hostsAreBoundedAndPastTheBoundNewAddressesCountOnlyInTheTraffic() {
        store.accept(batch(List.of(connectionAt(1, T0, "10.0.0.1", "10.0.0.2", 30)), List.of()));
        store.close();
        // the bound counts the hosts stored before
        store = EventStores.open(settings, audit(), EventCodec.Compression.LZ4, 3, TrafficAggregator.HOST_WRITE_INTERVAL);

        store.accept(batch(List.of(
                connectionAt(2, T0.plusSeconds(1), "10.0.0.3", "10.0.0.4", 300),
                connectionAt(3, T0.plusSeconds(2), "10.0.0.5", "10.0.0.1", 3000),
                arp(4, T0.plusSeconds(3), "10.0.0.6", "aa:aa:aa:aa:aa:06")), List.of()));
        store.accept(batch(List.of(connectionAt(5, T0.plusSeconds(4), "10.0.0.2", "10.0.0.7", 30_000)), List.of()));

        TrafficQueries traffic = store.traffic();
        assertThat(traffic.hosts(null, 0, 10).items()).extracting(Host::ip).containsExactly("10.0.0.2", "10.0.0.1", "10.0.0.3");
        assertThat(traffic.host("10.0.0.1")).get().extracting(Host::connections, Host::bytesIn).containsExactly(2L, 20L + 1000);
        assertThat(traffic.talkers(T0, T0.plusSeconds(10), 10)).extracting(Talker::ip).containsExactly("10.0.0.2", "10.0.0.1", "10.0.0.3");
        assertThat(traffic.totals().bytes()).isEqualTo(33_330);
        assertThat(traffic.totals().connections()).isEqualTo(4);
    }

    @Test
    void aHostKeepsTheMacOfItsLatestArpMessageAndItsFirstAndLastTimes() {
        String ip = "192.168.1.50";
        Instant t = T0;
        store.accept(batch(List.of(
                arp(10, t.plusSeconds(600), ip, "aa:aa:aa:aa:aa:01"),
                new ConnectionEvent(new EventHeader(new EventId(STREAM, 11), t.plusSeconds(300), "pcap", "", ""), "udp",
                        new Endpoint(ip, 5000), new Endpoint("8.8.8.8", 53), 60, 120, 1, 1, null, "", "", "", "", 0)), List.of()));
        assertThat(store.traffic().host(ip)).contains(
                new Host(ip, "aa:aa:aa:aa:aa:01", t.plusSeconds(300), t.plusSeconds(600), 1, 60, 120, 2));

        // an older MAC does not replace a newer one; an earlier event moves first seen back
        store.accept(batch(List.of(
                arp(20, t.plusSeconds(120), ip, "aa:aa:aa:aa:aa:02"),
                new DnsEvent(new EventHeader(new EventId(STREAM, 21), t.plusSeconds(60), "pcap", "", ""),
                        new Endpoint(ip, 5353), new Endpoint("192.168.1.1", 53), "x.example", "A", "", null)), List.of()));
        assertThat(store.traffic().host(ip)).contains(
                new Host(ip, "aa:aa:aa:aa:aa:01", t.plusSeconds(60), t.plusSeconds(600), 1, 60, 120, 2));

        // a newer MAC does; a message without a MAC changes none but is seen
        store.accept(batch(List.of(arp(30, t.plusSeconds(1200), ip, "aa:aa:aa:aa:aa:03")), List.of()));
        store.accept(batch(List.of(arp(31, t.plusSeconds(1800), ip, "")), List.of()));
        assertThat(store.traffic().host(ip)).contains(
                new Host(ip, "aa:aa:aa:aa:aa:03", t.plusSeconds(60), t.plusSeconds(1800), 1, 60, 120, 2));
        assertThat(store.traffic().host("192.168.1.1")).contains(
                new Host("192.168.1.1", null, t.plusSeconds(60), t.plusSeconds(60), 0, 0, 0, 0));
        assertThat(store.traffic().host("8.8.8.8")).isEmpty();
    }

    private static ArpEvent arp(long position, Instant time, String ip, String mac) {
        return new ArpEvent(new EventHeader(new EventId(STREAM, position), time, "pcap", "", ""), ArpEvent.Operation.REPLY,
                ip, mac, "192.168.1.1", "");
    }

    @Test
    void seriesHaveOneAlignedBucketPerStepWithZerosFilledIn() {
        store.accept(batch(List.of(
                connectionAt(1, T0.plusSeconds(30), "10.0.0.1", "10.0.0.2", 1000),
                connectionAt(2, T0.plusSeconds(12 * 60 + 10), "10.0.0.1", "10.0.0.2", 10),
                connectionAt(3, T0.plusSeconds(14 * 60 + 59), "10.0.0.1", "10.0.0.2", 1)), List.of()));

        List<TrafficBucket> series = store.traffic().series(T0.plusSeconds(3 * 60 + 1), T0.plusSeconds(20 * 60), Duration.ofMinutes(5));

        assertThat(series).extracting(TrafficBucket::start).containsExactly(
                T0, T0.plusSeconds(300), T0.plusSeconds(600), T0.plusSeconds(900), T0.plusSeconds(1200));
        assertThat(series).extracting(TrafficBucket::bytes).containsExactly(1000L, 0L, 11L, 0L, 0L);
        assertThat(series).extracting(TrafficBucket::connections).containsExactly(1L, 0L, 2L, 0L, 0L);
        // buckets are aligned to multiples of the step since the epoch, not to the range
        assertThat(store.traffic().series(T0.plusSeconds(7 * 60), T0.plusSeconds(7 * 60), Duration.ofMinutes(7)))
                .extracting(TrafficBucket::start).containsExactly(Instant.ofEpochSecond(Math.floorDiv(T0.getEpochSecond() + 420, 420) * 420));
        assertThat(store.traffic().series(T0, T0, Duration.ofMinutes(1))).singleElement()
                .satisfies(b -> assertThat(b.events()).isEqualTo(1));
    }

    @Test
    void seriesRejectBadSteps() {
        TrafficQueries traffic = store.traffic();
        Instant to = T0.plusSeconds(3600);
        assertThatThrownBy(() -> traffic.series(T0, to, Duration.ofSeconds(90))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multiple of one minute");
        assertThatThrownBy(() -> traffic.series(T0, to, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> traffic.series(T0, to, Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> traffic.series(to, T0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is after");
        assertThatThrownBy(() -> traffic.series(T0, T0.plus(Duration.ofDays(365)), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 100000 points");
        assertThatThrownBy(() -> traffic.series(null, to, Duration.ofMinutes(1))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.alertQueries().series(T0, to, Duration.ofSeconds(30))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> traffic.talkers(T0, to, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> traffic.talkers(T0, to, 1_000_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> traffic.hosts(null, -1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void talkersAreTheHostsOfTheMostBytesInTheHoursOfTheRange() {
        store.accept(batch(List.of(
                connectionAt(1, T0.plusSeconds(60), "10.0.0.1", "10.0.0.2", 5000),          // hour 10: out of range
                connectionAt(2, T0.plusSeconds(3600 + 60), "10.0.0.3", "8.8.8.8", 300),     // hour 11
                connectionAt(3, T0.plusSeconds(7200 + 60), "10.0.0.4", "10.0.0.3", 200),    // hour 12
                connectionAt(4, T0.plusSeconds(7200 + 120), "10.0.0.5", "1.1.1.1", 100),
                connectionAt(5, T0.plusSeconds(3 * 3600 + 1), "10.0.0.5", "1.1.1.1", 9000)), List.of())); // hour 13: out

        List<Talker> talkers = store.traffic().talkers(T0.plusSeconds(3600 + 1800), T0.plusSeconds(7200 + 1800), 10);

        // 10.0.0.3 sent 100 and received 200 as a source, sent 134 and received 66 as a destination
        assertThat(talkers).containsExactly(
                new Talker("10.0.0.3", 2, 100 + 134, 200 + 66, 20),
                new Talker("10.0.0.4", 1, 66, 134, 10),
                new Talker("10.0.0.5", 1, 33, 67, 10));
        assertThat(store.traffic().talkers(T0.plusSeconds(3600 + 1800), T0.plusSeconds(7200 + 1800), 1)).hasSize(1);
        assertThat(store.traffic().protocols(T0.plusSeconds(3600 + 60), T0.plusSeconds(3600 + 119)))
                .containsExactly(new ProtocolTotal("tcp", 1, 10, 300));
    }

    @Test
    void talkersOfUpToTwoDaysAreThoseOfTheirHoursAndOfLongerRangesThoseOfTheirDays() {
        Instant start = Instant.parse("2025-05-10T00:00:00Z");
        Random random = new Random(17);
        List<Event> events = SampleEvents.traffic(random, 0, 4000, start, Duration.ofDays(4));
        storeInBatches(events, random);

        for (int q = 0; q < 12; q++) {
            Instant from = start.plusSeconds(random.nextInt(2 * 86_400));
            Instant to = from.plusSeconds(q == 0 ? 0 : random.nextInt(3 * 86_400));
            // two days or less by the hour, longer by the whole day
            long bucket = Duration.between(from, to).compareTo(Duration.ofDays(2)) > 0 ? 86_400 : 3600;
            long first = Math.floorDiv(from.getEpochSecond(), bucket);
            long last = Math.floorDiv(to.getEpochSecond(), bucket);
            List<Event> inHours = events.stream().filter(e -> {
                long at = Math.floorDiv(e.time().getEpochSecond(), bucket);
                return at >= first && at <= last;
            }).toList();

            assertThat(store.traffic().talkers(from, to, 1000)).as("from %s to %s", from, to)
                    .isEqualTo(ExpectedTraffic.talkers(inHours));
        }
        Instant wholeDays = start.plusSeconds(86_400);
        assertThat(store.traffic().talkers(wholeDays, wholeDays.plusSeconds(2 * 86_400 - 1), 1000))
                .isEqualTo(ExpectedTraffic.talkers(events.stream().filter(e -> !e.time().isBefore(wholeDays)
                        && e.time().isBefore(wholeDays.plusSeconds(2 * 86_400))).toList()));
    }

    /** A TCP connection of {@code bytes}: a third from the source, two thirds back; 10 packets. */
    private static ConnectionEvent connectionAt(long position, Instant time, String src, String dst, long bytes) {
        return new ConnectionEvent(new EventHeader(new EventId(STREAM, position), time, "pcap", "", ""), "tcp",
                new Endpoint(src, 40000), new Endpoint(dst, 443), bytes / 3, bytes - bytes / 3, 4, 6, null, "", "", "", "", 0);
    }

    @Test
    void hostsArePagedMostRecentlySeenFirstAndFoundByPartOfTheirAddressOrMac() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(connectionAt(i, T0.plusSeconds(i * 10L), "192.168.7." + i, "8.8.8.8", 10));
        }
        events.add(arp(100, T0.plusSeconds(1000), "10.1.2.3", "b8:27:eb:01:02:03"));
        events.add(connectionAt(101, T0.plusSeconds(1001), "10_1%2", "8.8.8.8", 10)); // no address
        store.accept(batch(events, List.of()));
        TrafficQueries traffic = store.traffic();

        HostPage page = traffic.hosts(null, 5, 10);
        assertThat(page.total()).isEqualTo(31);
        assertThat(page.items()).extracting(Host::ip).containsExactly("192.168.7.25", "192.168.7.24", "192.168.7.23",
                "192.168.7.22", "192.168.7.21", "192.168.7.20", "192.168.7.19", "192.168.7.18", "192.168.7.17", "192.168.7.16");
        assertThat(traffic.hosts("", 30, 10).items()).extracting(Host::ip).containsExactly("192.168.7.0");
        assertThat(traffic.hosts(null, 31, 10)).isEqualTo(new HostPage(31, List.of()));

        assertThat(traffic.hosts("7.1", 0, 3)).satisfies(p -> {
            assertThat(p.total()).isEqualTo(11); // 192.168.7.1 and .10 to .19
            assertThat(p.items()).extracting(Host::ip).containsExactly("192.168.7.19", "192.168.7.18", "192.168.7.17");
        });
        assertThat(traffic.hosts("B8:27:EB", 0, 10).items()).extracting(Host::ip).containsExactly("10.1.2.3");
        assertThat(traffic.hosts("10.1.2.3", 0, 10).items()).extracting(Host::mac).containsExactly("b8:27:eb:01:02:03");
        // LIKE's wildcards are taken as themselves
        assertThat(traffic.hosts("%", 0, 10).total()).isZero();
        assertThat(traffic.hosts("_", 0, 10).total()).isZero();
    }

    @Test
    void totalsOfAnEmptyStoreAreZeroWithoutTimes() {
        assertThat(store.traffic().totals()).isEqualTo(new TrafficTotals(0, 0, 0, 0, null, null));
        assertThat(store.traffic().series(T0, T0.plusSeconds(120), Duration.ofMinutes(1)))
                .containsExactly(new TrafficBucket(T0, 0, 0, 0, 0, 0, 0, 0, 0),
                        new TrafficBucket(T0.plusSeconds(60), 0, 0, 0, 0, 0, 0, 0, 0),
                        new TrafficBucket(T0.plusSeconds(120), 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(store.traffic().protocols(T0, T0.plusSeconds(120))).isEmpty();
        assertThat(store.traffic().hosts(null, 0, 10)).isEqualTo(new HostPage(0, List.of()));
    }

    // ---- the dashboard: events of an incident

    @Test
    void eventsOfATimeRangeAndAddressesAreTheOldestMatchingOnesWhicheverBlockHoldsThem() {
        Random random = new Random(99);
        List<Event> all = new ArrayList<>();
        // batches whose time spans overlap, so that a later block may hold older events
        for (int b = 0; b < 12; b++) {
            Instant start = T0.plusSeconds(random.nextInt(3600));
            List<Event> events = SampleEvents.traffic(random, b * 1000L, 150, start, Duration.ofMinutes(1 + random.nextInt(60)));
            store.accept(batch(events, List.of()));
            all.addAll(events);
        }
        Comparator<Event> oldestFirst = Comparator.comparing(Event::time).thenComparing(Event::id);
        for (int q = 0; q < 20; q++) {
            Instant from = T0.plusSeconds(random.nextInt(4000));
            Instant to = from.plusSeconds(random.nextInt(3000));
            Set<String> ips = q % 5 == 0 ? Set.of() : Set.of("10.0.0.1", random.nextBoolean() ? "fe80::1" : "8.8.8.8");
            int limit = 1 + random.nextInt(q % 2 == 0 ? 10 : 500);
            List<Event> expected = all.stream()
                    .filter(e -> !e.time().isBefore(from) && !e.time().isAfter(to))
                    .filter(e -> ips.isEmpty() || endpoints(e).stream().anyMatch(ips::contains))
                    .sorted(oldestFirst)
                    .limit(limit)
                    .toList();

            assertThat(store.events(from, to, ips, limit)).as("query %d", q).isEqualTo(expected);
        }
    }

    private static List<String> endpoints(Event event) {
        return switch (event) {
            case ConnectionEvent e -> List.of(e.source().ip(), e.destination().ip());
            case DnsEvent e -> List.of(e.client().ip(), e.server().ip());
            case AuthEvent e -> List.of(e.source().ip(), e.target().ip());
            case ArpEvent e -> List.of(e.senderIp(), e.targetIp());
            case VendorAlertEvent e -> List.of(e.source().ip(), e.destination().ip());
            case ClassificationEvent e -> List.of(e.source().ip(), e.destination().ip());
            case GenericEvent e -> List.of();
        };
    }

    @Test
    void eventsOfEveryTypeAreFoundByTheirAddresses() {
        List<Event> events = SampleEvents.oneOfEach(0);
        store.accept(batch(events, List.of()));
        Instant from = SampleEvents.TIME;
        Instant to = from.plusSeconds(10);

        assertThat(store.events(from, to, Set.of("192.168.1.23"), 10)).extracting(Event::type)
                .containsExactly(EventType.CONNECTION, EventType.DNS);
        assertThat(store.events(from, to, Set.of("192.168.1.1"), 10)).extracting(Event::type)
                .containsExactly(EventType.AUTH, EventType.ARP);
        assertThat(store.events(from, to, Set.of("198.51.100.7"), 10)).extracting(Event::type)
                .containsExactly(EventType.VENDOR_ALERT, EventType.CLASSIFICATION);
        assertThat(store.events(from, to, Set.of(), 10)).isEqualTo(events);
        assertThat(store.events(from.plusSeconds(1), from.plusSeconds(1), Set.of(), 10)).containsExactly(events.get(1));
        assertThatThrownBy(() -> store.events(from, to, Set.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.events(to, from, Set.of(), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.events(from, to, null, 1)).isInstanceOf(NullPointerException.class);
    }

    // ---- the dashboard: alerts

    private static Alert incident(String id, String detector, String attackClass, String group, ThreatLevel level,
            int firstMinute, int lastMinute, String src, String dst, long count) {
        return new Alert(id, detector, id + "-key", attackClass, group, level, 0.9, T0.plusSeconds(firstMinute * 60L),
                T0.plusSeconds(lastMinute * 60L), src, dst, null, "T1046", count, Map.of("n", count));
    }

    private static final List<Alert> INCIDENTS = List.of(
            incident("scan1", "scan", "PortScan", "Recon", ThreatLevel.LOW, 0, 5, "10.0.0.66", "10.0.0.12", 120),
            incident("brute1", "bruteforce", "DictionaryBruteForce", "BruteForce", ThreatLevel.HIGH, 10, 30,
                    "203.0.113.9", "10.0.0.12", 40),
            incident("dns1", "dns-tunnel", "DNS-Tunneling", "C2", ThreatLevel.MEDIUM, 60, 80, "10.0.0.66", null, 300),
            incident("flood1", "flood", "SYN_Flood", "DDoS", ThreatLevel.CRITICAL, 120, 121, "198.51.100.7", "10.0.0.80", 5000),
            incident("arp1", "arp-spoof", "MITM-ArpSpoofing", "Spoofing", ThreatLevel.MEDIUM, -60, 180, null, null, 3),
            incident("scan2", "scan", "PortScan", "Recon", ThreatLevel.HIGH, 40, 50, "10.0.0.66", "10.0.0.66", 25));

    private void storeIncidents() {
        store.accept(new Batch(List.of(), List.of(), INCIDENTS, Optional.empty()));
    }

    /** The ids the filter selects, in order; reading them all at once ({@code each}) gives the same alerts as a page. */
    private List<String> ids(AlertFilter filter) {
        List<StoredAlert> page = store.alertQueries().find(filter, 0, 100).items();
        List<StoredAlert> all = new ArrayList<>();
        store.alertQueries().each(filter, all::add);
        assertThat(all).isEqualTo(page);
        return page.stream().map(a -> a.alert().id()).toList();
    }

    private static AlertFilter filter(Instant from, Instant to) {
        return new AlertFilter(from, to, null, null, null, null, null, null, null, null);
    }

    @Test
    void alertsAreListedMostRecentlyActiveFirstAndEachPartOfAFilterConstrains() {
        storeIncidents();
        TriageStore triage = store.triage();
        triage.set("brute1", AlertStatus.ACKNOWLEDGED, "looking", "ana", T0);
        triage.set("flood1", AlertStatus.RESOLVED, null, "ana", T0);
        triage.set("dns1", AlertStatus.OPEN, "reopened", "ana", T0);

        assertThat(ids(AlertFilter.all())).containsExactly("arp1", "flood1", "dns1", "scan2", "brute1", "scan1");
        assertThat(ids(filter(T0.plusSeconds(70 * 60), null))).containsExactly("arp1", "flood1", "dns1");
        assertThat(ids(filter(null, T0.plusSeconds(10 * 60)))).containsExactly("arp1", "brute1", "scan1");
        assertThat(ids(filter(T0.plusSeconds(30 * 60), T0.plusSeconds(60 * 60)))).containsExactly("arp1", "dns1", "scan2", "brute1");
        assertThat(ids(new AlertFilter(null, null, Set.of(ThreatLevel.MEDIUM, ThreatLevel.CRITICAL), null, null, null, null, null, null, null)))
                .containsExactly("arp1", "flood1", "dns1");
        assertThat(ids(new AlertFilter(null, null, null, "scan", null, null, null, null, null, null))).containsExactly("scan2", "scan1");
        assertThat(ids(new AlertFilter(null, null, null, null, "SYN_Flood", null, null, null, null, null))).containsExactly("flood1");
        assertThat(ids(new AlertFilter(null, null, null, null, null, "BruteForce", null, null, null, null))).containsExactly("brute1");
        assertThat(ids(new AlertFilter(null, null, null, null, null, null, "10.0.0.66", null, null, null)))
                .containsExactly("dns1", "scan2", "scan1");
        assertThat(ids(new AlertFilter(null, null, null, null, null, null, null, "10.0.0.12", null, null)))
                .containsExactly("brute1", "scan1");
        assertThat(ids(new AlertFilter(null, null, null, null, null, null, null, null, "10.0.0.12", null)))
                .containsExactly("brute1", "scan1");
        assertThat(ids(new AlertFilter(null, null, null, null, null, null, null, null, "10.0.0.80", null))).containsExactly("flood1");
        assertThat(ids(new AlertFilter(null, null, null, null, null, null, null, null, null, AlertStatus.OPEN)))
                .containsExactly("arp1", "dns1", "scan2", "scan1");
        assertThat(ids(new AlertFilter(null, null, null, null, null, null, null, null, null, AlertStatus.ACKNOWLEDGED)))
                .containsExactly("brute1");
        assertThat(ids(new AlertFilter(null, null, null, null, null, null, null, null, null, AlertStatus.RESOLVED)))
                .containsExactly("flood1");
        assertThat(ids(new AlertFilter(null, null, null, null, null, null, null, null, null, AlertStatus.SUPPRESSED))).isEmpty();
        // all parts at once
        assertThat(ids(new AlertFilter(T0, T0.plusSeconds(3600), Set.of(ThreatLevel.LOW, ThreatLevel.HIGH), "scan", "PortScan",
                "Recon", "10.0.0.66", "10.0.0.12", "10.0.0.12", AlertStatus.OPEN))).containsExactly("scan1");
        assertThat(ids(new AlertFilter(null, null, Set.of(), "", "", "", "", "", "", null))).hasSize(INCIDENTS.size());
        assertThat(store.alertQueries().find(new AlertFilter(null, null, null, null, null, null, "10.0.0.66", null, null, AlertStatus.OPEN), 0, 10)
                .total()).isEqualTo(3);
    }

    @Test
    void alertsArePagedWithTheTotalOfAllPages() {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // pairs share their last seen: the id orders them
            alerts.add(incident("p" + (char) ('a' + i), "scan", "PortScan", "Recon", ThreatLevel.LOW, 0, i / 2, "10.0.0.1", null, 1));
        }
        store.accept(new Batch(List.of(), List.of(), alerts, Optional.empty()));
        List<String> order = alerts.stream()
                .sorted(Comparator.comparing(Alert::lastSeen).reversed().thenComparing(Alert::id))
                .map(Alert::id).toList();

        AlertPage page = store.alertQueries().find(AlertFilter.all(), 10, 10);
        assertThat(page.total()).isEqualTo(25);
        assertThat(page.items()).extracting(a -> a.alert().id()).containsExactlyElementsOf(order.subList(10, 20));
        assertThat(store.alertQueries().find(AlertFilter.all(), 20, 10).items()).hasSize(5);
        assertThat(store.alertQueries().find(AlertFilter.all(), 25, 10)).isEqualTo(new AlertPage(25, List.of()));
        assertThatThrownBy(() -> store.alertQueries().find(AlertFilter.all(), -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.alertQueries().find(AlertFilter.all(), 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void anAlertKeepsItsTriageWhenItIsStoredAgainAsItGrows() {
        storeIncidents();
        StoredAlert acknowledged = store.triage().set("brute1", AlertStatus.ACKNOWLEDGED, "on it", "ana", T0.plusNanos(5));
        assertThat(acknowledged.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(acknowledged.triage()).isEqualTo(new Triage(AlertStatus.ACKNOWLEDGED, "on it", "ana", T0.plusNanos(5)));
        // evidence numbers read back as the smallest type that holds them
        assertThat(acknowledged.alert()).usingRecursiveComparison().ignoringFields("evidence").isEqualTo(INCIDENTS.get(1));

        Alert grown = incident("brute1", "bruteforce", "DictionaryBruteForce", "BruteForce", ThreatLevel.CRITICAL, 10, 45,
                "203.0.113.9", "10.0.0.12", 90);
        store.accept(new Batch(List.of(), List.of(), List.of(grown), Optional.empty()));

        StoredAlert stored = store.alertQueries().find("brute1").orElseThrow();
        assertThat(stored.alert().count()).isEqualTo(90);
        assertThat(stored.alert().level()).isEqualTo(ThreatLevel.CRITICAL);
        assertThat(stored.triage()).isEqualTo(acknowledged.triage());
        assertThat(store.alertQueries().find("scan1")).get().satisfies(a -> {
            assertThat(a.triage()).isNull();
            assertThat(a.status()).isEqualTo(AlertStatus.OPEN);
        });
        assertThat(store.alertQueries().find("nope")).isEmpty();

        StoredAlert reopened = store.triage().set("brute1", AlertStatus.OPEN, "", "bob", T0.plusSeconds(1));
        assertThat(reopened.triage()).isEqualTo(new Triage(AlertStatus.OPEN, "", "bob", T0.plusSeconds(1)));
        assertThatThrownBy(() -> store.triage().set("nope", AlertStatus.RESOLVED, "", "bob", T0))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void suppressingAnAlertStoresItsAllowRuleWithIt() {
        storeIncidents();
        AllowRule rule = new AllowRule(null, "scan", "10.0.0.66/32", null, "the vulnerability scanner", "ana", T0.plusNanos(1));

        Suppressed done = store.triage().suppress("scan1", rule, "our scanner", "ana", T0.plusSeconds(5));
        StoredAlert suppressed = done.alert();

        assertThat(suppressed.status()).isEqualTo(AlertStatus.SUPPRESSED);
        assertThat(suppressed.triage().note()).isEqualTo("our scanner");
        assertThat(store.alertQueries().find("scan1")).get().extracting(StoredAlert::status).isEqualTo(AlertStatus.SUPPRESSED);
        List<AllowRule> rules = store.triage().allowRules();
        assertThat(rules).singleElement().satisfies(r -> {
            assertThat(r.id()).isNotNull();
            assertThat(r).usingRecursiveComparison().ignoringFields("id").isEqualTo(rule);
            assertThat(done.rule()).isEqualTo(r);
        });
        AllowRule domain = new AllowRule(null, null, null, "updates.example.com", "", "bob", T0);
        AllowRule storedDomain = store.triage().suppress("dns1", domain, null, "bob", T0).rule();
        assertThat(store.triage().allowRules()).hasSize(2).last().isEqualTo(storedDomain)
                .satisfies(r -> assertThat(r.id()).isGreaterThan(rules.getFirst().id()))
                .usingRecursiveComparison().ignoringFields("id").isEqualTo(domain);

        // a missing alert stores no rule either
        assertThatThrownBy(() -> store.triage().suppress("nope", rule, "", "ana", T0)).isInstanceOf(NoSuchElementException.class);
        assertThat(store.triage().allowRules()).hasSize(2);
        AllowRule storedRule = rules.getFirst();
        assertThatThrownBy(() -> store.triage().suppress("scan1", storedRule, "", "ana", T0)).isInstanceOf(IllegalArgumentException.class);

        assertThat(store.triage().removeAllowRule(storedRule.id(), "ana")).isTrue();
        assertThat(store.triage().removeAllowRule(storedRule.id(), "ana")).isFalse();
        assertThat(store.triage().allowRules()).extracting(AllowRule::domain).containsExactly("updates.example.com");
    }

    @Test
    void alertFiguresCoverEveryStoredAlert() {
        AlertQueries alerts = store.alertQueries();
        assertThat(alerts.countByLevel()).containsOnlyKeys(ThreatLevel.values()).allSatisfy((level, n) -> assertThat(n).isZero());
        assertThat(alerts.occurrences()).isZero();
        assertThat(alerts.open()).isZero();

        storeIncidents();
        store.triage().set("brute1", AlertStatus.ACKNOWLEDGED, "", "ana", T0);
        store.triage().set("scan1", AlertStatus.OPEN, "", "ana", T0);

        assertThat(alerts.countByLevel()).containsExactlyInAnyOrderEntriesOf(Map.of(ThreatLevel.LOW, 1L, ThreatLevel.MEDIUM, 2L,
                ThreatLevel.HIGH, 2L, ThreatLevel.CRITICAL, 1L));
        assertThat(alerts.occurrences()).isEqualTo(120 + 40 + 300 + 5000 + 3 + 25);
        assertThat(alerts.open()).isEqualTo(5);
    }

    @Test
    void alertSeriesCountAlertsByLevelAtTheStepTheirIncidentBegan() {
        storeIncidents();

        List<LevelBucket> series = store.alertQueries().series(T0.minusSeconds(3600), T0.plusSeconds(2 * 3600), Duration.ofMinutes(60));

        assertThat(series).containsExactly(
                new LevelBucket(T0.minusSeconds(3600), 0, 1, 0, 0),
                new LevelBucket(T0, 1, 0, 2, 0),
                new LevelBucket(T0.plusSeconds(3600), 0, 1, 0, 0),
                new LevelBucket(T0.plusSeconds(7200), 0, 0, 0, 1));
        assertThat(store.alertQueries().series(T0.plusSeconds(600), T0.plusSeconds(900), Duration.ofMinutes(5)))
                .containsExactly(new LevelBucket(T0.plusSeconds(600), 0, 0, 1, 0),
                        new LevelBucket(T0.plusSeconds(900), 0, 0, 0, 0));
    }

    @Test
    void topSourcesTargetsAndThreatsGroupTheAlertsOfTheRange() {
        storeIncidents();
        store.triage().set("scan1", AlertStatus.RESOLVED, "", "ana", T0);
        Instant from = T0.minusSeconds(3600);
        Instant to = T0.plusSeconds(3 * 3600);
        AlertQueries alerts = store.alertQueries();

        assertThat(alerts.topSources(from, to, 10)).containsExactly(
                new AlertSource("10.0.0.66", 3, 445, ThreatLevel.HIGH, List.of("PortScan", "DNS-Tunneling"), T0.plusSeconds(80 * 60)),
                new AlertSource("198.51.100.7", 1, 5000, ThreatLevel.CRITICAL, List.of("SYN_Flood"), T0.plusSeconds(121 * 60)),
                new AlertSource("203.0.113.9", 1, 40, ThreatLevel.HIGH, List.of("DictionaryBruteForce"), T0.plusSeconds(30 * 60)));
        assertThat(alerts.topSources(from, to, 1)).extracting(AlertSource::ip).containsExactly("10.0.0.66");
        assertThat(alerts.topSources(T0.plusSeconds(100 * 60), to, 10)).extracting(AlertSource::ip).containsExactly("198.51.100.7");
        assertThat(alerts.topTargets(from, to, 10)).containsExactly(
                new AlertSource("10.0.0.12", 2, 160, ThreatLevel.HIGH, List.of("DictionaryBruteForce", "PortScan"), T0.plusSeconds(30 * 60)),
                new AlertSource("10.0.0.66", 1, 25, ThreatLevel.HIGH, List.of("PortScan"), T0.plusSeconds(50 * 60)),
                new AlertSource("10.0.0.80", 1, 5000, ThreatLevel.CRITICAL, List.of("SYN_Flood"), T0.plusSeconds(121 * 60)));

        assertThat(alerts.threats(from, to, 10)).containsExactly(
                new Threat("PortScan", "Recon", "10.0.0.66", 2, 145, ThreatLevel.HIGH, T0, T0.plusSeconds(50 * 60), 1),
                new Threat("DNS-Tunneling", "C2", "10.0.0.66", 1, 300, ThreatLevel.MEDIUM, T0.plusSeconds(3600),
                        T0.plusSeconds(80 * 60), 1),
                new Threat("DictionaryBruteForce", "BruteForce", "203.0.113.9", 1, 40, ThreatLevel.HIGH, T0.plusSeconds(600),
                        T0.plusSeconds(30 * 60), 1),
                new Threat("MITM-ArpSpoofing", "Spoofing", null, 1, 3, ThreatLevel.MEDIUM, T0.minusSeconds(3600),
                        T0.plusSeconds(3 * 3600), 1),
                new Threat("SYN_Flood", "DDoS", "198.51.100.7", 1, 5000, ThreatLevel.CRITICAL, T0.plusSeconds(7200),
                        T0.plusSeconds(121 * 60), 1));
        assertThat(alerts.threats(from, to, 2)).hasSize(2);
    }

    @Test
    void alertsForHostsCountEachAlertOnceWhetherTheHostIsItsSourceOrTarget() {
        storeIncidents();

        Map<String, HostAlerts> found = store.alertQueries().alertsFor(List.of("10.0.0.66", "10.0.0.12", "10.0.0.80", "10.9.9.9", "10.0.0.66"));

        assertThat(found).containsOnly(
                Map.entry("10.0.0.66", new HostAlerts("10.0.0.66", 3, ThreatLevel.HIGH)),
                Map.entry("10.0.0.12", new HostAlerts("10.0.0.12", 2, ThreatLevel.HIGH)),
                Map.entry("10.0.0.80", new HostAlerts("10.0.0.80", 1, ThreatLevel.CRITICAL)));
        assertThat(store.alertQueries().alertsFor(List.of())).isEmpty();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            many.add("10.1." + i / 256 + "." + i % 256);
        }
        many.add("10.0.0.80");
        assertThat(store.alertQueries().alertsFor(many)).containsOnlyKeys("10.0.0.80");
    }

    // ---- the dashboard: users and tokens

    @Test
    void usersAndTheirTokensRoundTrip() {
        UserStore users = store.users();
        assertThat(users.count()).isZero();
        User admin = new User("admin", UserRole.ADMIN, "$argon2id$v=19$hash", T0.plusNanos(7), null);
        User viewer = new User("Viewer ü", UserRole.VIEWER, "h2", T0, T0.plusSeconds(1));

        assertThat(users.create(admin, "test")).isTrue();
        assertThat(users.create(viewer, "test")).isTrue();
        assertThat(users.create(new User("admin", UserRole.VIEWER, "other", T0, null), "test")).isFalse();
        assertThat(users.count()).isEqualTo(2);
        assertThat(users.find("admin")).contains(admin);
        assertThat(users.find("ADMIN")).isEmpty();
        assertThat(users.list()).containsExactly(viewer, admin);

        users.setPassword("admin", "new-hash", "admin");
        users.loggedIn("admin", T0.plusSeconds(60), "127.0.0.1");
        users.loggedIn("gone", T0, "127.0.0.1");
        assertThat(users.find("admin")).contains(new User("admin", UserRole.ADMIN, "new-hash", T0.plusNanos(7), T0.plusSeconds(60)));
        assertThatThrownBy(() -> users.setPassword("gone", "x", "admin")).isInstanceOf(NoSuchElementException.class);

        ApiToken first = new ApiToken("t1", "ci", "admin", "sha256:aaa", T0, null);
        ApiToken second = new ApiToken("t2", "", "admin", "sha256:bbb", T0.plusSeconds(1), null);
        ApiToken others = new ApiToken("t3", "mine", "Viewer ü", "sha256:ccc", T0, null);
        users.addToken(first);
        users.addToken(second);
        users.addToken(others);
        assertThatThrownBy(() -> users.addToken(new ApiToken("t4", "", "gone", "sha256:ddd", T0, null)))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(users.tokenByHash("sha256:ddd")).isEmpty();

        users.tokenUsed("t1", T0.plusSeconds(99));
        users.tokenUsed("gone", T0);
        ApiToken used = new ApiToken("t1", "ci", "admin", "sha256:aaa", T0, T0.plusSeconds(99));
        assertThat(users.tokenByHash("sha256:aaa")).contains(used);
        assertThat(users.tokens("admin")).containsExactly(used, second);
        assertThat(users.deleteToken("Viewer ü", "t1")).isFalse();
        assertThat(users.deleteToken("admin", "t1")).isTrue();
        assertThat(users.tokens("admin")).containsExactly(second);

        assertThat(users.delete("admin", "root")).isTrue();
        assertThat(users.delete("admin", "root")).isFalse();
        assertThat(users.tokenByHash("sha256:bbb")).isEmpty();
        assertThat(users.tokens("Viewer ü")).containsExactly(others);
        assertThat(users.list()).containsExactly(viewer);
    }

    @Test
    void aRoleChangeIsRecordedWithItAndNeverLeavesNoAdmin() {
        UserStore users = store.users();
        users.create(new User("admin", UserRole.ADMIN, "h1", T0, null), "test");
        users.create(new User("vera", UserRole.VIEWER, "h2", T0, null), "test");

        assertThat(users.setRole("vera", UserRole.ADMIN, "admin")).isEqualTo(UserRole.VIEWER);
        assertThat(users.setRole("admin", UserRole.ANALYST, "vera")).isEqualTo(UserRole.ADMIN);
        assertThat(users.setRole("vera", UserRole.ADMIN, "vera")).isEqualTo(UserRole.ADMIN); // no change, nothing recorded
        assertThatThrownBy(() -> users.setRole("vera", UserRole.VIEWER, "vera")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("last admin");
        assertThatThrownBy(() -> users.setRole("gone", UserRole.VIEWER, "vera")).isInstanceOf(NoSuchElementException.class);

        assertThat(users.list()).extracting(User::name, User::role)
                .containsExactly(tuple("admin", UserRole.ANALYST), tuple("vera", UserRole.ADMIN));
        assertThat(store.audit().entriesAbout("vera", 10)).extracting(AuditEntry::kind, AuditEntry::data).containsExactly(
                tuple("user.role_changed", "{\"by\":\"admin\",\"from\":\"viewer\",\"to\":\"admin\"}"),
                tuple("user.created", "{\"by\":\"test\",\"role\":\"viewer\"}"));
        assertThat(store.audit().entriesAbout("admin", 10)).extracting(AuditEntry::kind)
                .containsExactly("user.role_changed", "user.created");
        assertThat(store.audit().verify(null).problems()).isEmpty();
    }

    @Test
    void aReopenedStoreFindsWhatTheDashboardStored() {
        storeIncidents();
        store.triage().set("scan1", AlertStatus.RESOLVED, "fixed", "ana", T0);
        store.users().create(new User("ana", UserRole.ANALYST, "h", T0, null), "test");
        List<Event> events = SampleEvents.traffic(new Random(5), 0, 300, T0, Duration.ofMinutes(20));
        store.accept(batch(events, List.of()));
        TrafficSnapshot before = traffic(T0, T0.plusSeconds(1200));
        store.close();

        store = open();

        assertThat(traffic(T0, T0.plusSeconds(1200))).isEqualTo(before);
        assertThat(store.alertQueries().find("scan1")).get().extracting(StoredAlert::status).isEqualTo(AlertStatus.RESOLVED);
        assertThat(store.users().count()).isEqualTo(1);
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private int count(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void theAuditLogRecordsAlertsAndTriageAndVerifiesOnEveryDatabase() throws SQLException {
        String hostile = "it's \"quoted\" \\ \u0000nul \t\r\n\u0001 ünïcödé 日本語 \u202e 𝕏 😀 <script>alert(1)</script>";
        Alert first = new Alert("h1", "dns-tunnel", hostile, "DNS-Tunneling", "C2", ThreatLevel.HIGH, 0.7531, T0,
                T0.plusSeconds(5), "10.0.0.9", null, hostile, "T1071.004", 3, Map.of("sample_names", List.of(hostile), "n", 3));
        store.accept(new Batch(List.of(), List.of(), List.of(first, alert("a1", ThreatLevel.LOW, 1, T0, Map.of())), Optional.empty()));
        store.accept(new Batch(List.of(), List.of(), List.of(alert("a1", ThreatLevel.HIGH, 40, T0, Map.of("x", 1.5))), Optional.empty()));
        store.triage().set("h1", AlertStatus.ACKNOWLEDGED, hostile, "ana", T0);
        store.users().create(new User("ana", UserRole.ANALYST, "h", T0, null), "root");
        store.audit().seal();

        AuditTrail audit = store.audit();
        assertThat(audit.entriesAbout("a1", 5)).extracting(e -> e.kind()).containsExactly("alert.updated", "alert.raised");
        assertThat(audit.entriesAbout("h1", 5)).extracting(e -> e.kind()).containsExactly("alert.triaged", "alert.raised");
        List<AuditEntry> all = new ArrayList<>();
        audit.eachEntry(all::add);
        assertThat(all).extracting(AuditEntry::kind).containsExactly("alert.raised", "alert.raised", "alert.updated",
                "alert.triaged", "user.created");
        List<AuditEntry> sealed = new ArrayList<>();
        for (long block = 0; block <= audit.head().orElseThrow().index(); block++) {
            sealed.addAll(audit.entries(block));
        }
        assertThat(all).isEqualTo(sealed);
        assertThat(audit.verify(null).problems()).isEmpty();
        var head = audit.head().orElseThrow();
        var proof = audit.inclusionProof(audit.entriesAbout("h1", 5).getLast().index(), head.index());
        assertThat(MerkleTree.verifyInclusion(proof.entry().index(), proof.treeSize(),
                MerkleTree.leafHash(MerkleTree.sha256(), proof.entry().canonical().getBytes(StandardCharsets.UTF_8)),
                proof.auditPath().stream().map(HexFormat.of()::parseHex).toList(), HexFormat.of().parseHex(head.treeRoot()))).isTrue();

        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE alerts SET confidence = 0.99 WHERE id = 'h1'");
        }
        assertThat(audit.verify(head).problems()).extracting(p -> p.message())
                .containsExactly("alert h1 differs from this, its latest entry: the alert was changed without an entry");
    }

    @Test
    void twoStoresAppendingToOneAuditLogAtOnceLeaveALogThatVerifies() throws Exception {
        // as an 'ingest' beside a 'serve' on one database: each its own connections and state
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try (EventStore other = open()) {
            List<Future<?>> done = new ArrayList<>();
            for (EventStore writer : List.of(store, other)) {
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        writer.audit().record(new AuditRecord("login", "user" + (i % 7), Map.of("n", Integer.toString(i))));
                        // a batch reads the stored alerts before it appends their entries
                        writer.accept(new Batch(List.of(), List.of(), List.of(alert("c" + (i % 5), ThreatLevel.LOW, i + 1, T0,
                                Map.of())), Optional.empty()));
                        if (i % 20 == 19) {
                            writer.audit().seal();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            writers.shutdownNow();
        }
        store.audit().seal();
        var verification = store.audit().verify(null);
        assertThat(verification.problems()).isEmpty();
        assertThat(verification.entries()).isGreaterThan(120);
        assertThat(store.audit().entriesAbout("user3", 100)).hasSize(18);
    }

    @Test
    void subjectsAreFoundByTheirPrefixInCodePointOrder() {
        AuditTrail audit = store.audit();
        // around the prefix: a character before and after its last, other cases, a prefix of the prefix; in it
        // characters of one, two, three and four UTF-8 bytes, U+FF01 sorting before U+1F600 by code point, not UTF-16
        for (String subject : List.of("source:eth0", "source;", "source9", "source", "Source:x", "sourcE:eth0",
                "source:\uFF01", "source:😀", "source:/var/log/fgt ü", "source:syslog udp/5514", "source:~", "source:",
                "source:日本", "login", "z\uDBFF\uDFFF", "z\uDBFF\uDFFFa", "z{", "source:eth0")) {
            audit.record(new AuditRecord("test", subject, Map.of()));
        }

        assertThat(audit.subjects("source:", 100)).containsExactly("source:", "source:/var/log/fgt ü", "source:eth0",
                "source:syslog udp/5514", "source:~", "source:日本", "source:\uFF01", "source:😀");
        assertThat(audit.subjects("source:", 2)).containsExactly("source:", "source:/var/log/fgt ü");
        assertThat(audit.subjects("source:e", 100)).containsExactly("source:eth0");
        assertThat(audit.subjects("z\uDBFF\uDFFF", 100)).containsExactly("z\uDBFF\uDFFF", "z\uDBFF\uDFFFa");
        assertThat(audit.subjects("nothing", 100)).isEmpty();
        assertThat(audit.subjects("", 100)).hasSize(17).startsWith("Source:x", "login");
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }

    /** A name no other test run uses, so that runs in parallel and runs again do not collide. */
    static String uniqueName(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }
}
