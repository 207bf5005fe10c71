package io.iotwatch.app.cli;

import io.iotwatch.sim.lab.AttackPlan;
import io.iotwatch.sim.lab.Attacks;
import io.iotwatch.sim.lab.CheckReport;
import io.iotwatch.sim.lab.LabCleanup;
import io.iotwatch.sim.lab.LabException;
import io.iotwatch.sim.lab.LabFiles;
import io.iotwatch.sim.lab.LabInstaller;
import io.iotwatch.sim.lab.LabRunner;
import io.iotwatch.sim.lab.LabSettings;
import io.iotwatch.sim.truth.AttackKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The attack lab: real attack tools against a small IoT network of network namespaces, captured and checked. */
@Command(
        name = "lab",
        mixinStandardHelpOptions = true,
        description = {
            "The attack lab: a small IoT network built from Linux network namespaces joined by a bridge (in a namespace"
                    + " of its own: nothing is added to the machine's own network), real attack tools run against it"
                    + " one at a time, everything captured, each attack's ground truth written and checked against"
                    + " the capture. docs/LAB.md describes it.",
            "Subcommands: install (the tools, with apt-get), run (a run, as root), clean (what a killed run left),"
                    + " list (the attacks and their commands)."
        },
        subcommands = {LabCommand.Install.class, LabCommand.Run.class, LabCommand.Clean.class, LabCommand.ListAttacks.class})
final class LabCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name what to do: 'iotwatch lab install', 'lab run OUT_DIR',"
                + " 'lab clean' or 'lab list'");
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Installs the lab's tools from the distribution's packages with apt-get (as root), skipping"
                    + " those already installed: nmap hping3 hydra dsniff iodine openssh-server slowhttptest"
                    + " apache2-utils tcpdump python3-scapy mosquitto mosquitto-clients dnsutils busybox socat"
                    + " iproute2 curl.")
    static final class Install implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            try {
                LabInstaller.forThisMachine(spec.commandLine().getOut()).install();
                return ExitCodes.OK;
            } catch (LabException e) {
                throw new UserFacingException(e.getMessage(), e);
            }
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {
                "Builds the lab (as root), runs the attacks one after another with benign traffic around them, and"
                        + " writes into OUT_DIR: all.pcap (everything on the bridge), ground_truth.csv (each attack's"
                        + " start, end, attackers, victim, tool and version, command and class), tool_versions.txt,"
                        + " checks.txt and checks.csv (what the capture must show of each attack, and what it shows),"
                        + " logs/ (every program's output) and run/ (the services' files).",
                "With --sensor, iotwatch captures live on the bridge and runs its detectors; the run ends with a table"
                        + " of each attack, the class expected, the classes detected and how long after the attack"
                        + " began the first alert came (also in detections.txt and detections.csv). The sensor takes"
                        + " its flow and detection settings from the configuration (--config) and stores its events and"
                        + " alerts in OUT_DIR/sensor ('iotwatch alerts --data-dir OUT_DIR/sensor') unless --data-dir or"
                        + " --db names another place.",
                "All traffic stays inside the lab's namespaces; every flood is bounded in packets and time; the"
                        + " namespaces and programs are removed at the end, on an error and on Ctrl-C. The C2 beacon"
                        + " lasts --beacon-minutes (12 by default) beside the other attacks, so a run with it takes"
                        + " at least that long; the other attacks take about 8 minutes together.",
                "Exit status 1 when an attack is missing from the capture (checks.txt says which) or the run failed."
            })
    static final class Run implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "OUT_DIR", description = "Folder for the run's files; new or empty.")
        Path out;

        @Option(names = "--attacks", paramLabel = "LIST", defaultValue = "all",
                description = "Comma-separated attacks in the order to run them, 'all' (default) or 'none' (benign"
                        + " traffic only); 'iotwatch lab list' lists them.")
        String attacks;

        @Option(names = "--sensor", description = "Let iotwatch watch the bridge live and end with its detection table.")
        boolean sensor;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
                description = "Seed of the benign devices' timing, the beacon's jitter and the tunnel's data (default 42).")
        long seed;

        @Option(names = "--beacon-minutes", paramLabel = "M", defaultValue = "12",
                description = "How long the C2 beacon runs, 2 to 120 (default 12: the beacon detector wants 10 minutes).")
        int beaconMinutes;

        @Option(names = "--flood-packets", paramLabel = "N", defaultValue = "12000",
                description = "Packets of each flood, 300 to 200000, split over the attacker's addresses (default 12000);"
                        + " every flood also stops after 15 s.")
        int floodPackets;

        @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "20",
                description = "Benign traffic alone before the first attack (default 20).")
        int warmup;

        @Option(names = "--gap", paramLabel = "SECONDS", defaultValue = "12",
                description = "Benign traffic alone between two attacks (default 12: longer than the flow table's "
                        + "10 s for flows nobody answers, so two floods from the same forged addresses never share "
                        + "a flow).")
        int gap;

        @Option(names = "--cooldown", paramLabel = "SECONDS", defaultValue = "15",
                description = "Benign traffic alone after the last attack (default 15).")
        int cooldown;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintWriter console = spec.commandLine().getOut();
            LabRunner.Options options = new LabRunner.Options(out, attackList(), settings());
            try {
                // Read, not started: the sensor starts logging into OUT_DIR/sensor once the run has begun.
                LiveLabSensor live = sensor ? new LiveLabSensor(common.read(Map.of("data-dir", out.resolve("sensor").toString()))) : null;
                LabRunner runner = new LabRunner(options, live, console);
                runner.preflight();
                return report(runner.run(), console);
            } catch (LabException e) {
                throw new UserFacingException(e.getMessage(), e);
            }
        }

        private List<AttackKind> attackList() {
            try {
                return AttackKind.parseList(attacks);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--attacks: " + e.getMessage());
            }
        }

        private LabSettings settings() {
            try {
                return new LabSettings(seed, floodPackets, Duration.ofMinutes(beaconMinutes), Duration.ofSeconds(warmup),
                        Duration.ofSeconds(gap), Duration.ofSeconds(cooldown));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        private int report(LabRunner.Outcome outcome, PrintWriter console) {
            long found = outcome.checks().results().stream().filter(r -> r.passed()).count();
            console.printf("%ncapture checks: %d of %d attacks found in %s (%,d packets; details in checks.txt)%n", found,
                    outcome.checks().results().size(), LabRunner.PCAP, outcome.checks().packets());
            CheckReport.summary(outcome.checks()).forEach(console::println);
            outcome.checks().damage().forEach(d -> console.println("  the capture is damaged: " + d.problem()));
            if (outcome.detections() != null) {
                console.printf("%nsensor: %s%n%n", outcome.sensorSummary());
                console.print(outcome.detections().text());
            }
            console.printf("%nthe run took %d min %d s; its files are in %s%n", outcome.elapsed().toMinutes(),
                    outcome.elapsed().toSecondsPart(), out);
            console.flush();
            return outcome.passed() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    @Command(name = "clean", mixinStandardHelpOptions = true,
            description = "Removes what a killed lab run left behind (as root): the processes inside the lab's network"
                    + " namespaces (those named iwlab-*), then the namespaces. 'lab run' does it before it starts.")
    static final class Clean implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            if (!LabRunner.isRoot()) {
                throw new UserFacingException("iotwatch lab clean needs root to remove network namespaces; run it with sudo");
            }
            PrintWriter console = spec.commandLine().getOut();
            List<String> removed = LabCleanup.forThisMachine().run();
            console.println(removed.isEmpty() ? "no lab namespaces to remove" : "removed " + String.join(", ", removed));
            console.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the attacks: name, class, what it does and the commands a run uses (files under"
                    + " OUT_DIR/run), with the default settings.")
    static final class ListAttacks implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter console = spec.commandLine().getOut();
            LabFiles files = new LabFiles(Path.of("OUT_DIR", "run"));
            for (AttackKind kind : AttackKind.values()) {
                AttackPlan plan = Attacks.plan(kind, files, LabSettings.defaults());
                console.printf("%s (%s): %s%n    %s%n", kind.id, kind.attackClass, kind.description, plan.command());
            }
            console.flush();
            return ExitCodes.OK;
        }
    }
}
