package io.iotwatch.logs;

import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventId;

/**
 * Turns one framed record (a log line, a syslog message) into a normalized event. Implementations are
 * reused for every record and are not thread-safe: each reading thread has its own.
 */
public interface RecordDecoder {

    /**
     * Decodes the record in {@code buf[off, off + len)}. Returns null when the record is rejected, and
     * {@link #rejectReason()} then says why. Never throws on any input.
     */
    Event decode(byte[] buf, int off, int len, EventId id);

    /** Why the last {@link #decode} returned null. */
    String rejectReason();
}
