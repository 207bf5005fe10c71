package io.iotwatch.ml.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.iotwatch.logs.TestFiles;
import io.iotwatch.packet.features.FeatureColumns;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CicIotCsvTest {

    @TempDir
    Path dir;

    private final Dataset data = new Dataset(TrainingFeatures.names());

    /** A row whose value in column {@code name} is the column's index, so a value shows where it was read from. */
    private static String row(List<String> header, String label) {
        List<String> values = new ArrayList<>();
        for (String name : header) {
            values.add(name.equalsIgnoreCase("label") ? label
                    : name.equals("final_label") ? "x" : Integer.toString(FeatureColumns.names().indexOf(name)));
        }
        return String.join(",", values);
    }

    private Path write(String name, List<String> lines) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsColumnsByNameInAnyOrderAndLeavesIatAndOtherColumnsOut() throws IOException {
        List<String> header = new ArrayList<>(FeatureColumns.names());
        Collections.shuffle(header, new Random(7));
        header.add(3, "Label");
        header.add("final_label");
        Path file = write("shuffled.csv", List.of("\uFEFF" + String.join(",", header), row(header, "DDoS-SYN_Flood"),
                row(header, "BenignTraffic")));

        CicIotCsv.Summary summary = CicIotCsv.read(file, data);

        assertThat(summary.rows()).isEqualTo(2);
        assertThat(summary.rejected()).isZero();
        assertThat(data.classes()).containsExactly("DDoS-SYN_Flood", "BenignTraffic");
        double[] values = new double[TrainingFeatures.names().size()];
        data.row(0, values);
        for (int j = 0; j < values.length; j++) {
            assertThat(values[j]).isEqualTo(FeatureColumns.names().indexOf(TrainingFeatures.names().get(j)));
        }
        assertThat(TrainingFeatures.names()).doesNotContain("IAT").hasSize(45);
        assertThat(data.sources()).containsEntry(file.toString(), 2L);
    }

    @Test
    void badRowsAreCountedAndReportedByLineAndTheRestIsRead() throws IOException {
        List<String> header = new ArrayList<>(FeatureColumns.names());
        header.add("label");
        String good = row(header, "Recon-PortScan");
        List<String> lines = new ArrayList<>(List.of(String.join(",", header), good,
                good.replaceFirst("^[^,]*", "abc"), good.substring(0, good.lastIndexOf(',')), good + ",extra",
                good.substring(0, good.lastIndexOf(',') + 1), "", good.replaceFirst("^[^,]*", "inf").replaceFirst(",[^,]*,", ",nan,")));
        for (int i = 0; i < 20; i++) {
            lines.add("\u0000garbage" + i);
        }
        CicIotCsv.Summary summary = CicIotCsv.read(write("bad.csv", lines), data);

        assertThat(summary.rows()).isEqualTo(2);
        assertThat(summary.rejected()).isEqualTo(24);
        assertThat(summary.problems()).hasSize(CicIotCsv.REPORTED_PROBLEMS);
        assertThat(summary.problems().get(0)).isEqualTo("line 3: 'abc' is not a number");
        assertThat(summary.problems().get(1)).startsWith("line 4: 46 fields where the header has 47");
        assertThat(summary.problems().get(3)).isEqualTo("line 6: the label is empty");
        assertThat(summary.problems().get(4)).startsWith("line 9:").doesNotContain("\u0000");
        double[] values = new double[45];
        data.row(1, values);
        assertThat(values[0]).isInfinite();
        assertThat(values[1]).isNaN();
    }

    @Test
    void aHeaderWithoutTheColumnsIsRefusedNamingThem() throws IOException {
        Path file = write("other.csv", List.of("flow_duration,Rate,label", "1,2,x"));
        assertThatThrownBy(() -> CicIotCsv.read(file, data)).isInstanceOf(IOException.class)
                .hasMessageContaining("Header_Length").hasMessageContaining("Weight").hasMessageNotContaining(" IAT");
        Path noLabel = write("nolabel.csv", List.of(String.join(",", FeatureColumns.names())));
        assertThatThrownBy(() -> CicIotCsv.read(noLabel, data)).hasMessageEndingWith("lacks label");
        Path empty = write("empty.csv", List.of());
        assertThatThrownBy(() -> CicIotCsv.read(empty, data)).hasMessageContaining("is empty");
    }

    @Test
    void readsGzipCompressedFiles() throws IOException {
        List<String> header = new ArrayList<>(FeatureColumns.names());
        header.add("label");
        Path file = dir.resolve("rows.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join(",", header) + "\n" + row(header, "Mirai-udpplain") + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(CicIotCsv.read(file, data).rows()).isEqualTo(1);
        assertThat(data.label(0)).isEqualTo("Mirai-udpplain");
    }

    @Test
    void randomLinesNeverThrow() throws IOException {
        List<String> header = new ArrayList<>(FeatureColumns.names());
        header.add("label");
        String good = row(header, "DDoS-UDP_Flood");
        Random random = new Random(11);
        List<String> lines = new ArrayList<>(List.of(String.join(",", header)));
        for (int i = 0; i < 2000; i++) {
            StringBuilder line = new StringBuilder(good);
            for (int k = random.nextInt(4); k > 0; k--) {
                int at = random.nextInt(line.length());
                switch (random.nextInt(3)) {
                    case 0 -> line.deleteCharAt(at);
                    case 1 -> line.insert(at, ",\"'\u00e9\u0001".charAt(random.nextInt(5)));
                    default -> line.setCharAt(at, (char) random.nextInt(128));
                }
            }
            lines.add(line.toString().replace("\n", "").replace("\r", ""));
        }
        CicIotCsv.Summary summary = CicIotCsv.read(write("fuzz.csv", lines), data);
        assertThat(summary.rows() + summary.rejected()).isEqualTo(2000 - lines.stream().skip(1).filter(String::isBlank).count());
        assertThat(data.rows()).isEqualTo(summary.rows());
    }

    @Test
    void theCicIot2023SampleReadsWhole() throws IOException {
        Optional<Path> folder = TestFiles.sharedData("ciciot2023");
        assumeTrue(folder.isPresent(), "shared/data/ciciot2023 is absent");
        Path sample = folder.get().resolve("kittu7738-ciciot2023_sample.csv");
        assumeTrue(Files.exists(sample), sample + " is absent");

        CicIotCsv.Summary summary = CicIotCsv.read(sample, data);

        assertThat(summary.rows()).isEqualTo(100);
        assertThat(summary.rejected()).isZero();
        assertThat(data.classes()).hasSize(18).contains("BenignTraffic", "DDoS-ICMP_Flood", "Recon-HostDiscovery");
    }
}
