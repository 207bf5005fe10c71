package io.iotwatch.store;

import static io.iotwatch.store.EventRows.Column.*;

import io.iotwatch.core.event.ArpEvent;
import io.iotwatch.core.event.AuthEvent;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.DnsEvent;
import io.iotwatch.core.event.Endpoint;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventHeader;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.event.EventType;
import io.iotwatch.core.event.GenericEvent;
import io.iotwatch.core.event.Outcome;
import io.iotwatch.core.event.VendorAlertEvent;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Maps events to rows of the events table and back. Columns that several types share (addresses,
 * ports, protocol, action, user ...) hold those fields; each type's other fields go to the JSON
 * attributes column, so that every event can be rebuilt from its row.
 */
final class EventRows {

    enum Column {
        STREAM(Types.BIGINT), POSITION(Types.BIGINT), TYPE(Types.VARCHAR), TIME_NS(Types.BIGINT),
        SOURCE(Types.VARCHAR), OBSERVER(Types.VARCHAR),
        SRC_IP(Types.VARCHAR), SRC_PORT(Types.INTEGER), DST_IP(Types.VARCHAR), DST_PORT(Types.INTEGER),
        PROTOCOL(Types.VARCHAR), ACTION(Types.VARCHAR), USER_NAME(Types.VARCHAR), QUERY_NAME(Types.VARCHAR),
        OUTCOME(Types.VARCHAR), BYTES_OUT(Types.BIGINT), BYTES_IN(Types.BIGINT), PACKETS_OUT(Types.BIGINT),
        PACKETS_IN(Types.BIGINT), DURATION_NS(Types.BIGINT), ATTRIBUTES(Types.VARCHAR), RAW(Types.VARBINARY);

        final String sqlName = name().toLowerCase(Locale.ROOT);
        final int index = ordinal() + 1;
        private final int sqlType;

        Column(int sqlType) {
            this.sqlType = sqlType;
        }
    }

    static final List<String> COLUMNS = Arrays.stream(Column.values()).map(c -> c.sqlName).toList();

    /** The columns only some types fill. */
    private static final List<Column> PER_TYPE = List.of(
            SRC_IP, SRC_PORT, DST_IP, DST_PORT, PROTOCOL, ACTION, USER_NAME, QUERY_NAME,
            OUTCOME, BYTES_OUT, BYTES_IN, PACKETS_OUT, PACKETS_IN, DURATION_NS);

    // time_ns and duration_ns hold +-292 years in nanoseconds; beyond, they hold the nearest bound and
    // the attributes keep the exact value
    private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000_000L - 1;
    private static final String EXACT_TIME = "time";
    private static final String EXACT_DURATION = "duration";

    private EventRows() {}

    /** Binds events to an insert of {@link #COLUMNS}. Not thread-safe: one per batch. */
    static final class Binder {
        private final Attributes.Writer attributes = new Attributes.Writer();

        void bind(PreparedStatement st, Event event) throws SQLException {
            EventHeader header = event.header();
            st.setLong(STREAM.index, header.id().stream());
            st.setLong(POSITION.index, header.id().position());
            st.setString(TYPE.index, event.type().label());
            st.setLong(TIME_NS.index, nanos(header.time()));
            text(st, SOURCE, header.source());
            text(st, OBSERVER, header.observer());
            for (Column column : PER_TYPE) {
                st.setNull(column.index, column.sqlType);
            }
            attributes.begin();
            if (!fitsNanos(header.time().getEpochSecond())) {
                attributes.text(EXACT_TIME, header.time().toString());
            }
            switch (event) {
                case ConnectionEvent c -> {
                    endpoints(st, c.source(), c.destination());
                    text(st, PROTOCOL, c.protocol());
                    text(st, ACTION, c.action());
                    st.setLong(BYTES_OUT.index, c.bytesOut());
                    st.setLong(BYTES_IN.index, c.bytesIn());
                    st.setLong(PACKETS_OUT.index, c.packetsOut());
                    st.setLong(PACKETS_IN.index, c.packetsIn());
                    st.setLong(DURATION_NS.index, nanos(c.duration()));
                    if (!fitsNanos(c.duration().getSeconds())) {
                        attributes.text(EXACT_DURATION, c.duration().toString());
                    }
                    attributes.text("policy", c.policy())
                            .text("service", c.service())
                            .text("application", c.application())
                            .number("tcp_flags", c.tcpFlags());
                }
                case DnsEvent d -> {
                    endpoints(st, d.client(), d.server());
                    text(st, QUERY_NAME, d.queryName());
                    attributes.text("query_type", d.queryType())
                            .text("response_code", d.responseCode())
                            .texts("answers", d.answers());
                }
                case AuthEvent a -> {
                    endpoints(st, a.source(), a.target());
                    text(st, USER_NAME, a.user());
                    text(st, OUTCOME, a.outcome().label());
                    attributes.text("service", a.service())
                            .text("method", a.method())
                            .text("reason", a.reason());
                }
                case ArpEvent a -> {
                    text(st, SRC_IP, a.senderIp());
                    text(st, DST_IP, a.targetIp());
                    text(st, ACTION, a.operation().name().toLowerCase(Locale.ROOT));
                    attributes.text("sender_mac", a.senderMac())
                            .text("target_mac", a.targetMac());
                }
                case VendorAlertEvent v -> {
                    endpoints(st, v.source(), v.destination());
                    text(st, PROTOCOL, v.protocol());
                    text(st, ACTION, v.action());
                    attributes.text("category", v.category())
                            .text("signature", v.signature())
                            .text("severity", v.severity())
                            .text("message", v.message());
                }
                case GenericEvent g -> attributes.text("kind", g.kind()).textMap("fields", g.fields());
            }
            text(st, ATTRIBUTES, attributes.end());
            st.setBytes(RAW.index, header.raw().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The event in the current row of a query selecting {@link #COLUMNS}. */
    static Event read(ResultSet rs) throws SQLException {
        Attributes attributes = Attributes.parse(rs.getString(ATTRIBUTES.index));
        Instant time = attributes.has(EXACT_TIME)
                ? Instant.parse(attributes.text(EXACT_TIME))
                : Instant.EPOCH.plusNanos(rs.getLong(TIME_NS.index));
        EventHeader header = new EventHeader(
                new EventId(rs.getLong(STREAM.index), rs.getLong(POSITION.index)),
                time,
                text(rs, SOURCE),
                text(rs, OBSERVER),
                raw(rs.getBytes(RAW.index)));
        return switch (type(rs.getString(TYPE.index))) {
            case CONNECTION -> new ConnectionEvent(
                    header,
                    text(rs, PROTOCOL),
                    endpoint(rs, SRC_IP, SRC_PORT),
                    endpoint(rs, DST_IP, DST_PORT),
                    rs.getLong(BYTES_OUT.index),
                    rs.getLong(BYTES_IN.index),
                    rs.getLong(PACKETS_OUT.index),
                    rs.getLong(PACKETS_IN.index),
                    attributes.has(EXACT_DURATION)
                            ? Duration.parse(attributes.text(EXACT_DURATION))
                            : Duration.ofNanos(rs.getLong(DURATION_NS.index)),
                    text(rs, ACTION),
                    attributes.text("policy"),
                    attributes.text("service"),
                    attributes.text("application"),
                    (int) attributes.number("tcp_flags"));
            case DNS -> new DnsEvent(
                    header,
                    endpoint(rs, SRC_IP, SRC_PORT),
                    endpoint(rs, DST_IP, DST_PORT),
                    text(rs, QUERY_NAME),
                    attributes.text("query_type"),
                    attributes.text("response_code"),
                    attributes.texts("answers"));
            case AUTH -> new AuthEvent(
                    header,
                    endpoint(rs, SRC_IP, SRC_PORT),
                    endpoint(rs, DST_IP, DST_PORT),
                    text(rs, USER_NAME),
                    attributes.text("service"),
                    attributes.text("method"),
                    outcome(text(rs, OUTCOME)),
                    attributes.text("reason"));
            case ARP -> new ArpEvent(
                    header,
                    operation(text(rs, ACTION)),
                    text(rs, SRC_IP),
                    attributes.text("sender_mac"),
                    text(rs, DST_IP),
                    attributes.text("target_mac"));
            case VENDOR_ALERT -> new VendorAlertEvent(
                    header,
                    attributes.text("category"),
                    attributes.text("signature"),
                    attributes.text("severity"),
                    text(rs, ACTION),
                    text(rs, PROTOCOL),
                    endpoint(rs, SRC_IP, SRC_PORT),
                    endpoint(rs, DST_IP, DST_PORT),
                    attributes.text("message"));
            case GENERIC -> new GenericEvent(header, attributes.text("kind"), attributes.textMap("fields"));
        };
    }

    private static void endpoints(PreparedStatement st, Endpoint source, Endpoint destination) throws SQLException {
        text(st, SRC_IP, source.ip());
        port(st, SRC_PORT, source.port());
        text(st, DST_IP, destination.ip());
        port(st, DST_PORT, destination.port());
    }

    /** Empty text is stored as NULL. */
    private static void text(PreparedStatement st, Column column, String value) throws SQLException {
        if (value == null || value.isEmpty()) {
            st.setNull(column.index, Types.VARCHAR);
        } else {
            st.setString(column.index, JdbcEventStore.withoutNul(value));
        }
    }

    private static void port(PreparedStatement st, Column column, int port) throws SQLException {
        if (port == 0) {
            st.setNull(column.index, Types.INTEGER);
        } else {
            st.setInt(column.index, port);
        }
    }

    private static String text(ResultSet rs, Column column) throws SQLException {
        String value = rs.getString(column.index);
        return value == null ? "" : value;
    }

    /** SQLite reads an empty blob as null. */
    private static String raw(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    private static Endpoint endpoint(ResultSet rs, Column ip, Column port) throws SQLException {
        return new Endpoint(text(rs, ip), rs.getInt(port.index));
    }

    private static boolean fitsNanos(long seconds) {
        return seconds >= -MAX_SECONDS && seconds <= MAX_SECONDS;
    }

    private static long nanos(Instant time) {
        long seconds = time.getEpochSecond();
        if (!fitsNanos(seconds)) {
            return seconds < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return seconds * 1_000_000_000L + time.getNano();
    }

    private static long nanos(Duration duration) {
        long seconds = duration.getSeconds();
        if (!fitsNanos(seconds)) {
            return seconds < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return seconds * 1_000_000_000L + duration.getNano();
    }

    static EventType type(String label) {
        for (EventType type : EventType.values()) {
            if (type.label().equals(label)) {
                return type;
            }
        }
        throw new StoreException("unknown event type '" + label + "' in the events table", null);
    }

    private static Outcome outcome(String label) {
        for (Outcome outcome : Outcome.values()) {
            if (outcome.label().equals(label)) {
                return outcome;
            }
        }
        return Outcome.UNKNOWN;
    }

    private static ArpEvent.Operation operation(String name) {
        for (ArpEvent.Operation operation : ArpEvent.Operation.values()) {
            if (operation.name().equalsIgnoreCase(name)) {
                return operation;
            }
        }
        return ArpEvent.Operation.OTHER;
    }
}
