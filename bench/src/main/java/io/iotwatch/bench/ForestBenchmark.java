package io.iotwatch.bench;

import io.iotwatch.detect.model.Forest;
import io.iotwatch.detect.model.LightGbmText;
import io.iotwatch.ml.SyntheticFlows;
import io.iotwatch.ml.Training;
import io.iotwatch.ml.data.TrainingFeatures;
import io.iotwatch.ml.model.ModelDirectory;
import io.iotwatch.packet.features.FeatureColumns;
import io.iotwatch.ml.train.NativeLightGbm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The classifier's inference on one thread: iotwatch's pure-Java {@link Forest}, a row at a time and in batches,
 * against LightGBM's own C API (through {@link NativeLightGbm}, a batch per call, on one thread and on all
 * cores), on the same model and rows. The model is trained here as iotwatch trains one: 34 classes on synthetic
 * CICIoT2023-like rows, 100 rounds of up to 31 leaves, at least 20 rows a leaf ({@code -p model=full}), or the
 * same stopped early on a validation set ({@code -p model=early-stopping}), or the default model that ships
 * ({@code -p model=default}, docs/MODEL.md). Training is seeded, so the model is
 * kept in {@code java.io.tmpdir} and reused by later forks; delete the file to train again. The setup prints the
 * model's size and shape. One operation is one row.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
public class ForestBenchmark {

    static final int ROWS = 4096;
    private static final int CLASSES = 34;
    private static final String PARAMETERS = "objective=multiclass num_class=34 num_leaves=31 min_data_in_leaf=20 "
            + "learning_rate=0.1 verbose=-1 seed=1 deterministic=true";

    @Param({"full", "early-stopping", "default"})
    public String model;

    private Forest forest;
    private NativeLightGbm lightGbmOneThread;
    private NativeLightGbm lightGbmAllCores;
    private double[][] rows;
    private double[] matrix;
    private final double[] probabilities = new double[CLASSES];
    private final double[] batchProbabilities = new double[ROWS * CLASSES];

    @Setup(Level.Trial)
    public void load() throws IOException {
        SyntheticFlows flows = new SyntheticFlows(CLASSES, 1);
        SyntheticFlows.Sample sample = flows.sample(ROWS, 5);
        rows = new double[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            rows[i] = sample.row(i);
        }
        String text;
        if (model.equals("default")) {
            // The shipped model reads the 46 extractor columns but IAT: the forest reads whole rows, LightGBM the 45.
            ModelDirectory.Loaded shipped = ModelDirectory.loadDefault();
            text = ModelDirectory.defaultModelText();
            forest = shipped.forest();
            matrix = withoutIat(rows);
        } else {
            text = trained(flows);
            forest = LightGbmText.parse(text);
            matrix = sample.values();
        }
        lightGbmOneThread = new NativeLightGbm(text, 1);
        lightGbmAllCores = new NativeLightGbm(text);
        System.out.println();
        System.out.println("model " + model + ": " + ModelShape.of(text));
    }

    private static double[] withoutIat(double[][] rows) {
        int width = FeatureColumns.COUNT - 1;
        double[] out = new double[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            double[] narrow = new double[width];
            TrainingFeatures.select(rows[i], narrow);
            System.arraycopy(narrow, 0, out, i * width, width);
        }
        return out;
    }

    @TearDown(Level.Trial)
    public void close() {
        lightGbmOneThread.close();
        lightGbmAllCores.close();
    }

    private String trained(SyntheticFlows flows) throws IOException {
        Path cached = Path.of(System.getProperty("java.io.tmpdir"), "iotwatch-forest-benchmark-" + model + ".txt");
        if (Files.exists(cached)) {
            return Files.readString(cached);
        }
        SyntheticFlows.Sample training = flows.sample(CLASSES * 2000, 2);
        long start = System.nanoTime();
        String text = switch (model) {
            case "full" -> Training.train(training, PARAMETERS, 100);
            case "early-stopping" -> Training.trainWithEarlyStopping(training, flows.sample(20_000, 3), PARAMETERS,
                    300, 10);
            default -> throw new IllegalArgumentException("model is full or early-stopping, not " + model);
        };
        System.out.printf("%ntrained %s in %.0f s%n", model, (System.nanoTime() - start) / 1e9);
        Files.writeString(cached, text);
        return text;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void forestRowByRow(Blackhole blackhole) {
        for (double[] row : rows) {
            forest.predict(row, probabilities);
            blackhole.consume(probabilities);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public double[] forestBatch() {
        forest.predict(rows, batchProbabilities);
        return batchProbabilities;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public double[] lightGbmOneThread() {
        return lightGbmOneThread.predict(matrix, ROWS, matrix.length / ROWS, false);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public double[] lightGbmAllCores() {
        return lightGbmAllCores.predict(matrix, ROWS, matrix.length / ROWS, false);
    }

    /** Size and shape of a model, from its text: what bounds the work a row costs. */
    record ModelShape(int trees, int nodes, int leaves, double meanLeafDepth, double meanTreeDepth,
            double meanPathOfTrainingRows) {

        static ModelShape of(String text) {
            int trees = 0;
            int nodes = 0;
            int leaves = 0;
            long leafDepths = 0;
            long treeDepths = 0;
            double rowDepths = 0;
            double rowCount = 0;
            for (String block : text.substring(0, text.indexOf("end of trees")).split("\nTree=")) {
                if (!block.contains("\nnum_leaves=") && !block.startsWith("num_leaves=")) {
                    continue;
                }
                trees++;
                int[] left = ints(block, "left_child=");
                if (left == null) {
                    leaves++;
                    continue;
                }
                int[] right = ints(block, "right_child=");
                int[] counts = ints(block, "leaf_count=");
                nodes += left.length;
                leaves += left.length + 1;
                int[] depth = new int[left.length];
                int deepest = 0;
                // LightGBM numbers children after their parents, so one pass in order sets every depth.
                for (int n = 0; n < left.length; n++) {
                    for (int child : new int[] {left[n], right[n]}) {
                        if (child >= 0) {
                            depth[child] = depth[n] + 1;
                        } else {
                            leafDepths += depth[n] + 1;
                            deepest = Math.max(deepest, depth[n] + 1);
                            rowDepths += (double) counts[~child] * (depth[n] + 1);
                            rowCount += counts[~child];
                        }
                    }
                }
                treeDepths += deepest;
            }
            return new ModelShape(trees, nodes, leaves, (double) leafDepths / leaves, (double) treeDepths / trees,
                    rowDepths / rowCount);
        }

        private static int[] ints(String block, String key) {
            for (String line : block.split("\n")) {
                if (line.startsWith(key)) {
                    String values = line.substring(key.length()).strip();
                    return values.isEmpty() ? null
                            : Arrays.stream(values.split(" ")).mapToInt(Integer::parseInt).toArray();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return String.format("%d trees, %d decision nodes, %d leaves; mean leaf depth %.2f, mean tree depth "
                    + "%.2f, nodes a training row passes per tree %.2f (%.0f per row)", trees, nodes, leaves,
                    meanLeafDepth, meanTreeDepth, meanPathOfTrainingRows, meanPathOfTrainingRows * trees);
        }
    }
}
