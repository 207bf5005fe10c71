package io.iotwatch.web.api;

import io.iotwatch.store.AlertFilter;
import io.javalin.config.RoutesConfig;
import java.time.Duration;
import java.time.Instant;

/**
 * The paths of the dashboard iotwatch grew from, for scripts written against it: the same data as the
 * {@code /api/v1} calls they correspond to (docs/API.md).
 */
public final class SeedApi {

    /** An audit block as the seed's chain view listed it. */
    record Block(long index, Instant time, int entries, String hash, String previousHash, String merkleRoot, long treeSize) {}

    record TrafficChart(OverviewApi.Series<OverviewApi.TrafficPoint> traffic, OverviewApi.Series<OverviewApi.AlertPoint> alerts) {}

    private static final int RECENT_ATTACKS = 50;
    private static final int RECENT_BLOCKS = 20;

    private final ApiContext api;
    private final OverviewApi overview;

    public SeedApi(ApiContext api, OverviewApi overview) {
        this.api = api;
        this.overview = overview;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/stats", ctx -> ctx.json(overview.stats()));
        routes.get("/api/attacks", ctx -> ctx.json(api.store().alertQueries().find(AlertFilter.all(), 0, RECENT_ATTACKS)
                .items().stream().map(AlertItem::of).toList()));
        routes.get("/api/traffic_chart", ctx -> ctx.json(new TrafficChart(overview.trafficSeries(ctx, Duration.ofHours(1)),
                overview.alertSeries(ctx, Duration.ofHours(1)))));
        routes.get("/api/blockchain", ctx -> ctx.json(api.store().audit().blocks(Long.MAX_VALUE, RECENT_BLOCKS).stream()
                .map(b -> new Block(b.index(), Instant.ofEpochMilli(b.time()), b.entries(), b.hash(), b.previousHash(),
                        b.merkleRoot(), b.treeSize()))
                .toList()));
    }
}
