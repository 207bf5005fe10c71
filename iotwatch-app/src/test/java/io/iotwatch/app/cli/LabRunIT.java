package io.iotwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.iotwatch.packet.live.CaptureException;
import io.iotwatch.packet.live.LiveCapture;
import io.iotwatch.packet.live.LiveOptions;
import io.iotwatch.sim.lab.LabCleanup;
import io.iotwatch.sim.lab.LabRunner;
import io.iotwatch.sim.lab.LabTools;
import io.iotwatch.sim.truth.AttackKind;
import io.iotwatch.sim.truth.AttackTruth;
import io.iotwatch.sim.truth.AttackTruthCsv;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short lab run with the sensor, as root: five attacks the current detectors should find, each checked in the
 * capture, and iotwatch's table. Skips, saying why, without root, a lab tool or libpcap.
 */
class LabRunIT {

    private static final String ATTACKS = "port-scan,syn-flood,ssh-dictionary,arp-spoofing,dns-tunnel";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aShortLabIsCapturedCheckedAndDetected() throws Exception {
        assumeLab();
        Path out = dir.resolve("lab");

        CliRun run = CliRun.of("lab", "run", out.toString(), "--attacks", ATTACKS, "--sensor", "--warmup", "10", "--gap", "5",
                "--cooldown", "10", "--flood-packets", "12000");

        // The run's log and iotwatch's table, for the build log.
        System.out.println(run.out());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<AttackTruth> truth;
        try (Reader reader = Files.newBufferedReader(out.resolve(LabRunner.GROUND_TRUTH))) {
            truth = AttackTruthCsv.read(reader);
        }
        assertThat(truth).extracting(AttackTruth::attack).containsExactly(ATTACKS.split(","));
        assertThat(truth).allSatisfy(t -> {
            assertThat(t.attackClass()).isEqualTo(AttackKind.byId(t.attack()).orElseThrow().attackClass);
            assertThat(t.end()).isAfter(t.start());
        });
        assertThat(truth.get(1).tool()).startsWith("hping3 ");
        assertThat(Files.size(out.resolve(LabRunner.PCAP))).isGreaterThan(100_000);
        List<String> checks = Files.readAllLines(out.resolve("checks.csv"));
        assertThat(checks.subList(1, checks.size())).hasSizeGreaterThanOrEqualTo(5).allSatisfy(line ->
                assertThat(line).as("every capture check holds").contains(",ok,"));
        assertThat(Files.readString(out.resolve(LabRunner.TOOL_VERSIONS))).contains("nmap ", "hping3 ", "hydra ");
        // What the current detectors find, with the class expected (docs/LAB.md has the whole table).
        List<String> detections = Files.readAllLines(out.resolve("detections.csv"));
        assertThat(detections).hasSize(6);
        for (String found : List.of("port-scan,Recon-PortScan,yes", "syn-flood,DDoS-SYN_Flood,yes",
                "ssh-dictionary,DictionaryBruteForce,yes", "arp-spoofing,MITM-ArpSpoofing,yes", "dns-tunnel,DNS-Tunneling,yes")) {
            assertThat(detections).anySatisfy(line -> assertThat(line).startsWith(found));
        }
        assertThat(run.out()).contains("capture checks: 5 of 5 attacks found", "expected class found for");
        assertThat(labNamespaces()).as("namespaces left behind").isEmpty();
    }

    private static void assumeLab() throws IOException, InterruptedException {
        skipIf(!LabRunner.isRoot(), "the lab needs root");
        List<AttackKind> attacks = AttackKind.parseList(ATTACKS);
        List<String> missing = LabTools.missing(attacks);
        skipIf(!missing.isEmpty(), "lab tools missing: " + String.join(", ", missing));
        try (LiveCapture probe = LiveCapture.open(LiveOptions.of("lo"))) {
            probe.stop();
        } catch (CaptureException e) {
            skipIf(true, e.getMessage());
        }
        skipIf(!labNamespaces().isEmpty(), "another lab run is going on (iwlab-* namespaces exist)");
    }

    private static List<String> labNamespaces() throws IOException, InterruptedException {
        Process list = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
        String output = new String(list.getInputStream().readAllBytes());
        list.waitFor();
        return LabCleanup.labNamespaces(output);
    }

    private static void skipIf(boolean skip, String why) {
        // Surefire and Failsafe keep assumption messages in their reports only; this puts the reason on the console.
        if (skip) {
            System.err.println("SKIPPING the lab run test: " + why);
        }
        assumeTrue(!skip, why);
    }
}
