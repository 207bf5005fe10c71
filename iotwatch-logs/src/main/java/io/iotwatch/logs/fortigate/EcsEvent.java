package io.iotwatch.logs.fortigate;

import io.iotwatch.core.event.Outcome;
import io.iotwatch.core.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * ECS {@code event.*}: what kind of event, its code, action, outcome, categories and types, following
 * the integration's pipeline for each {@link LogKind}, and its times.
 *
 * <p>{@code event.action}: for traffic the {@code action} key; for a message about a login,
 * {@code login}; else the {@code eventtype} key; else the integration's logid table.
 * {@code event.outcome}: traffic and UTM logs with an action succeeded (the device did what it logged);
 * event logs by {@code result}, {@code status} and {@code action}; a login by the outcome its message
 * states. {@code event.duration} is in nanoseconds.
 */
final class EcsEvent {
    private static final long MAX_DURATION_SECONDS = Long.MAX_VALUE / 1_000_000_000L;

    private EcsEvent() {}

    static void write(JsonWriter w, FortiGateLine line, LogKind kind, EcsLogin login, int offsetSeconds) {
        String code = kind == LogKind.UTM ? Values.first(line, "errorcode", "logid") : Values.text(line, "logid");
        w.beginObject("event")
                .field("kind", "event")
                .fieldIfNotEmpty("code", code)
                .fieldIfNotEmpty("action", action(line, kind, login));
        Outcome outcome = outcome(line, kind, login);
        if (outcome != null) {
            w.field("outcome", outcome.label());
        }
        w.stringsIfNotEmpty("category", categories(line, kind, login))
                .stringsIfNotEmpty("type", types(line, kind));
        w.fieldIfNotEmpty("reason", Values.first(line, "reason", "eventsubtype"));
        if (kind == LogKind.UTM) {
            w.fieldIfNotEmpty("reference", Values.text(line, "ref"))
                    .fieldIfNotEmpty("id", Values.first(line, "event_id", "eventid"));
        }
        if (Values.present(line, "tz")) {
            w.field("timezone", EcsTime.zone(offsetSeconds));
        }
        long start = line.eventTimeEpochNanos();
        if (start != Values.NONE) {
            // The integration reads eventtime to the millisecond; its offset is the log's own.
            EcsTime.write(w, "start", start, offsetSeconds);
        }
        long seconds = Values.number(line, "duration");
        if (seconds == Values.NONE && kind == LogKind.EVENT) {
            seconds = Values.number(line, "sess_duration");
        }
        if (seconds != Values.NONE && Math.abs(seconds) <= MAX_DURATION_SECONDS) {
            w.field("duration", seconds * 1_000_000_000L);
        }
        w.field("original", line.rawText());
        w.endObject();
    }

    static String action(FortiGateLine line, LogKind kind, EcsLogin login) {
        String action = kind == LogKind.TRAFFIC ? Values.text(line, "action") : null;
        if (action == null && login != null) {
            action = "login";
        }
        if (action == null) {
            action = Values.text(line, "eventtype");
        }
        return action != null ? action : LogidActions.of(Values.text(line, "logid"));
    }

    static Outcome outcome(FortiGateLine line, LogKind kind, EcsLogin login) {
        if (login != null && login.outcome != null) {
            return login.outcome;
        }
        return switch (kind) {
            case TRAFFIC, UTM -> Values.present(line, "action") ? Outcome.SUCCESS : null;
            case EVENT -> eventOutcome(line);
            case OTHER -> null;
        };
    }

    /**
     * The integration's rules, plus {@code status=failure}: its expected documents mark a failed
     * IPsec negotiation ({@code status="failure"}) as a failure although the published rules name
     * only {@code negotiate_error}.
     */
    private static Outcome eventOutcome(FortiGateLine line) {
        if (line.is("result", "OK") || line.is("action", "FSSO-logon") || line.is("action", "auth-logon")
                || line.is("action", "FSSO-logoff") || line.is("action", "auth-logout")) {
            return Outcome.SUCCESS;
        }
        if (line.is("result", "ERROR") || line.is("status", "negotiate_error") || line.is("status", "failure")) {
            return Outcome.FAILURE;
        }
        return null;
    }

    private static List<String> categories(FortiGateLine line, LogKind kind, EcsLogin login) {
        List<String> categories = new ArrayList<>(3);
        if (kind == LogKind.EVENT) {
            if (line.is("subtype", "vpn")) {
                categories.add("network");
            }
            if (line.is("action", "perf-stats")) {
                categories.add("host");
            }
            if (line.is("subtype", "update")) {
                categories.add("host");
                categories.add("malware");
            }
            if (line.is("subtype", "user")) {
                categories.add("authentication");
            }
        }
        if (login != null && !categories.contains("authentication")) {
            categories.add("authentication");
        }
        if (kind == LogKind.TRAFFIC || kind == LogKind.UTM) {
            categories.add("network");
        }
        return categories;
    }

    private static List<String> types(FortiGateLine line, LogKind kind) {
        List<String> types = new ArrayList<>(3);
        switch (kind) {
            case EVENT -> {
                if (line.is("action", "FSSO-logon") || line.is("action", "auth-logon")) {
                    types.add("start");
                }
                if (line.is("action", "FSSO-logoff") || line.is("action", "auth-logout")) {
                    types.add("end");
                }
                if (line.is("subtype", "vpn")) {
                    types.add("connection");
                }
                if (line.is("action", "perf-stats") || line.is("subtype", "update")) {
                    types.add("info");
                }
            }
            case TRAFFIC -> {
                boolean hasAction = Values.present(line, "action");
                boolean deny = line.is("action", "deny");
                types.add("connection");
                if (line.is("action", "start")) {
                    types.add("start");
                } else if (hasAction) {
                    types.add("end");
                }
                if (Values.present(line, "app") && !deny) {
                    types.add("protocol");
                }
                if (!Values.present(line, "utmaction") && !deny) {
                    types.add("allowed");
                }
                if (line.is("utmaction", "block") || deny) {
                    types.add("denied");
                }
            }
            case UTM -> {
                if (line.is("action", "block") || line.is("action", "blocked")) {
                    types.add("denied");
                }
                if (line.is("subtype", "dns")) {
                    types.add("info");
                }
                if (line.is("action", "pass") || line.is("action", "passthrough")) {
                    types.add("allowed");
                }
            }
            case OTHER -> { }
        }
        return types;
    }
}
