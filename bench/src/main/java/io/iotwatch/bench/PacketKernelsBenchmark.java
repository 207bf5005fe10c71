package io.iotwatch.bench;

import io.iotwatch.packet.capture.CaptureFiles;
import io.iotwatch.packet.capture.CaptureReader;
import io.iotwatch.packet.decode.PacketDecoder;
import io.iotwatch.packet.features.CicIot2023FeatureExtractor;
import io.iotwatch.packet.features.FlowFeatureExtractor;
import io.iotwatch.packet.flow.FlowConfig;
import io.iotwatch.packet.flow.FlowTable;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-packet kernels of the packet path on one thread: decoding, decoding and flow tracking, and those
 * with each feature mode. The workload is the first {@link #PACKETS} packets of the capture named by
 * {@code -p file=...} (gen_pcap.py output), held in memory and replayed with their own times, so the figure
 * is the kernels', not the disk's. One operation is one packet.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PacketKernelsBenchmark {

    static final int PACKETS = 1_000_000;

    @Param("/tmp/bench/bench.pcap")
    public String file;

    private byte[] content;
    private int[] starts;
    private int[] lengths;
    private int[] wireLengths;
    private long[] times;
    private int linkType;
    private final PacketDecoder decoder = new PacketDecoder();
    private FlowTable flows;
    private FlowTable flowsWithDatasetFeatures;
    private FlowTable flowsWithFlowFeatures;
    /** Added to the packets' times on each pass, so every pass is later than the last, as live traffic is. */
    private long shift;

    @Setup(Level.Trial)
    public void load() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        starts = new int[PACKETS];
        lengths = new int[PACKETS];
        wireLengths = new int[PACKETS];
        times = new long[PACKETS];
        try (CaptureReader reader = CaptureFiles.open(new BufferedInputStream(Files.newInputStream(Path.of(file)), 1 << 20))) {
            for (int i = 0; i < PACKETS && reader.next(); i++) {
                starts[i] = out.size();
                lengths[i] = reader.capturedLength();
                wireLengths[i] = reader.originalLength();
                times[i] = reader.timestampNanos();
                linkType = reader.linkType();
                out.write(reader.buffer(), reader.offset(), reader.capturedLength());
            }
        }
        content = out.toByteArray();
        FlowConfig config = FlowConfig.defaults();
        flows = new FlowTable(config, (table, slot, reason) -> {}, List.of());
        flowsWithDatasetFeatures = new FlowTable(config, (table, slot, reason) -> {},
                List.of(new CicIot2023FeatureExtractor(config.maxFlows(), (row, table, slot, first, last) -> {})));
        flowsWithFlowFeatures = new FlowTable(config, (table, slot, reason) -> {},
                List.of(new FlowFeatureExtractor(config.maxFlows(), (row, table, slot, first, last) -> {})));
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public long decode() {
        long ports = 0;
        for (int i = 0; i < PACKETS; i++) {
            decoder.decode(content, starts[i], lengths[i], linkType);
            ports += decoder.sourcePort();
        }
        return ports;
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public long decodeAndTrack() {
        return replay(flows);
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public long decodeTrackAndDatasetFeatures() {
        return replay(flowsWithDatasetFeatures);
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public long decodeTrackAndFlowFeatures() {
        return replay(flowsWithFlowFeatures);
    }

    private long replay(FlowTable table) {
        long slots = 0;
        long pass = shift;
        for (int i = 0; i < PACKETS; i++) {
            decoder.decode(content, starts[i], lengths[i], linkType);
            slots += table.track(decoder, times[i] + pass, wireLengths[i]);
        }
        shift += times[PACKETS - 1] - times[0] + 1;
        return slots;
    }
}
