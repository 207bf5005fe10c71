package io.iotwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotwatch.logs.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'iotwatch train', 'model eval' and 'model import' as a user runs them, and a trained model in 'ingest'. */
class ModelCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path labeled;
    private static Path model;

    /** A small labeled capture and a model trained on it, shared by the tests that only read them. */
    @BeforeAll
    static void trainOnAGeneratedCapture() throws IOException {
        labeled = Files.createDirectories(shared.resolve("gen"));
        CliRun generate = CliRun.of("generate", "pcap", "--devices", "12", "--minutes", "4", "--seed", "9",
                "--attacks", "port-scan,ssh-dictionary,syn-flood,sql-injection", "--out", labeled.resolve("all.pcap").toString(),
                "--truth", labeled.resolve("ground_truth.csv").toString());
        assertThat(generate.exitCode()).as(generate.toString()).isZero();
        model = shared.resolve("model");
        CliRun train = CliRun.of("train", "--data", labeled.toString(), "--out", model.toString(), "--rounds", "30",
                "--min-rows-in-leaf", "3", "--threads", "1");
        assertThat(train.exitCode()).as(train.toString()).isZero();
        assertThat(train.out()).contains("read " + labeled.resolve("all.pcap"), "(mode flow)", "round 1/30",
                "validation at 34: macro-F1", "model written to " + model);
    }

    @Test
    void trainWritesTheModelItsManifestAndTheValidationReport() throws IOException {
        assertThat(model.resolve("model.txt")).content().startsWith("tree\n");
        JsonNode manifest = JSON.readTree(model.resolve("model.json").toFile());
        assertThat(manifest.get("featureMode").asText()).isEqualTo("flow");
        assertThat(manifest.get("window").asInt()).isZero();
        assertThat(manifest.get("threshold").asDouble()).isEqualTo(0.7);
        assertThat(manifest.get("granularity").asInt()).isEqualTo(34);
        assertThat(JSON.convertValue(manifest.get("classes"), List.class)).contains("BenignTraffic", "Recon-PortScan",
                "DictionaryBruteForce", "DDoS-SYN_Flood");
        assertThat(JSON.convertValue(manifest.get("features"), List.class)).hasSize(45).doesNotContain("IAT");
        assertThat(manifest.at("/groups/Recon-PortScan").asText()).isEqualTo("Recon");
        assertThat(manifest.at("/training/sources").get(labeled.resolve("all.pcap").toString()).asLong()).isPositive();
        assertThat(manifest.at("/metrics/8/macro_f1").asDouble()).isBetween(0.0, 1.0);
        assertThat(model.resolve("validation/metrics.txt")).exists();
        assertThat(model.resolve("validation/confusion-34.png")).exists();
    }

    @Test
    void evalPrintsAndWritesTheMetricsAtEveryGranularity() {
        Path out = dir.resolve("eval");
        CliRun run = CliRun.of("model", "eval", "--model", model.toString(), "--data", labeled.resolve("all.pcap").toString(),
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("== class granularity", "== group granularity", "== binary granularity",
                "Recon-PortScan", "written to " + out);
        for (String file : List.of("metrics.txt", "metrics.json", "confusion-34.png", "confusion-8.png", "confusion-2.png")) {
            assertThat(out.resolve(file)).exists();
        }
    }

    @Test
    void aTrainedModelClassifiesFlowsInIngestAndRaisesAlerts() throws IOException {
        Path config = dir.resolve("iotwatch.yml");
        Files.writeString(config, "model:\n  path: " + model + "\n");
        CliRun run = CliRun.of("ingest", labeled.resolve("all.pcap").toString(), "--config", config.toString(),
                "--data-dir", dir.resolve("data").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("classification +[1-9]");
        assertThat(run.out()).containsPattern("\\n  model +\\d+ +\\d+ +\\d+ +\\d+");
    }

    @Test
    void importAdoptsAModelTrainedElsewhereAndChecksItsNames() throws IOException {
        JsonNode manifest = JSON.readTree(model.resolve("model.json").toFile());
        String classes = String.join(",", JSON.convertValue(manifest.get("classes"), String[].class));
        Path out = dir.resolve("imported");

        CliRun run = CliRun.of("model", "import", model.resolve("model.txt").toString(), "--classes", classes, "--mode",
                "flow", "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("written to " + out, "(mode flow)");
        assertThat(JSON.readTree(out.resolve("model.json").toFile()).get("features")).isEqualTo(manifest.get("features"));

        CliRun tooFew = CliRun.of("model", "import", model.resolve("model.txt").toString(), "--classes", "A,B", "--out",
                dir.resolve("x").toString());
        assertThat(tooFew.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tooFew.err()).contains("--classes names 2");

        CliRun iat = CliRun.of("model", "import", model.resolve("model.txt").toString(), "--classes", classes,
                "--features", "IAT," + String.join(",", List.of("flow_duration")), "--out", dir.resolve("y").toString());
        assertThat(iat.exitCode()).isEqualTo(ExitCodes.USAGE);

        Path garbage = dir.resolve("garbage.txt");
        Files.writeString(garbage, "not a model\n");
        CliRun bad = CliRun.of("model", "import", garbage.toString(), "--classes", classes, "--out", dir.resolve("z").toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(bad.err()).contains("is not a usable LightGBM model");
    }

    @Test
    void trainOnTheCicIot2023SampleMakesAModelOfTheDatasetsRows() throws IOException {
        Optional<Path> folder = TestFiles.sharedData("ciciot2023");
        assumeTrue(folder.isPresent(), "shared/data/ciciot2023 is absent");
        Path sample = folder.get().resolve("kittu7738-ciciot2023_sample.csv");
        assumeTrue(Files.exists(sample), sample + " is absent");
        Path out = dir.resolve("cic");

        CliRun train = CliRun.of("train", "--data", sample.toString(), "--out", out.toString(), "--rounds", "10",
                "--min-rows-in-leaf", "2", "--granularity", "8");

        assertThat(train.exitCode()).as(train.toString()).isZero();
        JsonNode manifest = JSON.readTree(out.resolve("model.json").toFile());
        assertThat(manifest.get("featureMode").asText()).isEqualTo("ciciot2023");
        assertThat(manifest.get("window").asInt()).isEqualTo(10);
        assertThat(manifest.get("granularity").asInt()).isEqualTo(8);
        assertThat(JSON.convertValue(manifest.get("classes"), List.class)).contains("DDoS", "Mirai", "Benign");

        CliRun eval = CliRun.of("model", "eval", "--model", out.toString(), "--data", sample.toString(), "--out",
                dir.resolve("cic-eval").toString());
        assertThat(eval.exitCode()).as(eval.toString()).isZero();
        assertThat(eval.out()).contains("Evaluation of 100 rows");

        CliRun wrongMode = CliRun.of("model", "eval", "--model", out.toString(), "--data", labeled.toString());
        assertThat(wrongMode.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(wrongMode.err()).contains("mode ciciot2023", "mode flow");

        CliRun mixed = CliRun.of("train", "--data", sample.toString(), labeled.toString(), "--out", dir.resolve("m").toString());
        assertThat(mixed.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(mixed.err()).contains("cannot mix");
    }

    @Test
    void badDataAndOptionsAreRefusedClearly() {
        CliRun missing = CliRun.of("train", "--data", dir.resolve("nothing.csv").toString(), "--out", dir.resolve("m").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(missing.err()).contains("nothing.csv does not exist");

        CliRun granularity = CliRun.of("train", "--data", labeled.toString(), "--out", dir.resolve("m").toString(),
                "--granularity", "5");
        assertThat(granularity.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(granularity.err()).contains("--granularity must be 34, 8 or 2");

        CliRun noModel = CliRun.of("model", "eval", "--model", dir.resolve("none").toString(), "--data", labeled.toString());
        assertThat(noModel.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(noModel.err()).contains("is not a model directory");
    }

    @Test
    void ingestRefusesAModelPathThatHoldsNoModel() throws IOException {
        Path config = dir.resolve("iotwatch.yml");
        Files.writeString(config, "model:\n  path: " + dir.resolve("missing") + "\n");
        CliRun run = CliRun.of("ingest", labeled.resolve("all.pcap").toString(), "--config", config.toString(),
                "--data-dir", dir.resolve("data").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("model.path", "is not a model directory", "none");
    }
}
