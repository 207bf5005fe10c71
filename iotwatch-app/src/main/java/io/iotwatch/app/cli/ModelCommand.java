package io.iotwatch.app.cli;

import io.iotwatch.core.taxonomy.AttackClass;
import io.iotwatch.core.taxonomy.AttackGroup;
import io.iotwatch.core.taxonomy.Granularity;
import io.iotwatch.detect.model.Forest;
import io.iotwatch.detect.model.LightGbmText;
import io.iotwatch.ml.data.TrainingData;
import io.iotwatch.ml.eval.Evaluation;
import io.iotwatch.ml.eval.EvaluationReport;
import io.iotwatch.ml.eval.ModelPredictions;
import io.iotwatch.ml.model.ModelColumns;
import io.iotwatch.ml.model.ModelDirectory;
import io.iotwatch.ml.model.ModelManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        description = {
            "Models of the classifier: 'model import' adopts a LightGBM text model trained elsewhere (Python's "
                    + "LightGBM save_model, the LightGBM CLI), 'model eval' measures a model on labeled data. "
                    + "docs/MODEL.md describes model directories."
        },
        subcommands = {ModelCommand.Import.class, ModelCommand.Eval.class})
final class ModelCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name what to do: 'iotwatch model import MODEL.txt ...' or "
                + "'iotwatch model eval --model DIR --data PATH...'");
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {
                "Makes a model directory of a LightGBM text model trained elsewhere, so that 'ingest' and 'capture' "
                        + "can run it (model.path). The model is checked: its classes and features must match the "
                        + "names given, every feature must be a CICIoT2023 column, and IAT is refused.",
                "Example: iotwatch model import lgbm.txt --classes BenignTraffic,DDoS-SYN_Flood,Recon-PortScan "
                        + "--out models/mine"
            })
    static final class Import implements Callable<Integer> {

        @Parameters(paramLabel = "MODEL.txt", description = "LightGBM's text model (save_model).")
        Path model;

        @Option(names = "--classes", paramLabel = "CLASS", split = ",", required = true,
                description = "The class of each model output, in the order of its labels 0, 1, 2 ... "
                        + "(CICIoT2023 labels where they fit, e.g. BenignTraffic,DDoS-SYN_Flood).")
        List<String> classes;

        @Option(names = "--features", paramLabel = "COLUMN", split = ",",
                description = "The CICIoT2023 column of each model feature, in the model's order (default: the "
                        + "feature names inside the model, when they are the dataset's columns).")
        List<String> features;

        @Option(names = "--mode", paramLabel = "MODE", defaultValue = ModelManifest.CICIOT2023_MODE,
                description = "Rows the model was trained on: ciciot2023 (the dataset's CSVs, windows of packets) or "
                        + "flow (iotwatch's flow rows, 'features --mode flow') (default: ${DEFAULT-VALUE}).")
        String mode;

        @Option(names = "--window", paramLabel = "PACKETS", defaultValue = "" + TrainingData.CICIOT2023_WINDOW,
                description = "Packets per row in mode ciciot2023 (default: ${DEFAULT-VALUE}).")
        int window;

        @Option(names = "--threshold", paramLabel = "P", defaultValue = "" + ModelManifest.DEFAULT_THRESHOLD,
                description = "Least probability of an attack class that raises an alert (default: ${DEFAULT-VALUE}).")
        double threshold;

        @Option(names = "--out", paramLabel = "MODEL_DIR", required = true, description = "Directory to write.")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            String text;
            try {
                text = Files.readString(model, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserFacingException("cannot read " + model + ": " + Stores.rootMessage(e), e);
            }
            Forest forest;
            try {
                forest = LightGbmText.parse(text);
            } catch (LightGbmText.FormatException e) {
                throw new UserFacingException(model + " is not a usable LightGBM model: " + e.getMessage(), e);
            }
            List<String> names = classes.stream().map(String::strip).toList();
            if (names.size() != forest.classes()) {
                throw new ParameterException(spec.commandLine(), model + " has " + forest.classes()
                        + " outputs; --classes names " + names.size());
            }
            List<String> columns = columns(forest);
            ModelManifest manifest;
            try {
                manifest = new ModelManifest(ModelManifest.FORMAT, ModelDirectory.MODEL_FILE, mode,
                        mode.equals(ModelManifest.FLOW_MODE) ? 0 : window, columns, names, groups(names),
                        granularity(names), threshold, Map.of("imported_from", model.toAbsolutePath().toString()),
                        Map.of());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            ModelDirectory.write(out, text, manifest);
            ModelDirectory.Loaded loaded = ModelDirectory.load(out);
            PrintWriter console = spec.commandLine().getOut();
            console.printf("%s: %d trees, %d classes, %d features (mode %s); written to %s%n", loaded.name(),
                    forest.trees(), forest.classes(), columns.size(), mode, out);
            console.flush();
            return ExitCodes.OK;
        }

        private List<String> columns(Forest forest) {
            List<String> given = features != null ? features.stream().map(String::strip).toList() : forest.featureNames();
            if (given.isEmpty()) {
                throw new ParameterException(spec.commandLine(), model + " names no features: give them with --features");
            }
            if (given.size() != forest.features()) {
                throw new ParameterException(spec.commandLine(), model + " reads " + forest.features() + " features; "
                        + given.size() + " are named");
            }
            try {
                return ModelColumns.canonical(given);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage()
                        + (features == null ? " (name the columns with --features)" : ""));
            }
        }

        private static Map<String, String> groups(List<String> names) {
            Map<String, String> groups = new LinkedHashMap<>();
            names.forEach(c -> groups.put(c, AttackClass.groupOf(c)));
            return groups;
        }

        /** 2 for attack against benign, 8 when every class is a group, 34 otherwise. */
        private static int granularity(List<String> names) {
            if (names.stream().allMatch(n -> n.equals(Granularity.ATTACK) || n.equals(Granularity.BENIGN))) {
                return Granularity.BINARY.cicIot2023Classes();
            }
            boolean groups = names.stream().allMatch(n -> Arrays.stream(AttackGroup.values()).anyMatch(g -> g.label().equals(n)));
            return (groups ? Granularity.GROUP : Granularity.CLASS).cicIot2023Classes();
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = {
                "Measures a model on labeled data (the same kinds of data as 'train' reads; rows must be of the "
                        + "model's mode): per-class precision, recall and F1, macro-F1 and accuracy, and the confusion "
                        + "matrix at 34 classes, 8 groups and 2 (attack or benign), printed and written to --out as "
                        + "metrics.txt, metrics.json and confusion-34.png, confusion-8.png, confusion-2.png. Each row "
                        + "counts as the model's likeliest class, whatever the alert threshold."
            })
    static final class Eval implements Callable<Integer> {

        @Option(names = "--model", paramLabel = "MODEL_DIR", required = true,
                description = "A model directory, or 'default' for the model that ships with iotwatch.")
        String model;

        @Option(names = "--data", paramLabel = "PATH", required = true, arity = "1..*",
                description = "CICIoT2023 CSV files, or labeled captures or their folders.")
        List<Path> data;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "eval",
                description = "Directory for the metrics and images (default: ${DEFAULT-VALUE}).")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter console = spec.commandLine().getOut();
            ModelDirectory.Loaded loaded;
            try {
                loaded = ModelDirectory.load(model);
            } catch (IOException e) {
                throw new UserFacingException("cannot load the model: " + e.getMessage(), e);
            }
            TrainingData.Loaded rows;
            try {
                rows = TrainingData.load(data, line -> {
                    console.println("read " + line);
                    console.flush();
                });
            } catch (IOException e) {
                throw new UserFacingException("cannot read the data: " + e.getMessage(), e);
            }
            if (!rows.featureMode().equals(loaded.manifest().featureMode())) {
                throw new UserFacingException("the model reads rows of mode " + loaded.manifest().featureMode()
                        + ", the data gives rows of mode " + rows.featureMode());
            }
            Evaluation evaluation = Evaluation.of(ModelPredictions.actual(rows.data()),
                    ModelPredictions.predict(loaded, rows.data()));
            console.print(EvaluationReport.text(evaluation));
            EvaluationReport.write(evaluation, out);
            console.printf("written to %s%n", out);
            console.flush();
            return ExitCodes.OK;
        }
    }

}
