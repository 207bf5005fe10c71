package io.iotwatch.store;

import io.iotwatch.store.Dialect.Merge;
import io.iotwatch.store.Dialect.Merged;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/** {@link TriageStore} over the alert_triage and allow_rules tables. */
final class JdbcTriageStore implements TriageStore {

    private static final String RULE_COLUMNS = "detector, cidr, domain, reason, created_by, created_at_ns";

    private final Sql sql;
    private final String upsertTriage;

    JdbcTriageStore(Sql sql, Dialect dialect) {
        this.sql = sql;
        this.upsertTriage = dialect.upsert("alert_triage", List.of("alert_id"),
                Merged.each(Merge.REPLACE, List.of("status", "note", "actor", "at_ns")));
    }

    @Override
    public StoredAlert set(String alertId, AlertStatus status, String note, String actor, Instant at) {
        Objects.requireNonNull(alertId, "alertId");
        Triage triage = new Triage(status, note, actor, at);
        return sql.write("triage the alert " + alertId, c -> triage(c, alertId, triage));
    }

    @Override
    public Suppressed suppress(String alertId, AllowRule rule, String note, String actor, Instant at) {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(rule, "rule");
        if (rule.id() != null) {
            throw new IllegalArgumentException("the rule is stored already, as " + rule.id());
        }
        Triage triage = new Triage(AlertStatus.SUPPRESSED, note, actor, at);
        return sql.write("suppress the alert " + alertId, c -> {
            StoredAlert alert = triage(c, alertId, triage);
            Sql.update(c, "INSERT INTO allow_rules (" + RULE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", rule.detector(),
                    rule.cidr(), rule.domain(), rule.reason(), rule.createdBy(), EventCodec.epochNanos(rule.createdAt()));
            // every write holds the store's writer lock, so the newest id is this rule's on every database
            long id = Sql.first(c, "SELECT MAX(id) FROM allow_rules", rs -> rs.getLong(1)).orElseThrow();
            return new Suppressed(alert, new AllowRule(id, rule.detector(), rule.cidr(), rule.domain(), rule.reason(),
                    rule.createdBy(), rule.createdAt()));
        });
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
                rs -> new AllowRule(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), EventCodec.instant(rs.getLong(7)))));
    }

    @Override
    public boolean removeAllowRule(long id) {
        return sql.write("remove the allow rule " + id, c -> Sql.update(c, "DELETE FROM allow_rules WHERE id = ?", id) == 1);
    }
}
