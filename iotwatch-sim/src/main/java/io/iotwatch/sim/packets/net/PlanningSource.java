package io.iotwatch.sim.packets.net;

import io.iotwatch.sim.packets.wire.Frame;
import java.util.PriorityQueue;

/**
 * A source that plans packets ahead in small batches: at each wake-up it plans what happens next (a request
 * and its response, a flood's probe and the victim's answer) and sets its next wake-up; planned packets are
 * written in time order as their time comes. Only packets planned and not yet written are held.
 */
public abstract class PlanningSource extends Source implements Planner {

    private final PriorityQueue<Planned> queue = new PriorityQueue<>();
    private long order;
    private long wake;

    /** A source whose first planning step is at {@code firstWake}. */
    protected PlanningSource(Origin origin, long firstWake) {
        super(origin);
        this.wake = firstWake;
    }

    /**
     * Plans what happens at {@code now}: packets at {@code now} or later through {@link #at}, and the next
     * wake-up through {@link #wakeAt}; a step that sets none is the last.
     */
    protected abstract void plan(long now, Scheduler scheduler);

    /** Sets the time of the next planning step, which must not be before the current one. */
    protected final void wakeAt(long micros) {
        wake = micros;
    }

    @Override
    public final Planned at(long micros, Packet packet) {
        Planned planned = new Planned(micros, order++, packet);
        queue.add(planned);
        return planned;
    }

    @Override
    public final void cancel(Planned planned) {
        planned.cancelled = true;
    }

    @Override
    public final long time() {
        Planned head = head();
        return head == null ? wake : Math.min(head.time, wake);
    }

    @Override
    public final boolean step(Frame frame, Scheduler scheduler) {
        Planned head = head();
        if (head != null && head.time <= wake) {
            queue.poll();
            head.packet.write(frame);
            return true;
        }
        long now = wake;
        wake = Long.MAX_VALUE;
        plan(now, scheduler);
        if (wake < now) {
            throw new IllegalStateException(getClass().getSimpleName() + " woke up in the past");
        }
        return false;
    }

    private Planned head() {
        Planned head;
        while ((head = queue.peek()) != null && head.cancelled) {
            queue.poll();
        }
        return head;
    }
}
