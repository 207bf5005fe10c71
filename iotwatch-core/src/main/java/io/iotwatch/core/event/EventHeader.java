package io.iotwatch.core.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * What every normalized event carries besides its own fields.
 *
 * @param id       stable identity, see {@link EventId}
 * @param time     when the event happened, in UTC
 * @param source   kind of source that produced it, for example {@code fortigate} or {@code pcap}
 * @param observer the device that observed it (a firewall's name, a sensor's interface), or empty
 * @param raw      the original record byte for byte as received, invalid UTF-8 and control bytes
 *                 included, so that no part of what a source sent is lost even when no mapping claims
 *                 it; callers must not change the array
 */
public record EventHeader(EventId id, Instant time, String source, String observer, byte[] raw) {
    private static final byte[] NONE = new byte[0];

    public EventHeader {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
        observer = observer == null ? "" : observer;
        raw = raw == null ? NONE : raw;
    }

    /** A header whose raw record is this text, as UTF-8. */
    public EventHeader(EventId id, Instant time, String source, String observer, String raw) {
        this(id, time, source, observer, raw == null ? NONE : raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The raw record decoded as UTF-8, invalid bytes shown as U+FFFD: for people, not for storage. */
    public String rawText() {
        return new String(raw, StandardCharsets.UTF_8);
    }

    // A record compares arrays by identity; two headers of the same record must be equal.
    @Override
    public boolean equals(Object other) {
        return other instanceof EventHeader h
                && id.equals(h.id) && time.equals(h.time) && source.equals(h.source) && observer.equals(h.observer)
                && Arrays.equals(raw, h.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, time, source, observer, Arrays.hashCode(raw));
    }

    @Override
    public String toString() {
        return "EventHeader[id=" + id + ", time=" + time + ", source=" + source + ", observer=" + observer
                + ", raw=" + raw.length + " bytes]";
    }
}
