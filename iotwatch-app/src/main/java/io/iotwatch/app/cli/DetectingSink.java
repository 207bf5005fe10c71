package io.iotwatch.app.cli;

import io.iotwatch.core.event.Event;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.core.sink.EventSink;
import io.iotwatch.detect.DetectionEngine;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs the detectors on each batch on its way to the store, on a thread of its own between the reader and
 * the writer (so reading and parsing, detecting and storing overlap), and sends the alerts each batch
 * raised or updated along with it: a batch's alerts are stored in the same transaction as its events and
 * checkpoint. The queue in front of the thread is bounded: a slow detector slows the reader, and nothing
 * is dropped. A failure of the thread (of the store behind it) is thrown to the reader at its next batch.
 */
final class DetectingSink implements EventSink, AutoCloseable {

    /** Batches waiting for the detectors: enough to ride out a slow moment; each holds a batch of events. */
    static final int QUEUE_BATCHES = 4;

    private static final Batch END = new Batch(List.of(), List.of(), Optional.empty());

    private final DetectionEngine engine;
    private final EventSink next;
    private final BlockingQueue<Batch> queue;
    private final Thread thread;
    private volatile Throwable failure;

    DetectingSink(DetectionEngine engine, EventSink next, int queueBatches) {
        this.engine = engine;
        this.next = next;
        this.queue = new ArrayBlockingQueue<>(queueBatches);
        this.thread = Thread.ofPlatform().name("iotwatch-detect").daemon().start(this::run);
    }

    @Override
    public void accept(Batch batch) throws InterruptedException {
        while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
            rethrowFailure();
        }
        rethrowFailure();
    }

    /** End of input: waits until every batch has passed, and what the detectors still had pending with it. */
    void finish() throws InterruptedException {
        accept(END);
        thread.join();
        rethrowFailure();
    }

    /** The engine, for its counts once {@link #finish} has returned. */
    DetectionEngine engine() {
        return engine;
    }

    /** Stops the thread if {@link #finish} was not reached (the reader failed). */
    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }

    private void run() {
        try {
            while (true) {
                Batch batch = queue.take();
                if (batch == END) {
                    engine.finish();
                    next.accept(new Batch(List.of(), List.of(), engine.drainChanged(), Optional.empty()));
                    return;
                }
                for (Event event : batch.events()) {
                    engine.accept(event);
                }
                next.accept(batch.withAlerts(engine.drainChanged()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            failure = e;
        }
    }

    private void rethrowFailure() {
        Throwable cause = failure;
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause != null) {
            throw new IllegalStateException("detection failed", cause);
        }
    }
}
