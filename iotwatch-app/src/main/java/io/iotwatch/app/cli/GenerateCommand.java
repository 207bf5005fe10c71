package io.iotwatch.app.cli;

import io.iotwatch.sim.logs.GeneratorOptions;
import io.iotwatch.sim.logs.LogGenerator;
import io.iotwatch.sim.logs.TruthCsv;
import io.iotwatch.sim.logs.TruthRecord;
import io.iotwatch.sim.packets.GeneratedCapture;
import io.iotwatch.sim.packets.PacketGenerator;
import io.iotwatch.sim.packets.PacketGeneratorOptions;
import io.iotwatch.sim.truth.AttackKind;
import io.iotwatch.sim.truth.AttackTruthCsv;
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
import java.util.Arrays;
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
        description = "Writes synthetic traffic of an IoT network with attacks planted in it: FortiGate logs or a packet capture.",
        subcommands = {GenerateCommand.Logs.class, GenerateCommand.Pcap.class})
final class GenerateCommand implements Runnable {

    static final String DEFAULT_START = "2025-05-12T00:00:00Z";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name what to generate: 'iotwatch generate logs' or 'iotwatch generate pcap'");
    }

    /** Why writing a file failed, in the user's words. */
    static String why(IOException e) {
        return switch (e) {
            case NoSuchFileException missing -> "its folder does not exist";
            case AccessDeniedException denied -> "permission denied";
            default -> e.getMessage();
        };
    }

    /** The --start option as an instant. */
    static Instant start(CommandSpec spec, String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--start: '" + text + "' is not an ISO-8601 time");
        }
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

        @Option(names = "--start", paramLabel = "TIME", defaultValue = DEFAULT_START,
                description = "Time of the first line, ISO-8601 (default " + DEFAULT_START + ").")
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

        private GeneratorOptions options() {
            if (hours > 24 * 366) {
                throw new ParameterException(spec.commandLine(), "--hours must be at most 8784 (a year): " + hours);
            }
            Instant first = GenerateCommand.start(spec, start);
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

    @Command(
            name = "pcap",
            mixinStandardHelpOptions = true,
            description = {
                "Writes a packet capture (classic pcap, Ethernet) of an IoT LAN with attacks planted in it, and their "
                        + "ground truth.",
                "Sensors speak MQTT and CoAP, plugs and cameras TLS and HTTP to their clouds, phones browse; every "
                        + "device resolves names through the gateway, keeps its ARP entry and syncs its clock over NTP. "
                        + "After a quiet 90 seconds each attack runs in a slot of its own, as its tool's packets with the "
                        + "victims' answers: nmap scans and sweeps, nikto, hping3 and Mirai floods (fragments and GRE "
                        + "included), ab, slowhttptest, hydra on SSH and telnet, arpspoof, dnsspoof, curl web attacks, "
                        + "an iodine DNS tunnel and a C2 beacon every 45 s for 15 minutes. No root, no tools, no network. "
                        + "The same options always give the same bytes; docs/GENERATOR.md describes it all.",
                "The truth file has one row per planted attack: attack, class, start, end (its first and last packet), "
                        + "attackers, victim, tool, command."
            })
    static final class Pcap implements Callable<Integer> {

        @Option(names = "--devices", paramLabel = "N", defaultValue = "50",
                description = "Devices on the LAN besides the gateway and the hub, 12 to 1000 (default 50).")
        int devices;

        @Option(names = "--minutes", paramLabel = "M", defaultValue = "30",
                description = "Minutes of traffic, 1 to 1440 (default 30); the attacks asked for must fit: all of them need 30.")
        int minutes;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed (default 42).")
        long seed;

        @Option(names = "--start", paramLabel = "TIME", defaultValue = DEFAULT_START,
                description = "Time of the first packet, ISO-8601 (default " + DEFAULT_START + ").")
        String start;

        @Option(names = "--out", paramLabel = "FILE", description = "Capture file to write (required).")
        Path out;

        @Option(names = "--truth", paramLabel = "FILE", description = "CSV file for the planted attacks (ground_truth.csv format).")
        Path truth;

        @Option(names = "--attacks", paramLabel = "LIST", defaultValue = "all",
                description = "Attacks to plant, comma-separated ids (see --list-attacks), 'all' (default) or 'none'.")
        String attacks;

        @Option(names = "--list-attacks", description = "Lists the attack ids with their class and what they look like, and exits.")
        boolean listAttacks;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter console = spec.commandLine().getOut();
            if (listAttacks) {
                list(console);
                return ExitCodes.OK;
            }
            PacketGeneratorOptions options = options();
            GeneratedCapture capture;
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                capture = new PacketGenerator(options).generate(file);
            } catch (IOException e) {
                throw new UserFacingException("cannot write " + out + ": " + why(e), e);
            }
            if (truth != null) {
                try (Writer csv = Files.newBufferedWriter(truth, StandardCharsets.UTF_8)) {
                    AttackTruthCsv.write(capture.truth(), csv);
                } catch (IOException e) {
                    throw new UserFacingException("cannot write " + truth + ": " + why(e), e);
                }
            }
            console.printf(Locale.ROOT, "Wrote %s: %,d packets, %,d bytes, %d attacks planted%s; %d devices, %d minutes, seed %d%n",
                    out, capture.packets(), capture.bytes(), capture.truth().size(),
                    truth == null ? "" : " (listed in " + truth + ")", devices, minutes, seed);
            console.flush();
            return ExitCodes.OK;
        }

        private static void list(PrintWriter console) {
            int width = Arrays.stream(AttackKind.values()).mapToInt(k -> k.id.length()).max().orElse(0);
            int classWidth = Arrays.stream(AttackKind.values()).mapToInt(k -> k.attackClass.length()).max().orElse(0);
            for (AttackKind kind : AttackKind.values()) {
                console.printf(Locale.ROOT, "%-" + width + "s  %-" + classWidth + "s  %s%n", kind.id, kind.attackClass, kind.description);
            }
            console.flush();
        }

        private PacketGeneratorOptions options() {
            if (out == null) {
                throw new ParameterException(spec.commandLine(), "Missing required option: '--out=FILE'");
            }
            List<AttackKind> kinds;
            try {
                kinds = AttackKind.parseList(attacks);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--attacks: " + e.getMessage());
            }
            if (devices < PacketGeneratorOptions.MIN_DEVICES || devices > PacketGeneratorOptions.MAX_DEVICES) {
                throw new ParameterException(spec.commandLine(), "--devices must be " + PacketGeneratorOptions.MIN_DEVICES + " to "
                        + PacketGeneratorOptions.MAX_DEVICES + ": " + devices);
            }
            if (minutes < 1 || minutes > PacketGeneratorOptions.MAX_MINUTES) {
                throw new ParameterException(spec.commandLine(), "--minutes must be 1 to " + PacketGeneratorOptions.MAX_MINUTES + ": " + minutes);
            }
            long needed = PacketGeneratorOptions.minimumMinutes(kinds);
            if (minutes < needed) {
                throw new ParameterException(spec.commandLine(), "--minutes " + minutes + " is too short for the " + kinds.size()
                        + " attack" + (kinds.size() == 1 ? "" : "s") + " asked for: give at least --minutes " + needed
                        + ", or fewer with --attacks");
            }
            return new PacketGeneratorOptions(devices, Duration.ofMinutes(minutes), seed, GenerateCommand.start(spec, start), kinds);
        }
    }
}
