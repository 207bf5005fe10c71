package io.iotwatch.packet.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.logs.TestFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeatureCsvWriterTest {

    @Test
    void headerIsTheDatasetsWithoutItsLabels() throws IOException {
        Optional<Path> folder = TestFiles.sharedData("ciciot2023");
        Assumptions.assumeTrue(folder.isPresent(), "shared/data/ciciot2023 not found");
        String datasetHeader = Files.readAllLines(folder.get().resolve("kittu7738-ciciot2023_sample.csv")).getFirst();
        assertThat(datasetHeader).endsWith(",label,final_label");
        assertThat(FeatureColumns.header() + ",label,final_label").isEqualTo(datasetHeader);
    }

    @Test
    void fortySixDistinctColumnsWhoseConstantsMatchTheirPlace() {
        List<String> names = FeatureColumns.names();
        assertThat(names).hasSize(FeatureColumns.COUNT);
        assertThat(new HashSet<>(names)).hasSize(FeatureColumns.COUNT);
        assertThat(names.get(FeatureColumns.FLOW_DURATION)).isEqualTo("flow_duration");
        assertThat(names.get(FeatureColumns.ACK_COUNT)).isEqualTo("ack_count");
        assertThat(names.get(FeatureColumns.LLC)).isEqualTo("LLC");
        assertThat(names.get(FeatureColumns.IAT)).isEqualTo("IAT");
        assertThat(names.get(FeatureColumns.WEIGHT)).isEqualTo("Weight");
    }

    @Test
    void writesTheHeaderThenOneLinePerRow() throws IOException {
        StringWriter out = new StringWriter();
        FeatureCsvWriter writer = new FeatureCsvWriter(out);
        double[] row = new double[FeatureColumns.COUNT];
        row[FeatureColumns.RATE] = 23.67185756150695;
        row[FeatureColumns.IAT] = 83340575.04624039;
        writer.row(row, null, -1, 0, 0);
        writer.row(new double[FeatureColumns.COUNT], null, 3, 0, 0);

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(FeatureColumns.header());
        String[] first = lines.get(1).split(",");
        assertThat(first).hasSize(FeatureColumns.COUNT);
        assertThat(first[FeatureColumns.RATE]).isEqualTo("23.67185756150695");
        assertThat(first[FeatureColumns.IAT]).isEqualTo("83340575.04624039");
        assertThat(first[FeatureColumns.FLOW_DURATION]).isEqualTo("0.0");
        assertThat(lines.get(2)).isEqualTo(String.join(",", java.util.Collections.nCopies(46, "0.0")));
        assertThat(writer.rows()).isEqualTo(2);
        assertThat(out.toString()).endsWith("\n");
    }

    @Test
    void aLabelAddsTheDatasetsLabelColumn() throws IOException {
        StringWriter out = new StringWriter();
        new FeatureCsvWriter(out, "DDoS-SYN_Flood").row(new double[FeatureColumns.COUNT], null, -1, 0, 0);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo(FeatureColumns.header() + ",label");
        assertThat(lines.get(1)).endsWith(",0.0,DDoS-SYN_Flood").hasSize(46 * 4 + "DDoS-SYN_Flood".length());
    }

    @Test
    void refusesLabelsThatWouldNeedQuoting() {
        for (String label : new String[] {"", "a,b", "say \"hi\"", "two\nlines"}) {
            assertThatThrownBy(() -> new FeatureCsvWriter(new StringWriter(), label))
                    .as(label).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** Expected strings are Python's repr of the same doubles, which pandas wrote into the dataset. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "0.0; 0.0", "-0.0; -0.0", "54.0; 54.0", "23.67185756150695; 23.67185756150695",
        "83340575.04624039; 83340575.04624039", "0.0339823198318481; 0.0339823198318481", "0.0001; 0.0001",
        "0.00012345; 0.00012345", "1e-05; 1e-05", "1.5e-07; 1.5e-07", "-2.5e-07; -2.5e-07", "1e7; 10000000.0",
        "12345678.9; 12345678.9", "1234567890123456.0; 1234567890123456.0", "1e16; 1e+16", "1.5e16; 1.5e+16",
        "12345678901234567.0; 1.2345678901234568e+16", "1e22; 1e+22",
        "1.7976931348623157e308; 1.7976931348623157e+308", "4.9e-324; 5e-324", "0.001; 0.001",
        "9999999.0; 9999999.0", "141.55; 141.55", "-83093265.31007522; -83093265.31007522",
        "2232967.2; 2232967.2", "0.1; 0.1", "0.3333333333333333; 0.3333333333333333",
    })
    void writesNumbersAsPythonsRepr(double value, String python) {
        StringBuilder out = new StringBuilder();
        PythonFloats.appendRepr(out, value);
        assertThat(out.toString()).isEqualTo(python);
    }

    @Test
    void everyNumberReadsBackAsTheSameDouble() {
        long seed = 0xC51C_2023L;
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            double value = switch (i % 3) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
                default -> random.nextInt(100_000) / 100.0;
            };
            if (!Double.isFinite(value)) {
                continue;
            }
            out.setLength(0);
            PythonFloats.appendRepr(out, value);
            assertThat(Double.parseDouble(out.toString())).as("seed %d, %s", seed, out).isEqualTo(value);
        }
    }
}
