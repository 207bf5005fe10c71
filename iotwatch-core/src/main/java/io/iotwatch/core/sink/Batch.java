package io.iotwatch.core.sink;

import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.Reject;
import java.util.List;
import java.util.Optional;

/**
 * A unit of work for a sink: events and rejects that are stored together, and, for a file, how far
 * the file has been read once they are. A sink applies a batch atomically, so a checkpoint never
 * runs ahead of the events it covers.
 */
public record Batch(List<Event> events, List<Reject> rejects, Optional<Checkpoint> checkpoint) {
    public Batch {
        events = List.copyOf(events);
        rejects = List.copyOf(rejects);
        checkpoint = checkpoint == null ? Optional.empty() : checkpoint;
    }

    public int size() {
        return events.size() + rejects.size();
    }
}
