package io.iotwatch.app.cli;

import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.report.Period;
import io.iotwatch.report.Report;
import io.iotwatch.report.ReportBuilder;
import io.iotwatch.report.render.ReportFormat;
import io.iotwatch.store.EventStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
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
                    + "signed head; the alerts as an appendix.",
            "As PDF, as one self-contained HTML page (charts included, nothing fetched) or as JSON with a documented "
                    + "schema: docs/REPORTS.md describes each.",
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

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "pdf, html or json; by default the extension of --out names it, else pdf.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The file to write the report to.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ReportFormat reportFormat = checkFormat();
        checkOut();
        Clock clock = Clock.systemUTC();
        Instant end = time("--to", to, clock);
        Instant start = from == null ? end.minus(DEFAULT_PERIOD) : time("--from", from, clock);
        if (start.isAfter(end)) {
            throw new ParameterException(spec.commandLine(), "--from " + start + " is after --to " + end);
        }
        if (Period.tooLong(start, end)) {
            throw new ParameterException(spec.commandLine(), "--from " + start + " to --to " + end + " is more than "
                    + Period.MAX_LENGTH.toDays() + " days: a report covers a century at most");
        }
        IotwatchConfig config = common.load(Map.of());
        Report report;
        try (EventStore store = AuditCommand.open(config)) {
            report = ReportBuilder.build(store, start, end, clock);
        }
        write(report, reportFormat);
        PrintWriter console = spec.commandLine().getOut();
        console.printf("Report of %s to %s: %,d alerts, audit log %s; %s written to %s%n", start, end, report.summary().alerts(),
                report.compliance().audit().valid() ? "verified" : "FAILED verification", reportFormat.extension().toUpperCase(Locale.ROOT), out);
        console.flush();
        return ExitCodes.OK;
    }

    private ReportFormat checkFormat() {
        if (format == null) {
            String name = out.getFileName() == null ? "" : out.getFileName().toString();
            String extension = name.substring(name.lastIndexOf('.') + 1);
            return Arrays.stream(ReportFormat.values()).filter(f -> f.extension().equalsIgnoreCase(extension)).findFirst()
                    .orElse(ReportFormat.PDF);
        }
        try {
            return ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
    }

    /** Refused before the report is made, which can take seconds: a folder, or a file in a folder that is not there. */
    private void checkOut() {
        Path target = out.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new ParameterException(spec.commandLine(), "--out " + out + " is a folder: name the report's file");
        }
        if (!Files.isDirectory(target.getParent())) {
            throw new ParameterException(spec.commandLine(), "--out " + out + ": there is no folder " + target.getParent());
        }
    }

    /** Written beside the target and moved over it once whole, so a failure leaves no half report behind. */
    private void write(Report report, ReportFormat reportFormat) {
        Path target = out.toAbsolutePath();
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        try {
            try (OutputStream file = Files.newOutputStream(partial)) {
                reportFormat.write(report, file);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserFacingException("cannot write " + out + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // the report's own failure, if any, is the one to tell
            }
        }
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
