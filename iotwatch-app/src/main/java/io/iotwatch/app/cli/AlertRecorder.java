package io.iotwatch.app.cli;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.core.sink.EventSink;
import io.iotwatch.sim.lab.RaisedAlert;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Notes, on its way to the store, every alert version the detectors hand on with a batch and the wall-clock
 * time it passed: the lab's table measures how soon after an attack began iotwatch raised its alert.
 */
final class AlertRecorder implements EventSink {

    private final EventSink next;
    private final Clock clock;
    private final List<RaisedAlert> versions = new ArrayList<>();

    AlertRecorder(EventSink next, Clock clock) {
        this.next = next;
        this.clock = clock;
    }

    @Override
    public void accept(Batch batch) throws InterruptedException {
        if (!batch.alerts().isEmpty()) {
            var now = clock.instant();
            synchronized (versions) {
                for (Alert alert : batch.alerts()) {
                    versions.add(new RaisedAlert(alert, now));
                }
            }
        }
        next.accept(batch);
    }

    /** Every version so far, in the order they passed. */
    List<RaisedAlert> versions() {
        synchronized (versions) {
            return List.copyOf(versions);
        }
    }
}
