package io.iotwatch.sim.packets.net;

import io.iotwatch.sim.packets.wire.Frame;
import java.io.IOException;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Merges sources into one stream in time order. Ties go to the source added first, and every source's own
 * packets keep their order, so the same sources always give the same stream.
 */
public final class Scheduler {

    /** Receives each packet written, with the attack it belongs to (null for benign traffic). */
    @FunctionalInterface
    public interface Sink {
        void packet(long micros, Frame frame, Origin origin) throws IOException;
    }

    private final PriorityQueue<Source> queue = new PriorityQueue<>(
            Comparator.comparingLong((Source s) -> s.queuedTime).thenComparingLong(s -> s.id));
    private long nextId;
    private long now = Long.MIN_VALUE;

    /** Adds a source; during a run, its first step must not be before the current time. */
    public void add(Source source) {
        long time = source.time();
        if (time < now) {
            throw new IllegalStateException(source.getClass().getSimpleName() + " starts in the past");
        }
        source.id = nextId++;
        enqueue(source, time);
    }

    /** Runs every source until {@code end} (exclusive), handing each packet written to {@code sink}. */
    public void run(long end, Frame frame, Sink sink) throws IOException {
        Source source;
        while ((source = queue.poll()) != null && source.queuedTime < end) {
            now = source.queuedTime;
            frame.start();
            if (source.step(frame, this)) {
                frame.finish();
                if (source.origin() != null) {
                    source.origin().written(now);
                }
                sink.packet(now, frame, source.origin());
            }
            long next = source.time();
            if (next < now) {
                throw new IllegalStateException(source.getClass().getSimpleName() + " went back in time");
            }
            enqueue(source, next);
        }
    }

    private void enqueue(Source source, long time) {
        if (time != Long.MAX_VALUE) {
            source.queuedTime = time;
            queue.add(source);
        }
    }
}
