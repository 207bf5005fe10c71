package io.iotwatch.logs.fortigate;

import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventId;
import io.iotwatch.logs.RecordDecoder;

/**
 * Turns FortiGate log lines into normalized events. Not thread-safe: one per thread, reused.
 */
public final class FortiGateParser implements RecordDecoder {

    /**
     * Parses one line (without its terminator). Returns null when the line is rejected, with
     * {@link #rejectReason()} saying why. Never throws on any input.
     */
    @Override
    public Event decode(byte[] buf, int off, int len, EventId id) {
        throw new UnsupportedOperationException("contract only: implemented in the parser work");
    }

    @Override
    public String rejectReason() { throw new UnsupportedOperationException(); }

    /** The line scanned by the last {@link #decode}, valid until the next call. */
    public FortiGateLine line() { throw new UnsupportedOperationException(); }
}
