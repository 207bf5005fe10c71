package io.iotwatch.ml.data;

import io.iotwatch.core.taxonomy.AttackClass;
import io.iotwatch.packet.capture.CaptureDamage;
import io.iotwatch.packet.capture.CaptureFiles;
import io.iotwatch.packet.capture.CaptureReader;
import io.iotwatch.packet.features.FeatureRowSink;
import io.iotwatch.packet.features.FlowFeatureExtractor;
import io.iotwatch.packet.flow.FlowConfig;
import io.iotwatch.packet.flow.FlowTable;
import io.iotwatch.packet.pipeline.PacketPipeline;
import io.iotwatch.sim.truth.AttackTruth;
import io.iotwatch.sim.truth.AttackTruthCsv;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Labeled training rows from a capture and its ground truth (the {@code ground_truth.csv} the attack lab and
 * the packet generator write beside their captures): the capture runs through the packet path the sensor uses,
 * with the {@code flow} mode's feature extractor, and each flow's row gets the class of the attack that
 * {@linkplain AttackTruth#carries carries} it, or {@code BenignTraffic}.
 *
 * <p>Damage in the capture (a file cut short, a corrupt record, a gzip stream that ends early) ends the reading
 * where it is, keeps the rows before it and is reported in the {@link Summary}, as the sensor reports it; only a
 * file that is no capture at all, or a ground truth that cannot be read, is an exception.
 */
public final class CaptureDataset {

    /** The file name {@link #defaultTruth} looks for. */
    public static final String TRUTH_FILE = "ground_truth.csv";

    private static final String BENIGN = AttackClass.BENIGN_TRAFFIC.label();
    /** The packet path makes its events whatever the use; they are dropped here, a batch at a time. */
    private static final int EVENT_BATCH = 4096;
    private static final int GZIP_BUFFER = 1 << 16;

    /**
     * What one capture added.
     *
     * @param source        the capture as named, the rows' source in the {@link Dataset}
     * @param packets       packets read
     * @param flows         flows the flow table started
     * @param rows          rows added, one per flow with packets
     * @param rowsByLabel   rows added per label, in the order each label first appeared
     * @param rowsByAttack  rows labeled by each attack of the truth, by attack name, in the truth's order; 0 for an
     *                      attack that labeled none (ARP spoofing has no IP flows)
     * @param damage        where the capture is damaged and how; empty for a sound capture
     */
    public record Summary(String source, long packets, long flows, long rows, Map<String, Long> rowsByLabel,
            Map<String, Long> rowsByAttack, List<CaptureDamage> damage) {

        public Summary {
            rowsByLabel = Collections.unmodifiableMap(new LinkedHashMap<>(rowsByLabel));
            rowsByAttack = Collections.unmodifiableMap(new LinkedHashMap<>(rowsByAttack));
            damage = List.copyOf(damage);
        }

        /** Rows some attack labeled. */
        public long attackRows() {
            return rowsByAttack.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private CaptureDataset() {}

    /** {@code ground_truth.csv} in the capture's folder, where the lab and the generator put it. */
    public static Path defaultTruth(Path capture) {
        return capture.toAbsolutePath().resolveSibling(TRUTH_FILE);
    }

    /** {@link #read(Path, Path, FlowConfig, Dataset)} with the sensor's default flow settings. */
    public static Summary read(Path capture, Path truth, Dataset into) throws IOException {
        return read(capture, truth, FlowConfig.defaults(), into);
    }

    /**
     * Adds a row per flow of {@code capture} to {@code into}, labeled by {@code truth}.
     *
     * @param flows the flow table's settings; those of the sensor the model is for, since its timeouts decide
     *              where a flow ends and so every row
     * @param into  a dataset whose features are {@link TrainingFeatures#names()}
     * @throws IOException naming the file, when the truth cannot be read or is malformed (naming its row and
     *                     line), or the capture cannot be opened or is no capture; the truth is read first, so
     *                     a bad one adds nothing, while a capture that fails to read midway (a disk error) leaves
     *                     the rows before the failure in {@code into}
     */
    public static Summary read(Path capture, Path truth, FlowConfig flows, Dataset into) throws IOException {
        if (!into.features().equals(TrainingFeatures.names())) {
            throw new IllegalArgumentException("the dataset's features are not TrainingFeatures.names(): " + into.features());
        }
        List<AttackTruth> attacks = readTruth(truth);
        String source = capture.toString();
        Labeler labeler = new Labeler(attacks, into, source);
        PacketPipeline.Result result;
        List<CaptureDamage> damage = new ArrayList<>();
        try (CutShortTolerant input = open(capture); CaptureReader reader = CaptureFiles.open(input)) {
            FlowFeatureExtractor extractor = new FlowFeatureExtractor(flows.maxFlows(), labeler);
            PacketPipeline pipeline = new PacketPipeline(flows, batch -> {}, EVENT_BATCH, List.of(extractor));
            // The pipeline ends every flow at the end of the input, so the extractor has no row left to finish.
            result = pipeline.run(reader, capture.toString(), (packets, bytes) -> {});
            damage.addAll(result.damage());
            if (input.problem != null) {
                damage.add(new CaptureDamage(input.delivered, input.problem));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + capture, e);
        } catch (IOException e) {
            throw new IOException("cannot read capture " + capture + ": " + e.getMessage(), e);
        }
        return new Summary(source, result.packets(), result.flows(), labeler.rows, labeler.byLabel, labeler.byAttack,
                damage);
    }

    private static List<AttackTruth> readTruth(Path truth) throws IOException {
        try (Reader in = Files.newBufferedReader(truth, StandardCharsets.UTF_8)) {
            return AttackTruthCsv.read(in);
        } catch (IOException e) {
            throw new IOException("cannot read ground truth " + truth + ": " + e.getMessage(), e);
        }
    }

    /** The capture's bytes, decompressed when they start with gzip's magic bytes 1f 8b. */
    private static CutShortTolerant open(Path capture) throws IOException {
        BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(capture), GZIP_BUFFER);
        try {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            return new CutShortTolerant(gzip ? new GZIPInputStream(raw, GZIP_BUFFER) : raw);
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    /** Labels each flow's row and adds it; on the packet thread, once per flow. */
    private static final class Labeler implements FeatureRowSink {
        private final List<AttackTruth> attacks;
        private final Dataset into;
        private final String source;
        private final double[] row = new double[TrainingFeatures.names().size()];
        private final Map<String, Long> byLabel = new LinkedHashMap<>();
        private final Map<String, Long> byAttack = new LinkedHashMap<>();
        private long rows;

        Labeler(List<AttackTruth> attacks, Dataset into, String source) {
            this.attacks = attacks;
            this.into = into;
            this.source = source;
            attacks.forEach(a -> byAttack.put(a.attack(), 0L));
        }

        @Override
        public void row(double[] features, FlowTable flows, int slot, long startNanos, long endNanos) {
            AttackTruth attack = carrier(flows, slot, Instant.ofEpochSecond(0, startNanos));
            String label = attack == null ? BENIGN : attack.attackClass();
            TrainingFeatures.select(features, row);
            into.add(row, label, source);
            rows++;
            byLabel.merge(label, 1L, Long::sum);
            if (attack != null) {
                byAttack.merge(attack.attack(), 1L, Long::sum);
            }
        }

        /**
         * The attack that carries the flow; of several, the one that started last, as {@code AlertMatcher}
         * credits an alert (a later attack on the same hosts is the likelier source of a flow it overlaps).
         */
        private AttackTruth carrier(FlowTable flows, int slot, Instant start) {
            String initiator = flows.initiatorAddress(slot);
            String responder = flows.responderAddress(slot);
            AttackTruth carrier = null;
            for (AttackTruth attack : attacks) {
                if ((carrier == null || attack.start().isAfter(carrier.start())) && attack.carries(initiator,
                        flows.initiatorPort(slot), responder, flows.responderPort(slot), start)) {
                    carrier = attack;
                }
            }
            return carrier;
        }
    }

    /**
     * Ends the input, rather than failing it, where a compressed stream is cut short or corrupt, and notes
     * where: the capture reader then sees an early end of file, keeps what it read and notes the record cut in
     * two, as for an uncompressed file cut short.
     */
    private static final class CutShortTolerant extends FilterInputStream {
        private long delivered;
        private String problem;

        CutShortTolerant(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            if (problem != null) {
                return -1;
            }
            try {
                int b = super.read();
                delivered += b < 0 ? 0 : 1;
                return b;
            } catch (EOFException | ZipException e) {
                return cutShort(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (problem != null) {
                return -1;
            }
            try {
                int n = super.read(b, off, len);
                delivered += Math.max(n, 0);
                return n;
            } catch (EOFException | ZipException e) {
                return cutShort(e);
            }
        }

        private int cutShort(IOException e) {
            problem = "the compressed data ends or breaks after " + delivered + " bytes of capture: " + e.getMessage();
            return -1;
        }
    }
}
