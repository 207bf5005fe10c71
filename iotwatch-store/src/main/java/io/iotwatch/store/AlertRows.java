package io.iotwatch.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.json.AlertJson;
import io.iotwatch.store.audit.AuditRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private static final int IDS_PER_QUERY = 500;
    private static final TypeReference<Map<String, Object>> EVIDENCE = new TypeReference<>() {};

    private AlertRows() {}

    static void upsert(Connection c, String upsert, List<Alert> alerts, long nowMillis) throws SQLException {
        if (alerts.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement(upsert)) {
            for (Alert a : alerts) {
                Sql.bind(st, row(a));
                st.setLong(COLUMNS.size(), nowMillis);
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** The alert's column values as stored, in {@link #COLUMNS} order but for updated_at_ms; null for NULL. */
    private static Object[] row(Alert a) {
        return new Object[] {a.id(), a.detector(), JdbcEventStore.withoutNul(a.incidentKey()), a.attackClass(), a.group(),
                a.level().id(), a.confidence(), EventCodec.epochNanos(a.firstSeen()), EventCodec.epochNanos(a.lastSeen()),
                nullable(a.srcIp(), 64), nullable(a.dstIp(), 64), nullable(a.domain(), 255), a.mitre(), a.count(),
                JdbcEventStore.withoutNul(AlertJson.evidenceJson(a.evidence()))};
    }

    /** Every stored alert's columns, id first, for {@link #auditData(ResultSet)}. */
    static final String SELECT_AUDITED = SELECT;
    private static final Set<String> CONTENT_KINDS = Set.of("alert.raised", "alert.updated", "alert.adopted");

    /** Whether entries of this kind record an alert's content, which its row must still equal. */
    static boolean isContentKind(String kind) {
        return CONTENT_KINDS.contains(kind);
    }

    /** The data of the audit entry of an alert: every column but updated_at_ms, as text; NULLs left out. */
    static Map<String, String> auditData(ResultSet rs) throws SQLException {
        Object[] values = new Object[READ.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (READ.get(i)) {
                case "confidence" -> rs.getDouble(i + 1);
                case "first_seen_ns", "last_seen_ns", "alert_count" -> rs.getLong(i + 1);
                default -> rs.getString(i + 1);
            };
        }
        return auditData(values);
    }

    private static Map<String, String> auditData(Object[] values) {
        Map<String, String> data = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                data.put(READ.get(i), values[i].toString());
            }
        }
        return data;
    }

    /**
     * The audit records of storing these alerts: {@code alert.raised} for an alert not stored yet,
     * {@code alert.updated} for one whose row changes, nothing for one stored as it is.
     */
    static List<AuditRecord> auditRecords(Connection c, List<Alert> alerts) throws SQLException {
        if (alerts.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, String>> stored = new HashMap<>();
        List<String> ids = alerts.stream().map(Alert::id).distinct().toList();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            Sql.each(c, SELECT + " WHERE id IN (" + Sql.placeholders(chunk.size()) + ")",
                    rs -> stored.put(rs.getString(1), auditData(rs)), chunk.toArray());
        }
        List<AuditRecord> records = new ArrayList<>();
        for (Alert alert : alerts) {
            Map<String, String> data = auditData(row(alert));
            Map<String, String> before = stored.put(alert.id(), data);
            if (before == null) {
                records.add(new AuditRecord("alert.raised", alert.id(), data));
            } else if (!before.equals(data)) {
                records.add(new AuditRecord("alert.updated", alert.id(), data));
            }
        }
        return records;
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
    private static String nullable(String value, int maxChars) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String clean = JdbcEventStore.withoutNul(value);
        return clean.length() > maxChars ? clean.substring(0, maxChars) : clean;
    }
}
