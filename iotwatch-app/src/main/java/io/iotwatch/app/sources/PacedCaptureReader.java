package io.iotwatch.app.sources;

import io.iotwatch.packet.capture.CaptureDamage;
import io.iotwatch.packet.capture.CaptureReader;
import io.iotwatch.packet.live.LiveOptions;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A capture played in real time: each packet is returned when the {@link DemoClock} reaches its timestamp, not
 * before. While it waits, it runs the idle task as a live capture does (once per read timeout), so flows end and
 * events are handed on in quiet moments too. It waits by parking, never spinning: packets due within the same
 * millisecond go together.
 */
final class PacedCaptureReader implements CaptureReader {

    private static final long IDLE_EVERY_NANOS = LiveOptions.DEFAULT_READ_TIMEOUT.toNanos();

    private final CaptureReader in;
    private final DemoClock clock;
    private final BooleanSupplier stopping;
    private Runnable idle = () -> {};
    private long lastIdle = System.nanoTime();

    /**
     * @param stopping true once the reader should end; the thread that sets it unparks the reading thread
     */
    PacedCaptureReader(CaptureReader in, DemoClock clock, BooleanSupplier stopping) {
        this.in = in;
        this.clock = clock;
        this.stopping = stopping;
    }

    @Override
    public boolean next() throws IOException {
        if (stopping.getAsBoolean() || !in.next()) {
            return false;
        }
        long due = in.timestampNanos();
        while (!clock.awaitUntil(due, IDLE_EVERY_NANOS - (System.nanoTime() - lastIdle))) {
            if (stopping.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                return false;
            }
            if (System.nanoTime() - lastIdle >= IDLE_EVERY_NANOS) {
                idle.run();
                lastIdle = System.nanoTime();
            }
        }
        return true;
    }

    @Override
    public void onIdle(Runnable task) {
        this.idle = Objects.requireNonNull(task, "task");
    }

    @Override
    public byte[] buffer() {
        return in.buffer();
    }

    @Override
    public int offset() {
        return in.offset();
    }

    @Override
    public int capturedLength() {
        return in.capturedLength();
    }

    @Override
    public int originalLength() {
        return in.originalLength();
    }

    @Override
    public long timestampNanos() {
        return in.timestampNanos();
    }

    @Override
    public int linkType() {
        return in.linkType();
    }

    @Override
    public int interfaceId() {
        return in.interfaceId();
    }

    @Override
    public long fileOffset() {
        return in.fileOffset();
    }

    @Override
    public List<CaptureDamage> damage() {
        return in.damage();
    }

    @Override
    public long packets() {
        return in.packets();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
