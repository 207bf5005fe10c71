package io.iotwatch.logs.fortigate;

import io.iotwatch.core.json.JsonWriter;
import java.util.List;
import java.util.Locale;

/**
 * The smaller ECS groups, each from the keys the integration's pipeline for the {@link LogKind} maps:
 * {@code rule}, {@code dns}, {@code http}, {@code user_agent}, {@code file}, {@code host}, {@code error}
 * and {@code email}. Each is left out when the line has none of its keys.
 */
final class EcsDetails {
    private EcsDetails() {}

    static void write(JsonWriter w, FortiGateLine line, LogKind kind) {
        rule(w, line, kind);
        if (kind == LogKind.UTM) {
            dns(w, line);
            w.beginOptionalObject("http").beginOptionalObject("request")
                    .fieldIfNotEmpty("method", Values.text(line, "httpmethod"))
                    .fieldIfNotEmpty("referrer", Values.text(line, "referralurl"))
                    .endObject().endObject();
        }
        if (kind == LogKind.UTM || kind == LogKind.EVENT) {
            w.beginOptionalObject("user_agent").fieldIfNotEmpty("original", Values.text(line, "agent")).endObject();
        }
        file(w, line, kind);
        w.beginOptionalObject("host").fieldIfNotEmpty("name", hostName(line)).endObject();
        if (kind == LogKind.EVENT) {
            w.beginOptionalObject("error").fieldIfNotEmpty("code", Values.text(line, "error_num")).endObject();
        }
        w.beginOptionalObject("email").fieldIfNotEmpty("subject", Values.text(line, "subject")).endObject();
    }

    /** {@code host.name}: the integration lower-cases the {@code srcname} a device reported. */
    static String hostName(FortiGateLine line) {
        String srcname = Values.text(line, "srcname");
        return srcname == null ? null : srcname.toLowerCase(Locale.ROOT);
    }

    private static void rule(JsonWriter w, FortiGateLine line, LogKind kind) {
        w.beginOptionalObject("rule");
        switch (kind) {
            case TRAFFIC -> w.fieldIfNotEmpty("id", Values.text(line, "policyid"))
                    .fieldIfNotEmpty("uuid", Values.text(line, "poluuid"))
                    .fieldIfNotEmpty("ruleset", Values.text(line, "policytype"))
                    .fieldIfNotEmpty("name", Values.text(line, "policyname"))
                    .fieldIfNotEmpty("category", category(Values.text(line, "appcat")))
                    .fieldIfNotEmpty("description", Values.text(line, "comment"));
            case UTM -> w.fieldIfNotEmpty("id", Values.first(line, "policy_id", "policyid"))
                    .fieldIfNotEmpty("ruleset", Values.first(line, "applist", "profile"))
                    .fieldIfNotEmpty("category", category(Values.first(line, "appcat", "catdesc")));
            case EVENT, OTHER -> w.fieldIfNotEmpty("id", Values.text(line, "policyid"))
                    .fieldIfNotEmpty("description", Values.text(line, "logdesc"));
        }
        w.endObject();
    }

    /** The integration writes category names with dashes for dots ({@code Web.Client} becomes {@code Web-Client}). */
    private static String category(String category) {
        return category == null ? null : category.replace('.', '-');
    }

    private static void dns(JsonWriter w, FortiGateLine line) {
        w.beginOptionalObject("dns")
                .fieldIfNotEmpty("id", Values.text(line, "xid"))
                .beginOptionalObject("question")
                .fieldIfNotEmpty("name", Values.text(line, "qname"))
                .fieldIfNotEmpty("type", Values.text(line, "qtype"))
                .fieldIfNotEmpty("class", Values.text(line, "qclass"))
                .endObject();
        w.stringsIfNotEmpty("resolved_ip", resolvedIps(line)).endObject();
    }

    /** {@code ipaddr} of a DNS log: the answers, separated by ", ". */
    static List<String> resolvedIps(FortiGateLine line) {
        String ipaddr = Values.text(line, "ipaddr");
        return ipaddr == null ? List.of() : List.of(ipaddr.split(", "));
    }

    private static void file(JsonWriter w, FortiGateLine line, LogKind kind) {
        w.beginOptionalObject("file");
        switch (kind) {
            case UTM -> {
                w.fieldIfNotEmpty("name", Values.first(line, "filename", "infectedfilename", "matchedfilename"))
                        .fieldIfNotEmpty("extension", Values.first(line, "filetype", "infectedfiletype", "matchedfiletype"));
                EcsEndpoint.number(w, "size", Values.firstNumber(line, "filesize", "infectedfilesize"));
            }
            case TRAFFIC -> w.fieldIfNotEmpty("name", Values.text(line, "filename"));
            case EVENT -> {
                w.fieldIfNotEmpty("name", Values.text(line, "file"));
                EcsEndpoint.number(w, "size", Values.number(line, "filesize"));
            }
            case OTHER -> { }
        }
        w.endObject();
    }
}
