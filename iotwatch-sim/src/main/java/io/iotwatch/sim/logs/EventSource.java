package io.iotwatch.sim.logs;

import java.util.PriorityQueue;

/**
 * A lazily generated stream of log events in time order.
 *
 * <p>Subclasses generate activity step by step in order of its start, but a traffic line is written when
 * its session ends, so lines of one step can be later than lines of the next. Events are therefore held
 * back until {@link #horizon()}, the earliest time a later step can still produce, has passed them; only
 * the sessions still open are kept in memory.
 */
abstract class EventSource {

    private final PriorityQueue<LogEvent> pending = new PriorityQueue<>(LogEvent.ORDER);
    private long seq;
    private boolean exhausted;

    /** Generates the next step's events with {@link #emit}; returns false once there is nothing more. */
    protected abstract boolean step();

    /** Lower bound of the time of every event a later {@link #step()} will emit. */
    protected abstract long horizon();

    /** Called when one of this source's events has been written. */
    void written(LogEvent event) {
    }

    protected final void emit(long time, Fields fields) {
        pending.add(new LogEvent(time, seq++, fields));
    }

    /** The next event in time order, or null when the source is exhausted. */
    final LogEvent peek() {
        while (!exhausted && (pending.isEmpty() || pending.peek().time() > horizon())) {
            if (!step()) {
                exhausted = true;
            }
        }
        return pending.peek();
    }

    final LogEvent poll() {
        LogEvent next = peek();
        pending.poll();
        return next;
    }
}
