package io.iotwatch.sim.lab;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code iotwatch lab install}: installs the lab's tools from the distribution's packages with apt-get,
 * skipping those already installed.
 */
public final class LabInstaller {

    private static final Duration QUERY_LIMIT = Duration.ofMinutes(1);
    private static final Duration APT_LIMIT = Duration.ofMinutes(20);

    private final CommandRunner runner;
    private final boolean root;
    private final PrintWriter out;

    LabInstaller(CommandRunner runner, boolean root, PrintWriter out) {
        this.runner = runner;
        this.root = root;
        this.out = out;
    }

    /** An installer for this machine, as the user running it. */
    public static LabInstaller forThisMachine(PrintWriter out) {
        return new LabInstaller(Processes.runner(), LabRunner.isRoot(), out);
    }

    /** Installs what is missing; returns the packages installed. */
    public List<String> install() throws LabException, IOException, InterruptedException {
        if (!LabTools.onPath("apt-get") || !LabTools.onPath("dpkg-query")) {
            throw new LabException("iotwatch lab install needs apt-get and dpkg-query (Debian, Ubuntu, Kali); elsewhere,"
                    + " install these with the system's package manager: " + String.join(" ", LabTools.PACKAGES));
        }
        List<String> missing = missing();
        if (missing.isEmpty()) {
            out.printf("all %d lab packages are installed: %s%n", LabTools.PACKAGES.size(), String.join(" ", LabTools.PACKAGES));
            out.flush();
            return List.of();
        }
        if (!root) {
            throw new LabException("iotwatch lab install needs root to install " + String.join(" ", missing)
                    + " with apt-get: run it with sudo");
        }
        out.printf("installing %s%n", String.join(" ", missing));
        out.flush();
        apt(List.of("apt-get", "update"));
        List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "--no-install-recommends"));
        install.addAll(missing);
        apt(install);
        List<String> still = missing();
        if (!still.isEmpty()) {
            throw new LabException("apt-get finished but these packages are still not installed: " + String.join(" ", still));
        }
        out.printf("installed %s%n", String.join(" ", missing));
        out.flush();
        return missing;
    }

    /** The lab's packages dpkg does not list as installed. */
    List<String> missing() throws IOException, InterruptedException {
        var installed = ToolVersions.parse(runner.run(ToolVersions.query(LabTools.PACKAGES), QUERY_LIMIT).out()).keySet();
        return LabTools.PACKAGES.stream().filter(p -> !installed.contains(p)).toList();
    }

    private void apt(List<String> command) throws LabException, IOException, InterruptedException {
        List<String> noninteractive = new ArrayList<>(List.of("env", "DEBIAN_FRONTEND=noninteractive"));
        noninteractive.addAll(command);
        CommandRunner.Outcome outcome = runner.run(noninteractive, APT_LIMIT);
        if (!outcome.ok()) {
            throw new LabException(String.join(" ", command.subList(0, 2)) + " failed (exit status " + outcome.exit()
                    + "):\n" + outcome.tail());
        }
    }
}
