package io.iotwatch.web.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.store.Host;
import io.iotwatch.store.HostAlerts;
import io.iotwatch.store.HostPage;
import io.iotwatch.store.ProtocolTotal;
import io.iotwatch.store.Talker;
import io.iotwatch.store.Threat;
import io.iotwatch.web.devices.MacVendors;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What is on the network: devices, threats by type and source, protocol mix and top talkers. */
public final class InventoryApi {

    record Device(String ip, String mac, String vendor, Instant firstSeen, Instant lastSeen, long connections,
            long bytesOut, long bytesIn, long packets, long alerts, String level, int risk) {}

    record ThreatItem(@JsonProperty("class") String attackClass, String group, String src, long alerts, long count, String level,
            Instant firstSeen, Instant lastSeen, long open) {
        static ThreatItem of(Threat t) {
            return new ThreatItem(t.attackClass(), t.group(), t.srcIp(), t.alerts(), t.occurrences(), t.maxLevel().id(),
                    t.firstSeen(), t.lastSeen(), t.open());
        }
    }

    record Network(List<ProtocolTotal> protocols, List<Talker> talkers, OverviewApi.Series<OverviewApi.TrafficPoint> series) {}

    private static final int DEFAULT_THREATS = 100;
    private static final int TALKERS = 20;

    private final ApiContext api;
    private final OverviewApi overview;
    private final MacVendors vendors;

    public InventoryApi(ApiContext api, OverviewApi overview, MacVendors vendors) {
        this.api = api;
        this.overview = overview;
        this.vendors = vendors;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/devices", ctx -> ctx.json(devices(ctx)));
        routes.get("/api/v1/threats", ctx -> {
            Query.Range range = Query.range(ctx, api.clock(), Query.DEFAULT_RANGE);
            ctx.json(api.store().alertQueries().threats(range.from(), range.to(), Query.limit(ctx, DEFAULT_THREATS))
                    .stream().map(ThreatItem::of).toList());
        });
        routes.get("/api/v1/network", this::network);
    }

    private AlertsApi.Page<Device> devices(Context ctx) {
        int offset = Query.offset(ctx);
        int limit = Query.limit(ctx, Query.DEFAULT_LIMIT);
        HostPage page = api.store().traffic().hosts(Query.text(ctx, "q"), offset, limit);
        Map<String, HostAlerts> alerts = api.store().alertQueries().alertsFor(page.items().stream().map(Host::ip).toList());
        List<Device> devices = page.items().stream().map(host -> {
            HostAlerts found = alerts.get(host.ip());
            long count = found == null ? 0 : found.alerts();
            ThreatLevel level = found == null ? null : found.maxLevel();
            return new Device(host.ip(), host.mac(), host.mac() == null ? null : vendors.vendor(host.mac()).orElse(null),
                    host.firstSeen(), host.lastSeen(), host.connections(), host.bytesOut(), host.bytesIn(), host.packets(),
                    count, level == null ? null : level.id(), risk(level, count));
        }).toList();
        return new AlertsApi.Page<>(page.total(), offset, limit, devices);
    }

    private void network(Context ctx) {
        Query.Range range = Query.range(ctx, api.clock(), Query.DEFAULT_RANGE);
        ctx.json(new Network(api.store().traffic().protocols(range.from(), range.to()),
                api.store().traffic().talkers(range.from(), range.to(), TALKERS),
                overview.trafficSeries(ctx, Query.DEFAULT_RANGE)));
    }

    /**
     * A device's risk from 0 to 100: its worst alert's level sets the base (low 10, medium 30, high 50,
     * critical 70) and every alert adds 3, up to 30 more, so a device hit again and again ranks above one
     * hit once at the same level.
     */
    static int risk(ThreatLevel worst, long alerts) {
        if (worst == null || alerts == 0) {
            return 0;
        }
        int base = switch (worst) {
            case LOW -> 10;
            case MEDIUM -> 30;
            case HIGH -> 50;
            case CRITICAL -> 70;
        };
        return (int) Math.min(100, base + Math.min(30, 3 * alerts));
    }
}
