package io.iotwatch.detect;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * How many distinct internal hosts contacted each external destination lately. It is what tells the cloud
 * endpoints that many devices of a kind share (keep-alives, polling, uploads: periodic or bulky by design)
 * from a destination only one host talks to (RITA calls it prevalence). Bounded: at most
 * {@code maxDestinations}, the stalest giving way, and {@value #SOURCES_PER_DESTINATION} sources each.
 * Detectors that need it may share one (see their two-argument constructors): it is the same table.
 */
public final class Prevalence {

    /** Distinct sources kept per destination: far above any useful threshold. */
    static final int SOURCES_PER_DESTINATION = 64;

    private final long windowMs;
    private final LruMap<String, Contacts> destinations;
    // Detectors that share one table each note the same connection; the second note is a no-op.
    private String lastDestination;
    private String lastSource;
    private long lastTime;
    private Contacts lastContacts;

    public Prevalence(Duration window, int maxDestinations) {
        this.windowMs = window.toMillis();
        this.destinations = new LruMap<>(maxDestinations);
    }

    /**
     * Notes that {@code src} contacted {@code dst} at {@code timeMs} (event time, epoch milliseconds), and
     * returns how many sources the destination has: at least its prevalence, since sources gone quiet for
     * longer than the window are only dropped by {@link #of}.
     */
    public int touch(String dst, String src, long timeMs) {
        if (dst == lastDestination && src == lastSource && timeMs == lastTime) {
            return lastContacts.sources.size();
        }
        Contacts contacts = destinations.get(dst);
        if (contacts == null) {
            contacts = new Contacts();
            destinations.put(dst, contacts);
        }
        contacts.touch(src, timeMs);
        lastDestination = dst;
        lastSource = src;
        lastTime = timeMs;
        lastContacts = contacts;
        return contacts.sources.size();
    }

    /** Distinct sources that contacted {@code dst} within the window before {@code nowMs}; 0 when none is known. */
    public int of(String dst, long nowMs) {
        Contacts contacts = destinations.get(dst);
        return contacts == null ? 0 : contacts.count(nowMs - windowMs);
    }

    /** Forgets destinations nobody contacted within the window before {@code nowMs}. */
    public void expire(long nowMs) {
        long horizon = nowMs - windowMs;
        for (Iterator<Contacts> it = destinations.values().iterator(); it.hasNext(); ) {
            if (it.next().lastSeen >= horizon) {
                break;
            }
            it.remove();
        }
    }

    /** Destinations forgotten because {@code maxDestinations} was reached. */
    public long evictions() {
        return destinations.evictions();
    }

    private static final class Contacts {
        final Map<String, long[]> sources = new HashMap<>();
        long lastSeen = Long.MIN_VALUE;

        void touch(String src, long time) {
            lastSeen = Math.max(lastSeen, time);
            long[] seen = sources.get(src);
            if (seen != null) {
                seen[0] = Math.max(seen[0], time);
            } else if (sources.size() < SOURCES_PER_DESTINATION) {
                sources.put(src, new long[] {time});
            }
        }

        int count(long horizon) {
            sources.values().removeIf(seen -> seen[0] < horizon);
            return sources.size();
        }
    }
}
