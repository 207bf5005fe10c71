package io.iotwatch.store;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The triage of stored alerts and the allow rules it writes, each change recorded in the audit log. An alert's triage lasts: storing the alert
 * again as its incident grows keeps it. Thread-safe; failures are {@link StoreException}s.
 */
public interface TriageStore {

    /**
     * Gives the alert a status, replacing its earlier triage.
     *
     * @param note what the person triaging wrote, null or empty for nothing
     * @return the alert with its new triage
     * @throws NoSuchElementException if no alert has this id
     */
    StoredAlert set(String alertId, AlertStatus status, String note, String actor, Instant at);

    /**
     * Gives the alert the status {@link AlertStatus#SUPPRESSED} and stores the rule, in one transaction.
     *
     * @param rule a rule not yet stored (its id null)
     * @return the alert with its new triage, and the rule as stored, with its id
     * @throws NoSuchElementException if no alert has this id
     */
    Suppressed suppress(String alertId, AllowRule rule, String note, String actor, Instant at);

    /** Every stored rule, oldest first. */
    List<AllowRule> allowRules();

    /** Removes the rule, recording who did; false if there was none with this id. */
    boolean removeAllowRule(long id, String actor);
}
