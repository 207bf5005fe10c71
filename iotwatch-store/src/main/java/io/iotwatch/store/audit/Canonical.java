package io.iotwatch.store.audit;

import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical text of audit entries and block headers, the bytes that are hashed and signed: JSON
 * objects with keys in ascending order and no white space, every value a string or (the data of an entry)
 * such an object. That is the JSON Canonicalization Scheme (RFC 8785) restricted to strings, so any JCS
 * implementation reproduces these bytes; docs/AUDIT.md spells it out for other programs.
 */
public final class Canonical {

    private Canonical() {}

    /** The data object of an entry: its keys sorted, each value a string. */
    public static String data(Map<String, String> data) {
        StringBuilder out = new StringBuilder(64 + 32 * data.size());
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> field : new TreeMap<>(data).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, field.getKey());
            out.append(':');
            string(out, field.getValue());
        }
        return out.append('}').toString();
    }

    /** The text of an entry, from its parts; {@code data} is a canonical data object as {@link #data} makes. */
    public static String entry(String data, String kind, String subject, long timeMillis) {
        StringBuilder out = new StringBuilder(data.length() + kind.length() + subject.length() + 64);
        out.append("{\"data\":").append(data).append(",\"kind\":");
        string(out, kind);
        out.append(",\"subject\":");
        string(out, subject);
        return out.append(",\"time\":\"").append(timeMillis).append("\"}").toString();
    }

    /** The text of a block header, which the block's hash covers and its signature signs. */
    public static String header(long index, long timeMillis, long firstEntry, int entries, String previousHash,
            String previousSignature, String merkleRoot, long treeSize, String treeRoot) {
        return "{\"entries\":\"" + entries + "\",\"firstEntry\":\"" + firstEntry + "\",\"index\":\"" + index
                + "\",\"merkleRoot\":\"" + merkleRoot + "\",\"previousHash\":\"" + previousHash
                + "\",\"previousSignature\":\"" + previousSignature + "\",\"time\":\"" + timeMillis
                + "\",\"treeRoot\":\"" + treeRoot + "\",\"treeSize\":\"" + treeSize + "\"}";
    }

    /** A JSON string as RFC 8785 writes it: only quote, backslash and control characters escaped. */
    static void string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isSurrogate(ch)) {
                        // a lone surrogate has no UTF-8 form: it would hash as '?' and read back as something else
                        boolean pair = Character.isHighSurrogate(ch) && i + 1 < value.length()
                                && Character.isLowSurrogate(value.charAt(i + 1));
                        if (pair) {
                            out.append(ch).append(value.charAt(++i));
                        } else {
                            out.append('\uFFFD');
                        }
                    } else if (ch < 0x20) {
                        out.append("\\u00").append(Character.forDigit(ch >> 4, 16)).append(Character.forDigit(ch & 15, 16));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }
}
