package io.iotwatch.app.cli;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.sim.lab.RaisedAlert;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Notes every alert version the detectors hand on (through an {@link AlertTap}) and the wall-clock time it
 * passed: the lab's table measures how soon after an attack began iotwatch raised its alert.
 */
final class AlertRecorder implements Consumer<List<Alert>> {

    private final Clock clock;
    private final List<RaisedAlert> versions = new ArrayList<>();

    AlertRecorder(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void accept(List<Alert> alerts) {
        var now = clock.instant();
        synchronized (versions) {
            for (Alert alert : alerts) {
                versions.add(new RaisedAlert(alert, now));
            }
        }
    }

    /** Every version so far, in the order they passed. */
    List<RaisedAlert> versions() {
        synchronized (versions) {
            return List.copyOf(versions);
        }
    }
}
