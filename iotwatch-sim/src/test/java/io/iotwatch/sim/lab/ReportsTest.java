package io.iotwatch.sim.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.packet.capture.CaptureDamage;
import io.iotwatch.sim.truth.AttackKind;
import io.iotwatch.sim.truth.AttackTruth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lab's text outputs: tables, check reports, tool versions, settings. */
class ReportsTest {

    @Test
    void tablesAlignTheirColumnsAndQuoteCsvFields() {
        TextTable table = new TextTable("a", "bb").row("long value", "x").row("y", "with, comma");

        assertThat(table.text()).isEqualTo("""
                a           bb
                ----------  -----------
                long value  x
                y           with, comma
                """);
        assertThat(table.csv()).isEqualTo("a,bb\nlong value,x\ny,\"with, comma\"\n");
        assertThatThrownBy(() -> table.row("one")).hasMessageContaining("expected 2 cells");
    }

    @Test
    void theCheckReportHasALinePerCriterionAndTheSummaryNamesFailures() {
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        AttackTruth attack = new AttackTruth("port-scan", "Recon-PortScan", t, t.plusSeconds(1), List.of("10.77.0.66"),
                "10.77.0.10", "nmap", "nmap");
        Criterion ports = Criterion.distinct("distinct ports", 1000, p -> true, LabPacket::destinationPort);
        Criterion syns = Criterion.count("SYNs", 10, p -> true);
        CaptureChecker.Report report = new CaptureChecker.Report(List.of(new CaptureChecker.Result(attack,
                List.of(new CaptureChecker.Observed(ports, 12), new CaptureChecker.Observed(syns, 12)))), List.of(), 24);

        assertThat(CheckReport.table(report).text()).contains("port-scan  FAILED  12        1000      distinct ports",
                "port-scan  ok      12        10        SYNs");
        assertThat(CheckReport.summary(report)).containsExactly("  port-scan              FAILED: distinct ports: 12 < 1000");
        assertThat(report.passed()).isFalse();
    }

    @Test
    void aRunPassesOnlyWhenEveryCheckHoldsOnAnUndamagedCapture() {
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        AttackTruth attack = new AttackTruth("syn-flood", "DDoS-SYN_Flood", t, t.plusSeconds(1), List.of("10.77.0.66"),
                "10.77.0.10", "hping3", "hping3");
        Criterion syns = Criterion.count("SYNs", 10, p -> true);
        CaptureChecker.Result held = new CaptureChecker.Result(attack, List.of(new CaptureChecker.Observed(syns, 10)));
        CaptureChecker.Result failed = new CaptureChecker.Result(attack, List.of(new CaptureChecker.Observed(syns, 9)));
        CaptureDamage damage = new CaptureDamage(100, "record beyond the end of the file");

        assertThat(outcome(new CaptureChecker.Report(List.of(held), List.of(), 10)).passed()).isTrue();
        assertThat(outcome(new CaptureChecker.Report(List.of(held, failed), List.of(), 10)).passed()).isFalse();
        assertThat(outcome(new CaptureChecker.Report(List.of(held), List.of(damage), 10)).passed()).isFalse();
    }

    private static LabRunner.Outcome outcome(CaptureChecker.Report checks) {
        return new LabRunner.Outcome(List.of(), checks, null, null, Duration.ofMinutes(1));
    }

    @Test
    void toolVersionsKeepInstalledPackagesOnly() {
        Map<String, String> versions = ToolVersions.parse("hping3\t3.a2.ds2-10\tinstalled\nhydra\t9.4-1\tconfig-files\nbad line\n");

        assertThat(versions).containsExactly(Map.entry("hping3", "3.a2.ds2-10"));
        assertThat(ToolVersions.describe(List.of("hping3", "curl"), versions)).isEqualTo("hping3 3.a2.ds2-10, curl");
    }

    @Test
    void settingsOutsideTheirBoundsAreRefused() {
        Duration beacon = LabSettings.DEFAULT_BEACON;
        assertThatThrownBy(() -> new LabSettings(1, 100, beacon, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("flood packets must be from 300 to 200000");
        assertThatThrownBy(() -> new LabSettings(1, 1000, Duration.ofMinutes(1), Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("the beacon must last from 2 minutes to 2 hours");
        assertThatThrownBy(() -> new LabSettings(1, 1000, beacon, Duration.ofSeconds(-1), Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("pauses must be from 0 to 10 minutes");
        assertThat(LabSettings.defaults().beacon()).isEqualTo(Duration.ofMinutes(12));
    }

    @Test
    void requirementsCoverEveryAttackAndTheLabsOwnPrograms() {
        List<LabTools.Requirement> all = LabTools.needed(List.of(AttackKind.values()));

        assertThat(all).extracting(LabTools.Requirement::program).contains("ip", "tcpdump", "sshd", "nmap", "hping3",
                "scapy.all", "ab", "slowhttptest", "hydra", "arpspoof", "dnsspoof", "dig", "curl", "iodine", "socat");
        assertThat(all).extracting(LabTools.Requirement::pkg).allSatisfy(p ->
                assertThat(LabTools.PACKAGES.contains(p) || List.of("openssh-client", "python3", "coreutils", "util-linux",
                        "mount").contains(p)).as(p).isTrue());
        assertThat(LabTools.onPath("sh")).isTrue();
        assertThat(LabTools.onPath("iotwatch-no-such-program")).isFalse();
    }
}
