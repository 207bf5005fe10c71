package io.iotwatch.store;

import io.iotwatch.core.event.ArpEvent;
import io.iotwatch.core.event.AuthEvent;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.DnsEvent;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.Outcome;
import io.iotwatch.store.Dialect.Merge;
import io.iotwatch.store.Dialect.Merged;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds up what the events of a batch add to the traffic aggregates (traffic_minutes, protocol_minutes,
 * traffic_totals, hosts, host_hours, host_days: see V3__dashboard.sql) and merges that into them, one row per
 * key instead of one per event. One per store, used under its writer lock; the maps are kept from batch to
 * batch.
 *
 * <p>The per-minute totals are merged in each batch's transaction. The host rows, one per private host in the
 * batch in each of three tables, are what storing costs (a batch of a busy network's firewall log names
 * thousands): they are added up over the batches of about {@link #HOST_WRITE_INTERVAL} and merged in the
 * transaction of the batch that ends it, or before anything reads them ({@link JdbcEventStore} calls
 * {@link #writePending} then). A crash loses those seconds of host figures, never events or totals.
 *
 * <p>Hosts are bounded ({@link #MAX_HOSTS}): a sweep of a private network or a flood from forged private
 * sources would otherwise make millions, each a row to merge into with every batch that sees it, slowing
 * storing down many times over. Past the bound a new address still counts in the traffic, not as a host;
 * the first one is logged.
 */
final class TrafficAggregator implements Sql.Participant {

    static final int MAX_HOSTS = 100_000;
    static final Duration HOST_WRITE_INTERVAL = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(TrafficAggregator.class);

    // a connection's counts outside 0..2^48 come from a broken record: counted as 0, so that no sum can
    // wrap, or overflow a database's BIGINT and fail every later batch
    private static final long MAX_COUNT = 1L << 48;
    private static final int MAX_PROTOCOL = 32;
    private static final int MAX_MAC = 64;

    // the counters of a traffic_minutes row, indexes into Minute.counts in column order
    private static final List<String> MINUTE_COUNTERS =
            List.of("events", "connections", "packets", "bytes", "dns", "auth", "auth_failures", "arp");
    private static final int EVENTS = 0;
    private static final int CONNECTIONS = 1;
    private static final int PACKETS = 2;
    private static final int BYTES = 3;
    private static final int DNS = 4;
    private static final int AUTH = 5;
    private static final int AUTH_FAILURES = 6;
    private static final int ARP = 7;
    // protocol_minutes: connections, packets, bytes; host_hours and host_days: connections, bytes_out, bytes_in, packets
    private static final List<String> PROTOCOL_COUNTERS = List.of("connections", "packets", "bytes");
    private static final List<String> HOST_COUNTERS = List.of("connections", "bytes_out", "bytes_in", "packets");

    private final String upsertMinute;
    private final String upsertProtocol;
    private final String upsertTotals;
    private final String upsertHost;
    private final int maxHosts;
    private final long hostWriteNanos;
    // the host rows of the batch being stored, and those of committed batches not yet merged into the tables
    private final HostRows current;
    private final HostRows pending;
    private boolean currentWritesHosts;
    private long lastHostWrite = System.nanoTime();
    // the addresses of the stored hosts (and of those being stored), read at the first batch
    private Set<String> known;
    private boolean full;

    private final Map<Long, Minute> minutes = new HashMap<>();
    // events of a batch mostly share their minute: the last one is kept at hand
    private long lastMinuteKey;
    private Minute lastMinute;
    private long connections;
    private long packets;
    private long bytes;
    private long firstNanos;
    private long lastNanos;
    private boolean any;

    /** The counters of one minute, and its connections by protocol. */
    private static final class Minute {
        final long[] counts = new long[MINUTE_COUNTERS.size()];
        final Map<String, long[]> protocols = new HashMap<>(8);
    }

    /** What the batch says of one private host. */
    private static final class Seen {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long connections;
        long bytesOut;
        long bytesIn;
        long packets;
        String mac;
        long macAt = Long.MIN_VALUE;
        // the rows of host_hours and host_days this host's last event went to: the next event of the same hour
        // (in a batch, nearly all) adds to them without a look-up
        long hour = Long.MIN_VALUE;
        long[] hourRow;
        long day = Long.MIN_VALUE;
        long[] dayRow;

        void add(Seen other) {
            first = Math.min(first, other.first);
            last = Math.max(last, other.last);
            connections += other.connections;
            bytesOut += other.bytesOut;
            bytesIn += other.bytesIn;
            packets += other.packets;
            if (other.mac != null && other.macAt >= macAt) {
                mac = other.mac;
                macAt = other.macAt;
            }
        }
    }

    /** What private hosts exchanged per bucket of time (an hour or a day) and host. */
    private static final class PerHost {
        final String upsert;
        final Map<Long, Map<String, long[]>> buckets = new HashMap<>();
        // events of a batch mostly share their bucket: the last one is kept at hand
        long lastKey;
        Map<String, long[]> last;

        PerHost(Dialect dialect, String table, String bucketColumn) {
            this.upsert = dialect.upsert(table, List.of(bucketColumn, "ip"), Merged.each(Merge.ADD, HOST_COUNTERS));
        }

        /** The counters of {@code ip} in bucket {@code key}, made on first use. */
        long[] row(long key, String ip) {
            if (last == null || key != lastKey) {
                last = buckets.computeIfAbsent(key, k -> new HashMap<>());
                lastKey = key;
            }
            return last.computeIfAbsent(ip, k -> new long[HOST_COUNTERS.size()]);
        }

        void write(Connection c) throws SQLException {
            try (Sql.Batched batch = new Sql.Batched(c, upsert)) {
                PreparedStatement st = batch.statement();
                for (Map.Entry<Long, Map<String, long[]>> bucket : buckets.entrySet()) {
                    for (Map.Entry<String, long[]> host : bucket.getValue().entrySet()) {
                        st.setLong(1, bucket.getKey());
                        st.setString(2, host.getKey());
                        bindCounts(st, 3, host.getValue());
                        batch.add();
                    }
                }
            }
        }

        void add(PerHost other) {
            for (Map.Entry<Long, Map<String, long[]>> bucket : other.buckets.entrySet()) {
                Map<String, long[]> rows = buckets.computeIfAbsent(bucket.getKey(), k -> new HashMap<>());
                for (Map.Entry<String, long[]> row : bucket.getValue().entrySet()) {
                    long[] sum = rows.computeIfAbsent(row.getKey(), k -> new long[HOST_COUNTERS.size()]);
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] += row.getValue()[i];
                    }
                }
            }
        }

        void clear() {
            buckets.clear();
            last = null;
        }
    }

    /** Host rows to merge: hosts, and what they exchanged per hour and per day. */
    private final class HostRows {
        final Map<String, Seen> hosts = new HashMap<>();
        final PerHost hours;
        final PerHost days;

        HostRows(Dialect dialect) {
            hours = new PerHost(dialect, "host_hours", "epoch_hour");
            days = new PerHost(dialect, "host_days", "epoch_day");
        }

        boolean isEmpty() {
            return hosts.isEmpty();
        }

        void add(HostRows other) {
            for (Map.Entry<String, Seen> host : other.hosts.entrySet()) {
                hosts.computeIfAbsent(host.getKey(), k -> new Seen()).add(host.getValue());
            }
            hours.add(other.hours);
            days.add(other.days);
        }

        void write(Connection c) throws SQLException {
            if (hosts.isEmpty()) {
                return;
            }
            try (Sql.Batched batch = new Sql.Batched(c, upsertHost)) {
                PreparedStatement st = batch.statement();
                for (Map.Entry<String, Seen> entry : hosts.entrySet()) {
                    Seen host = entry.getValue();
                    st.setString(1, entry.getKey());
                    bindCounts(st, 2, new long[] {host.first, host.last, host.connections, host.bytesOut, host.bytesIn, host.packets});
                    batch.add();
                }
            }
            hours.write(c);
            days.write(c);
            // the MAC of the latest ARP message wins, also over one stored by an earlier batch
            try (Sql.Batched batch = new Sql.Batched(c,
                    "UPDATE hosts SET mac = ?, mac_seen_ns = ? WHERE ip = ? AND (mac_seen_ns IS NULL OR mac_seen_ns <= ?)")) {
                PreparedStatement st = batch.statement();
                for (Map.Entry<String, Seen> entry : hosts.entrySet()) {
                    Seen host = entry.getValue();
                    if (host.mac != null) {
                        String mac = JdbcEventStore.withoutNul(host.mac);
                        st.setString(1, mac.length() > MAX_MAC ? mac.substring(0, MAX_MAC) : mac);
                        st.setLong(2, host.macAt);
                        st.setString(3, entry.getKey());
                        st.setLong(4, host.macAt);
                        batch.add();
                    }
                }
            }
        }

        void clear() {
            hosts.clear();
            hours.clear();
            days.clear();
        }
    }

    TrafficAggregator(Dialect dialect, int maxHosts, Duration hostWrites) {
        this.maxHosts = maxHosts;
        this.hostWriteNanos = hostWrites.toNanos();
        upsertMinute = dialect.upsert("traffic_minutes", List.of("epoch_minute"), Merged.each(Merge.ADD, MINUTE_COUNTERS));
        upsertProtocol = dialect.upsert("protocol_minutes", List.of("epoch_minute", "protocol"),
                Merged.each(Merge.ADD, PROTOCOL_COUNTERS));
        List<Merged> totals = new ArrayList<>(Merged.each(Merge.ADD, PROTOCOL_COUNTERS));
        totals.add(new Merged("first_event_ns", Merge.MIN));
        totals.add(new Merged("last_event_ns", Merge.MAX));
        upsertTotals = dialect.upsert("traffic_totals", List.of("id"), totals);
        List<Merged> host = new ArrayList<>(List.of(new Merged("first_seen_ns", Merge.MIN), new Merged("last_seen_ns", Merge.MAX)));
        host.addAll(Merged.each(Merge.ADD, HOST_COUNTERS));
        upsertHost = dialect.upsert("hosts", List.of("ip"), host);
        current = new HostRows(dialect);
        pending = new HostRows(dialect);
        clearCurrent();
    }

    /** Makes ready for a batch: reads the stored hosts' addresses, the first time. */
    void start(Connection c) throws SQLException {
        if (known == null) {
            Set<String> stored = new HashSet<>();
            Sql.each(c, "SELECT ip FROM hosts", rs -> stored.add(rs.getString(1)));
            known = stored;
        }
    }

    /** Adds events {@code from} up to {@code to} of the list, which were stored. */
    void add(List<Event> events, int from, int to) {
        for (int i = from; i < to; i++) {
            add(events.get(i));
        }
    }

    private void add(Event event) {
        long second = event.time().getEpochSecond();
        long nanos = EventCodec.epochNanos(event.time());
        any = true;
        firstNanos = Math.min(firstNanos, nanos);
        lastNanos = Math.max(lastNanos, nanos);
        Minute minute = minute(Math.floorDiv(second, 60));
        minute.counts[EVENTS]++;
        switch (event) {
            case ConnectionEvent c -> connection(c, minute, second, nanos);
            case DnsEvent d -> {
                minute.counts[DNS]++;
                seen(d.client().ip(), nanos);
                seen(d.server().ip(), nanos);
            }
            case AuthEvent a -> {
                minute.counts[AUTH]++;
                if (a.outcome() == Outcome.FAILURE) {
                    minute.counts[AUTH_FAILURES]++;
                }
                seen(a.source().ip(), nanos);
            }
            case ArpEvent a -> {
                minute.counts[ARP]++;
                Seen host = seen(a.senderIp(), nanos);
                if (host != null && !a.senderMac().isEmpty() && nanos >= host.macAt) {
                    host.mac = a.senderMac();
                    host.macAt = nanos;
                }
            }
            default -> { }
        }
    }

    private void connection(ConnectionEvent c, Minute minute, long second, long nanos) {
        long out = count(c.bytesOut());
        long in = count(c.bytesIn());
        long packetCount = count(c.packetsOut()) + count(c.packetsIn());
        minute.counts[CONNECTIONS]++;
        minute.counts[PACKETS] += packetCount;
        minute.counts[BYTES] += out + in;
        long[] protocol = minute.protocols.computeIfAbsent(protocol(c.protocol()), p -> new long[PROTOCOL_COUNTERS.size()]);
        protocol[0]++;
        protocol[1] += packetCount;
        protocol[2] += out + in;
        connections++;
        packets += packetCount;
        bytes += out + in;
        String source = c.source().ip();
        String destination = c.destination().ip();
        talked(source, nanos, second, out, in, packetCount);
        if (!destination.equals(source)) {
            talked(destination, nanos, second, in, out, packetCount);
        }
    }

    private void talked(String ip, long nanos, long second, long sent, long received, long packetCount) {
        Seen host = seen(ip, nanos);
        if (host == null) {
            return;
        }
        host.connections++;
        host.bytesOut += sent;
        host.bytesIn += received;
        host.packets += packetCount;
        long hour = Math.floorDiv(second, 3600);
        if (hour != host.hour) {
            host.hour = hour;
            host.hourRow = current.hours.row(hour, ip);
        }
        long day = Math.floorDiv(hour, 24);
        if (day != host.day) {
            host.day = day;
            host.dayRow = current.days.row(day, ip);
        }
        addTo(host.hourRow, sent, received, packetCount);
        addTo(host.dayRow, sent, received, packetCount);
    }

    private static void addTo(long[] row, long sent, long received, long packetCount) {
        row[0]++;
        row[1] += sent;
        row[2] += received;
        row[3] += packetCount;
    }

    /** The host's entry, updated for an event at {@code nanos}; null if the address is not private or not a host. */
    private Seen seen(String ip, long nanos) {
        Seen host = current.hosts.get(ip);
        if (host == null) {
            if (!PrivateAddresses.isPrivate(ip) || !isHost(ip)) {
                return null;
            }
            host = new Seen();
            current.hosts.put(ip, host);
        }
        host.first = Math.min(host.first, nanos);
        host.last = Math.max(host.last, nanos);
        return host;
    }

    /** Whether a private address is a host: a known one, or a new one while there is room. */
    private boolean isHost(String ip) {
        if (known.contains(ip)) {
            return true;
        }
        if (known.size() < maxHosts) {
            // a batch that fails leaves its new addresses here: they become hosts when seen again
            known.add(ip);
            return true;
        }
        if (!full) {
            full = true;
            log.warn("{} hosts are stored, as many as are kept: from now on new private addresses such as {} count in"
                    + " the traffic but are not listed as hosts", known.size(), ip);
        }
        return false;
    }

    private Minute minute(long key) {
        if (lastMinute == null || key != lastMinuteKey) {
            lastMinute = minutes.computeIfAbsent(key, k -> new Minute());
            lastMinuteKey = key;
        }
        return lastMinute;
    }

    private static long count(long value) {
        return value >= 0 && value < MAX_COUNT ? value : 0;
    }

    private static String protocol(String protocol) {
        if (protocol.isEmpty()) {
            return "other";
        }
        String clean = JdbcEventStore.withoutNul(protocol.toLowerCase(Locale.ROOT));
        return clean.length() > MAX_PROTOCOL ? clean.substring(0, MAX_PROTOCOL) : clean;
    }

    /**
     * Merges what the batch added into the aggregates: its minutes always, the host rows of it and of the
     * batches before it once {@link #HOST_WRITE_INTERVAL} has passed since they were last merged.
     */
    void write(Connection c) throws SQLException {
        if (any) {
            writeMinutes(c);
        }
        if (System.nanoTime() - lastHostWrite >= hostWriteNanos) {
            pending.write(c);
            current.write(c);
            currentWritesHosts = true;
        }
    }

    /** Whether host rows of committed batches wait to be merged. */
    boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Merges the host rows of committed batches, in a transaction of the caller's that holds nothing else. */
    void writePending(Connection c) throws SQLException {
        pending.write(c);
        currentWritesHosts = true;
    }

    /** The batch's transaction committed: what it merged is done with, the host rows it did not merge wait. */
    @Override
    public void committed() {
        if (currentWritesHosts) {
            pending.clear();
            lastHostWrite = System.nanoTime();
        } else {
            pending.add(current);
        }
        clearCurrent();
    }

    /** The batch's transaction rolled back: what it added is forgotten; earlier batches' host rows still wait. */
    @Override
    public void rolledBack() {
        clearCurrent();
    }

    private void writeMinutes(Connection c) throws SQLException {
        try (Sql.Batched batch = new Sql.Batched(c, upsertMinute)) {
            PreparedStatement st = batch.statement();
            for (Map.Entry<Long, Minute> minute : minutes.entrySet()) {
                st.setLong(1, minute.getKey());
                bindCounts(st, 2, minute.getValue().counts);
                batch.add();
            }
        }
        try (Sql.Batched batch = new Sql.Batched(c, upsertProtocol)) {
            PreparedStatement st = batch.statement();
            for (Map.Entry<Long, Minute> minute : minutes.entrySet()) {
                for (Map.Entry<String, long[]> protocol : minute.getValue().protocols.entrySet()) {
                    st.setLong(1, minute.getKey());
                    st.setString(2, protocol.getKey());
                    bindCounts(st, 3, protocol.getValue());
                    batch.add();
                }
            }
        }
        try (PreparedStatement st = c.prepareStatement(upsertTotals)) {
            st.setInt(1, 1);
            bindCounts(st, 2, new long[] {connections, packets, bytes, firstNanos, lastNanos});
            st.executeUpdate();
        }
    }

    private static void bindCounts(PreparedStatement st, int firstIndex, long[] counts) throws SQLException {
        for (int i = 0; i < counts.length; i++) {
            st.setLong(firstIndex + i, counts[i]);
        }
    }

    private void clearCurrent() {
        currentWritesHosts = false;
        current.clear();
        minutes.clear();
        lastMinute = null;
        connections = 0;
        packets = 0;
        bytes = 0;
        firstNanos = Long.MAX_VALUE;
        lastNanos = Long.MIN_VALUE;
        any = false;
    }
}
