package io.iotwatch.app.cli;

import io.iotwatch.app.sources.SourceListener;
import io.iotwatch.store.AuditTrail;
import io.iotwatch.store.audit.AuditRecord;
import java.util.HashMap;
import java.util.Map;

/**
 * Records each change of a traffic source's state in the audit log (docs/AUDIT.md), so that a report can say when
 * each source ran: {@code source.online}, {@code source.offline} with its reason, {@code source.stopped}, about
 * {@code source:} and the source's name, which stays the same across restarts.
 */
final class SourceAudit implements SourceListener {

    static final String SUBJECT_PREFIX = "source:";

    private final AuditTrail audit;

    SourceAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void changed(String name, String kind, State state, String reason) {
        String recorded = switch (state) {
            case ONLINE -> "source.online";
            case OFFLINE -> "source.offline";
            case STOPPED -> "source.stopped";
        };
        Map<String, String> data = new HashMap<>();
        data.put("kind", kind);
        if (reason != null) {
            data.put("reason", reason);
        }
        audit.record(new AuditRecord(recorded, SUBJECT_PREFIX + name, data));
    }
}
