package io.iotwatch.logs.fortigate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns short byte ranges into Strings, returning the same String for the same bytes while it stays
 * cached, so that the few distinct values of a field (actions, services, key names) are not allocated
 * again on every line. Direct-mapped: a colliding value replaces the older one, so memory stays bounded.
 */
final class StringCache {

    private final byte[][] bytes;
    private final String[] strings;
    private final int maxLength;

    /** {@code slots} must be a power of two; values longer than {@code maxLength} are never cached. */
    StringCache(int slots, int maxLength) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        this.bytes = new byte[slots][];
        this.strings = new String[slots];
        this.maxLength = maxLength;
    }

    /** The bytes b[off, off+len) decoded leniently as UTF-8. */
    String get(byte[] b, int off, int len) {
        if (len == 0) {
            return "";
        }
        if (len > maxLength) {
            return new String(b, off, len, StandardCharsets.UTF_8);
        }
        int hash = FortiGateLine.keyHash(b, off, len);
        int slot = (hash ^ (hash >>> 16)) & (strings.length - 1);
        byte[] cached = bytes[slot];
        if (cached != null && Arrays.equals(cached, 0, cached.length, b, off, off + len)) {
            return strings[slot];
        }
        String s = new String(b, off, len, StandardCharsets.UTF_8);
        bytes[slot] = Arrays.copyOfRange(b, off, off + len);
        strings[slot] = s;
        return s;
    }
}
