package io.iotwatch.sim.logs;

import java.util.Arrays;

/** The body of one log line after the common header: keys and values in output order. */
final class Fields {

    /** Text: quoted in syslog, a string in JSON. */
    static final byte TEXT = 0;
    /** Unquoted in syslog (addresses), but still a string in JSON. */
    static final byte BARE = 1;
    /** A number: unquoted in syslog, a number in JSON. */
    static final byte NUMBER = 2;
    /** Placeholder the writer replaces with the next session id, so ids grow in output order. */
    static final byte SESSION = 3;

    private String[] keys = new String[40];
    private String[] values = new String[40];
    private byte[] kinds = new byte[40];
    private int size;

    Fields text(String key, String value) {
        return add(key, value, TEXT);
    }

    Fields bare(String key, String value) {
        return add(key, value, BARE);
    }

    Fields num(String key, long value) {
        return add(key, Long.toString(value), NUMBER);
    }

    Fields session() {
        return add("sessionid", "", SESSION);
    }

    int size() {
        return size;
    }

    String key(int i) {
        return keys[i];
    }

    String value(int i) {
        return values[i];
    }

    byte kind(int i) {
        return kinds[i];
    }

    private Fields add(String key, String value, byte kind) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
            kinds = Arrays.copyOf(kinds, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        kinds[size] = kind;
        size++;
        return this;
    }
}
