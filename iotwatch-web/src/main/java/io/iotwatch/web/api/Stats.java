package io.iotwatch.web.api;

import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.store.EventStore;
import io.iotwatch.store.TrafficTotals;
import io.iotwatch.web.monitor.Monitor;
import io.iotwatch.web.monitor.SourceStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The overview's totals: {@code /api/v1/stats}, the seed's {@code /api/stats} and the stream's {@code stats}. */
public record Stats(long packets, long bytes, long connections, long events, long malicious, double attackRate, long alerts,
        long openAlerts, Map<String, Long> alertsByLevel, Monitoring monitoring, Instant firstEvent, Instant lastEvent) {

    public record Monitoring(String status, Instant since, int sourcesOnline, int sources) {}

    public static Stats of(EventStore store, Monitor monitor) {
        TrafficTotals traffic = store.traffic().totals();
        Map<ThreatLevel, Long> byLevel = store.alertQueries().countByLevel();
        Map<String, Long> levels = new LinkedHashMap<>();
        long alerts = 0;
        for (ThreatLevel level : List.of(ThreatLevel.CRITICAL, ThreatLevel.HIGH, ThreatLevel.MEDIUM, ThreatLevel.LOW)) {
            long count = byLevel.getOrDefault(level, 0L);
            levels.put(level.id(), count);
            alerts += count;
        }
        long malicious = store.alertQueries().occurrences();
        List<SourceStatus> sources = monitor.sources().get().stream().map(source -> source.status()).toList();
        int online = (int) sources.stream().filter(SourceStatus::online).count();
        String status = sources.isEmpty() ? "idle" : online == sources.size() ? "running" : online == 0 ? "offline" : "degraded";
        return new Stats(traffic.packets(), traffic.bytes(), traffic.connections(), traffic.events(), malicious,
                traffic.events() == 0 ? 0 : Math.min(1.0, (double) malicious / traffic.events()), alerts,
                store.alertQueries().open(), levels, new Monitoring(status, monitor.startedAt(), online, sources.size()),
                traffic.firstEvent(), traffic.lastEvent());
    }
}
