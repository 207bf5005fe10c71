package io.iotwatch.store;

import io.iotwatch.core.sink.Batch;
import io.iotwatch.core.sink.EventSink;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Stores batches on a thread of its own, so that reading and parsing go on while the database writes.
 *
 * <p>Producers hand batches over through a bounded queue: {@link #accept} blocks while it is full, which
 * slows producers to the database's pace. Any number of threads may call {@link #accept}; batches are
 * stored in the order they were accepted.
 *
 * <p>When storing a batch fails, nothing accepted after it is stored (a later batch's checkpoint
 * would otherwise skip the failed batch's lines), and every later {@link #accept}, {@link #flush} and
 * {@link #close} throws a {@link StoreException} whose cause is the failure.
 */
public final class BatchWriter implements EventSink, AutoCloseable {

    private static final Batch STOP = new Batch(List.of(), List.of(), Optional.empty());

    private final EventStore store;
    private final BlockingQueue<Batch> queue;
    private final Thread writer;
    // held while putting a batch and counting it, so that the count of accepted batches is also the
    // queue position of the last one
    private final ReentrantLock enqueue = new ReentrantLock();
    private final Object progress = new Object();
    private volatile long accepted; // written under enqueue, read by flush
    private long stored; // guarded by progress; counts failed and discarded batches too
    private volatile Throwable failure;
    private boolean closed; // guarded by enqueue

    public BatchWriter(EventStore store, int queueCapacity) {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1: " + queueCapacity);
        }
        this.store = Objects.requireNonNull(store, "store");
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        // a daemon: a producer that never closes the writer must not keep the JVM alive
        this.writer = Thread.ofPlatform().name("iotwatch-store-writer").daemon().start(this::drain);
    }

    /** Queues the batch for storing, waiting while the queue is full. */
    @Override
    public void accept(Batch batch) throws InterruptedException {
        Objects.requireNonNull(batch, "batch");
        throwIfFailed();
        enqueue.lockInterruptibly();
        try {
            if (closed) {
                throw new IllegalStateException("the batch writer is closed");
            }
            queue.put(batch);
            accepted++;
        } finally {
            enqueue.unlock();
        }
    }

    /** Waits until every batch accepted so far is stored. */
    public void flush() throws InterruptedException {
        long target = accepted;
        synchronized (progress) {
            while (stored < target) {
                progress.wait();
            }
        }
        throwIfFailed();
    }

    /** Stores what was accepted and stops the writer thread; waits for both even when interrupted. */
    @Override
    public void close() {
        boolean interrupted = false;
        enqueue.lock();
        try {
            if (!closed) {
                closed = true;
                interrupted = putUninterruptibly(STOP);
            }
        } finally {
            enqueue.unlock();
        }
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        throwIfFailed();
    }

    private boolean putUninterruptibly(Batch batch) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(batch);
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    private void drain() {
        while (true) {
            Batch batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                fail(e);
                continue;
            }
            if (batch == STOP) {
                return;
            }
            if (failure == null) {
                try {
                    store.accept(batch);
                } catch (Throwable e) {
                    fail(e);
                }
            }
            synchronized (progress) {
                stored++;
                progress.notifyAll();
            }
        }
    }

    private void fail(Throwable e) {
        if (failure == null) {
            failure = e;
        }
    }

    private void throwIfFailed() {
        Throwable cause = failure;
        if (cause != null) {
            throw new StoreException("storing events failed, and nothing accepted after the failure was stored: "
                    + cause.getMessage(), cause);
        }
    }
}
