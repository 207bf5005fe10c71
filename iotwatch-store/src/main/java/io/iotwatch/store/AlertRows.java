package io.iotwatch.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.json.AlertJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code alerts} table: one row per incident, replaced whenever the incident grows. */
final class AlertRows {

    static final List<String> COLUMNS = List.of("id", "detector", "incident_key", "attack_class", "attack_group",
            "level", "confidence", "first_seen_ns", "last_seen_ns", "src_ip", "dst_ip", "domain", "mitre",
            "alert_count", "evidence", "updated_at_ms");
    private static final List<String> READ = COLUMNS.subList(0, COLUMNS.size() - 1);
    private static final String SELECT = "SELECT " + String.join(", ", READ) + " FROM alerts";
    /** Alerts (as {@code a}) with their triage (as {@code t}, NULLs if none), for {@link #stored}. */
    static final String SELECT_STORED = "SELECT " + String.join(", ", READ.stream().map(c -> "a." + c).toList())
            + ", t.status, t.note, t.actor, t.at_ns FROM alerts a LEFT JOIN alert_triage t ON t.alert_id = a.id";
    /**
     * As {@link #SELECT_STORED} for the alerts whose ids a sub-query selects (as {@code p.id}): sorting a page's
     * ids first and reading whole rows only for them keeps a filter matching half of a large table from sorting
     * every matching row with its evidence.
     */
    static String selectStoredOf(String idQuery) {
        return "SELECT " + String.join(", ", READ.stream().map(c -> "a." + c).toList())
                + ", t.status, t.note, t.actor, t.at_ns FROM (" + idQuery + ") p JOIN alerts a ON a.id = p.id"
                + " LEFT JOIN alert_triage t ON t.alert_id = a.id";
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> EVIDENCE = new TypeReference<>() {};

    private AlertRows() {}

    static void upsert(Connection c, String upsert, List<Alert> alerts, long nowMillis) throws SQLException {
        if (alerts.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement(upsert)) {
            for (Alert a : alerts) {
                st.setString(1, a.id());
                st.setString(2, a.detector());
                st.setString(3, JdbcEventStore.withoutNul(a.incidentKey()));
                st.setString(4, a.attackClass());
                st.setString(5, a.group());
                st.setString(6, a.level().id());
                st.setDouble(7, a.confidence());
                st.setLong(8, EventCodec.epochNanos(a.firstSeen()));
                st.setLong(9, EventCodec.epochNanos(a.lastSeen()));
                setNullable(st, 10, a.srcIp(), 64);
                setNullable(st, 11, a.dstIp(), 64);
                setNullable(st, 12, a.domain(), 255);
                st.setString(13, a.mitre());
                st.setLong(14, a.count());
                st.setString(15, JdbcEventStore.withoutNul(AlertJson.evidenceJson(a.evidence())));
                st.setLong(16, nowMillis);
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    static List<Alert> select(Connection c, AlertQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        if (query.since() != null) {
            sql.append(" AND last_seen_ns >= ?");
        }
        if (query.minLevel() != null) {
            sql.append(" AND level IN (");
            for (ThreatLevel level : ThreatLevel.values()) {
                if (level.compareTo(query.minLevel()) >= 0) {
                    sql.append('\'').append(level.id()).append("',");
                }
            }
            sql.setLength(sql.length() - 1);
            sql.append(')');
        }
        sql.append(" ORDER BY first_seen_ns, id LIMIT ?");
        try (PreparedStatement st = c.prepareStatement(sql.toString())) {
            int p = 1;
            if (query.since() != null) {
                st.setLong(p++, EventCodec.epochNanos(query.since()));
            }
            st.setInt(p, query.limit());
            List<Alert> alerts = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    alerts.add(alert(rs));
                }
            }
            return alerts;
        }
    }

    /** The alert and its triage in the current row of a query that starts with {@link #SELECT_STORED}. */
    static StoredAlert stored(ResultSet rs) throws SQLException {
        String status = rs.getString(16);
        Triage triage = status == null ? null
                : new Triage(AlertStatus.of(status), rs.getString(17), rs.getString(18), Sql.instant(rs, 19));
        return new StoredAlert(alert(rs), triage);
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        return new Alert(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                ThreatLevel.of(rs.getString(6)), rs.getDouble(7), EventCodec.instant(rs.getLong(8)),
                EventCodec.instant(rs.getLong(9)),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getLong(14),
                evidence(rs.getString(15)));
    }

    private static Map<String, Object> evidence(String json) throws SQLException {
        try {
            Map<String, Object> evidence = JSON.readValue(json, EVIDENCE);
            return evidence == null ? Map.of() : evidence;
        } catch (JsonProcessingException e) {
            throw new SQLException("stored alert evidence is not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    // Addresses and domains come from parsed traffic: a hostile one is cut rather than failing the batch.
    private static void setNullable(PreparedStatement st, int index, String value, int maxChars) throws SQLException {
        if (value == null || value.isEmpty()) {
            st.setNull(index, Types.VARCHAR);
        } else {
            String clean = JdbcEventStore.withoutNul(value);
            st.setString(index, clean.length() > maxChars ? clean.substring(0, maxChars) : clean);
        }
    }
}
