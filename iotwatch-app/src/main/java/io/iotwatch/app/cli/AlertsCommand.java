package io.iotwatch.app.cli;

import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.json.AlertJson;
import io.iotwatch.store.AlertQuery;
import io.iotwatch.store.EventStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Lists stored alerts. */
@Command(
        name = "alerts",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the stored alerts, oldest first: one per incident, with its count and last-seen time.",
            "JSON output is one object per line with id, first_seen, last_seen (ISO-8601, UTC), detector, "
                    + "class, group, level, confidence (0 to 1), src_ip, dst_ip (null when many or none), domain, "
                    + "mitre, count and evidence."
        })
final class AlertsCommand implements Callable<Integer> {

    enum Format { TABLE, JSON }

    @Mixin
    CommonOptions common;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Only incidents still going on at or after this time (ISO-8601, e.g. 2025-05-12T10:00:00Z).")
    String since;

    @Option(names = "--level", paramLabel = "LEVEL",
            description = "Only alerts at this level or above: low, medium, high or critical.")
    String level;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default) or json (one object per line).")
    String format;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
            description = "At most this many alerts (default 1000).")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        AlertQuery query = query();
        Format output = format();
        IotwatchConfig config = common.load(Map.of());
        PrintWriter out = spec.commandLine().getOut();
        Path embedded = config.dataPath().resolve("iotwatch.db");
        if (config.database().url().isEmpty() && !Files.exists(embedded)) {
            // listing must not create an empty database where the user perhaps mistyped the folder
            out.printf("No alerts: nothing is stored in %s yet ('iotwatch ingest' stores events and alerts there).%n",
                    config.dataPath().toAbsolutePath().normalize());
            out.flush();
            return ExitCodes.OK;
        }
        try (EventStore store = Stores.openForVerifying(config)) {
            List<Alert> alerts = store.alerts(query);
            if (output == Format.JSON) {
                alerts.forEach(alert -> out.println(AlertJson.toJson(alert)));
            } else {
                AlertTable.print(out, alerts);
            }
            if (alerts.size() == query.limit()) {
                // on standard error, so that JSON output stays one alert per line
                PrintWriter err = spec.commandLine().getErr();
                err.printf("(the first %,d alerts: --limit raises it, --since and --level narrow the list)%n", query.limit());
                err.flush();
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private AlertQuery query() {
        Instant from = null;
        if (since != null) {
            try {
                from = Instant.parse(since.strip());
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(),
                        "--since: '" + since + "' is not an ISO-8601 time such as 2025-05-12T10:00:00Z");
            }
        }
        ThreatLevel minLevel = null;
        if (level != null) {
            try {
                minLevel = ThreatLevel.of(level);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--level: " + e.getMessage());
            }
        }
        if (limit < 1 || limit > 1_000_000) {
            throw new ParameterException(spec.commandLine(), "--limit must be 1 to 1000000: " + limit);
        }
        return new AlertQuery(from, minLevel, limit);
    }

    private Format format() {
        try {
            return Format.valueOf(format.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format: '" + format + "' is not table or json");
        }
    }
}
