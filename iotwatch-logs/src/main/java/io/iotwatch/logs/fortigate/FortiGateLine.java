package io.iotwatch.logs.fortigate;

import java.time.ZoneOffset;

/**
 * A reusable, allocation-free view of one FortiGate log line: its framing, the offsets of its
 * key=value pairs and its parsed time. {@link #scan} fills it; the getters read it until the next scan.
 * Not thread-safe: one per thread.
 */
public final class FortiGateLine {

    /** How the key=value payload was wrapped on the wire or on disk. */
    public enum Framing { BARE_KV, RFC3164, RFC5424, ISO_HOST, JSON }

    /** Scans a line (without its terminator). False when it holds no FortiGate record; see {@link #rejectReason()}. */
    public boolean scan(byte[] buf, int off, int len) {
        throw new UnsupportedOperationException("contract only: implemented in the parser work");
    }

    public String rejectReason() { throw new UnsupportedOperationException(); }

    public Framing framing() { throw new UnsupportedOperationException(); }

    /** Syslog PRI, or -1 when the line had none. */
    public int priority() { throw new UnsupportedOperationException(); }

    /** Host name from the syslog or ISO prefix, or empty. */
    public String syslogHost() { throw new UnsupportedOperationException(); }

    /** Number of key=value pairs. */
    public int size() { throw new UnsupportedOperationException(); }

    public String key(int i) { throw new UnsupportedOperationException(); }

    /** The value as written in the line, surrounding quotes removed, escapes kept as written. */
    public String value(int i) { throw new UnsupportedOperationException(); }

    /** Index of the first pair with this key, or -1. Allocates nothing. */
    public int indexOf(String key) { throw new UnsupportedOperationException(); }

    /** The value of the key, or null when absent. */
    public String get(String key) { throw new UnsupportedOperationException(); }

    /** Whether the key is present with exactly this value. Allocates nothing. */
    public boolean is(String key, String value) { throw new UnsupportedOperationException(); }

    /** The value as a decimal long, or the fallback when absent or not a number. Allocates nothing. */
    public long getLong(String key, long fallback) { throw new UnsupportedOperationException(); }

    /** Event time in nanoseconds since the epoch: {@code eventtime} if present, else date+time+tz. */
    public long epochNanos() { throw new UnsupportedOperationException(); }

    /** Time from date+time+tz (second precision), or Long.MIN_VALUE when the line has none. */
    public long dateTimeEpochNanos() { throw new UnsupportedOperationException(); }

    /** Time from eventtime (unit told by magnitude), or Long.MIN_VALUE when absent. */
    public long eventTimeEpochNanos() { throw new UnsupportedOperationException(); }

    /** The log's own UTC offset from {@code tz}, or UTC when it has none. */
    public ZoneOffset offset() { throw new UnsupportedOperationException(); }

    /** The whole line, decoded leniently as UTF-8. */
    public String rawText() { throw new UnsupportedOperationException(); }
}
