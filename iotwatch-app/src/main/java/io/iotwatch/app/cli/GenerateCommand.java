package io.iotwatch.app.cli;

import io.iotwatch.sim.logs.GeneratorOptions;
import io.iotwatch.sim.logs.LogGenerator;
import io.iotwatch.sim.logs.TruthCsv;
import io.iotwatch.sim.logs.TruthRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Synthetic traffic with planted attacks, for demos, tests and measuring detection. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Writes synthetic traffic of an IoT network with attacks planted in it.",
        subcommands = {GenerateCommand.Logs.class})
final class GenerateCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name what to generate: 'iotwatch generate logs'");
    }

    @Command(
            name = "logs",
            mixinStandardHelpOptions = true,
            description = {
                "Writes FortiOS 7.x log lines as a FortiGate in front of an IoT network would.",
                "Cameras, sensors, plugs, hubs, gateways, phones and laptops each have their own rhythm; planted "
                        + "attacks (SSH, telnet and admin brute force, DNS tunneling, C2 beaconing, exfiltration, "
                        + "unusual ports, port scans, host sweeps) and hard negatives come with them. The same "
                        + "options always give the same bytes.",
                "The truth file lists each planted attack: profile, source, target, start, end, parameters."
            })
    static final class Logs implements Callable<Integer> {

        @Option(names = "--devices", paramLabel = "N", defaultValue = "200", description = "Devices on the network, 40 to 10000 (default 200).")
        int devices;

        @Option(names = "--hours", paramLabel = "H", defaultValue = "24",
                description = "Hours of traffic, at least 5 so that every attack fits (default 24).")
        int hours;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed (default 42).")
        long seed;

        @Option(names = "--start", paramLabel = "TIME", defaultValue = "2025-05-12T00:00:00Z",
                description = "Time of the first line, ISO-8601 (default 2025-05-12T00:00:00Z).")
        String start;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "Log file to write.")
        Path out;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "syslog",
                description = "syslog (key=value lines, default) or json (one object per line).")
        String format;

        @Option(names = "--truth", paramLabel = "FILE", description = "CSV file for the planted attacks.")
        Path truth;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            GeneratorOptions options = options();
            List<TruthRecord> planted;
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                planted = new LogGenerator(options).generate(file);
            } catch (IOException e) {
                throw new UserFacingException("cannot write " + out + ": " + why(e), e);
            }
            if (truth != null) {
                try (Writer csv = Files.newBufferedWriter(truth, StandardCharsets.UTF_8)) {
                    TruthCsv.write(planted, csv);
                } catch (IOException e) {
                    throw new UserFacingException("cannot write " + truth + ": " + why(e), e);
                }
            }
            PrintWriter console = spec.commandLine().getOut();
            console.printf("Wrote %s: %d devices, %d hours, seed %d, %d planted attacks%s%n", out, devices, hours, seed,
                    planted.size(), truth == null ? "" : " (listed in " + truth + ")");
            console.flush();
            return ExitCodes.OK;
        }

        private static String why(IOException e) {
            return switch (e) {
                case NoSuchFileException missing -> "its folder does not exist";
                case AccessDeniedException denied -> "permission denied";
                default -> e.getMessage();
            };
        }

        private GeneratorOptions options() {
            if (hours > 24 * 366) {
                throw new ParameterException(spec.commandLine(), "--hours must be at most 8784 (a year): " + hours);
            }
            Instant first;
            try {
                first = Instant.parse(start.strip());
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), "--start: '" + start + "' is not an ISO-8601 time");
            }
            GeneratorOptions.Format lines = switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "syslog" -> GeneratorOptions.Format.SYSLOG;
                case "json" -> GeneratorOptions.Format.JSON;
                default -> throw new ParameterException(spec.commandLine(), "--format: '" + format + "' is not syslog or json");
            };
            try {
                return new GeneratorOptions(devices, Duration.ofHours(hours), seed, first, lines);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
    }
}
