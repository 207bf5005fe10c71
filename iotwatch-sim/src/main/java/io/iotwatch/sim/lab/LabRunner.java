package io.iotwatch.sim.lab;

import io.iotwatch.sim.truth.AttackKind;
import io.iotwatch.sim.truth.AttackTruth;
import io.iotwatch.sim.truth.AttackTruthCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code iotwatch lab run}: builds the lab, captures everything on its bridge into {@code all.pcap}, starts the
 * services and the benign devices, runs each attack in a window of its own (the C2 beacon, which must last
 * minutes, beside the others from its own host), and then checks the capture for every attack. With a sensor,
 * iotwatch watches live and the run ends with its detection table. Whatever happens, the lab's processes and
 * namespaces are removed: at the end, on an error, and on Ctrl-C or SIGTERM through a shutdown hook; a run that
 * was killed outright is cleaned up by the next one, or by {@code iotwatch lab clean}.
 */
public final class LabRunner {

    public static final String PCAP = "all.pcap";
    public static final String GROUND_TRUTH = "ground_truth.csv";
    public static final String TOOL_VERSIONS = "tool_versions.txt";
    private static final Duration SETUP_LIMIT = Duration.ofSeconds(30);
    private static final Duration READY_LIMIT = Duration.ofSeconds(20);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** What to run: the attacks in order, and how. */
    public record Options(Path out, List<AttackKind> attacks, LabSettings settings) {
        public Options {
            attacks = List.copyOf(attacks);
        }
    }

    /** What a run produced. */
    public record Outcome(List<AttackTruth> truth, CaptureChecker.Report checks, DetectionTable detections,
            String sensorSummary, Duration elapsed) {

        /** Whether the capture showed every attack. */
        public boolean passed() {
            return checks.passed() && checks.damage().isEmpty();
        }
    }

    private final Options options;
    private final LabSensor sensor;
    private final PrintWriter out;
    private final LabFiles files;
    private final Path logs;
    private volatile Processes processes;
    private volatile boolean finished;

    /** A run writing into {@code options.out()}; {@code sensor} may be null for a run without iotwatch watching. */
    public LabRunner(Options options, LabSensor sensor, PrintWriter out) {
        this.options = options;
        this.sensor = sensor;
        this.out = out;
        this.files = new LabFiles(options.out().resolve("run"));
        this.logs = options.out().resolve("logs");
    }

    public Outcome run() throws LabException, IOException, InterruptedException {
        preflight();
        Instant began = Instant.now();
        Files.createDirectories(logs);
        Files.createDirectories(files.root());
        processes = new Processes(files.root(), logs);
        for (String removed : new LabCleanup(processes).run()) {
            say("removed a previous run's namespace " + removed);
        }
        Thread hook = Thread.ofPlatform().unstarted(this::interrupted);
        Runtime.getRuntime().addShutdownHook(hook);
        List<AttackTruth> truth;
        String sensorSummary = null;
        List<RaisedAlert> alerts = List.of();
        List<String> packages = new ArrayList<>(LabTools.PACKAGES);
        // mirai.py's udpplain needs Python alone, which no lab package names.
        packages.add("python3");
        Map<String, String> versions = ToolVersions.of(processes, packages);
        boolean sensorStarted = false;
        try {
            build();
            prepareFiles();
            startCapture();
            if (sensor != null) {
                sensor.start(Topology.SWITCH, Topology.BRIDGE);
                sensorStarted = true;
                say("iotwatch is watching " + Topology.BRIDGE + " in " + Topology.SWITCH);
            }
            startServices();
            truth = attack(versions);
            pause("cool-down, benign traffic only", options.settings().cooldown());
        } finally {
            try {
                if (sensorStarted) {
                    LabSensor.Result result = sensor.stop();
                    sensorSummary = result.summary();
                    alerts = result.alerts();
                }
            } finally {
                processes.stopAll();
                teardown();
                finished = true;
                removeHook(hook);
            }
        }
        return report(truth, versions, alerts, sensorSummary, Duration.between(began, Instant.now()));
    }

    /**
     * Checks, before anything is built, that the run can go ahead: root, the programs it needs, an empty or new
     * output folder. {@link #run} does it first; calling it before says early what is wrong.
     */
    public void preflight() throws LabException, IOException, InterruptedException {
        if (!isRoot()) {
            throw new LabException("iotwatch lab run needs root: it creates network namespaces, a bridge and raw"
                    + " sockets (all inside the namespaces it creates); run it with sudo");
        }
        List<String> missing = LabTools.missing(options.attacks());
        if (!missing.isEmpty()) {
            throw new LabException("the lab needs programs that are missing: " + String.join(", ", missing)
                    + "; 'iotwatch lab install' installs them");
        }
        Path out = options.out();
        if (Files.exists(out) && (!Files.isDirectory(out) || hasEntries(out))) {
            throw new LabException(out + " is not an empty folder; give a new or empty one, so one run's capture and"
                    + " ground truth are never mixed with another's");
        }
    }

    private static boolean hasEntries(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        }
    }

    private void build() throws LabException, IOException, InterruptedException {
        say("building the lab network " + Topology.NETWORK + " in namespaces " + String.join(", ", Topology.namespaces()));
        for (List<String> command : Topology.setupCommands()) {
            check(command, processes.run(command, SETUP_LIMIT));
        }
    }

    private void prepareFiles() throws LabException, IOException, InterruptedException {
        files.writeStatic(options.settings().seed());
        check(files.hostKeyCommand(), processes.run(files.hostKeyCommand(), SETUP_LIMIT));
        List<String> hash = LabFiles.passwordHashCommand(options.settings().seed());
        CommandRunner.Outcome hashed = check(hash, processes.run(hash, SETUP_LIMIT));
        files.writeAccounts(hashed.out().strip(), Files.readString(Path.of("/etc/passwd")), Files.readString(Path.of("/etc/group")));
        CommandRunner.Outcome version = processes.run(List.of("sshd", "-V"), SETUP_LIMIT);
        Files.writeString(files.sshdConfig(), files.sshdConfig(version.out() + version.err()));
    }

    private void startCapture() throws LabException, IOException, InterruptedException {
        Path pcap = options.out().resolve(PCAP);
        // -Z root: tcpdump would otherwise write as user tcpdump, who may not write into OUT_DIR.
        NsCommand tcpdump = new NsCommand(Topology.SWITCH_HOST, List.of("tcpdump", "-i", Topology.BRIDGE, "-n", "-U", "-s", "0",
                "-B", "32768", "-Z", "root", "-w", pcap.toString()), null, "TERM");
        processes.start(tcpdump, "tcpdump");
        Instant deadline = Instant.now().plus(READY_LIMIT);
        while (!Files.exists(pcap) || Files.size(pcap) == 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new LabException("tcpdump did not start capturing on " + Topology.BRIDGE + " (see " + logs + ")");
            }
            Thread.sleep(100);
        }
        say("capturing " + Topology.BRIDGE + " into " + pcap);
    }

    private void startServices() throws LabException, IOException, InterruptedException {
        for (NsCommand service : Services.commands(files)) {
            processes.start(service, service.host().name() + "-" + Path.of(programOf(service)).getFileName());
        }
        awaitListening();
        for (NsCommand client : Services.benign(files, options.settings().seed())) {
            processes.start(client, client.host().name() + "-benign");
        }
        say("services up on the victim and the gateway; benign devices running");
    }

    private static String programOf(NsCommand command) {
        List<String> argv = command.argv();
        return argv.getFirst().equals(Services.PYTHON) ? argv.get(2) : argv.getFirst();
    }

    private void awaitListening() throws LabException, IOException, InterruptedException {
        Instant deadline = Instant.now().plus(READY_LIMIT);
        List<Services.Listening> waiting = new ArrayList<>(Services.expected());
        while (!waiting.isEmpty()) {
            Services.Listening next = waiting.getFirst();
            NsCommand ss = Services.socketsCommand(next.host(), next.protocol());
            if (Services.listening(processes.run(ss.commandLine(), SETUP_LIMIT).out()).contains(next.socket())) {
                waiting.removeFirst();
            } else if (Instant.now().isAfter(deadline)) {
                throw new LabException("nothing listens on " + next.protocol() + " " + next.socket() + " after "
                        + READY_LIMIT.toSeconds() + " s; the services' logs are in " + logs);
            } else {
                Thread.sleep(200);
            }
        }
    }

    /** Runs the attacks, the beacon beside the others, and returns their ground truth by start time. */
    private List<AttackTruth> attack(Map<String, String> versions) throws LabException, IOException, InterruptedException {
        pause("warm-up, benign traffic only", options.settings().warmup());
        CompletableFuture<AttackTruth> beacon = null;
        List<AttackTruth> truth = new ArrayList<>();
        List<AttackKind> sequence = new ArrayList<>(options.attacks());
        if (sequence.remove(AttackKind.C2_BEACON)) {
            AttackPlan plan = plan(AttackKind.C2_BEACON);
            say("c2-beacon runs beside the other attacks for " + options.settings().beacon().toMinutes()
                    + " minutes; the run lasts at least that long");
            beacon = new CompletableFuture<>();
            CompletableFuture<AttackTruth> result = beacon;
            Thread.ofPlatform().name("iwlab-beacon").start(() -> {
                try {
                    result.complete(execute(plan, versions));
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
        }
        for (int i = 0; i < sequence.size(); i++) {
            if (i > 0) {
                Thread.sleep(options.settings().gap().toMillis());
            }
            truth.add(execute(plan(sequence.get(i)), versions));
        }
        if (beacon != null) {
            try {
                truth.add(beacon.get());
            } catch (ExecutionException e) {
                throw new IOException("the beacon failed: " + e.getCause(), e.getCause());
            }
        }
        truth.sort(Comparator.comparing(AttackTruth::start));
        return truth;
    }

    private AttackPlan plan(AttackKind kind) {
        return Attacks.plan(kind, files, options.settings());
    }

    /** Runs one attack: background, settle, foreground to its end, background stopped. */
    private AttackTruth execute(AttackPlan plan, Map<String, String> versions) throws IOException, InterruptedException {
        say(plan.kind().id + ": " + plan.command());
        Instant start = Instant.now();
        List<Process> background = new ArrayList<>();
        for (NsCommand command : plan.background()) {
            background.add(processes.start(command, plan.kind().id + "-bg"));
        }
        Thread.sleep(plan.settle().toMillis());
        List<Process> foreground = new ArrayList<>();
        for (NsCommand command : plan.foreground()) {
            foreground.add(processes.start(command, plan.kind().id));
        }
        List<String> exits = new ArrayList<>();
        for (int i = 0; i < foreground.size(); i++) {
            exits.add(Integer.toString(processes.await(foreground.get(i), plan.longest().plusSeconds(10))));
        }
        for (Process process : background) {
            processes.stop(process);
        }
        Instant end = Instant.now();
        say(String.format("%s: done in %.1f s (exit status %s)", plan.kind().id, Duration.between(start, end).toMillis() / 1000.0,
                String.join(", ", exits)));
        return new AttackTruth(plan.kind().id, plan.kind().attackClass, start, end, plan.attackers(), plan.victim(),
                ToolVersions.describe(plan.packages(), versions), plan.command());
    }

    private Outcome report(List<AttackTruth> truth, Map<String, String> versions, List<RaisedAlert> alerts,
            String sensorSummary, Duration elapsed) throws IOException {
        Path out = options.out();
        try (Writer writer = Files.newBufferedWriter(out.resolve(GROUND_TRUTH), StandardCharsets.UTF_8)) {
            AttackTruthCsv.write(truth, writer);
        }
        Files.writeString(out.resolve(TOOL_VERSIONS), versions.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
        List<CaptureChecker.Subject> subjects = truth.stream()
                .map(t -> new CaptureChecker.Subject(t, plan(AttackKind.byId(t.attack()).orElseThrow()).criteria())).toList();
        CaptureChecker.Report checks = CaptureChecker.check(out.resolve(PCAP), subjects);
        TextTable checkTable = CheckReport.table(checks);
        Files.writeString(out.resolve("checks.txt"), checkTable.text());
        Files.writeString(out.resolve("checks.csv"), checkTable.csv());
        DetectionTable detections = null;
        if (sensor != null) {
            detections = DetectionTable.of(truth, alerts);
            Files.writeString(out.resolve("detections.txt"), detections.text());
            Files.writeString(out.resolve("detections.csv"), detections.csv());
        }
        return new Outcome(truth, checks, detections, sensorSummary, elapsed);
    }

    private void teardown() throws IOException, InterruptedException {
        List<String> removed = new LabCleanup(processes).run();
        say("removed the lab's namespaces (" + removed.size() + ")");
    }

    /** The shutdown hook: on Ctrl-C or SIGTERM during a run, stops its programs and removes its namespaces. */
    private void interrupted() {
        Processes running = processes;
        if (finished || running == null) {
            return;
        }
        try {
            System.err.println("iotwatch lab: interrupted; stopping the lab's programs and removing its namespaces");
            running.stopAll();
            new LabCleanup(running).run();
        } catch (IOException | InterruptedException e) {
            System.err.println("iotwatch lab: cleaning up failed (" + e + "); 'iotwatch lab clean' finishes it");
        }
    }

    private void pause(String what, Duration length) throws InterruptedException {
        if (!length.isZero()) {
            say(what + " for " + length.toSeconds() + " s");
            Thread.sleep(length.toMillis());
        }
    }

    private static CommandRunner.Outcome check(List<String> command, CommandRunner.Outcome outcome) throws LabException {
        if (!outcome.ok()) {
            throw new LabException(String.join(" ", command) + " failed (exit status " + outcome.exit() + "): " + outcome.tail());
        }
        return outcome;
    }

    private void say(String line) {
        synchronized (out) {
            out.println(LocalTime.now(ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS).format(CLOCK) + " " + line);
            out.flush();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run: the JVM is exiting anyway.
        }
    }

    /** Whether this process runs with user id 0, from /proc/self/status on Linux. */
    public static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0");
                }
            }
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "root".equals(System.getProperty("user.name"));
        }
        return false;
    }
}
