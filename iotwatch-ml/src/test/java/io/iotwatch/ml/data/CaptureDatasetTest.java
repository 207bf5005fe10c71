package io.iotwatch.ml.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.core.taxonomy.AttackClass;
import io.iotwatch.sim.packets.GeneratedCapture;
import io.iotwatch.sim.packets.PacketGenerator;
import io.iotwatch.sim.packets.PacketGeneratorOptions;
import io.iotwatch.sim.truth.AttackKind;
import io.iotwatch.sim.truth.AttackTruthCsv;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureDatasetTest {

    private static final String BENIGN = AttackClass.BENIGN_TRAFFIC.label();
    /**
     * A handful of attacks that label their flows in every way the truth allows: one attacker and one victim, three
     * attackers, a swept network, the victim's own address forged, the gateway's address forged, a tunnel's domain,
     * and ARP spoofing, which has no IP flow to label.
     */
    private static final List<AttackKind> PLANTED = List.of(AttackKind.PING_SWEEP, AttackKind.PORT_SCAN,
            AttackKind.SYN_FLOOD, AttackKind.SYNONYMOUS_IP_FLOOD, AttackKind.SSH_DICTIONARY, AttackKind.ARP_SPOOFING,
            AttackKind.DNS_SPOOFING, AttackKind.DNS_TUNNEL);

    @TempDir
    static Path dir;

    static Path capture;
    static Dataset dataset;
    static CaptureDataset.Summary summary;

    @BeforeAll
    static void generateAndRead() throws IOException {
        Path lab = Files.createDirectories(dir.resolve("run"));
        capture = lab.resolve("all.pcap");
        generate(options(PLANTED, 12, 5), capture, CaptureDataset.defaultTruth(capture));
        dataset = new Dataset(TrainingFeatures.names());
        summary = CaptureDataset.read(capture, CaptureDataset.defaultTruth(capture), dataset);
    }

    private static PacketGeneratorOptions options(List<AttackKind> attacks, int devices, long seed) {
        return new PacketGeneratorOptions(devices, Duration.ofMinutes(PacketGeneratorOptions.minimumMinutes(attacks)), seed,
                Instant.parse("2025-05-12T00:00:00Z"), attacks);
    }

    private static GeneratedCapture generate(PacketGeneratorOptions options, Path pcap, Path truth) throws IOException {
        GeneratedCapture generated;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(pcap), 1 << 16)) {
            generated = new PacketGenerator(options).generate(out);
        }
        try (Writer csv = Files.newBufferedWriter(truth, StandardCharsets.UTF_8)) {
            AttackTruthCsv.write(generated.truth(), csv);
        }
        return generated;
    }

    @Test
    void everyPlantedAttackWithIpFlowsLabelsRowsOfItsClass() {
        Map<String, Long> byClass = dataset.countsByClass();
        for (AttackKind kind : PLANTED) {
            if (kind == AttackKind.ARP_SPOOFING) {
                assertThat(summary.rowsByAttack()).containsEntry(kind.id, 0L);
            } else {
                assertThat(summary.rowsByAttack().get(kind.id)).as(kind.id).isPositive();
                assertThat(byClass.get(kind.attackClass)).as(kind.attackClass).isPositive();
            }
        }
        assertThat(byClass.get(BENIGN)).isPositive();
        assertThat(dataset.classes()).doesNotContain(AttackKind.ARP_SPOOFING.attackClass);
    }

    @Test
    void addsOneRowPerFlowWithTheTrainingFeaturesAndTheCapturesPath() {
        assertThat(dataset.features()).isEqualTo(TrainingFeatures.names()).doesNotContain("IAT");
        assertThat(summary.rows()).isEqualTo(dataset.rows()).isEqualTo(summary.flows());
        assertThat(summary.rowsByLabel()).isEqualTo(dataset.countsByClass());
        assertThat(summary.attackRows()).isEqualTo(dataset.rows() - summary.rowsByLabel().get(BENIGN));
        assertThat(summary.source()).isEqualTo(capture.toString());
        assertThat(dataset.sources()).isEqualTo(Map.of(capture.toString(), (long) dataset.rows()));
        assertThat(summary.packets()).isPositive();
        assertThat(summary.damage()).isEmpty();
    }

    @Test
    void aFloodsFlowsLookLikeItsPackets() {
        int syn = TrainingFeatures.names().indexOf("syn_flag_number");
        double[] row = new double[TrainingFeatures.names().size()];
        for (int i = 0; i < dataset.rows(); i++) {
            if (dataset.label(i).equals(AttackKind.SYNONYMOUS_IP_FLOOD.attackClass)) {
                dataset.row(i, row);
                assertThat(row[syn]).as("row %d", i).isEqualTo(1.0);
            }
        }
    }

    @Test
    void aTruncatedCaptureKeepsTheRowsBeforeTheCutAndSaysWhere() throws IOException {
        Path cut = dir.resolve("cut.pcap");
        byte[] whole = Files.readAllBytes(capture);
        // An odd length cuts a record in two.
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2 + 3));
        Dataset rows = new Dataset(TrainingFeatures.names());

        CaptureDataset.Summary cutSummary = CaptureDataset.read(cut, CaptureDataset.defaultTruth(capture), rows);

        assertThat(cutSummary.rows()).isPositive().isLessThan(summary.rows()).isEqualTo(rows.rows());
        assertThat(cutSummary.damage()).singleElement().satisfies(d -> {
            assertThat(d.problem()).contains("truncated");
            assertThat(d.offset()).isPositive().isLessThan(whole.length / 2 + 3);
        });
    }

    @Test
    void aGzipCaptureGivesTheSameRowsAndOneCutShortSaysSo() throws IOException {
        Path gzip = dir.resolve("all.pcap.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip)); InputStream in = Files.newInputStream(capture)) {
            in.transferTo(out);
        }
        Dataset whole = new Dataset(TrainingFeatures.names());
        CaptureDataset.Summary wholeSummary = CaptureDataset.read(gzip, CaptureDataset.defaultTruth(capture), whole);
        Path cut = dir.resolve("cut.pcap.gz");
        byte[] compressed = Files.readAllBytes(gzip);
        Files.write(cut, Arrays.copyOf(compressed, compressed.length / 2));
        Dataset part = new Dataset(TrainingFeatures.names());

        CaptureDataset.Summary cutSummary = CaptureDataset.read(cut, CaptureDataset.defaultTruth(capture), part);

        assertThat(wholeSummary.rowsByLabel()).isEqualTo(summary.rowsByLabel());
        assertThat(wholeSummary.damage()).isEmpty();
        assertThat(cutSummary.rows()).isPositive().isLessThan(summary.rows());
        assertThat(cutSummary.damage()).last().satisfies(d -> assertThat(d.problem()).contains("compressed data ends"));
    }

    @Test
    void aMalformedTruthNamesTheFileAndTheLine() throws IOException {
        Path truth = dir.resolve("bad_truth.csv");
        List<String> lines = Files.readAllLines(CaptureDataset.defaultTruth(capture));
        // The third attack, on line 4, loses its last fields.
        lines.set(3, lines.get(3).substring(0, lines.get(3).indexOf(",", lines.get(3).indexOf("Z,") + 2)));
        Files.write(truth, lines);

        assertThatThrownBy(() -> CaptureDataset.read(capture, truth, new Dataset(TrainingFeatures.names())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("bad_truth.csv")
                .hasMessageContaining("row 3 (line 4)");
    }

    @Test
    void aFileThatIsNoCaptureIsAnErrorNamingIt() throws IOException {
        Path text = dir.resolve("notes.pcap");
        Files.writeString(text, "not a capture at all");

        assertThatThrownBy(() -> CaptureDataset.read(text, CaptureDataset.defaultTruth(capture), new Dataset(TrainingFeatures.names())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("notes.pcap")
                .hasMessageContaining("not a capture file");
    }

    @Test
    void refusesADatasetWithOtherFeatures() {
        Dataset withIat = new Dataset(List.of("IAT"));

        assertThatThrownBy(() -> CaptureDataset.read(capture, CaptureDataset.defaultTruth(capture), withIat))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultTruthIsTheGroundTruthBesideTheCapture() {
        assertThat(CaptureDataset.defaultTruth(Path.of("runs", "lab", "all.pcap")))
                .isEqualTo(Path.of("runs", "lab", "ground_truth.csv").toAbsolutePath());
    }

    /**
     * Every attack the generator plants, in one capture: each labels rows of its class, except ARP spoofing, which
     * has no IP flow. Writes the rows of each attack and label to target/capture-dataset-labels.md.
     */
    @Test
    void everyGeneratedAttackKindLabelsItsOwnFlows() throws IOException {
        Path all = dir.resolve("every-attack.pcap");
        Path truth = dir.resolve("every-attack.csv");
        generate(options(List.of(AttackKind.values()), 12, 3), all, truth);
        Dataset rows = new Dataset(TrainingFeatures.names());

        CaptureDataset.Summary every = CaptureDataset.read(all, truth, rows);

        for (AttackKind kind : AttackKind.values()) {
            if (kind == AttackKind.ARP_SPOOFING) {
                assertThat(every.rowsByAttack()).containsEntry(kind.id, 0L);
            } else {
                assertThat(every.rowsByAttack().get(kind.id)).as(kind.id).isPositive();
            }
        }
        assertThat(rows.countsByClass().get(BENIGN)).isPositive();
        StringBuilder table = new StringBuilder("| attack | rows |\n|---|---:|\n");
        every.rowsByAttack().forEach((attack, n) -> table.append("| %s | %d |\n".formatted(attack, n)));
        table.append("\n| label | rows |\n|---|---:|\n");
        every.rowsByLabel().forEach((label, n) -> table.append("| %s | %d |\n".formatted(label, n)));
        Path report = Path.of("target", "capture-dataset-labels.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table);
    }
}
