package io.iotwatch.core.json;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;

/**
 * Writes one JSON value (an object or an array) into a {@link StringBuilder}, streaming, with the
 * nesting checked: a name inside an array, a bare value inside an object, a mismatched end or a
 * second top-level value throws {@link IllegalStateException} instead of producing broken JSON.
 *
 * <p>Strings are escaped so that any Java string round-trips: quotes, backslashes and every control
 * character are escaped; U+2028 and U+2029 are escaped too because JavaScript treats them as line
 * ends; an unpaired surrogate, which no UTF-8 encoder can write, becomes U+FFFD. Numbers that JSON
 * cannot represent (NaN, infinities) are written as {@code null}.
 *
 * <p>Allocates nothing per call once its nesting stack has grown to the document's depth.
 */
public final class JsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out;
    /** Per open container: whether it is an array, how many members it has, where it began. */
    private boolean[] isArray = new boolean[8];
    private boolean[] optional = new boolean[8];
    private int[] members = new int[8];
    private int[] start = new int[8];
    private int depth;
    private boolean complete;

    public JsonWriter(StringBuilder out) {
        this.out = out;
    }

    /** Whether the top-level value has been closed. */
    public boolean isComplete() {
        return complete;
    }

    /** Opens an object as the top-level value or as the next element of an array. */
    public JsonWriter beginObject() {
        open(null, false, false);
        return this;
    }

    /** Opens an object as a member of the current object. */
    public JsonWriter beginObject(String name) {
        open(requireName(name), false, false);
        return this;
    }

    /**
     * Opens an object member that is left out entirely, name and all, if nothing is written into
     * it before its {@link #endObject()}; nested optional objects that stay empty vanish too.
     */
    public JsonWriter beginOptionalObject(String name) {
        open(requireName(name), false, true);
        return this;
    }

    public JsonWriter endObject() {
        close(false);
        return this;
    }

    /** Opens an array as the top-level value or as the next element of an array. */
    public JsonWriter beginArray() {
        open(null, true, false);
        return this;
    }

    /** Opens an array as a member of the current object. */
    public JsonWriter beginArray(String name) {
        open(requireName(name), true, false);
        return this;
    }

    public JsonWriter endArray() {
        close(true);
        return this;
    }

    /** A string member; a null value is written as JSON null. */
    public JsonWriter field(String name, String value) {
        name(name);
        string(value);
        return this;
    }

    /** A string member, left out when the value is null or empty. */
    public JsonWriter fieldIfNotEmpty(String name, String value) {
        if (value != null && !value.isEmpty()) {
            field(name, value);
        }
        return this;
    }

    /** An array of strings as a member, left out when there are none. */
    public JsonWriter stringsIfNotEmpty(String name, Collection<String> values) {
        if (!values.isEmpty()) {
            beginArray(name);
            for (String value : values) {
                value(value);
            }
            endArray();
        }
        return this;
    }

    public JsonWriter field(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    /** A number member; NaN and infinities are written as null. */
    public JsonWriter field(String name, double value) {
        name(name);
        number(value);
        return this;
    }

    public JsonWriter field(String name, boolean value) {
        name(name);
        out.append(value);
        return this;
    }

    public JsonWriter nullField(String name) {
        name(name);
        out.append("null");
        return this;
    }

    /** An instant as an ISO-8601 UTC string with all nine fraction digits, e.g. {@code 2024-03-16T05:12:56.971231921Z}. */
    public JsonWriter timeField(String name, Instant value) {
        if (value == null) {
            return nullField(name);
        }
        return dateTimeField(name, value.getEpochSecond(), value.getNano(), 0, 9);
    }

    /**
     * A date-time as an ISO-8601 string in local time at the given UTC offset, with the offset
     * ({@code Z} when 0) and exactly {@code fractionDigits} (0 to 9, truncated) digits of the second.
     */
    public JsonWriter dateTimeField(String name, long epochSecond, int nano, int offsetSeconds, int fractionDigits) {
        name(name);
        out.append('"');
        IsoTime.append(out, epochSecond, nano, offsetSeconds, fractionDigits);
        out.append('"');
        return this;
    }

    /** A string element of the current array; null is written as JSON null. */
    public JsonWriter value(String value) {
        element();
        string(value);
        return this;
    }

    public JsonWriter value(long value) {
        element();
        out.append(value);
        return this;
    }

    /** A number element; NaN and infinities are written as null. */
    public JsonWriter value(double value) {
        element();
        number(value);
        return this;
    }

    public JsonWriter value(boolean value) {
        element();
        out.append(value);
        return this;
    }

    private void open(String name, boolean array, boolean dropIfEmpty) {
        int begin = out.length();
        if (name == null) {
            if (depth == 0) {
                if (complete) {
                    throw new IllegalStateException("the top-level value is already complete");
                }
            } else {
                element();
            }
        } else {
            name(name);
        }
        if (depth == isArray.length) {
            int grown = depth * 2;
            isArray = Arrays.copyOf(isArray, grown);
            optional = Arrays.copyOf(optional, grown);
            members = Arrays.copyOf(members, grown);
            start = Arrays.copyOf(start, grown);
        }
        isArray[depth] = array;
        optional[depth] = dropIfEmpty;
        members[depth] = 0;
        start[depth] = begin;
        depth++;
        out.append(array ? '[' : '{');
    }

    private void close(boolean array) {
        if (depth == 0 || isArray[depth - 1] != array) {
            throw new IllegalStateException("no open " + (array ? "array" : "object") + " to end");
        }
        depth--;
        if (optional[depth] && members[depth] == 0) {
            out.setLength(start[depth]);
            members[depth - 1]--;
            return;
        }
        out.append(array ? ']' : '}');
        if (depth == 0) {
            complete = true;
        }
    }

    private void name(String name) {
        if (depth == 0 || isArray[depth - 1]) {
            throw new IllegalStateException("a named member needs an open object: " + name);
        }
        separator();
        string(requireName(name));
        out.append(':');
    }

    private void element() {
        if (depth == 0 || !isArray[depth - 1]) {
            throw new IllegalStateException("a bare value needs an open array");
        }
        separator();
    }

    private void separator() {
        if (members[depth - 1]++ > 0) {
            out.append(',');
        }
    }

    private static String requireName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("member name is null");
        }
        return name;
    }

    private void number(double value) {
        if (Double.isFinite(value)) {
            out.append(value);
        } else {
            out.append("null");
        }
    }

    private void string(String s) {
        if (s == null) {
            out.append("null");
            return;
        }
        out.append('"');
        int n = s.length();
        int plainFrom = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c) && c != '\u2028' && c != '\u2029') {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            out.append(s, plainFrom, i);
            plainFrom = i + 1;
            escape(c);
        }
        out.append(s, plainFrom, n);
        out.append('"');
    }

    private void escape(char c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            default -> {
                if (Character.isSurrogate(c)) {
                    out.append('\uFFFD');
                } else {
                    out.append("\\u")
                            .append(HEX[c >> 12]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
                }
            }
        }
    }
}
