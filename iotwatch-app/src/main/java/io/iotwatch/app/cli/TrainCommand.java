package io.iotwatch.app.cli;

import io.iotwatch.core.taxonomy.AttackClass;
import io.iotwatch.core.taxonomy.Granularity;
import io.iotwatch.ml.data.Dataset;
import io.iotwatch.ml.data.TrainingData;
import io.iotwatch.ml.eval.ConfusionMatrix;
import io.iotwatch.ml.eval.Evaluation;
import io.iotwatch.ml.eval.EvaluationReport;
import io.iotwatch.ml.eval.ModelPredictions;
import io.iotwatch.ml.model.ModelDirectory;
import io.iotwatch.ml.model.ModelManifest;
import io.iotwatch.ml.train.Trainer;
import io.iotwatch.ml.train.TrainingOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Trains a multiclass LightGBM model on labeled rows and writes a model directory (model.txt, LightGBM's "
                    + "own text model, and model.json) that 'ingest', 'capture' and 'model eval' use.",
            "Data: CICIoT2023 CSV files (the dataset's header; mode ciciot2023), or labeled captures: a pcap with "
                    + "ground_truth.csv in its folder, as 'lab run' and 'generate pcap' write them, or that folder "
                    + "(mode flow, one row per flow from the packet path). IAT is never a feature. Each class is "
                    + "split into training and validation rows; rows of rare classes weigh more; "
                    + "training stops when the validation loss stops improving. The same data and options give "
                    + "the same model."
        })
final class TrainCommand implements Callable<Integer> {

    /** Folder inside the model directory with the evaluation on the validation rows. */
    static final String VALIDATION_REPORT = "validation";

    @Option(names = "--data", paramLabel = "PATH", required = true, arity = "1..*",
            description = "CICIoT2023 CSV files (plain or .gz), or labeled captures or their folders.")
    List<Path> data;

    @Option(names = "--out", paramLabel = "MODEL_DIR", required = true, description = "Directory to write the model into.")
    Path out;

    @Option(names = "--granularity", paramLabel = "N", defaultValue = "34",
            description = "34 (classes), 8 (groups) or 2 (attack or benign) (default: ${DEFAULT-VALUE}).")
    int granularity;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "100", description = "Most boosting rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--early-stopping", paramLabel = "N", defaultValue = "20",
            description = "Stop after this many rounds without a better validation loss (default: ${DEFAULT-VALUE}).")
    int earlyStopping;

    @Option(names = "--validation", paramLabel = "SHARE", defaultValue = "0.2",
            description = "Share of each class held out for validation (default: ${DEFAULT-VALUE}).")
    double validation;

    @Option(names = "--leaves", paramLabel = "N", defaultValue = "31", description = "Most leaves per tree (default: ${DEFAULT-VALUE}).")
    int leaves;

    @Option(names = "--learning-rate", paramLabel = "RATE", defaultValue = "0.1", description = "Default: ${DEFAULT-VALUE}.")
    double learningRate;

    @Option(names = "--min-rows-in-leaf", paramLabel = "N", defaultValue = "20",
            description = "Fewest training rows in a leaf (default: ${DEFAULT-VALUE}).")
    int minRowsInLeaf;

    @Option(names = "--balance", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Weigh rows by the square root of how rare their class is, so that small classes count "
                    + "nearly as much as floods (default: on).")
    boolean balance;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "LightGBM's threads; 0 for one per core (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--threshold", paramLabel = "P", defaultValue = "" + ModelManifest.DEFAULT_THRESHOLD,
            description = "Least probability of an attack class that raises an alert, kept in model.json "
                    + "(default: ${DEFAULT-VALUE}).")
    double threshold;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter console = spec.commandLine().getOut();
        Granularity level = granularity();
        TrainingOptions options = options();
        if (!(threshold > 0 && threshold <= 1)) {
            throw new ParameterException(spec.commandLine(), "--threshold must be within (0, 1]: " + threshold);
        }
        TrainingData.Loaded loaded;
        try {
            loaded = TrainingData.load(data, line -> {
                console.println("read " + line);
                console.flush();
            });
        } catch (IOException e) {
            throw new UserFacingException("cannot read the training data: " + e.getMessage(), e);
        }
        Dataset rows = loaded.data().relabel(level);
        console.printf("%,d rows of %d classes (mode %s): %s%n", rows.rows(), rows.classes().size(),
                loaded.featureMode(), rows.countsByClass());
        Trainer.Result result;
        try {
            result = new Trainer(options).train(rows, (round, max, loss) -> {
                if (round == 1 || round % 10 == 0 || round == max) {
                    console.printf("round %d/%d: validation log loss %.5f%n", round, max, loss);
                    console.flush();
                }
            });
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("cannot train: " + e.getMessage(), e);
        }
        console.printf("stopped after %d rounds; the model keeps %d (validation log loss %.5f)%n", result.roundsRun(),
                result.bestRound(), result.validationLoss());
        ModelManifest manifest = manifest(loaded, level, result, Map.of());
        ModelDirectory.write(out, result.modelText(), manifest);
        if (result.validation().rows() > 0) {
            Evaluation evaluation = Evaluation.of(ModelPredictions.actual(result.validation()),
                    ModelPredictions.predict(ModelDirectory.load(out), result.validation()));
            Map<String, Object> metrics = new LinkedHashMap<>();
            for (Granularity g : Granularity.values()) {
                ConfusionMatrix m = evaluation.at(g);
                metrics.put(Integer.toString(g.cicIot2023Classes()), Map.of("macro_f1", m.macroF1(),
                        "accuracy", m.accuracy(), "rows", m.total()));
                console.printf("validation at %d: macro-F1 %.4f, accuracy %.4f over %,d rows%n", g.cicIot2023Classes(),
                        m.macroF1(), m.accuracy(), m.total());
            }
            ModelDirectory.write(out, result.modelText(), manifest(loaded, level, result, metrics));
            EvaluationReport.write(evaluation, out.resolve(VALIDATION_REPORT));
            console.printf("validation report (per class, confusion matrices) in %s%n", out.resolve(VALIDATION_REPORT));
        }
        console.printf("model written to %s%n", out);
        console.flush();
        return ExitCodes.OK;
    }

    private ModelManifest manifest(TrainingData.Loaded loaded, Granularity level, Trainer.Result result,
            Map<String, Object> metrics) {
        Map<String, String> groups = new LinkedHashMap<>();
        result.classes().forEach(c -> groups.put(c, AttackClass.groupOf(c)));
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("trained_at", Instant.now().toString());
        training.put("sources", loaded.data().sources());
        training.put("rows_by_class", result.training().countsByClass());
        training.put("training_rows", result.training().rows());
        training.put("validation_rows", result.validation().rows());
        training.put("rounds_run", result.roundsRun());
        training.put("best_round", result.bestRound());
        training.put("validation_log_loss", result.validationLoss());
        training.put("parameters", result.parameters());
        return new ModelManifest(ModelManifest.FORMAT, ModelDirectory.MODEL_FILE, loaded.featureMode(), loaded.window(),
                loaded.data().features(), result.classes(), groups, level.cicIot2023Classes(), threshold, training,
                metrics);
    }

    private Granularity granularity() {
        try {
            return Granularity.ofClasses(granularity);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--granularity must be 34, 8 or 2: " + granularity);
        }
    }

    private TrainingOptions options() {
        try {
            return new TrainingOptions(rounds, earlyStopping, validation, leaves, learningRate, minRowsInLeaf, balance,
                    seed, threads);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
