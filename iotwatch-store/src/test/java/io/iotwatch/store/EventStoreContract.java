package io.iotwatch.store;

import java.util.Optional;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.alert.Alert;
import static io.iotwatch.store.SampleEvents.STREAM;
import static io.iotwatch.store.SampleEvents.batch;
import static io.iotwatch.store.SampleEvents.header;
import static io.iotwatch.store.SampleEvents.reject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.DnsEvent;
import io.iotwatch.core.event.Endpoint;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventHeader;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.event.EventType;
import io.iotwatch.core.event.GenericEvent;
import io.iotwatch.core.event.Reject;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.core.sink.Checkpoint;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
    private EventStore store;

    /** Settings of a new, empty database (or schema) for one test. */
    protected abstract StoreSettings newDatabase() throws Exception;

    /** Removes what {@link #newDatabase()} made. */
    protected abstract void dropDatabase() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        settings = newDatabase();
        store = EventStores.open(settings);
    }

    @AfterEach
    void closeStore() throws Exception {
        store.close();
        dropDatabase();
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

        store = EventStores.open(settings);
        store.close();
        store = EventStores.open(settings);

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

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }

    /** A name no other test run uses, so that runs in parallel and runs again do not collide. */
    static String uniqueName(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }
}
