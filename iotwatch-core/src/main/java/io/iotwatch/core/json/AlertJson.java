package io.iotwatch.core.json;

import io.iotwatch.core.alert.Alert;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Alerts as JSON objects, the shape {@code iotwatch alerts --format json} prints and the API will serve:
 * {@code id, first_seen, last_seen} (ISO-8601 UTC), {@code detector, class, group, level, confidence,
 * src_ip, dst_ip} (null when many or none), {@code domain} (null when none), {@code mitre, count, evidence}.
 */
public final class AlertJson {

    private AlertJson() {}

    /** One alert as a JSON object on one line. */
    public static String toJson(Alert alert) {
        StringBuilder out = new StringBuilder(256);
        write(new JsonWriter(out), alert);
        return out.toString();
    }

    public static void write(JsonWriter json, Alert alert) {
        json.beginObject()
                .field("id", alert.id())
                .timeField("first_seen", alert.firstSeen())
                .timeField("last_seen", alert.lastSeen())
                .field("detector", alert.detector())
                .field("class", alert.attackClass())
                .field("group", alert.group())
                .field("level", alert.level().id())
                .field("confidence", alert.confidence());
        nullable(json, "src_ip", alert.srcIp());
        nullable(json, "dst_ip", alert.dstIp());
        nullable(json, "domain", alert.domain());
        json.field("mitre", alert.mitre()).field("count", alert.count());
        json.beginObject("evidence");
        evidence(json, alert.evidence());
        json.endObject().endObject();
    }

    /** The evidence alone as a JSON object, as the store keeps it. */
    public static String evidenceJson(Map<String, Object> evidence) {
        StringBuilder out = new StringBuilder(128);
        JsonWriter json = new JsonWriter(out).beginObject();
        evidence(json, evidence);
        json.endObject();
        return out.toString();
    }

    private static void nullable(JsonWriter json, String name, String value) {
        if (value == null || value.isEmpty()) {
            json.nullField(name);
        } else {
            json.field(name, value);
        }
    }

    // Members in key order, so that the same evidence always gives the same text.
    private static void evidence(JsonWriter json, Map<String, ?> evidence) {
        for (Map.Entry<String, ?> entry : new TreeMap<>(evidence).entrySet()) {
            member(json, entry.getKey(), entry.getValue());
        }
    }

    private static void member(JsonWriter json, String name, Object value) {
        switch (value) {
            case null -> json.nullField(name);
            case String s -> json.field(name, s);
            case Boolean b -> json.field(name, b);
            case Integer i -> json.field(name, (long) i);
            case Long l -> json.field(name, l);
            case Number n -> json.field(name, n.doubleValue());
            case Map<?, ?> m -> {
                json.beginObject(name);
                evidence(json, stringKeys(m));
                json.endObject();
            }
            case Collection<?> c -> {
                json.beginArray(name);
                for (Object element : c) {
                    element(json, element);
                }
                json.endArray();
            }
            default -> json.field(name, value.toString());
        }
    }

    private static void element(JsonWriter json, Object value) {
        switch (value) {
            case null -> json.value((String) null);
            case String s -> json.value(s);
            case Boolean b -> json.value(b);
            case Integer i -> json.value((long) i);
            case Long l -> json.value(l);
            case Number n -> json.value(n.doubleValue());
            case Map<?, ?> m -> {
                json.beginObject();
                evidence(json, stringKeys(m));
                json.endObject();
            }
            case Collection<?> c -> {
                json.beginArray();
                for (Object element : c) {
                    element(json, element);
                }
                json.endArray();
            }
            default -> json.value(value.toString());
        }
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new TreeMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}
