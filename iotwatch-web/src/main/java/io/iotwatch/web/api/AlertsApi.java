package io.iotwatch.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.json.EventJson;
import io.iotwatch.core.json.JsonWriter;
import io.iotwatch.store.AlertFilter;
import io.iotwatch.store.AlertPage;
import io.iotwatch.store.AlertStatus;
import io.iotwatch.store.AllowRule;
import io.iotwatch.store.StoredAlert;
import io.iotwatch.store.Suppressed;
import io.iotwatch.web.auth.Access;
import io.iotwatch.web.auth.Permission;
import io.iotwatch.web.auth.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Alerts: the filtered list, one alert with its evidence and events, triage, and triage's allow-list rules. */
public final class AlertsApi {

    /** A page of a list, as every list of the API answers. */
    record Page<T>(long total, int offset, int limit, List<T> items) {}

    record Triage(String action, String note) {}

    static final int EVENTS_PER_ALERT = 50;
    private static final int MAX_NOTE = 2000;

    private final ApiContext api;

    public AlertsApi(ApiContext api) {
        this.api = api;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/alerts", ctx -> ctx.json(list(ctx)));
        routes.get("/api/v1/alerts/{id}", ctx -> ctx.json(detail(found(ctx.pathParam("id")))));
        routes.post("/api/v1/alerts/{id}/triage", this::triage, Permission.TRIAGE);
        routes.get("/api/v1/allow-rules", ctx -> ctx.json(allowRules()), Permission.ADMINISTER);
        routes.delete("/api/v1/allow-rules/{id}", this::removeAllowRule, Permission.ADMINISTER);
    }

    Page<AlertItem> list(Context ctx) {
        Instant from = null;
        Instant to = null;
        if (ctx.queryParam("from") != null || ctx.queryParam("to") != null) {
            Query.Range range = Query.range(ctx, api.clock(), Query.DEFAULT_RANGE);
            from = range.from();
            to = range.to();
        }
        AlertFilter filter = new AlertFilter(from, to, levels(Query.text(ctx, "level")), Query.text(ctx, "detector"),
                Query.text(ctx, "class"), Query.text(ctx, "group"), Query.text(ctx, "src"), Query.text(ctx, "dst"),
                Query.text(ctx, "ip"), status(Query.text(ctx, "status")));
        int offset = Query.offset(ctx);
        int limit = Query.limit(ctx, Query.DEFAULT_LIMIT);
        AlertPage page = api.store().alertQueries().find(filter, offset, limit);
        return new Page<>(page.total(), offset, limit, page.items().stream().map(AlertItem::of).toList());
    }

    /** Publishes alerts the detectors raised or updated to the live stream. */
    public void published(List<Alert> alerts) {
        for (Alert alert : alerts) {
            StoredAlert stored = api.store().alertQueries().find(alert.id())
                    .map(found -> new StoredAlert(alert, found.triage()))
                    .orElseGet(() -> new StoredAlert(alert, null));
            publish(stored);
        }
    }

    private void triage(Context ctx) {
        StoredAlert alert = found(ctx.pathParam("id"));
        Triage request = Query.body(ctx, Triage.class, "{\"action\": \"acknowledge\", \"note\": \"...\"}");
        String note = request.note() == null ? "" : request.note().strip();
        if (note.length() > MAX_NOTE) {
            throw new BadRequest("a note has at most " + MAX_NOTE + " characters");
        }
        Principal who = Access.principal(ctx, true);
        Instant now = api.clock().instant();
        String action = request.action() == null ? "" : request.action();
        StoredAlert updated;
        AllowRule rule = null;
        switch (action) {
            case "acknowledge" -> updated = api.store().triage().set(alert.alert().id(), AlertStatus.ACKNOWLEDGED, note, who.user(), now);
            case "resolve" -> updated = api.store().triage().set(alert.alert().id(), AlertStatus.RESOLVED, note, who.user(), now);
            case "reopen" -> updated = api.store().triage().set(alert.alert().id(), AlertStatus.OPEN, note, who.user(), now);
            case "suppress" -> {
                Suppressed suppressed = api.store().triage().suppress(alert.alert().id(),
                        allowRuleFor(alert.alert(), who.user(), now, note), note, who.user(), now);
                updated = suppressed.alert();
                rule = suppressed.rule();
                api.monitor().allowRules().added(rule);
            }
            default -> throw new BadRequest("'action' must be acknowledge, resolve, reopen or suppress: " + action);
        }
        publish(updated);
        Map<String, Object> answer = detail(updated);
        if (rule != null) {
            answer.put("rule", rule);
        }
        ctx.json(answer);
    }

    private Map<String, Object> detail(StoredAlert stored) {
        Alert alert = stored.alert();
        Map<String, Object> detail = new LinkedHashMap<>(api.json().convertValue(AlertItem.of(stored), Map.class));
        detail.put("evidence", alert.evidence());
        detail.put("triage", stored.triage());
        detail.put("events", events(alert));
        return detail;
    }

    /** The stored events of the incident's time span that involve its source or target, as JSON trees. */
    private List<JsonNode> events(Alert alert) {
        Set<String> ips = new LinkedHashSet<>();
        Stream.of(alert.srcIp(), alert.dstIp()).filter(ip -> ip != null && !ip.isBlank()).forEach(ips::add);
        if (ips.isEmpty()) {
            return List.of();
        }
        List<Event> events = api.store().events(alert.firstSeen(), alert.lastSeen(), ips, EVENTS_PER_ALERT);
        return events.stream().map(event -> {
            StringBuilder out = new StringBuilder();
            EventJson.write(new JsonWriter(out), event);
            try {
                return api.json().readTree(out.toString());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("EventJson wrote invalid JSON for " + event.id(), e);
            }
        }).toList();
    }

    private List<AllowRule> allowRules() {
        return Stream.concat(api.monitor().configRules().stream(), api.store().triage().allowRules().stream()).toList();
    }

    private void removeAllowRule(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new BadRequest("an allow-list rule's id is a number: " + ctx.pathParam("id"));
        }
        AllowRule rule = api.store().triage().allowRules().stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundResponse("no allow-list rule " + id));
        api.store().triage().removeAllowRule(id, Access.principal(ctx, true).user());
        api.monitor().allowRules().removed(rule);
        ctx.status(204);
    }

    /** An allow-list rule that keeps this alert's kind of finding quiet: its detector and source, or its domain. */
    private static AllowRule allowRuleFor(Alert alert, String user, Instant now, String note) {
        String reason = "suppressed alert " + alert.id() + (note.isEmpty() ? "" : ": " + note);
        if (alert.domain() != null && !alert.domain().isBlank()) {
            return new AllowRule(null, alert.detector(), null, alert.domain(), reason, user, now);
        }
        if (alert.srcIp() != null && !alert.srcIp().isBlank()) {
            String cidr = alert.srcIp() + (alert.srcIp().contains(":") ? "/128" : "/32");
            return new AllowRule(null, alert.detector(), cidr, null, reason, user, now);
        }
        throw new BadRequest("this alert names neither a source nor a domain to allow; resolve it instead");
    }

    private void publish(StoredAlert alert) {
        try {
            api.hub().publish("alert", api.json().writeValueAsString(AlertItem.of(alert)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write an alert as JSON", e);
        }
    }

    private StoredAlert found(String id) {
        return api.store().alertQueries().find(id).orElseThrow(() -> new NotFoundResponse("no alert " + id));
    }

    private static Set<ThreatLevel> levels(String text) {
        if (text == null) {
            return Set.of();
        }
        EnumSet<ThreatLevel> levels = EnumSet.noneOf(ThreatLevel.class);
        for (String id : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            try {
                levels.add(ThreatLevel.of(id));
            } catch (IllegalArgumentException e) {
                throw new BadRequest("'level': " + e.getMessage());
            }
        }
        return levels;
    }

    private static AlertStatus status(String text) {
        if (text == null) {
            return null;
        }
        try {
            return AlertStatus.of(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("'status': " + e.getMessage());
        }
    }
}
