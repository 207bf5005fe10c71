package io.iotwatch.logs.syslog;

import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.Reject;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.core.sink.EventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects one thread's events and rejects and hands them to the sink when the batch is full or its
 * oldest entry has waited the maximum delay. The owner asks {@link #nanosUntilDue()} how long it may
 * wait for input before calling {@link #flushIfDue()}. Not thread-safe: one per reading thread.
 */
final class Batcher {

    private final EventSink sink;
    private final int batchSize;
    private final long maxDelayNanos;
    private final List<Event> events;
    private final List<Reject> rejects = new ArrayList<>();
    private long firstAddedAt;

    Batcher(EventSink sink, int batchSize, long maxDelayNanos) {
        this.sink = sink;
        this.batchSize = batchSize;
        this.maxDelayNanos = maxDelayNanos;
        this.events = new ArrayList<>(Math.min(batchSize, 4096));
    }

    void add(Event event) throws InterruptedException {
        markFirst();
        events.add(event);
        flushIfFull();
    }

    void add(Reject reject) throws InterruptedException {
        markFirst();
        rejects.add(reject);
        flushIfFull();
    }

    /** Nanoseconds until the pending batch is due, at most 0; Long.MAX_VALUE when nothing is pending. */
    long nanosUntilDue() {
        return isEmpty() ? Long.MAX_VALUE : Math.max(0, firstAddedAt + maxDelayNanos - System.nanoTime());
    }

    /** {@link #nanosUntilDue()} as a socket timeout: whole milliseconds, at least 1, and 0 for "none". */
    int timeoutMillis() {
        long nanos = nanosUntilDue();
        return nanos == Long.MAX_VALUE ? 0 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, (nanos + 999_999) / 1_000_000));
    }

    void flushIfDue() throws InterruptedException {
        if (!isEmpty() && nanosUntilDue() == 0) {
            flush();
        }
    }

    void flush() throws InterruptedException {
        if (isEmpty()) {
            return;
        }
        sink.accept(new Batch(events, rejects, Optional.empty()));
        events.clear();
        rejects.clear();
    }

    private boolean isEmpty() {
        return events.isEmpty() && rejects.isEmpty();
    }

    private void markFirst() {
        if (isEmpty()) {
            firstAddedAt = System.nanoTime();
        }
    }

    private void flushIfFull() throws InterruptedException {
        if (events.size() + rejects.size() >= batchSize) {
            flush();
        }
    }
}
