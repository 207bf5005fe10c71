package io.iotwatch.store;

import io.iotwatch.store.Dialect.Merge;
import io.iotwatch.store.Dialect.Merged;
import io.iotwatch.store.audit.AuditRecord;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/** {@link TriageStore} over the alert_triage and allow_rules tables. */
final class JdbcTriageStore implements TriageStore {

    private static final String RULE_COLUMNS = "detector, cidr, domain, reason, created_by, created_at_ns";

    private final Sql sql;
    private final JdbcAuditTrail audit;
    private final String upsertTriage;

    JdbcTriageStore(Sql sql, Dialect dialect, JdbcAuditTrail audit) {
        this.sql = sql;
        this.audit = audit;
        this.upsertTriage = dialect.upsert("alert_triage", List.of("alert_id"),
                Merged.each(Merge.REPLACE, List.of("status", "note", "actor", "at_ns")));
    }

    @Override
    public StoredAlert set(String alertId, AlertStatus status, String note, String actor, Instant at) {
        Objects.requireNonNull(alertId, "alertId");
        Triage triage = new Triage(status, clean(note), actor, at);
        return sql.write("triage the alert " + alertId, c -> {
            StoredAlert alert = triage(c, alertId, triage);
            audit.append(c, List.of(triaged(alertId, triage)));
            return alert;
        });
    }

    @Override
    public Suppressed suppress(String alertId, AllowRule rule, String note, String actor, Instant at) {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(rule, "rule");
        if (rule.id() != null) {
            throw new IllegalArgumentException("the rule is stored already, as " + rule.id());
        }
        Triage triage = new Triage(AlertStatus.SUPPRESSED, clean(note), actor, at);
        String reason = clean(rule.reason()); // written from the note
        return sql.write("suppress the alert " + alertId, c -> {
            StoredAlert alert = triage(c, alertId, triage);
            Sql.update(c, "INSERT INTO allow_rules (" + RULE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", rule.detector(),
                    rule.cidr(), rule.domain(), reason, rule.createdBy(), EventCodec.epochNanos(rule.createdAt()));
            // every write holds the store's writer lock, so the newest id is this rule's on every database
            long id = Sql.first(c, "SELECT MAX(id) FROM allow_rules", rs -> rs.getLong(1)).orElseThrow();
            AllowRule stored = new AllowRule(id, rule.detector(), rule.cidr(), rule.domain(), reason,
                    rule.createdBy(), rule.createdAt());
            audit.append(c, List.of(triaged(alertId, triage), ruleRecord("allow_rule.added", stored, rule.createdBy())));
            return new Suppressed(alert, stored);
        });
    }

    private static AuditRecord triaged(String alertId, Triage triage) {
        Map<String, String> data = new HashMap<>();
        data.put("status", triage.status().id());
        data.put("note", triage.note());
        data.put("by", triage.actor());
        data.put("at", triage.at().toString());
        return new AuditRecord("alert.triaged", alertId, data);
    }

    private static AuditRecord ruleRecord(String kind, AllowRule rule, String actor) {
        Map<String, String> data = new HashMap<>();
        data.put("detector", rule.detector());
        data.put("cidr", rule.cidr());
        data.put("domain", rule.domain());
        data.put("reason", rule.reason());
        data.put("by", actor);
        return new AuditRecord(kind, Long.toString(rule.id()), data);
    }

    /** A note is typed by a person, through the API too: PostgreSQL's text cannot hold a NUL it might carry. */
    private static String clean(String note) {
        return note == null ? null : JdbcEventStore.withoutNul(note);
    }

    private StoredAlert triage(Connection c, String alertId, Triage triage) throws SQLException {
        if (Sql.first(c, "SELECT 1 FROM alerts WHERE id = ?", rs -> true, alertId).isEmpty()) {
            throw new NoSuchElementException("no alert " + alertId);
        }
        Sql.update(c, upsertTriage, alertId, triage.status().id(), triage.note(), triage.actor(), EventCodec.epochNanos(triage.at()));
        return Sql.first(c, AlertRows.SELECT_STORED + " WHERE a.id = ?", AlertRows::stored, alertId).orElseThrow();
    }

    @Override
    public List<AllowRule> allowRules() {
        return sql.read("read the allow rules", c -> Sql.list(c, "SELECT id, " + RULE_COLUMNS + " FROM allow_rules ORDER BY id",
                JdbcTriageStore::rule));
    }

    private static AllowRule rule(ResultSet rs) throws SQLException {
        return new AllowRule(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), EventCodec.instant(rs.getLong(7)));
    }

    @Override
    public boolean removeAllowRule(long id, String actor) {
        Objects.requireNonNull(actor, "actor");
        return sql.write("remove the allow rule " + id, c -> {
            Optional<AllowRule> rule = Sql.first(c, "SELECT id, " + RULE_COLUMNS + " FROM allow_rules WHERE id = ?",
                    JdbcTriageStore::rule, id);
            if (rule.isEmpty()) {
                return false;
            }
            Sql.update(c, "DELETE FROM allow_rules WHERE id = ?", id);
            audit.append(c, List.of(ruleRecord("allow_rule.removed", rule.get(), actor)));
            return true;
        });
    }
}
