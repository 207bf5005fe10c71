package io.iotwatch.store;

import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventType;
import io.iotwatch.core.event.Reject;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.core.sink.Checkpoint;
import java.util.List;
import java.util.Optional;

/**
 * Stores events, rejects and checkpoints. Thread-safe; failures are {@link StoreException}s.
 *
 * <p>Events and rejects are keyed by their {@link io.iotwatch.core.event.EventId}: storing one whose id
 * is already stored keeps the stored one, so reading the same input again stores nothing twice.
 */
public interface EventStore extends AutoCloseable {

    /**
     * Stores the batch's events, rejects and checkpoint in one transaction: all of them or, on failure,
     * none. A stored checkpoint is replaced by the one of a later batch of the same stream.
     */
    void accept(Batch batch);

    /** The last checkpoint stored for {@code stream}, if any. */
    Optional<Checkpoint> checkpoint(long stream);

    StoreSummary summary();

    /** Up to {@code limit} rejects, in id order. */
    List<Reject> rejects(int limit);

    /** Up to {@code limit} events of {@code type}, in id order, equal to the events stored. */
    List<Event> events(EventType type, int limit);

    @Override
    void close();
}
