package io.iotwatch.sim.lab;

import io.iotwatch.core.alert.Alert;
import java.time.Instant;
import java.util.Objects;

/**
 * One version of an alert as the sensor's detectors handed it on: raised, or updated as its incident grew.
 *
 * @param raisedAt the wall-clock time it was handed on
 */
public record RaisedAlert(Alert alert, Instant raisedAt) {

    public RaisedAlert {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(raisedAt, "raisedAt");
    }
}
