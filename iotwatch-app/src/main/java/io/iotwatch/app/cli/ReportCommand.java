package io.iotwatch.app.cli;

import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.report.Report;
import io.iotwatch.report.ReportBuilder;
import io.iotwatch.report.ReportFormat;
import io.iotwatch.store.EventStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Writes the audit report of a period. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the audit report of a period: alerts by level, group and class, a timeline, the top sources and "
                    + "targets, each detector's alerts and confidence, recommendations with MITRE ATT&CK mitigations per "
                    + "attack group, response times from the audit log, triage, and the audit log's verification and "
                    + "signed head. docs/REPORTS.md describes the JSON field by field.",
            "Reads the store only: it can run beside 'serve'."
        })
final class ReportCommand implements Callable<Integer> {

    private static final Duration DEFAULT_PERIOD = Duration.ofHours(24);

    @Mixin
    CommonOptions common;

    @Option(names = "--from", paramLabel = "TIME",
            description = "Beginning of the period (ISO-8601, e.g. 2025-05-12T00:00:00Z, or 'now'); default 24 hours before --to.")
    String from;

    @Option(names = "--to", paramLabel = "TIME", defaultValue = "now",
            description = "End of the period (ISO-8601 or 'now', the default).")
    String to;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json (the default); pdf and html are not built yet.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The file to write the report to.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ReportFormat reportFormat = checkFormat();
        Clock clock = Clock.systemUTC();
        Instant end = time("--to", to, clock);
        Instant start = from == null ? end.minus(DEFAULT_PERIOD) : time("--from", from, clock);
        if (start.isAfter(end)) {
            throw new ParameterException(spec.commandLine(), "--from " + start + " is after --to " + end);
        }
        IotwatchConfig config = common.load(Map.of());
        Report report;
        try (EventStore store = AuditCommand.open(config)) {
            report = ReportBuilder.build(store, start, end, clock);
        }
        try (OutputStream file = Files.newOutputStream(out)) {
            reportFormat.write(report, file);
        } catch (IOException e) {
            throw new UserFacingException("cannot write " + out + ": " + e.getMessage(), e);
        }
        PrintWriter console = spec.commandLine().getOut();
        console.printf("Report of %s to %s: %,d alerts, audit log %s; written to %s%n", start, end, report.summary().alerts(),
                report.compliance().audit().valid() ? "verified" : "FAILED verification", out);
        console.flush();
        return ExitCodes.OK;
    }

    private ReportFormat checkFormat() {
        ReportFormat parsed;
        try {
            parsed = ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
        if (parsed != ReportFormat.JSON) {
            throw new ParameterException(spec.commandLine(),
                    "--format " + parsed.extension() + ": only json is built yet; pdf and html reports are not built yet");
        }
        return parsed;
    }

    private Instant time(String option, String value, Clock clock) {
        if (value.strip().equalsIgnoreCase("now")) {
            return clock.instant();
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(),
                    option + ": '" + value + "' is not 'now' or an ISO-8601 time such as 2025-05-12T10:00:00Z");
        }
    }
}
