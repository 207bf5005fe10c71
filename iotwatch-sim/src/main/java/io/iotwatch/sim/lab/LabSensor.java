package io.iotwatch.sim.lab;

import java.io.IOException;
import java.util.List;

/**
 * iotwatch watching the lab live: captures on the bridge inside the switch namespace and runs the detectors,
 * from before the first attack until after the last. The lab does not know how; the application wires it.
 */
public interface LabSensor {

    /** What the sensor saw: every alert version with its time, and its counters in a line. */
    record Result(List<RaisedAlert> alerts, String summary) {
        public Result {
            alerts = List.copyOf(alerts);
        }
    }

    /** Starts capturing on {@code interfaceName} of network namespace {@code namespace}. */
    void start(String namespace, String interfaceName) throws IOException, InterruptedException;

    /** Stops capturing, lets the detectors finish what is pending, and returns what they raised. */
    Result stop() throws IOException, InterruptedException;
}
