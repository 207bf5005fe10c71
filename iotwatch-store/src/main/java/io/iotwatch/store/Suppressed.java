package io.iotwatch.store;

import java.util.Objects;

/** An alert suppressed by triage, and the allow-list rule stored with it (its id set). */
public record Suppressed(StoredAlert alert, AllowRule rule) {
    public Suppressed {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(rule, "rule");
    }
}
