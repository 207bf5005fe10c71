package io.iotwatch.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * What every normalized event carries besides its own fields.
 *
 * @param id       stable identity, see {@link EventId}
 * @param time     when the event happened, in UTC
 * @param source   kind of source that produced it, for example {@code fortigate} or {@code pcap}
 * @param observer the device that observed it (a firewall's name, a sensor's interface), or empty
 * @param raw      the original record exactly as received (decoded leniently as UTF-8), so that no
 *                 part of what a source sent is lost even when no mapping claims it
 */
public record EventHeader(EventId id, Instant time, String source, String observer, String raw) {
    public EventHeader {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
        observer = observer == null ? "" : observer;
        raw = raw == null ? "" : raw;
    }
}
