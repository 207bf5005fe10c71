package io.iotwatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Statements with bound parameters over the store's pool. Reads run on any connection; writes run in a
 * transaction under the store's one writer lock, as storing batches does, begun as {@link Dialect#beginWrite}
 * says: a second writer in the same SQLite file, in this process or another, could otherwise fail its
 * transaction (busy) instead of waiting.
 */
final class Sql {

    /** Reads a value from the current row of a result. */
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Takes in the current row of a result. */
    interface Each {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Work on a connection. */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** What keeps state beside the database and needs to know whether a write transaction committed. */
    interface Participant {
        void committed();

        void rolledBack();
    }

    /** A NULL parameter of a BIGINT column: a bare null binds as text, which PostgreSQL refuses there. */
    static final Object NULL_BIGINT = new Object();

    // bounds the parameters a driver holds for one round trip, whatever the batch size
    private static final int ROWS_PER_EXECUTE = 1024;

    private final DataSource pool;
    private final ReentrantLock writing;
    private final Dialect dialect;
    private final List<Participant> participants = new CopyOnWriteArrayList<>();

    Sql(DataSource pool, ReentrantLock writing, Dialect dialect) {
        this.pool = pool;
        this.writing = writing;
        this.dialect = dialect;
    }

    /** Tells the participant the outcome of every write transaction from now on. */
    void participate(Participant participant) {
        participants.add(participant);
    }

    /** A connection of the pool for reads that span many statements; the caller closes it. */
    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** Runs the work on a connection; {@code what} completes "cannot ..." in the StoreException of a failure. */
    <T> T read(String what, Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    /** Runs the work in a transaction under the writer lock, rolling back when it throws anything. */
    <T> T write(String what, Work<T> work) {
        writing.lock();
        try (Connection c = pool.getConnection()) {
            dialect.beginWrite(c);
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                dialect.endWrite(c);
                c.commit();
                participants.forEach(Participant::committed);
                return result;
            } catch (SQLException | RuntimeException e) {
                participants.forEach(Participant::rolledBack);
                try {
                    dialect.endWrite(c);
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
        } finally {
            writing.unlock();
        }
    }

    static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        List<T> rows = new ArrayList<>();
        each(c, sql, rs -> rows.add(row.read(rs)), params);
        return rows;
    }

    static void each(Connection c, String sql, Each each, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, params);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    each.accept(rs);
                }
            }
        }
    }

    static <T> Optional<T> first(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, params);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
            }
        }
    }

    /** The first column of the one row of a query, such as a COUNT or SUM; 0 for NULL. */
    static long number(Connection c, String sql, Object... params) throws SQLException {
        return first(c, sql, rs -> rs.getLong(1), params).orElseThrow();
    }

    /** Runs an insert, update or delete and says how many rows it changed. */
    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, params);
            return st.executeUpdate();
        }
    }

    static void bind(PreparedStatement st, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            switch (params[i]) {
                case null -> st.setNull(i + 1, Types.VARCHAR);
                case String s -> st.setString(i + 1, s);
                case Long l -> st.setLong(i + 1, l);
                case Integer n -> st.setInt(i + 1, n);
                case Double d -> st.setDouble(i + 1, d);
                case Object o when o == NULL_BIGINT -> st.setNull(i + 1, Types.BIGINT);
                default -> throw new IllegalArgumentException("no binding for a " + params[i].getClass().getName());
            }
        }
    }

    /** The instant as epoch nanoseconds for a BIGINT column, {@link #NULL_BIGINT} for null. */
    static Object nanos(Instant time) {
        return time == null ? NULL_BIGINT : (Object) EventCodec.epochNanos(time);
    }

    /** The instant stored as epoch nanoseconds in the column, null for NULL. */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        long nanos = rs.getLong(column);
        return rs.wasNull() ? null : EventCodec.instant(nanos);
    }

    /** The placeholders for {@code n} parameters of an IN list: {@code ?, ?, ?}. */
    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /**
     * One statement executed for many rows in JDBC batches of a bounded size: bind the parameters of a
     * row on {@link #statement()}, then {@link #add()}; closing executes what is pending.
     */
    static final class Batched implements AutoCloseable {
        private final PreparedStatement st;
        private int pending;

        Batched(Connection c, String sql) throws SQLException {
            this.st = c.prepareStatement(sql);
        }

        PreparedStatement statement() {
            return st;
        }

        void add() throws SQLException {
            st.addBatch();
            if (++pending == ROWS_PER_EXECUTE) {
                st.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try (st) {
                if (pending > 0) {
                    st.executeBatch();
                }
            }
        }
    }
}
