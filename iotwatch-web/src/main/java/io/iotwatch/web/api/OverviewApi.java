package io.iotwatch.web.api;

import io.iotwatch.store.AlertSource;
import io.iotwatch.store.LevelBucket;
import io.iotwatch.store.TrafficBucket;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Totals, time series and top sources and targets: what the overview page draws. */
public final class OverviewApi {

    /** A chart's points, one per {@code step} seconds. */
    record Series<T>(long step, List<T> points) {}

    record TrafficPoint(Instant t, long events, long connections, long packets, long bytes, long dns, long auth,
            long authFailures, long arp) {
        static TrafficPoint of(TrafficBucket b) {
            return new TrafficPoint(b.start(), b.events(), b.connections(), b.packets(), b.bytes(), b.dns(), b.auth(),
                    b.authFailures(), b.arp());
        }
    }

    record AlertPoint(Instant t, long critical, long high, long medium, long low) {
        static AlertPoint of(LevelBucket b) {
            return new AlertPoint(b.start(), b.critical(), b.high(), b.medium(), b.low());
        }
    }

    record TopAddress(String ip, long alerts, long count, String level, List<String> classes, Instant lastSeen) {
        static TopAddress of(AlertSource s) {
            return new TopAddress(s.ip(), s.alerts(), s.occurrences(), s.maxLevel().id(), s.classes(), s.lastSeen());
        }
    }

    private static final int DEFAULT_TOP = 10;

    private final ApiContext api;

    public OverviewApi(ApiContext api) {
        this.api = api;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/stats", ctx -> ctx.json(stats()));
        routes.get("/api/v1/series/traffic", ctx -> ctx.json(trafficSeries(ctx, Query.DEFAULT_RANGE)));
        routes.get("/api/v1/series/alerts", ctx -> ctx.json(alertSeries(ctx, Query.DEFAULT_RANGE)));
        routes.get("/api/v1/top/sources", ctx -> {
            Query.Range range = Query.range(ctx, api.clock(), Query.DEFAULT_RANGE);
            ctx.json(api.store().alertQueries().topSources(range.from(), range.to(), Query.limit(ctx, DEFAULT_TOP))
                    .stream().map(TopAddress::of).toList());
        });
        routes.get("/api/v1/top/targets", ctx -> {
            Query.Range range = Query.range(ctx, api.clock(), Query.DEFAULT_RANGE);
            ctx.json(api.store().alertQueries().topTargets(range.from(), range.to(), Query.limit(ctx, DEFAULT_TOP))
                    .stream().map(TopAddress::of).toList());
        });
    }

    public Stats stats() {
        return Stats.of(api.store(), api.monitor());
    }

    Series<TrafficPoint> trafficSeries(Context ctx, Duration fallback) {
        Query.Range range = Query.range(ctx, api.clock(), fallback);
        Duration step = Query.step(ctx, range);
        return new Series<>(step.toSeconds(), api.store().traffic().series(range.from(), range.to(), step).stream()
                .map(TrafficPoint::of).toList());
    }

    Series<AlertPoint> alertSeries(Context ctx, Duration fallback) {
        Query.Range range = Query.range(ctx, api.clock(), fallback);
        Duration step = Query.step(ctx, range);
        return new Series<>(step.toSeconds(), api.store().alertQueries().series(range.from(), range.to(), step).stream()
                .map(AlertPoint::of).toList());
    }
}
