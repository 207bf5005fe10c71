package io.iotwatch.web.api;

import io.iotwatch.web.auth.Permission;
import io.iotwatch.web.monitor.SourceStatus;
import io.javalin.config.RoutesConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The monitor's own state: its sources with their counters, detectors, model, database and live clients; for
 * admins, its configuration.
 */
public final class SystemApi {

    record SystemStatus(String version, Instant startedAt, long uptimeSeconds, String database, List<SourceStatus> sources,
            List<String> detectors, String model, int sseClients, long sseDropped, long failedLogins) {}

    /** The configuration as read at start, keys in order; {@code file} is null when no file was read. */
    record Configuration(String file, Map<String, String> values) {}

    private final ApiContext api;
    private final LongSupplier failedLogins;

    public SystemApi(ApiContext api, LongSupplier failedLogins) {
        this.api = api;
        this.failedLogins = failedLogins;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/system", ctx -> ctx.json(status()));
        routes.get("/api/v1/config", ctx -> ctx.json(configuration()), Permission.ADMINISTER);
    }

    SystemStatus status() {
        var monitor = api.monitor();
        return new SystemStatus(monitor.version(), monitor.startedAt(),
                Duration.between(monitor.startedAt(), api.clock().instant()).toSeconds(), monitor.database(),
                monitor.sources().get().stream().map(source -> source.status()).toList(), monitor.detectors(), monitor.model(),
                api.hub().clients(), api.hub().dropped(), failedLogins.getAsLong());
    }

    private Configuration configuration() {
        var monitor = api.monitor();
        return new Configuration(monitor.configFile() == null ? null : monitor.configFile().toString(), monitor.configuration());
    }
}
