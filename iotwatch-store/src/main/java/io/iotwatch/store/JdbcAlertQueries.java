package io.iotwatch.store;

import io.iotwatch.core.alert.ThreatLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** {@link AlertQueries} over the alerts and alert_triage tables. */
final class JdbcAlertQueries implements AlertQueries {

    private static final ThreatLevel[] LEVELS = ThreatLevel.values();
    private static final String RANK = rank();
    private static final String OPEN = AlertStatus.OPEN.id();
    private static final String OVERLAPS = " a.last_seen_ns >= ? AND a.first_seen_ns <= ?";
    // The alerts triaged to another status than open, a few among many: read from their triage. CROSS JOIN
    // is an inner join everywhere, and makes SQLite start from the triage, where it would rather walk
    // every alert in the order of an index that saves it a sort.
    private static final String TRIAGED_NOT_OPEN = "alert_triage t CROSS JOIN alerts a WHERE a.id = t.alert_id AND t.status <> ?";
    // IN lists are bound in parts of this many: far below every database's limit of parameters
    private static final int IN_LIST = 500;

    private final Sql sql;

    JdbcAlertQueries(Sql sql) {
        this.sql = sql;
    }

    /** Levels are stored by name: this ranks them, lowest 0, for MAX. Made of the enum's own names, no input. */
    private static String rank() {
        StringBuilder rank = new StringBuilder("CASE a.level");
        for (ThreatLevel level : LEVELS) {
            rank.append(" WHEN '").append(level.id()).append("' THEN ").append(level.ordinal());
        }
        return rank.append(" END").toString();
    }

    /** The WHERE clause of a filter and its parameters; {@code triage} if it reads the triage (as t). */
    private record Where(String sql, List<Object> params, boolean triage) {

        static Where of(AlertFilter filter) {
            StringBuilder where = new StringBuilder();
            List<Object> params = new ArrayList<>();
            if (filter.from() != null) {
                and(where, "a.last_seen_ns >= ?", params, EventCodec.epochNanos(filter.from()));
            }
            if (filter.to() != null) {
                and(where, "a.first_seen_ns <= ?", params, EventCodec.epochNanos(filter.to()));
            }
            if (!filter.levels().isEmpty()) {
                and(where, "a.level IN (" + Sql.placeholders(filter.levels().size()) + ")", params,
                        filter.levels().stream().map(ThreatLevel::id).toArray());
            }
            if (filter.detector() != null) {
                and(where, "a.detector = ?", params, filter.detector());
            }
            if (filter.attackClass() != null) {
                and(where, "a.attack_class = ?", params, filter.attackClass());
            }
            if (filter.group() != null) {
                and(where, "a.attack_group = ?", params, filter.group());
            }
            if (filter.srcIp() != null) {
                and(where, "a.src_ip = ?", params, filter.srcIp());
            }
            if (filter.dstIp() != null) {
                and(where, "a.dst_ip = ?", params, filter.dstIp());
            }
            if (filter.ip() != null) {
                and(where, "(a.src_ip = ? OR a.dst_ip = ?)", params, filter.ip(), filter.ip());
            }
            if (filter.status() == AlertStatus.OPEN) {
                and(where, "(t.status IS NULL OR t.status = ?)", params, OPEN);
            } else if (filter.status() != null) {
                and(where, "t.status = ?", params, filter.status().id());
            }
            return new Where(where.toString(), params, filter.status() != null);
        }

        private static void and(StringBuilder where, String condition, List<Object> params, Object... values) {
            where.append(where.isEmpty() ? " WHERE " : " AND ").append(condition);
            Collections.addAll(params, values);
        }
    }

    @Override
    public AlertPage find(AlertFilter filter, int offset, int limit) {
        Objects.requireNonNull(filter, "filter");
        Args.offset(offset);
        Args.limit(limit);
        Where where = Where.of(filter);
        String from = where.triage() ? " FROM alerts a LEFT JOIN alert_triage t ON t.alert_id = a.id" : " FROM alerts a";
        return sql.read("read the alerts", c -> {
            long total = Sql.number(c, "SELECT COUNT(*)" + from + where.sql(), where.params().toArray());
            List<Object> params = new ArrayList<>(where.params());
            params.add(limit);
            params.add(offset);
            String page = "SELECT a.id" + from + where.sql() + " ORDER BY a.last_seen_ns DESC, a.id LIMIT ? OFFSET ?";
            List<StoredAlert> items = Sql.list(c, AlertRows.selectStoredOf(page) + " ORDER BY a.last_seen_ns DESC, a.id",
                    AlertRows::stored, params.toArray());
            return new AlertPage(total, items);
        });
    }

    @Override
    public void each(AlertFilter filter, Consumer<StoredAlert> action) {
        Objects.requireNonNull(filter, "filter");
        Where where = Where.of(filter);
        sql.read("read the alerts", c -> {
            Sql.each(c, AlertRows.SELECT_STORED + where.sql() + " ORDER BY a.last_seen_ns DESC, a.id",
                    rs -> action.accept(AlertRows.stored(rs)), where.params().toArray());
            return null;
        });
    }

    @Override
    public Optional<StoredAlert> find(String id) {
        Objects.requireNonNull(id, "id");
        return sql.read("read the alert " + id, c -> Sql.first(c, AlertRows.SELECT_STORED + " WHERE a.id = ?", AlertRows::stored, id));
    }

    @Override
    public List<LevelBucket> series(Instant from, Instant to, Duration step) {
        Buckets buckets = Buckets.of(from, to, step);
        long[][] counts = new long[buckets.count()][LEVELS.length];
        sql.read("read the alert series", c -> {
            Sql.each(c, "SELECT first_seen_ns, level FROM alerts WHERE first_seen_ns >= ? AND first_seen_ns < ?", rs -> {
                int index = buckets.index(Math.floorDiv(rs.getLong(1), 1_000_000_000L));
                // times beyond +-292 years are stored at the nearest bound, which may lie outside the steps
                if (index >= 0 && index < counts.length) {
                    counts[index][ThreatLevel.of(rs.getString(2)).ordinal()]++;
                }
            }, EventCodec.epochNanos(buckets.firstSecond(), 0), EventCodec.epochNanos(buckets.endSecond(), 0));
            return null;
        });
        List<LevelBucket> series = new ArrayList<>(buckets.count());
        for (int i = 0; i < buckets.count(); i++) {
            long[] n = counts[i];
            series.add(new LevelBucket(buckets.start(i), n[ThreatLevel.LOW.ordinal()], n[ThreatLevel.MEDIUM.ordinal()],
                    n[ThreatLevel.HIGH.ordinal()], n[ThreatLevel.CRITICAL.ordinal()]));
        }
        return series;
    }

    @Override
    public Map<ThreatLevel, Long> countByLevel() {
        Map<ThreatLevel, Long> counts = new EnumMap<>(ThreatLevel.class);
        for (ThreatLevel level : LEVELS) {
            counts.put(level, 0L);
        }
        sql.read("count the alerts by level", c -> {
            Sql.each(c, "SELECT level, COUNT(*) FROM alerts GROUP BY level",
                    rs -> counts.put(ThreatLevel.of(rs.getString(1)), rs.getLong(2)));
            return null;
        });
        return Collections.unmodifiableMap(counts);
    }

    @Override
    public long occurrences() {
        return sql.read("sum the alerts' counts", c -> Sql.number(c, "SELECT SUM(alert_count) FROM alerts"));
    }

    @Override
    public long open() {
        // all alerts less those triaged to another status than open
        return sql.read("count the open alerts", c -> Sql.number(c, "SELECT (SELECT COUNT(*) FROM alerts)"
                + " - (SELECT COUNT(*) FROM " + TRIAGED_NOT_OPEN + ")", OPEN));
    }

    @Override
    public List<AlertSource> topSources(Instant from, Instant to, int limit) {
        return top("a.src_ip", from, to, limit);
    }

    @Override
    public List<AlertSource> topTargets(Instant from, Instant to, int limit) {
        return top("a.dst_ip", from, to, limit);
    }

    /** The top addresses in {@code column}, one of the alerts' address columns (never input). */
    private List<AlertSource> top(String column, Instant from, Instant to, int limit) {
        Args.range(from, to);
        Args.limit(limit);
        long fromNanos = EventCodec.epochNanos(from);
        long toNanos = EventCodec.epochNanos(to);
        return sql.read("read the top addresses of alerts", c -> {
            record Top(String ip, long alerts, long occurrences, int rank, long lastSeen) {}
            List<Top> tops = Sql.list(c, "SELECT " + column + ", COUNT(*), SUM(a.alert_count), MAX(" + RANK + "),"
                    + " MAX(a.last_seen_ns) FROM alerts a WHERE" + OVERLAPS + " AND " + column + " IS NOT NULL"
                    + " GROUP BY " + column + " ORDER BY COUNT(*) DESC, " + column + " LIMIT ?",
                    rs -> new Top(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getLong(5)),
                    fromNanos, toNanos, limit);
            // each address's classes, the most frequent first
            Map<String, Map<String, Long>> classes = new HashMap<>();
            for (List<Top> part : parts(tops)) {
                List<Object> params = new ArrayList<>(List.of(fromNanos, toNanos));
                part.forEach(t -> params.add(t.ip()));
                Sql.each(c, "SELECT " + column + ", a.attack_class, COUNT(*) FROM alerts a WHERE" + OVERLAPS
                        + " AND " + column + " IN (" + Sql.placeholders(part.size()) + ") GROUP BY " + column + ", a.attack_class",
                        rs -> classes.computeIfAbsent(rs.getString(1), ip -> new HashMap<>()).put(rs.getString(2), rs.getLong(3)),
                        params.toArray());
            }
            return tops.stream().map(t -> new AlertSource(t.ip(), t.alerts(), t.occurrences(), LEVELS[t.rank()],
                    byCount(classes.getOrDefault(t.ip(), Map.of())), EventCodec.instant(t.lastSeen()))).toList();
        });
    }

    private static List<String> byCount(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
    }

    @Override
    public List<Threat> threats(Instant from, Instant to, int limit) {
        Args.range(from, to);
        Args.limit(limit);
        long fromNanos = EventCodec.epochNanos(from);
        long toNanos = EventCodec.epochNanos(to);
        return sql.read("read the threats", c -> {
            record Key(String attackClass, String group, String srcIp) {}
            // few alerts are triaged: those not open are counted apart, rather than joining every alert to its triage
            Map<Key, Long> closed = new HashMap<>();
            Sql.each(c, "SELECT a.attack_class, a.attack_group, a.src_ip, COUNT(*) FROM " + TRIAGED_NOT_OPEN + " AND" + OVERLAPS
                    + " GROUP BY a.attack_class, a.attack_group, a.src_ip",
                    rs -> closed.put(new Key(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getLong(4)),
                    OPEN, fromNanos, toNanos);
            return Sql.list(c, "SELECT a.attack_class, a.attack_group, a.src_ip, COUNT(*), SUM(a.alert_count), MAX(" + RANK + "),"
                    + " MIN(a.first_seen_ns), MAX(a.last_seen_ns) FROM alerts a WHERE" + OVERLAPS
                    + " GROUP BY a.attack_class, a.attack_group, a.src_ip"
                    + " ORDER BY COUNT(*) DESC, a.attack_class, a.attack_group, COALESCE(a.src_ip, '') LIMIT ?", rs -> {
                        Key key = new Key(rs.getString(1), rs.getString(2), rs.getString(3));
                        long alerts = rs.getLong(4);
                        return new Threat(key.attackClass(), key.group(), key.srcIp(), alerts, rs.getLong(5), LEVELS[rs.getInt(6)],
                                EventCodec.instant(rs.getLong(7)), EventCodec.instant(rs.getLong(8)),
                                alerts - closed.getOrDefault(key, 0L));
                    }, fromNanos, toNanos, limit);
        });
    }

    @Override
    public Map<String, HostAlerts> alertsFor(Collection<String> ips) {
        Objects.requireNonNull(ips, "ips");
        List<String> distinct = ips.stream().map(ip -> Objects.requireNonNull(ip, "ip")).distinct().toList();
        Map<String, HostAlerts> found = new LinkedHashMap<>();
        sql.read("read the alerts of hosts", c -> {
            for (List<String> part : parts(distinct)) {
                String in = " IN (" + Sql.placeholders(part.size()) + ")";
                Sql.Each add = rs -> found.merge(rs.getString(1), new HostAlerts(rs.getString(1), rs.getLong(2), LEVELS[rs.getInt(3)]),
                        (a, b) -> new HostAlerts(a.ip(), a.alerts() + b.alerts(), a.maxLevel().max(b.maxLevel())));
                Sql.each(c, "SELECT a.src_ip, COUNT(*), MAX(" + RANK + ") FROM alerts a WHERE a.src_ip" + in
                        + " GROUP BY a.src_ip", add, part.toArray());
                // an alert from an address to itself is counted once, with the source
                Sql.each(c, "SELECT a.dst_ip, COUNT(*), MAX(" + RANK + ") FROM alerts a WHERE a.dst_ip" + in
                        + " AND (a.src_ip IS NULL OR a.src_ip <> a.dst_ip) GROUP BY a.dst_ip", add, part.toArray());
            }
            return null;
        });
        return Collections.unmodifiableMap(found);
    }

    private static <T> List<List<T>> parts(List<T> items) {
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < items.size(); from += IN_LIST) {
            parts.add(items.subList(from, Math.min(items.size(), from + IN_LIST)));
        }
        return parts;
    }
}
