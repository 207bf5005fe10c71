package io.iotwatch.core.sink;

/**
 * Where sources deliver what they read. {@link #accept} may block while the sink is busy: that is the
 * back-pressure that slows a file reader or a TCP sender instead of losing events.
 */
public interface EventSink {
    void accept(Batch batch) throws InterruptedException;
}
