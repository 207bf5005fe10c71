package io.iotwatch.app.sources;

import io.iotwatch.core.event.Event;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.core.sink.EventSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Keeps every batch with the time it was handed over; several threads may deliver at once. */
final class CollectingSink implements EventSink {

    record Delivered(Instant at, Batch batch) {}

    private final List<Delivered> delivered = new ArrayList<>();

    @Override
    public synchronized void accept(Batch batch) {
        delivered.add(new Delivered(Instant.now(), batch));
    }

    synchronized List<Delivered> delivered() {
        return List.copyOf(delivered);
    }

    /** The events, in the order they were handed over. */
    List<Event> events() {
        return delivered().stream().flatMap(d -> d.batch().events().stream()).toList();
    }
}
