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
 */
public final class Prevalence {

    /** Distinct sources kept per destination: far above any useful threshold. */
    static final int SOURCES_PER_DESTINATION = 64;

    private final long windowMs;
    private final LruMap<String, Contacts> destinations;

    public Prevalence(Duration window, int maxDestinations) {
        this.windowMs = window.toMillis();
        this.destinations = new LruMap<>(maxDestinations);
    }

    /** Notes that {@code src} contacted {@code dst} at {@code timeMs} (event time, epoch milliseconds). */
    public void touch(String dst, String src, long timeMs) {
        Contacts contacts = destinations.get(dst);
        if (contacts == null) {
            contacts = new Contacts();
            destinations.put(dst, contacts);
        }
        contacts.touch(src, timeMs);
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
