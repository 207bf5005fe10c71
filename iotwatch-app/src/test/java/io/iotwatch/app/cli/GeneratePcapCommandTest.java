package io.iotwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.sim.truth.AttackKind;
import io.iotwatch.sim.truth.AttackTruth;
import io.iotwatch.sim.truth.AttackTruthCsv;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'iotwatch generate pcap': what it writes and prints, and how it refuses what it cannot do. */
class GeneratePcapCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheCaptureAndTheTruthAndSaysWhatItPlanted() throws IOException {
        Path capture = dir.resolve("c.pcap");
        Path truth = dir.resolve("truth.csv");

        CliRun run = CliRun.of("generate", "pcap", "--devices", "12", "--minutes", "3", "--seed", "3", "--start",
                "2026-03-01T12:00:00Z", "--attacks", "ssh-dictionary,ping-sweep", "--out", capture.toString(), "--truth",
                truth.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Wrote " + capture + ": ").contains(" packets, ", "bytes, 2 attacks planted (listed in "
                + truth + "); 12 devices, 3 minutes, seed 3");
        assertThat(run.out()).contains("%,d bytes".formatted(Files.size(capture)));
        List<AttackTruth> rows;
        try (Reader in = Files.newBufferedReader(truth)) {
            rows = AttackTruthCsv.read(in);
        }
        assertThat(rows).extracting(AttackTruth::attack).containsExactly("ping-sweep", "ssh-dictionary");
        assertThat(rows).allSatisfy(r -> assertThat(r.start()).isAfter(Instant.parse("2026-03-01T12:01:29Z")));
        assertThat(rows).allSatisfy(r -> assertThat(r.end()).isBefore(Instant.parse("2026-03-01T12:03:00Z")));
    }

    @Test
    void theSameOptionsWriteTheSameBytes() throws IOException {
        Path first = dir.resolve("1.pcap");
        Path second = dir.resolve("2.pcap");
        for (Path out : List.of(first, second)) {
            CliRun run = CliRun.of("generate", "pcap", "--devices", "12", "--minutes", "2", "--attacks", "port-scan", "--out",
                    out.toString());
            assertThat(run.exitCode()).as(run.toString()).isZero();
        }
        assertThat(Files.mismatch(first, second)).isEqualTo(-1);
    }

    @Test
    void listsEveryAttackWithItsClassAndWritesNothing() {
        CliRun run = CliRun.of("generate", "pcap", "--list-attacks");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines()).hasSize(AttackKind.values().length);
        for (AttackKind kind : AttackKind.values()) {
            assertThat(run.out()).containsPattern("(?m)^" + kind.id + " +" + kind.attackClass + " +" + Pattern.quote(kind.description) + "$");
        }
    }

    @Test
    void badOptionsAreRefusedWithTheReason() {
        String out = dir.resolve("x.pcap").toString();
        assertUsage(CliRun.of("generate", "pcap"), "Missing required option: '--out=FILE'");
        assertUsage(CliRun.of("generate", "pcap", "--devices", "5", "--out", out), "--devices must be 12 to 1000: 5");
        assertUsage(CliRun.of("generate", "pcap", "--devices", "5000", "--out", out), "--devices must be 12 to 1000: 5000");
        assertUsage(CliRun.of("generate", "pcap", "--minutes", "10", "--out", out),
                "--minutes 10 is too short for the 30 attacks asked for: give at least --minutes 30, or fewer with --attacks");
        assertUsage(CliRun.of("generate", "pcap", "--minutes", "10", "--attacks", "c2-beacon", "--out", out),
                "too short for the 1 attack asked for: give at least --minutes 18");
        assertUsage(CliRun.of("generate", "pcap", "--minutes", "0", "--attacks", "none", "--out", out), "--minutes must be 1 to 1440: 0");
        assertUsage(CliRun.of("generate", "pcap", "--minutes", "1441", "--out", out), "--minutes must be 1 to 1440: 1441");
        assertUsage(CliRun.of("generate", "pcap", "--attacks", "port-scan,teardrop", "--out", out),
                "--attacks: unknown attack teardrop; known: all, none, ping-sweep");
        assertUsage(CliRun.of("generate", "pcap", "--start", "yesterday", "--out", out), "--start: 'yesterday' is not an ISO-8601 time");
        assertUsage(CliRun.of("generate", "pcap", "--devices", "many", "--out", out), "'many' is not an int");
        assertThat(dir.resolve("x.pcap")).doesNotExist();
    }

    @Test
    void aFolderThatDoesNotExistIsNamed() {
        CliRun run = CliRun.of("generate", "pcap", "--attacks", "none", "--minutes", "1", "--devices", "12", "--out",
                dir.resolve("no/such/folder/x.pcap").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("cannot write", "its folder does not exist");
    }

    private static void assertUsage(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).as(run.toString()).contains(message);
    }
}
