package io.iotwatch.core.event;

import java.util.Objects;

/**
 * A record a source sent that could not be turned into an event. Kept, never silently dropped.
 *
 * @param id         where it was in its stream, as for events
 * @param origin     the file path or listener address it came from
 * @param lineNumber its 1-based line number in a file, or the message sequence for a listener
 * @param raw        its bytes exactly as received
 * @param reason     why it was rejected, in words a user can act on
 */
public record Reject(EventId id, String origin, long lineNumber, byte[] raw, String reason) {
    public Reject {
        Objects.requireNonNull(id, "id");
        origin = origin == null ? "" : origin;
        raw = raw == null ? new byte[0] : raw;
        reason = reason == null ? "" : reason;
    }
}
