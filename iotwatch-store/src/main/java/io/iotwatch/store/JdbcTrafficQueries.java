package io.iotwatch.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** {@link TrafficQueries} over the aggregates that {@link TrafficAggregator} keeps. */
final class JdbcTrafficQueries implements TrafficQueries {

    private static final String HOST =
            "SELECT ip, mac, first_seen_ns, last_seen_ns, connections, bytes_out, bytes_in, packets FROM hosts";
    // '!' escapes: a backslash would need escaping itself in MariaDB's string literals
    private static final String SEARCH = " WHERE LOWER(ip) LIKE ? ESCAPE '!' OR LOWER(mac) LIKE ? ESCAPE '!'";
    private static final String TALKED = "SELECT ip, connections, bytes_out, bytes_in, packets FROM ";

    /** Ranges longer than this count the whole UTC days they overlap, not their hours: see {@link TrafficQueries#talkers}. */
    static final Duration TALKERS_BY_DAY_OVER = Duration.ofDays(2);

    private final Sql sql;
    // merges host rows the store holds back (see TrafficAggregator) before hosts or talkers are read
    private final Runnable beforeHostRead;

    JdbcTrafficQueries(Sql sql, Runnable beforeHostRead) {
        this.sql = sql;
        this.beforeHostRead = beforeHostRead;
    }

    @Override
    public TrafficTotals totals() {
        return sql.read("read the traffic totals", c -> {
            long events = Sql.number(c, "SELECT SUM(events) FROM event_counts");
            return Sql.first(c, "SELECT connections, packets, bytes, first_event_ns, last_event_ns FROM traffic_totals WHERE id = 1",
                            rs -> new TrafficTotals(events, rs.getLong(1), rs.getLong(2), rs.getLong(3),
                                    Sql.instant(rs, 4), Sql.instant(rs, 5)))
                    .orElse(new TrafficTotals(events, 0, 0, 0, null, null));
        });
    }

    @Override
    public List<TrafficBucket> series(Instant from, Instant to, Duration step) {
        Buckets buckets = Buckets.of(from, to, step);
        // the counters of a TrafficBucket, in the order of its fields and of the columns read
        long[][] counts = new long[buckets.count()][8];
        sql.read("read the traffic series", c -> {
            Sql.each(c, "SELECT epoch_minute, events, connections, packets, bytes, dns, auth, auth_failures, arp"
                    + " FROM traffic_minutes WHERE epoch_minute >= ? AND epoch_minute < ?", rs -> {
                        long[] bucket = counts[buckets.index(rs.getLong(1) * 60)];
                        for (int i = 0; i < bucket.length; i++) {
                            bucket[i] += rs.getLong(i + 2);
                        }
                    }, buckets.firstSecond() / 60, buckets.endSecond() / 60);
            return null;
        });
        List<TrafficBucket> series = new ArrayList<>(buckets.count());
        for (int i = 0; i < buckets.count(); i++) {
            long[] n = counts[i];
            series.add(new TrafficBucket(buckets.start(i), n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]));
        }
        return series;
    }

    @Override
    public List<ProtocolTotal> protocols(Instant from, Instant to) {
        Args.range(from, to);
        return sql.read("read the protocols", c -> Sql.list(c, "SELECT protocol, SUM(connections), SUM(packets), SUM(bytes)"
                + " FROM protocol_minutes WHERE epoch_minute >= ? AND epoch_minute <= ?"
                + " GROUP BY protocol ORDER BY SUM(bytes) DESC, protocol",
                rs -> new ProtocolTotal(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                Math.floorDiv(from.getEpochSecond(), 60), Math.floorDiv(to.getEpochSecond(), 60)));
    }

    @Override
    public List<Talker> talkers(Instant from, Instant to, int limit) {
        Args.range(from, to);
        Args.limit(limit);
        beforeHostRead.run();
        long firstHour = Math.floorDiv(from.getEpochSecond(), 3600);
        long lastHour = Math.floorDiv(to.getEpochSecond(), 3600);
        Object[] ranges;
        if (Duration.between(from, to).compareTo(TALKERS_BY_DAY_OVER) > 0) {
            // a long range's whole days: a week by the hour is a quarter of a million rows to group
            ranges = new Object[] {0L, -1L, Math.floorDiv(firstHour, 24), Math.floorDiv(lastHour, 24), 0L, -1L, limit};
        } else {
            // the days wholly within the hours, read from host_days; the hours before and after them from host_hours
            long firstDay = Math.floorDiv(firstHour + 23, 24);
            long lastDay = Math.floorDiv(lastHour + 1, 24) - 1;
            ranges = firstDay <= lastDay
                    ? new Object[] {firstHour, firstDay * 24 - 1, firstDay, lastDay, (lastDay + 1) * 24, lastHour, limit}
                    : new Object[] {firstHour, lastHour, 0L, -1L, 0L, -1L, limit};
        }
        return sql.read("read the top talkers", c -> Sql.list(c, "SELECT ip, SUM(connections), SUM(bytes_out), SUM(bytes_in),"
                + " SUM(packets) FROM (" + TALKED + "host_hours WHERE epoch_hour BETWEEN ? AND ?"
                + " UNION ALL " + TALKED + "host_days WHERE epoch_day BETWEEN ? AND ?"
                + " UNION ALL " + TALKED + "host_hours WHERE epoch_hour BETWEEN ? AND ?) talked"
                + " GROUP BY ip ORDER BY SUM(bytes_out) + SUM(bytes_in) DESC, ip LIMIT ?",
                rs -> new Talker(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)), ranges));
    }

    @Override
    public HostPage hosts(String search, int offset, int limit) {
        Args.offset(offset);
        Args.limit(limit);
        beforeHostRead.run();
        boolean all = search == null || search.isEmpty();
        String where = all ? "" : SEARCH;
        List<Object> params = all ? new ArrayList<>() : new ArrayList<>(List.of(pattern(search), pattern(search)));
        return sql.read("read the hosts", c -> {
            long total = Sql.number(c, "SELECT COUNT(*) FROM hosts" + where, params.toArray());
            params.add(limit);
            params.add(offset);
            List<Host> items = Sql.list(c, HOST + where + " ORDER BY last_seen_ns DESC, ip LIMIT ? OFFSET ?",
                    JdbcTrafficQueries::host, params.toArray());
            return new HostPage(total, items);
        });
    }

    /** A LIKE pattern for text that contains {@code part}, any case, with LIKE's wildcards taken literally. */
    private static String pattern(String part) {
        String escaped = part.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }

    @Override
    public Optional<Host> host(String ip) {
        Objects.requireNonNull(ip, "ip");
        beforeHostRead.run();
        return sql.read("read the host " + ip, c -> Sql.first(c, HOST + " WHERE ip = ?", JdbcTrafficQueries::host, ip));
    }

    private static Host host(ResultSet rs) throws SQLException {
        return new Host(rs.getString(1), rs.getString(2), Sql.instant(rs, 3), Sql.instant(rs, 4), rs.getLong(5),
                rs.getLong(6), rs.getLong(7), rs.getLong(8));
    }
}
