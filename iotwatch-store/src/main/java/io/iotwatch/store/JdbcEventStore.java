package io.iotwatch.store;

import com.zaxxer.hikari.HikariDataSource;
import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.event.ArpEvent;
import io.iotwatch.core.event.AuthEvent;
import io.iotwatch.core.event.ClassificationEvent;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.DnsEvent;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.event.EventType;
import io.iotwatch.core.event.GenericEvent;
import io.iotwatch.core.event.Reject;
import io.iotwatch.core.event.VendorAlertEvent;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.core.sink.Checkpoint;
import io.iotwatch.store.Dialect.Merge;
import io.iotwatch.store.Dialect.Merged;
import io.iotwatch.store.audit.AuditRecord;
import io.iotwatch.store.audit.AuditSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store on any {@link Dialect}, through a small connection pool: one writer at a time (batches,
 * triage, users: see {@link Sql}), readers meanwhile. Events are stored in blocks, see {@link EventCodec}
 * and the migration; the dashboard's traffic aggregates are kept with them (see {@link TrafficAggregator}).
 */
final class JdbcEventStore implements EventStore {

    private static final List<String> KEY = List.of("stream", "position");
    private static final List<String> BLOCK_COLUMNS = List.of("stream", "first_position", "last_position",
            "time_min_ns", "time_max_ns", "event_count", "codec", "payload");
    private static final List<String> REJECT_COLUMNS =
            List.of("stream", "position", "origin", "line_number", "raw", "reason", "received_at_ms");
    private static final List<String> CHECKPOINT_COLUMNS =
            List.of("stream", "origin", "byte_offset", "line_number", "updated_at_ms");

    private static final Logger LOG = LoggerFactory.getLogger(JdbcEventStore.class);
    private static final EventType[] TYPES = EventType.values();
    private static final Comparator<Event> OLDEST_FIRST = Comparator.comparing(Event::time).thenComparing(Event::id);

    private final HikariDataSource pool;
    private final String insertBlock;
    private final String addEventCount;
    private final String insertReject;
    private final String upsertCheckpoint;
    private final String upsertAlert;
    // one batch at a time: the codec's buffers are reused, and finding what is stored already and
    // storing the rest must not interleave with another batch of this store
    private final ReentrantLock writing = new ReentrantLock();
    private final EventCodec codec;
    private final TrafficAggregator aggregator; // guarded by writing
    private final TrafficQueries traffic;
    private final AlertQueries alertQueries;
    private final TriageStore triage;
    private final UserStore users;
    private final Sql sql;
    private final JdbcAuditTrail audit;
    private final ScheduledExecutorService sealer;

    JdbcEventStore(HikariDataSource pool, Dialect dialect, EventCodec.Compression compression, int maxHosts,
            Duration hostWrites, AuditSettings auditSettings) {
        this.pool = pool;
        this.codec = new EventCodec(compression);
        this.insertBlock = dialect.insertUnlessStored("event_blocks", BLOCK_COLUMNS, List.of("stream", "first_position"));
        this.addEventCount = dialect.upsert("event_counts", List.of("type"), List.of(new Merged("events", Merge.ADD)));
        this.insertReject = dialect.insertUnlessStored("rejects", REJECT_COLUMNS, KEY);
        this.upsertCheckpoint = dialect.upsert("checkpoints", CHECKPOINT_COLUMNS.subList(0, 1),
                Merged.each(Merge.REPLACE, CHECKPOINT_COLUMNS.subList(1, CHECKPOINT_COLUMNS.size())));
        this.upsertAlert = dialect.upsert("alerts", AlertRows.COLUMNS.subList(0, 1),
                Merged.each(Merge.REPLACE, AlertRows.COLUMNS.subList(1, AlertRows.COLUMNS.size())));
        this.aggregator = new TrafficAggregator(dialect, maxHosts, hostWrites);
        this.sql = new Sql(pool, writing, dialect);
        sql.participate(aggregator);
        this.audit = JdbcAuditTrail.open(sql, dialect, auditSettings);
        this.traffic = new JdbcTrafficQueries(sql, this::writePendingHosts);
        this.alertQueries = new JdbcAlertQueries(sql);
        this.triage = new JdbcTriageStore(sql, dialect, audit);
        this.users = new JdbcUserStore(sql, dialect, audit);
        this.sealer = auditSettings.writable() ? startSealer() : null;
    }

    /** Seals a block whose entries wait longer than the block interval when nothing else is written. */
    private ScheduledExecutorService startSealer() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("iotwatch-audit-sealer").daemon(true).factory());
        timer.scheduleWithFixedDelay(() -> {
            try {
                audit.sealIfDue();
            } catch (RuntimeException e) {
                LOG.warn("cannot seal an audit block, will try again: {}", e.getMessage());
            }
        }, 1, 1, TimeUnit.SECONDS);
        return timer;
    }

    @Override
    public TrafficQueries traffic() {
        return traffic;
    }

    @Override
    public AlertQueries alertQueries() {
        return alertQueries;
    }

    @Override
    public TriageStore triage() {
        return triage;
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public AuditTrail audit() {
        return audit;
    }

    @Override
    public void accept(Batch batch) {
        Objects.requireNonNull(batch, "batch");
        sql.write("store a batch of %,d events, %,d rejects and %,d alerts".formatted(
                batch.events().size(), batch.rejects().size(), batch.alerts().size()), c -> {
            storeEvents(c, inIdOrder(batch.events()));
            long now = System.currentTimeMillis();
            insertAll(c, insertReject, batch.rejects(), (st, reject) -> bindReject(st, reject, now));
            List<AuditRecord> alertRecords = AlertRows.auditRecords(c, batch.alerts());
            AlertRows.upsert(c, upsertAlert, batch.alerts(), now);
            audit.append(c, alertRecords);
            if (batch.checkpoint().isPresent()) {
                saveCheckpoint(c, batch.checkpoint().get());
            }
            return null;
        });
    }

    /** The events sorted by id, each id once (its first event), as blocks hold them. */
    private static List<Event> inIdOrder(List<Event> events) {
        boolean ordered = true;
        for (int i = 1; i < events.size() && ordered; i++) {
            ordered = events.get(i - 1).id().compareTo(events.get(i).id()) < 0;
        }
        if (ordered) {
            return events;
        }
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(Event::id)); // stable: the first of equal ids stays first
        List<Event> unique = new ArrayList<>(sorted.size());
        for (Event event : sorted) {
            if (unique.isEmpty() || !unique.getLast().id().equals(event.id())) {
                unique.add(event);
            }
        }
        return unique;
    }

    /**
     * Stores events in blocks, one or more per stream, and counts them by type.
     *
     * <p>A rerun of a file resumes exactly at its checkpoint, which is stored with the batch that it
     * covers, so the batches of a rerun start where the stored blocks end and normally never overlap
     * them. They do when a file is read again from an earlier offset, maybe in batches of another
     * size: then the events whose positions stored blocks cover already are left out, so that every
     * event is stored once and the blocks of a stream never overlap. That needs one indexed look-up
     * per block; a block whose key is stored already (another process storing the same stream) is
     * ignored by the insert and not counted. The events of the blocks stored, and only those, are added
     * to the traffic aggregates.
     */
    private void storeEvents(Connection c, List<Event> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        aggregator.start(c);
        storeBlocks(c, events);
        aggregator.write(c);
    }

    private void storeBlocks(Connection c, List<Event> events) throws SQLException {
        long[] counts = new long[TYPES.length];
        try (PreparedStatement insert = c.prepareStatement(insertBlock)) {
            int from = 0;
            while (from < events.size()) {
                int to = from + 1;
                long stream = events.get(from).id().stream();
                while (to < events.size() && events.get(to).id().stream() == stream) {
                    to++;
                }
                for (List<Event> run : unstored(c, events.subList(from, to))) {
                    for (int at = 0; at < run.size(); ) {
                        EventCodec.Block block = codec.encode(run, at, run.size());
                        if (insertBlock(insert, block) == 1) {
                            for (int t = 0; t < counts.length; t++) {
                                counts[t] += block.countsByType()[t];
                            }
                            aggregator.add(run, at, at + block.eventCount());
                        }
                        at += block.eventCount();
                    }
                }
                from = to;
            }
        }
        try (PreparedStatement add = c.prepareStatement(addEventCount)) {
            for (int t = 0; t < counts.length; t++) {
                if (counts[t] > 0) {
                    add.setString(1, TYPES[t].label());
                    add.setLong(2, counts[t]);
                    add.executeUpdate();
                }
            }
        }
    }

    private static int insertBlock(PreparedStatement st, EventCodec.Block block) throws SQLException {
        st.setLong(1, block.stream());
        st.setLong(2, block.firstPosition());
        st.setLong(3, block.lastPosition());
        st.setLong(4, block.timeMinNanos());
        st.setLong(5, block.timeMaxNanos());
        st.setInt(6, block.eventCount());
        st.setString(7, block.codec());
        st.setBytes(8, block.payload());
        return st.executeUpdate();
    }

    private record Range(long first, long last) {}

    /**
     * The events of one stream, in position order, whose positions no stored block covers, in runs that
     * no stored block lies within.
     */
    private static List<List<Event>> unstored(Connection c, List<Event> events) throws SQLException {
        long stream = events.getFirst().id().stream();
        long first = events.getFirst().id().position();
        long last = events.getLast().id().position();
        Range before = lastBlockFrom(c, stream, last);
        if (before == null || before.last() < first) {
            return List.of(events);
        }
        List<Range> stored = new ArrayList<>();
        Range straddling = first == Long.MIN_VALUE ? null : lastBlockFrom(c, stream, first - 1);
        if (straddling != null && straddling.last() >= first) {
            stored.add(straddling);
        }
        try (PreparedStatement st = c.prepareStatement("SELECT first_position, last_position FROM event_blocks"
                + " WHERE stream = ? AND first_position BETWEEN ? AND ? ORDER BY first_position")) {
            st.setLong(1, stream);
            st.setLong(2, first);
            st.setLong(3, last);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    stored.add(new Range(rs.getLong(1), rs.getLong(2)));
                }
            }
        }
        List<List<Event>> runs = new ArrayList<>();
        List<Event> run = new ArrayList<>();
        int r = 0;
        for (Event event : events) {
            long position = event.id().position();
            boolean passedBlock = false;
            while (r < stored.size() && stored.get(r).last() < position) {
                r++;
                passedBlock = true;
            }
            boolean covered = r < stored.size() && stored.get(r).first() <= position;
            if ((passedBlock || covered) && !run.isEmpty()) {
                runs.add(run);
                run = new ArrayList<>();
            }
            if (!covered) {
                run.add(event);
            }
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    /** The stored block of the stream with the greatest first position up to {@code position}, if any. */
    private static Range lastBlockFrom(Connection c, long stream, long position) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT first_position, last_position FROM event_blocks"
                + " WHERE stream = ? AND first_position <= ? ORDER BY first_position DESC LIMIT 1")) {
            st.setLong(1, stream);
            st.setLong(2, position);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? new Range(rs.getLong(1), rs.getLong(2)) : null;
            }
        }
    }

    private interface RowBinder<T> {
        void bind(PreparedStatement st, T row) throws SQLException;
    }

    private static <T> void insertAll(Connection c, String insert, List<T> rows, RowBinder<T> binder) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (Sql.Batched batch = new Sql.Batched(c, insert)) {
            for (T row : rows) {
                binder.bind(batch.statement(), row);
                batch.add();
            }
        }
    }

    private static void bindReject(PreparedStatement st, Reject reject, long receivedAtMillis) throws SQLException {
        st.setLong(1, reject.id().stream());
        st.setLong(2, reject.id().position());
        st.setString(3, withoutNul(reject.origin()));
        st.setLong(4, reject.lineNumber());
        st.setBytes(5, reject.raw());
        st.setString(6, withoutNul(reject.reason()));
        st.setLong(7, receivedAtMillis);
    }

    private void saveCheckpoint(Connection c, Checkpoint checkpoint) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(upsertCheckpoint)) {
            st.setLong(1, checkpoint.stream());
            st.setString(2, withoutNul(checkpoint.origin()));
            st.setLong(3, checkpoint.offset());
            st.setLong(4, checkpoint.lineNumber());
            st.setLong(5, System.currentTimeMillis());
            st.executeUpdate();
        }
    }

    @Override
    public Optional<Checkpoint> checkpoint(long stream) {
        try (Connection c = pool.getConnection();
                PreparedStatement st = c.prepareStatement(
                        "SELECT origin, byte_offset, line_number FROM checkpoints WHERE stream = ?")) {
            st.setLong(1, stream);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Checkpoint(stream, rs.getString(1), rs.getLong(2), rs.getLong(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("cannot read the checkpoint of stream " + Long.toUnsignedString(stream, 16), e);
        }
    }

    @Override
    public StoreSummary summary() {
        try (Connection c = pool.getConnection();
                PreparedStatement byType = c.prepareStatement("SELECT type, events FROM event_counts");
                PreparedStatement rejects = c.prepareStatement("SELECT COUNT(*) FROM rejects")) {
            Map<EventType, Long> counts = new EnumMap<>(EventType.class);
            long total = 0;
            try (ResultSet rs = byType.executeQuery()) {
                while (rs.next()) {
                    long n = rs.getLong(2);
                    counts.put(type(rs.getString(1)), n);
                    total += n;
                }
            }
            try (ResultSet rs = rejects.executeQuery()) {
                rs.next();
                return new StoreSummary(total, counts, rs.getLong(1));
            }
        } catch (SQLException e) {
            throw failure("cannot count the stored events", e);
        }
    }

    @Override
    public List<Alert> alerts(AlertQuery query) {
        Objects.requireNonNull(query, "query");
        try (Connection c = pool.getConnection()) {
            return AlertRows.select(c, query);
        } catch (SQLException e) {
            throw failure("cannot read the alerts", e);
        }
    }

    @Override
    public List<Reject> rejects(int limit) {
        requireLimit(limit);
        try (Connection c = pool.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT stream, position, origin, line_number, raw, reason"
                        + " FROM rejects ORDER BY stream, position LIMIT ?")) {
            st.setInt(1, limit);
            List<Reject> rejects = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rejects.add(new Reject(new EventId(rs.getLong(1), rs.getLong(2)),
                            rs.getString(3), rs.getLong(4), rs.getBytes(5), rs.getString(6)));
                }
            }
            return rejects;
        } catch (SQLException e) {
            throw failure("cannot read the rejects", e);
        }
    }

    @Override
    public List<Event> events(EventType type, int limit) {
        Objects.requireNonNull(type, "type");
        requireLimit(limit);
        List<Event> events = new ArrayList<>();
        if (limit == 0) {
            return events;
        }
        try (Connection c = pool.getConnection()) {
            // PostgreSQL and MariaDB stream a result only within a transaction with a fetch size
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT codec, payload FROM event_blocks ORDER BY stream, first_position")) {
                st.setFetchSize(16);
                try (ResultSet rs = st.executeQuery()) {
                    while (events.size() < limit && rs.next()) {
                        for (Event event : EventCodec.decode(rs.getString(1), rs.getBytes(2))) {
                            if (event.type() == type && events.size() < limit) {
                                events.add(event);
                            }
                        }
                    }
                }
            } finally {
                c.rollback();
            }
            return events;
        } catch (SQLException e) {
            throw failure("cannot read the " + type.label() + " events", e);
        }
    }

    @Override
    public List<Event> events(Instant from, Instant to, Set<String> ips, int limit) {
        Args.range(from, to);
        Objects.requireNonNull(ips, "ips");
        Args.limit(limit);
        List<Event> found = new ArrayList<>();
        // once limit events are found, a block that begins after the latest of them cannot improve on them
        long cutoff = Long.MAX_VALUE;
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement("SELECT time_min_ns, codec, payload FROM event_blocks"
                    + " WHERE time_min_ns <= ? AND time_max_ns >= ? ORDER BY time_min_ns")) {
                st.setFetchSize(16);
                st.setLong(1, EventCodec.epochNanos(to));
                st.setLong(2, EventCodec.epochNanos(from));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next() && rs.getLong(1) <= cutoff) {
                        for (Event event : EventCodec.decode(rs.getString(2), rs.getBytes(3))) {
                            if (!event.time().isBefore(from) && !event.time().isAfter(to) && involves(event, ips)) {
                                found.add(event);
                            }
                        }
                        if (found.size() >= limit) {
                            found.sort(OLDEST_FIRST);
                            found.subList(limit, found.size()).clear();
                            cutoff = EventCodec.epochNanos(found.getLast().time());
                        }
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw failure("cannot read the events from " + from + " to " + to, e);
        }
        found.sort(OLDEST_FIRST);
        return found;
    }

    private static boolean involves(Event event, Set<String> ips) {
        if (ips.isEmpty()) {
            return true;
        }
        return switch (event) {
            case ConnectionEvent e -> ips.contains(e.source().ip()) || ips.contains(e.destination().ip());
            case DnsEvent e -> ips.contains(e.client().ip()) || ips.contains(e.server().ip());
            case AuthEvent e -> ips.contains(e.source().ip()) || ips.contains(e.target().ip());
            case ArpEvent e -> ips.contains(e.senderIp()) || ips.contains(e.targetIp());
            case VendorAlertEvent e -> ips.contains(e.source().ip()) || ips.contains(e.destination().ip());
            case ClassificationEvent e -> ips.contains(e.source().ip()) || ips.contains(e.destination().ip());
            case GenericEvent e -> false;
        };
    }

    private static EventType type(String label) {
        for (EventType type : TYPES) {
            if (type.label().equals(label)) {
                return type;
            }
        }
        throw new StoreException("unknown event type '" + label + "' in the event_counts table", null);
    }

    /** Merges the host rows the aggregator holds back, so that a read of hosts or talkers sees every stored event. */
    private void writePendingHosts() {
        writing.lock(); // reentrant: Sql.write takes it again
        try {
            if (aggregator.hasPending()) {
                sql.write("merge the hosts' traffic", c -> {
                    aggregator.writePending(c);
                    return null;
                });
            }
        } finally {
            writing.unlock();
        }
    }

    @Override
    public void close() {
        try {
            if (sealer != null) {
                sealer.shutdownNow();
            }
            audit.seal();
            writePendingHosts();
        } finally {
            pool.close();
        }
    }

    private static void requireLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("negative limit: " + limit);
        }
    }

    /** PostgreSQL text cannot hold NUL; U+FFFD is what a lenient decoder shows for a bad byte too. */
    static String withoutNul(String value) {
        return value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
    }

    private static StoreException failure(String what, SQLException e) {
        return new StoreException(what + ": " + e.getMessage(), e);
    }
}
