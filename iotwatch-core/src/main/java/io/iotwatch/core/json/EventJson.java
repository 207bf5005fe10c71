package io.iotwatch.core.json;

import io.iotwatch.core.event.ArpEvent;
import io.iotwatch.core.event.AuthEvent;
import io.iotwatch.core.event.ClassificationEvent;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.DnsEvent;
import io.iotwatch.core.event.Endpoint;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventHeader;
import io.iotwatch.core.event.GenericEvent;
import io.iotwatch.core.event.VendorAlertEvent;
import java.time.Duration;
import java.util.Map;

/**
 * iotwatch's own JSON for a normalized event: one object, names in snake_case, every text field
 * present (empty when the source did not say), endpoints as {@code {"ip":...,"port":...}} objects
 * that are left out when unknown. Endpoints are {@code src}/{@code dst} because {@code source} names
 * the kind of source that produced the event.
 *
 * <pre>{@code
 * {"id":"<stream as unsigned hex>:<position>",
 *  "type":"connection|dns|auth|arp|vendor_alert|generic",
 *  "time":"2024-03-16T05:12:56.971231921Z",   // UTC, always nine fraction digits
 *  "source":"fortigate", "observer":"FGT-1",
 *  ...the fields of the type, below...,
 *  "raw":"the record as received, as UTF-8 (bytes that are not UTF-8 shown as U+FFFD)"}
 *
 * connection:   "protocol", "src":{..}, "dst":{..}, "bytes_out", "bytes_in", "packets_out",
 *               "packets_in", "duration_ns", "action", "policy", "service", "application", "tcp_flags",
 *               "community_id" (empty when the source gives none)
 * dns:          "client":{..}, "server":{..}, "query_name", "query_type", "response_code", "answers":[..]
 * auth:         "src":{..}, "target":{..}, "user", "service", "method", "outcome" (success|failure|unknown), "reason"
 * arp:          "operation" (request|reply|other), "sender_ip", "sender_mac", "target_ip", "target_mac",
 *               "frame_source_mac"
 * vendor_alert: "category", "signature", "severity", "action", "protocol", "src":{..}, "dst":{..}, "message"
 * generic:      "kind", "fields":{every key of the record: its value as text, in the order received}
 * }</pre>
 */
public final class EventJson {
    private EventJson() {}

    /** Writes the event as one complete top-level object. */
    public static void write(JsonWriter w, Event event) {
        EventHeader header = event.header();
        w.beginObject()
                .field("id", header.id().toString())
                .field("type", event.type().label())
                .timeField("time", header.time())
                .field("source", header.source())
                .field("observer", header.observer());
        switch (event) {
            case ConnectionEvent e -> connection(w, e);
            case DnsEvent e -> dns(w, e);
            case AuthEvent e -> auth(w, e);
            case ArpEvent e -> arp(w, e);
            case VendorAlertEvent e -> vendorAlert(w, e);
            case GenericEvent e -> generic(w, e);
            case ClassificationEvent e -> classification(w, e);
        }
        w.field("raw", header.rawText()).endObject();
    }

    private static void connection(JsonWriter w, ConnectionEvent e) {
        w.field("protocol", e.protocol());
        endpoint(w, "src", e.source());
        endpoint(w, "dst", e.destination());
        w.field("bytes_out", e.bytesOut())
                .field("bytes_in", e.bytesIn())
                .field("packets_out", e.packetsOut())
                .field("packets_in", e.packetsIn())
                .field("duration_ns", nanos(e.duration()))
                .field("action", e.action())
                .field("policy", e.policy())
                .field("service", e.service())
                .field("application", e.application())
                .field("tcp_flags", e.tcpFlags())
                .field("community_id", e.communityId().text());
    }

    private static void classification(JsonWriter w, ClassificationEvent e) {
        w.field("model", e.model())
                .field("class", e.attackClass())
                .field("group", e.group())
                .field("confidence", e.confidence())
                .field("protocol", e.protocol());
        endpoint(w, "src", e.source());
        endpoint(w, "dst", e.destination());
        w.field("duration_ns", nanos(e.duration()))
                .field("community_id", e.communityId().text());
    }

    /** Saturates instead of throwing: a duration beyond 292 years is a bad record, not a reason to fail output. */
    private static long nanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException overflow) {
            return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static void dns(JsonWriter w, DnsEvent e) {
        endpoint(w, "client", e.client());
        endpoint(w, "server", e.server());
        w.field("query_name", e.queryName())
                .field("query_type", e.queryType())
                .field("response_code", e.responseCode())
                .beginArray("answers");
        for (String answer : e.answers()) {
            w.value(answer);
        }
        w.endArray();
    }

    private static void auth(JsonWriter w, AuthEvent e) {
        endpoint(w, "src", e.source());
        endpoint(w, "target", e.target());
        w.field("user", e.user())
                .field("service", e.service())
                .field("method", e.method())
                .field("outcome", e.outcome().label())
                .field("reason", e.reason());
    }

    private static void arp(JsonWriter w, ArpEvent e) {
        w.field("operation", label(e.operation()))
                .field("sender_ip", e.senderIp())
                .field("sender_mac", e.senderMac())
                .field("target_ip", e.targetIp())
                .field("target_mac", e.targetMac())
                .field("frame_source_mac", e.frameSourceMac());
    }

    private static String label(ArpEvent.Operation operation) {
        return switch (operation) {
            case REQUEST -> "request";
            case REPLY -> "reply";
            case OTHER -> "other";
        };
    }

    private static void vendorAlert(JsonWriter w, VendorAlertEvent e) {
        w.field("category", e.category())
                .field("signature", e.signature())
                .field("severity", e.severity())
                .field("action", e.action())
                .field("protocol", e.protocol());
        endpoint(w, "src", e.source());
        endpoint(w, "dst", e.destination());
        w.field("message", e.message());
    }

    private static void generic(JsonWriter w, GenericEvent e) {
        w.field("kind", e.kind()).beginObject("fields");
        for (Map.Entry<String, String> field : e.fields().entrySet()) {
            w.field(field.getKey(), field.getValue());
        }
        w.endObject();
    }

    private static void endpoint(JsonWriter w, String name, Endpoint endpoint) {
        if (endpoint.isKnown()) {
            w.beginObject(name).field("ip", endpoint.ip()).field("port", endpoint.port()).endObject();
        }
    }
}
