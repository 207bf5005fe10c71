package io.iotwatch.sim.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The installer against a pretend dpkg and apt-get: nothing is installed for real. */
class LabInstallerTest {

    private final Set<String> installed = new HashSet<>();
    private final List<List<String>> ran = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private int aptExit;

    @BeforeEach
    void needsDebiansTools() {
        // The installer looks for apt-get and dpkg-query before anything else.
        assumeTrue(LabTools.onPath("apt-get") && LabTools.onPath("dpkg-query"), "apt-get and dpkg-query are not here");
    }

    private LabInstaller installer(boolean root) {
        CommandRunner runner = (command, limit) -> {
            ran.add(command);
            if (command.getFirst().equals("dpkg-query")) {
                StringBuilder lines = new StringBuilder();
                command.subList(3, command.size()).stream().filter(installed::contains)
                        .forEach(p -> lines.append(p).append("\t1.0\tinstalled\n"));
                return new CommandRunner.Outcome(installed.containsAll(command.subList(3, command.size())) ? 0 : 1,
                        lines.toString(), "");
            }
            if (command.contains("install") && aptExit == 0) {
                installed.addAll(command.subList(command.indexOf("--no-install-recommends") + 1, command.size()));
            }
            return new CommandRunner.Outcome(aptExit, "", aptExit == 0 ? "" : "E: Unable to locate package hydra");
        };
        return new LabInstaller(runner, root, new PrintWriter(out, true));
    }

    @Test
    void installsOnlyWhatIsMissing() throws Exception {
        installed.addAll(LabTools.PACKAGES);
        installed.removeAll(List.of("hydra", "iodine"));

        assertThat(installer(true).install()).containsExactly("hydra", "iodine");

        assertThat(ran).contains(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "update"),
                List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "--no-install-recommends",
                        "hydra", "iodine"));
        assertThat(out.toString()).contains("installing hydra iodine", "installed hydra iodine");
    }

    @Test
    void withEverythingThereNothingRuns() throws Exception {
        installed.addAll(LabTools.PACKAGES);

        assertThat(installer(false).install()).isEmpty();

        assertThat(ran).allSatisfy(c -> assertThat(c.getFirst()).isEqualTo("dpkg-query"));
        assertThat(out.toString()).contains("all " + LabTools.PACKAGES.size() + " lab packages are installed");
    }

    @Test
    void withoutRootItSaysSoAndNamesWhatIsMissing() {
        installed.addAll(LabTools.PACKAGES);
        installed.remove("nmap");

        assertThatThrownBy(() -> installer(false).install()).isInstanceOf(LabException.class)
                .hasMessage("iotwatch lab install needs root to install nmap with apt-get: run it with sudo");
        assertThat(ran).noneMatch(c -> c.contains("apt-get"));
    }

    @Test
    void aFailingAptGetIsReportedWithItsLastWords() {
        installed.addAll(LabTools.PACKAGES);
        installed.remove("hydra");
        aptExit = 100;

        assertThatThrownBy(() -> installer(true).install()).isInstanceOf(LabException.class)
                .hasMessageStartingWith("apt-get update failed (exit status 100):")
                .hasMessageContaining("E: Unable to locate package hydra");
    }
}
