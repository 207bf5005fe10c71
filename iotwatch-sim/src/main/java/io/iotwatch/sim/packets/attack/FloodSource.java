package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.net.Origin;
import io.iotwatch.sim.packets.net.Scheduler;
import java.util.SplittableRandom;

/**
 * One flooding machine: after {@link #prepare} (its kernel's ARP request), {@code count} units at a steady rate,
 * each a packet of the flood and the answers it draws, planned one unit at a time so that only a few are held.
 */
abstract class FloodSource extends ToolSource {

    private final int count;
    private final long interval;
    private int sent;
    private boolean prepared;

    /** @param perSecond units a second from this machine */
    FloodSource(Origin origin, SplittableRandom rnd, long start, int count, double perSecond) {
        super(origin, rnd, start);
        this.count = count;
        this.interval = Math.max(1, Math.round(1_000_000 / perSecond));
    }

    /** Plans what precedes the flood from {@code now}; returns when the first unit may go. */
    protected abstract long prepare(long now);

    /** Plans unit {@code index} at {@code t}. */
    protected abstract void unit(long t, int index);

    @Override
    protected final void plan(long now, Scheduler scheduler) {
        if (!prepared) {
            prepared = true;
            wakeAt(prepare(now));
            return;
        }
        unit(now, sent++);
        if (sent < count) {
            // A little jitter: the sender's loop is steady, the path to the capture point is not quite.
            wakeAt(now + interval - interval / 10 + rnd.nextLong(interval / 5 + 1));
        }
    }
}
