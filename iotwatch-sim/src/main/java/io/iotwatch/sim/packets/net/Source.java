package io.iotwatch.sim.packets.net;

import io.iotwatch.sim.packets.wire.Frame;

/**
 * A lazily generated, time-ordered stream of packets: a device's habit, one connection, an attack tool.
 * The {@link Scheduler} merges all sources by time and asks each, when its time has come, to take one step.
 */
public abstract class Source {

    private final Origin origin;
    long queuedTime;
    long id;

    protected Source(Origin origin) {
        this.origin = origin;
    }

    /** The attack this source's packets belong to, or null for benign traffic. */
    public final Origin origin() {
        return origin;
    }

    /** Time of the next step, in microseconds; {@link Long#MAX_VALUE} once there is nothing more. */
    public abstract long time();

    /**
     * Takes the step due at {@link #time()}: writes at most one frame (the one due at that time) into
     * {@code frame}, which is started and empty, and returns whether it did. A step may also plan later
     * packets or start other sources through {@code scheduler}, never earlier than its own time.
     */
    public abstract boolean step(Frame frame, Scheduler scheduler);
}
