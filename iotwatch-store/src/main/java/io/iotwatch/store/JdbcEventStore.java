package io.iotwatch.store;

import com.zaxxer.hikari.HikariDataSource;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.event.EventType;
import io.iotwatch.core.event.Reject;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.core.sink.Checkpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The event store on any {@link Dialect}, through a small connection pool: one writer, one reader. */
final class JdbcEventStore implements EventStore {

    private static final List<String> KEY = List.of("stream", "position");
    private static final List<String> REJECT_COLUMNS =
            List.of("stream", "position", "origin", "line_number", "raw", "reason", "received_at_ms");
    private static final List<String> CHECKPOINT_COLUMNS =
            List.of("stream", "origin", "byte_offset", "line_number", "updated_at_ms");
    // bounds the parameters a driver holds for one round trip, whatever the batch size
    private static final int ROWS_PER_EXECUTE = 1024;

    private final HikariDataSource pool;
    private final String insertEvent;
    private final String insertReject;
    private final String upsertCheckpoint;

    JdbcEventStore(HikariDataSource pool, Dialect dialect) {
        this.pool = pool;
        this.insertEvent = dialect.insertUnlessStored("events", EventRows.COLUMNS, KEY);
        this.insertReject = dialect.insertUnlessStored("rejects", REJECT_COLUMNS, KEY);
        this.upsertCheckpoint = dialect.upsert("checkpoints", CHECKPOINT_COLUMNS, "stream");
    }

    @Override
    public void accept(Batch batch) {
        Objects.requireNonNull(batch, "batch");
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                insertAll(c, insertEvent, batch.events(), new EventRows.Binder()::bind);
                long now = System.currentTimeMillis();
                insertAll(c, insertReject, batch.rejects(), (st, reject) -> bindReject(st, reject, now));
                if (batch.checkpoint().isPresent()) {
                    saveCheckpoint(c, batch.checkpoint().get());
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure("cannot store a batch of %,d events and %,d rejects".formatted(
                    batch.events().size(), batch.rejects().size()), e);
        }
    }

    private interface RowBinder<T> {
        void bind(PreparedStatement st, T row) throws SQLException;
    }

    private static <T> void insertAll(Connection c, String insert, List<T> rows, RowBinder<T> binder) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement(insert)) {
            int pending = 0;
            for (T row : rows) {
                binder.bind(st, row);
                st.addBatch();
                if (++pending == ROWS_PER_EXECUTE) {
                    st.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                st.executeBatch();
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
                PreparedStatement byType = c.prepareStatement("SELECT type, COUNT(*) FROM events GROUP BY type");
                PreparedStatement rejects = c.prepareStatement("SELECT COUNT(*) FROM rejects")) {
            Map<EventType, Long> counts = new EnumMap<>(EventType.class);
            long total = 0;
            try (ResultSet rs = byType.executeQuery()) {
                while (rs.next()) {
                    long n = rs.getLong(2);
                    counts.put(EventRows.type(rs.getString(1)), n);
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
        try (Connection c = pool.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT " + String.join(", ", EventRows.COLUMNS)
                        + " FROM events WHERE type = ? ORDER BY stream, position LIMIT ?")) {
            st.setString(1, type.label());
            st.setInt(2, limit);
            List<Event> events = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    events.add(EventRows.read(rs));
                }
            }
            return events;
        } catch (SQLException e) {
            throw failure("cannot read the " + type.label() + " events", e);
        }
    }

    @Override
    public void close() {
        pool.close();
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

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static StoreException failure(String what, SQLException e) {
        return new StoreException(what + ": " + e.getMessage(), e);
    }
}
