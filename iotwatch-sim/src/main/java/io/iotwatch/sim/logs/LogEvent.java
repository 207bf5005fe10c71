package io.iotwatch.sim.logs;

import java.util.Comparator;

/**
 * One log line waiting to be written.
 *
 * @param time   event time in nanoseconds since the epoch
 * @param seq    emission order inside its source; breaks ties so equal times keep a fixed order
 * @param fields the line's body after the common header
 */
record LogEvent(long time, long seq, Fields fields) {

    static final Comparator<LogEvent> ORDER = Comparator.comparingLong(LogEvent::time).thenComparingLong(LogEvent::seq);
}
