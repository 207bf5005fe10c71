package io.iotwatch.store.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An entry of the audit log: leaf {@code index} of its Merkle tree. The database holds its canonical
 * text, the exact bytes hashed; the other fields are read from that text.
 *
 * @param block      the block it belongs to (the open block's index while the block is not yet sealed)
 * @param timeMillis when it was recorded, epoch milliseconds
 * @param data       its data object as canonical JSON text (see {@link Canonical#data})
 */
public record AuditEntry(long index, long block, long timeMillis, String kind, String subject, String data) {

    private static final byte[] DATA = "{\"data\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] KIND = ",\"kind\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SUBJECT = ",\"subject\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TIME = ",\"time\":\"".getBytes(StandardCharsets.UTF_8);

    /** The canonical text whose leaf hash the tree holds. */
    public String canonical() {
        return Canonical.entry(data, kind, subject, timeMillis);
    }

    /**
     * What an entry's canonical text says besides its data, and where its data ends.
     *
     * @param dataEnd the index in the text's bytes just after the data object, which begins at byte 8
     */
    public record Parts(String kind, String subject, long timeMillis, int dataEnd) {

        /** Where the data object begins in an entry's text, after {@code {"data":}. */
        public static final int DATA_START = 8;

        /** The data object's bytes of the text these parts were read from. */
        public byte[] data(byte[] text) {
            return Arrays.copyOfRange(text, DATA_START, dataEnd);
        }
    }

    /**
     * Reads the parts of an entry's canonical text (its UTF-8 bytes) from its end, without parsing its
     * data: a raw quote appears in canonical JSON only around keys and values, so the last
     * {@code ,"kind":} is the entry's own, after the data object.
     *
     * @throws IllegalArgumentException if the text is not an entry in canonical form
     */
    public static Parts parts(byte[] text) {
        int kind = lastIndexOf(text, KIND);
        if (!startsWith(text, 0, DATA) || kind < DATA.length + 2 || text[DATA.length] != '{' || text[kind - 1] != '}'
                || text[text.length - 1] != '}') {
            throw new IllegalArgumentException("not an audit entry's canonical text");
        }
        JsonString kindValue = JsonString.read(text, kind + KIND.length);
        if (!startsWith(text, kindValue.end(), SUBJECT)) {
            throw new IllegalArgumentException("no subject after the kind of an audit entry");
        }
        JsonString subjectValue = JsonString.read(text, kindValue.end() + SUBJECT.length);
        int time = subjectValue.end() + TIME.length;
        if (!startsWith(text, subjectValue.end(), TIME) || text.length - time < 3 || text[text.length - 2] != '"') {
            throw new IllegalArgumentException("no time after the subject of an audit entry");
        }
        long millis = 0;
        for (int i = time; i < text.length - 2; i++) {
            if (text[i] < '0' || text[i] > '9' || i - time > 18) {
                throw new IllegalArgumentException("an audit entry's time is not a number of milliseconds");
            }
            millis = millis * 10 + (text[i] - '0');
        }
        return new Parts(kindValue.value(), subjectValue.value(), millis, kind);
    }

    /** The entry whose canonical text the database holds. */
    public static AuditEntry parse(long index, long block, String canonical) {
        byte[] text = canonical.getBytes(StandardCharsets.UTF_8);
        Parts parts = parts(text);
        return new AuditEntry(index, block, parts.timeMillis(), parts.kind(), parts.subject(),
                new String(parts.data(text), StandardCharsets.UTF_8));
    }

    private static boolean startsWith(byte[] text, int at, byte[] prefix) {
        return at >= 0 && text.length - at >= prefix.length && Arrays.equals(text, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private static int lastIndexOf(byte[] text, byte[] part) {
        for (int at = text.length - part.length; at >= 0; at--) {
            if (Arrays.equals(text, at, at + part.length, part, 0, part.length)) {
                return at;
            }
        }
        return -1;
    }

    /** A JSON string in UTF-8 bytes: its value and the index just after its closing quote. */
    private record JsonString(String value, int end) {

        static JsonString read(byte[] text, int at) {
            if (at >= text.length || text[at] != '"') {
                throw new IllegalArgumentException("a string of an audit entry does not begin with a quote");
            }
            for (int i = at + 1; i < text.length && text[i] != '\\'; i++) {
                if (text[i] == '"') { // no escape, as in nearly every kind and subject
                    return new JsonString(new String(text, at + 1, i - at - 1, StandardCharsets.UTF_8), i + 1);
                }
            }
            StringBuilder value = new StringBuilder();
            int run = at + 1;
            for (int i = at + 1; i < text.length; i++) {
                byte b = text[i];
                if (b == '"' || b == '\\') {
                    value.append(new String(text, run, i - run, StandardCharsets.UTF_8));
                    if (b == '"') {
                        return new JsonString(value.toString(), i + 1);
                    }
                    i = escape(text, i + 1, value);
                    run = i + 1;
                }
            }
            throw new IllegalArgumentException("a string of an audit entry does not end");
        }

        /** Appends the escaped character at {@code at}; returns the index of its last byte. */
        private static int escape(byte[] text, int at, StringBuilder value) {
            if (at >= text.length) {
                throw new IllegalArgumentException("an escape of an audit entry is cut short");
            }
            switch (text[at]) {
                case '"' -> value.append('"');
                case '\\' -> value.append('\\');
                case '/' -> value.append('/');
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    if (at + 4 >= text.length) {
                        throw new IllegalArgumentException("an escape of an audit entry is cut short");
                    }
                    try {
                        value.append((char) Integer.parseInt(new String(text, at + 1, 4, StandardCharsets.US_ASCII), 16));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("an escape of an audit entry is not hex", e);
                    }
                    return at + 4;
                }
                default -> throw new IllegalArgumentException("an audit entry has an unknown escape");
            }
            return at;
        }
    }
}
