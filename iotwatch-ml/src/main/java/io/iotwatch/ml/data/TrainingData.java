package io.iotwatch.ml.data;

import io.iotwatch.ml.model.ModelManifest;
import io.iotwatch.packet.capture.CaptureFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * The labeled rows that {@code train} and {@code model eval} read, from the paths a user names: CICIoT2023 CSV
 * files (rows of the dataset's own extractor, mode {@code ciciot2023}), or labeled captures (flow rows of the
 * packet path, mode {@code flow}). One set of paths is one mode: a model reads one kind of row.
 */
public final class TrainingData {

    /** Packets per row of the CICIoT2023 CSVs for most classes, and so the window a model of them reads. */
    public static final int CICIOT2023_WINDOW = 10;

    /**
     * Rows and what they are.
     *
     * @param featureMode {@link ModelManifest#FLOW_MODE} or {@link ModelManifest#CICIOT2023_MODE}
     * @param window      packets per row for the {@code ciciot2023} mode, 0 for {@code flow}
     */
    public record Loaded(Dataset data, String featureMode, int window) {}

    private TrainingData() {}

    /**
     * Reads every path: a CSV file, a capture (with {@value CaptureDataset#TRUTH_FILE} in its folder), or a folder holding a
     * capture and its {@value CaptureDataset#TRUTH_FILE}, as the lab's and the generator's output folders do.
     *
     * @param log told one line per file read
     * @throws IOException when a path cannot be read, holds neither kind, or paths mix the kinds
     */
    public static Loaded load(List<Path> paths, Consumer<String> log) throws IOException {
        if (paths.isEmpty()) {
            throw new IOException("no data: name CICIoT2023 CSV files or labeled captures");
        }
        Dataset data = new Dataset(TrainingFeatures.names());
        String mode = null;
        for (Path path : expand(paths)) {
            String kind = isCapture(path) ? ModelManifest.FLOW_MODE : ModelManifest.CICIOT2023_MODE;
            if (mode != null && !mode.equals(kind)) {
                throw new IOException("cannot mix CICIoT2023 CSV files and labeled captures in one model: " + path
                        + " is " + (kind.equals(ModelManifest.FLOW_MODE) ? "a capture" : "a CSV file")
                        + ", earlier paths were not");
            }
            mode = kind;
            if (kind.equals(ModelManifest.FLOW_MODE)) {
                Path truth = CaptureDataset.defaultTruth(path);
                CaptureDataset.Summary summary = CaptureDataset.read(path, truth, data);
                log.accept(String.format("%s with %s: %,d packets, %,d flows, %,d rows of them from attacks",
                        path, truth.getFileName(), summary.packets(), summary.rows(), summary.attackRows()));
                summary.damage().forEach(d -> log.accept(String.format("  damaged at byte %,d: %s", d.offset(),
                        d.problem())));
            } else {
                CicIotCsv.Summary summary = CicIotCsv.read(path, data);
                log.accept(String.format("%s: %,d rows%s", path, summary.rows(),
                        summary.rejected() == 0 ? "" : String.format(", %,d rejected", summary.rejected())));
                summary.problems().forEach(p -> log.accept("  " + p));
            }
        }
        if (data.rows() == 0) {
            throw new IOException("no rows in " + paths);
        }
        return new Loaded(data, mode, mode.equals(ModelManifest.FLOW_MODE) ? 0 : CICIOT2023_WINDOW);
    }

    /** Folders become the capture inside them; files stay. */
    private static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.isDirectory(path)) {
                if (!Files.isRegularFile(path)) {
                    throw new IOException(path + " does not exist");
                }
                out.add(path);
                continue;
            }
            if (!Files.isRegularFile(path.resolve(CaptureDataset.TRUTH_FILE))) {
                throw new IOException(path + " is a folder without " + CaptureDataset.TRUTH_FILE
                        + ": name CSV files or captures, or a lab or generator output folder");
            }
            List<Path> captures;
            try (var files = Files.list(path)) {
                captures = files.filter(f -> Files.isRegularFile(f) && isCaptureQuietly(f)).sorted().toList();
            }
            if (captures.size() != 1) {
                throw new IOException(path + " holds " + captures.size() + " captures beside its " + CaptureDataset.TRUTH_FILE
                        + "; name the capture itself");
            }
            out.add(captures.getFirst());
        }
        return out;
    }

    private static boolean isCaptureQuietly(Path file) {
        try {
            return isCapture(file);
        } catch (IOException e) {
            return false;
        }
    }

    /** pcap (either byte order, micro or nano seconds) or pcapng, plain or gzip-compressed. */
    static boolean isCapture(Path file) throws IOException {
        byte[] head;
        try (InputStream raw = Files.newInputStream(file)) {
            head = raw.readNBytes(4);
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                head = in.readNBytes(4);
            }
        }
        return CaptureFiles.isCapture(head);
    }
}
