package io.iotwatch.logs.fortigate;

import io.iotwatch.core.json.JsonWriter;

/**
 * ECS {@code url.*}: the {@code url} key split into its parts as Elasticsearch's uri_parts processor
 * splits it (scheme, user info, domain, port, path, extension, query, fragment), with {@code hostname}
 * as the domain. Traffic logs keep their {@code url} whole as {@code url.path}, as the integration does.
 */
final class EcsUrl {
    private EcsUrl() {}

    static void write(JsonWriter w, FortiGateLine line, LogKind kind) {
        String url = Values.text(line, "url");
        w.beginOptionalObject("url");
        if (kind == LogKind.TRAFFIC) {
            w.fieldIfNotEmpty("path", url);
        } else {
            String hostname = Values.text(line, "hostname");
            if (url == null) {
                w.fieldIfNotEmpty("domain", hostname);
            } else {
                parts(w, url, hostname);
            }
        }
        w.endObject();
    }

    /** Splits leniently: whatever the text, each part is a substring of it and nothing throws. */
    static void parts(JsonWriter w, String url, String domainOverride) {
        int end = url.indexOf('#');
        if (end < 0) {
            end = url.length();
        }
        int query = url.indexOf('?');
        int pathEnd = query >= 0 && query < end ? query : end;
        int schemeEnd = url.indexOf("://");
        String domain = null;
        int pathStart = 0;
        if (schemeEnd > 0 && schemeEnd < pathEnd && isScheme(url, schemeEnd)) {
            w.field("scheme", url.substring(0, schemeEnd));
            int authorityStart = schemeEnd + 3;
            int authorityEnd = url.indexOf('/', authorityStart);
            if (authorityEnd < 0 || authorityEnd > pathEnd) {
                authorityEnd = pathEnd;
            }
            int at = url.lastIndexOf('@', authorityEnd - 1);
            int hostStart = authorityStart;
            if (at >= authorityStart) {
                w.field("user_info", url.substring(authorityStart, at));
                hostStart = at + 1;
            }
            int portColon = portColon(url, hostStart, authorityEnd);
            int hostEnd = portColon >= 0 ? portColon : authorityEnd;
            if (hostEnd - hostStart >= 2 && url.charAt(hostStart) == '[' && url.charAt(hostEnd - 1) == ']') {
                hostStart++;
                hostEnd--;
            }
            domain = url.substring(hostStart, hostEnd);
            if (portColon >= 0) {
                w.field("port", Long.parseLong(url, portColon + 1, authorityEnd, 10));
            }
            pathStart = authorityEnd;
        }
        w.fieldIfNotEmpty("domain", domainOverride != null ? domainOverride : domain);
        String path = url.substring(pathStart, pathEnd);
        w.fieldIfNotEmpty("path", path);
        int lastSlash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot > lastSlash && dot < path.length() - 1) {
            w.field("extension", path.substring(dot + 1));
        }
        if (pathEnd < end) {
            w.fieldIfNotEmpty("query", url.substring(pathEnd + 1, end));
        }
        if (end < url.length()) {
            w.fieldIfNotEmpty("fragment", url.substring(end + 1));
        }
    }

    /** RFC 3986: a letter, then letters, digits, {@code +}, {@code -} or {@code .}. */
    private static boolean isScheme(String url, int schemeEnd) {
        for (int i = 0; i < schemeEnd; i++) {
            char c = url.charAt(i);
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            if (!letter && (i == 0 || !(c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'))) {
                return false;
            }
        }
        return true;
    }

    /** The colon before a port of 1 to 5 digits at the end of the authority, or -1. */
    private static int portColon(String url, int from, int to) {
        int colon = url.lastIndexOf(':', to - 1);
        if (colon < from) {
            return -1;
        }
        // Inside an IPv6 literal colons separate groups: only one right after the closing bracket is a port's.
        boolean bracketed = url.charAt(from) == '[';
        if (bracketed ? url.charAt(colon - 1) != ']' : url.indexOf(':', from) != colon) {
            return -1;
        }
        int digits = to - colon - 1;
        if (digits < 1 || digits > 5) {
            return -1;
        }
        for (int i = colon + 1; i < to; i++) {
            char c = url.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        return colon;
    }
}
