package io.iotwatch.core.sink;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.Reject;
import java.util.List;
import java.util.Optional;

/**
 * A unit of work for a sink: events and rejects that are stored together, the alerts raised or updated
 * while detecting on them, and, for a file, how far the file has been read once they are. A sink applies
 * a batch atomically, so a checkpoint never runs ahead of the events and alerts it covers.
 */
public record Batch(List<Event> events, List<Reject> rejects, List<Alert> alerts, Optional<Checkpoint> checkpoint) {
    public Batch {
        events = List.copyOf(events);
        rejects = List.copyOf(rejects);
        alerts = List.copyOf(alerts);
        checkpoint = checkpoint == null ? Optional.empty() : checkpoint;
    }

    /** A batch without alerts (detection has not run on it). */
    public Batch(List<Event> events, List<Reject> rejects, Optional<Checkpoint> checkpoint) {
        this(events, rejects, List.of(), checkpoint);
    }

    /** This batch with these alerts. */
    public Batch withAlerts(List<Alert> raised) {
        return new Batch(events, rejects, raised, checkpoint);
    }

    /** Events and rejects: the records this batch stores. */
    public int size() {
        return events.size() + rejects.size();
    }
}
