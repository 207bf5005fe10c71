package io.iotwatch.store;

import io.iotwatch.core.alert.Alert;
import java.util.Objects;

/**
 * An alert as stored, with its triage.
 *
 * @param alert  the alert as last stored (it grows as its incident goes on)
 * @param triage its latest triage, or null if it was never triaged
 */
public record StoredAlert(Alert alert, Triage triage) {

    public StoredAlert {
        Objects.requireNonNull(alert, "alert");
    }

    /** The status of its triage; {@link AlertStatus#OPEN} if it was never triaged. */
    public AlertStatus status() {
        return triage == null ? AlertStatus.OPEN : triage.status();
    }
}
