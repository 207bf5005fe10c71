package io.iotwatch.detect;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Incidents past their threshold that are still going on: each is reported again, with what it added, at every
 * tick of event time while it grows, and let go once it has been quiet for a while. The flood detectors report a
 * flood the moment it crosses its rate and then keep its alert up to date this way.
 *
 * @param <T> the detector's tally of one incident
 */
public final class Ongoing<T extends Ongoing.Incident> {

    /** What {@link Ongoing} needs of a tally. */
    public interface Incident {
        /** Whether it saw more since it was last reported. */
        boolean grewSinceReport();

        /** Event time, in milliseconds, of its latest event. */
        long lastEventMillis();
    }

    private final Set<T> incidents = new LinkedHashSet<>();

    /** Whether {@code incident} is being followed already. */
    public boolean contains(T incident) {
        return incidents.contains(incident);
    }

    /** Follows {@code incident} from now on; the caller reports it the first time. */
    public void add(T incident) {
        incidents.add(incident);
    }

    /** Reports each incident that grew, and lets go of those with no event for {@code quietMillis} before now. */
    public void advance(long nowMillis, long quietMillis, Consumer<T> report) {
        for (Iterator<T> it = incidents.iterator(); it.hasNext(); ) {
            T incident = it.next();
            if (incident.grewSinceReport()) {
                report.accept(incident);
            }
            if (incident.lastEventMillis() < nowMillis - quietMillis) {
                it.remove();
            }
        }
    }
}
