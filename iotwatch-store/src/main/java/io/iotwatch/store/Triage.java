package io.iotwatch.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The latest triage of an alert.
 *
 * @param status the status it was given
 * @param note   what the person triaging wrote, empty for nothing
 * @param actor  who triaged it: a user name, at most 64 characters
 * @param at     when
 */
public record Triage(AlertStatus status, String note, String actor, Instant at) {

    public Triage {
        Objects.requireNonNull(status, "status");
        note = note == null ? "" : note;
        Args.text(actor, "actor", 64, false);
        Objects.requireNonNull(at, "at");
    }
}
