package io.iotwatch.store;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventType;
import io.iotwatch.core.event.Reject;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.core.sink.Checkpoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stores events, rejects and checkpoints. Thread-safe; failures are {@link StoreException}s.
 *
 * <p>Events and rejects are keyed by their {@link io.iotwatch.core.event.EventId}: storing one whose id
 * is already stored keeps the stored one, so reading the same input again stores nothing twice. Events
 * are stored in blocks, each covering the positions of a stream from its first event's to its last
 * event's: an event whose position a stored block covers counts as stored, which for a file read again
 * (the same lines at the same offsets) is exactly the events already stored.
 */
public interface EventStore extends AutoCloseable {

    /**
     * Stores the batch's events, rejects, alerts and checkpoint in one transaction: all of them or, on
     * failure, none. A stored alert or checkpoint is replaced by a later one of the same id or stream.
     */
    void accept(Batch batch);

    /** The last checkpoint stored for {@code stream}, if any. */
    Optional<Checkpoint> checkpoint(long stream);

    StoreSummary summary();

    /** The stored alerts the query asks for, oldest first (by first seen, then id). */
    List<Alert> alerts(AlertQuery query);

    /** Up to {@code limit} rejects, in id order. */
    List<Reject> rejects(int limit);

    /** Up to {@code limit} events of {@code type}, in id order, equal to the events stored. */
    List<Event> events(EventType type, int limit);

    /**
     * The oldest {@code limit} (1 to 1,000,000) stored events of any type whose time is within
     * {@code from} to {@code to} (both included) and one of whose endpoint addresses (source or
     * destination, DNS client or server, ARP sender or target) is one of {@code ips}, oldest first (then
     * by id). An empty {@code ips} takes every event of the range.
     */
    List<Event> events(Instant from, Instant to, Set<String> ips, int limit);

    /** Traffic as the dashboard shows it, from aggregates kept as events are stored. */
    TrafficQueries traffic();

    /** Stored alerts with their triage, as the dashboard shows them. */
    AlertQueries alertQueries();

    /** Triage of alerts and the allow rules it writes. */
    TriageStore triage();

    /** Users of the dashboard and their API tokens. */
    UserStore users();

    /** The tamper-evident log of alerts, triage, logins and changes. */
    AuditTrail audit();

    @Override
    void close();
}
