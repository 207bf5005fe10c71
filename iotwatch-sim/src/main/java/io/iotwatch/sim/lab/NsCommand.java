package io.iotwatch.sim.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A program run inside one of the lab's namespaces, for at most {@code bound} when it has one: the lab wraps it
 * in coreutils' {@code timeout}, which sends {@code signal} at the bound and SIGKILL {@link #KILL_AFTER} later,
 * and the runner also kills it if it outlives both. Services and background helpers have no bound; they run
 * until the runner stops them.
 *
 * @param host    the host it runs on
 * @param argv    the program and its arguments, as the tool's documentation writes them
 * @param bound   the longest it may run, or null
 * @param signal  what {@code timeout} sends at the bound: TERM, or INT for tools that tidy up on Ctrl-C
 */
public record NsCommand(LabHost host, List<String> argv, Duration bound, String signal) {

    /**
     * How long a bounded program gets to end after its signal before it is killed: arpspoof spends a few
     * seconds re-announcing the real MAC after SIGINT.
     */
    public static final Duration KILL_AFTER = Duration.ofSeconds(10);

    public NsCommand {
        Objects.requireNonNull(host, "host");
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("no program given");
        }
        if (bound != null && (bound.isNegative() || bound.isZero())) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        Objects.requireNonNull(signal, "signal");
    }

    /** A program that must end within {@code bound}, sent SIGTERM at the bound. */
    public static NsCommand bounded(LabHost host, Duration bound, String... argv) {
        return new NsCommand(host, List.of(argv), Objects.requireNonNull(bound, "bound"), "TERM");
    }

    /** A program that runs until the lab stops it. */
    public static NsCommand unbounded(LabHost host, String... argv) {
        return new NsCommand(host, List.of(argv), null, "TERM");
    }

    /** A shell script, for attacks that are a few commands in a row. */
    public static NsCommand script(LabHost host, Duration bound, String script) {
        return new NsCommand(host, List.of("sh", "-c", script), bound, "TERM");
    }

    /** The same program, sent {@code signalName} rather than SIGTERM at its bound. */
    public NsCommand withSignal(String signalName) {
        return new NsCommand(host, argv, bound, signalName);
    }

    /** The command line that runs it: {@code ip netns exec NS [timeout -s SIG -k 10 SECONDS] argv...}. */
    public List<String> commandLine() {
        List<String> line = new ArrayList<>(List.of("ip", "netns", "exec", host.namespace()));
        if (bound != null) {
            line.addAll(List.of("timeout", "-s", signal, "-k", Long.toString(KILL_AFTER.toSeconds()),
                    Long.toString(Math.max(1, bound.toSeconds()))));
        }
        line.addAll(argv);
        return line;
    }

    /**
     * The tool's own command line as a shell would take it, quoted where needed, for the ground truth; a
     * script as a subshell, {@code (cmd; cmd)}, so its commands read as they were written.
     */
    public String display() {
        if (argv.size() == 3 && argv.get(0).equals("sh") && argv.get(1).equals("-c")) {
            return "(" + argv.get(2) + ")";
        }
        return Shell.join(argv);
    }
}
