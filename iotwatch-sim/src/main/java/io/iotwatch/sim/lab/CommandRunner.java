package io.iotwatch.sim.lab;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Runs a command to its end and returns what it printed; the lab's setup, checks and installer use it. */
@FunctionalInterface
interface CommandRunner {

    /** What a command did: its exit status (-1 when it had to be stopped at its limit) and its output. */
    record Outcome(int exit, String out, String err) {
        boolean ok() {
            return exit == 0;
        }

        /** The last lines of its output, for an error message. */
        String tail() {
            List<String> lines = (out + err).lines().filter(l -> !l.isBlank()).toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        }
    }

    Outcome run(List<String> command, Duration limit) throws IOException, InterruptedException;
}
