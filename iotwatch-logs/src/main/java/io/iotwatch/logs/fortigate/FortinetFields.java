package io.iotwatch.logs.fortigate;

import io.iotwatch.core.json.JsonWriter;

/**
 * {@code fortinet.firewall.*}: every key of the line with its value as written, so that nothing the
 * device logged is lost. Values are strings, as the integration leaves them, except the keys its
 * pipelines convert: counters and rates to numbers, {@code advpnsc} to a boolean. A value that does not
 * convert stays a string. A key repeated in a line is written once, with its first value.
 */
final class FortinetFields {
    private enum Kind { TEXT, INTEGER, DECIMAL, FLAG }

    private FortinetFields() {}

    static void write(JsonWriter w, FortiGateLine line) {
        w.beginOptionalObject("fortinet").beginOptionalObject("firewall");
        for (int i = 0; i < line.size(); i++) {
            String key = line.key(i);
            if (line.indexOf(key) == i) {
                field(w, line, key, line.value(i));
            }
        }
        w.endObject().endObject();
    }

    private static void field(JsonWriter w, FortiGateLine line, String key, String value) {
        switch (kind(key)) {
            case INTEGER -> {
                long number = line.getLong(key, Values.NONE);
                if (number != Values.NONE) {
                    w.field(key, number);
                    return;
                }
            }
            case DECIMAL -> {
                double number = decimal(value);
                if (Double.isFinite(number)) {
                    w.field(key, number);
                    return;
                }
            }
            case FLAG -> {
                if (!value.isEmpty() && !value.equals("N/A")) {
                    w.field(key, !value.equals("0"));
                    return;
                }
            }
            case TEXT -> { }
        }
        w.field(key, value);
    }

    private static Kind kind(String key) {
        return switch (key) {
            case "auditid", "audittime", "quotamax", "quotaused", "size", "disklograte", "fazlograte",
                    "lanin", "lanout", "setuprate", "wanin", "wanout", "valid", "mem" -> Kind.INTEGER;
            case "jitter", "latency" -> Kind.DECIMAL;
            case "advpnsc" -> Kind.FLAG;
            default -> Kind.TEXT;
        };
    }

    private static double decimal(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException notANumber) {
            return Double.NaN;
        }
    }
}
