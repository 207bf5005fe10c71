package io.iotwatch.bench;

import io.iotwatch.app.cli.Detection;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.detect.DetectionEngine;
import io.iotwatch.packet.capture.CaptureFiles;
import io.iotwatch.packet.capture.CaptureReader;
import io.iotwatch.packet.decode.PacketDecoder;
import io.iotwatch.packet.features.CicIot2023FeatureExtractor;
import io.iotwatch.packet.features.FeatureExtractor;
import io.iotwatch.packet.features.FlowFeatureExtractor;
import io.iotwatch.packet.flow.FlowConfig;
import io.iotwatch.packet.flow.FlowTable;
import io.iotwatch.packet.pipeline.PacketPipeline;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The packet path on one thread, stage by stage, over a capture: how many packets a second each added
 * step leaves, and the peak Java heap. The last stage is the whole path (read, decode, flows, events,
 * CICIoT2023 features, the product's detectors, run on this same thread with alerts kept and events
 * dropped), what issue 4's 3.5 million packets/s target is about. Bytes allocated a packet, this thread's CPU time
 * and the collector's pause time are printed too: on a shared machine they move far less with its load than the
 * rate does, so they tell two versions of the code apart where the rate cannot.
 *
 * <pre>java -Xmx256m -XX:+UseParallelGC [-Dflows=MAX_FLOWS] -cp bench/target/benchmarks.jar io.iotwatch.bench.PacketPathBench FILE.pcap [RUNS] [STAGE...]</pre>
 *
 * Stages: read, decode, flows, events, features, detect (the whole path), flow-features (the whole path
 * with the flow mode's features instead).
 */
public final class PacketPathBench {

    private static final com.sun.management.ThreadMXBean THREAD =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final List<String> STAGES = List.of("read", "decode", "flows", "events", "features", "detect");

    private PacketPathBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: PacketPathBench FILE.pcap [RUNS] [STAGE...]; stages " + STAGES + " and flow-features");
            System.exit(2);
        }
        Path capture = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> stages = args.length > 2 ? List.of(args).subList(2, args.length) : STAGES;
        for (String stage : stages) {
            for (int run = 1; run <= runs; run++) {
                resetPeaks();
                long allocatedBefore = THREAD.getCurrentThreadAllocatedBytes();
                long cpuBefore = THREAD.getCurrentThreadCpuTime();
                long gcBefore = collectorMillis();
                long start = System.nanoTime();
                long packets = run(stage, capture);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpu = (THREAD.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
                long gc = collectorMillis() - gcBefore;
                double allocated = THREAD.getCurrentThreadAllocatedBytes() - allocatedBefore;
                System.out.printf("%-14s run %d: %,d packets in %.2f s = %,.0f packets/s; peak heap %,d MB; allocated %.0f bytes"
                                + " a packet; thread CPU %.2f s, collector %,d ms%n",
                        stage, run, packets, seconds, packets / seconds, peakHeap() >> 20, allocated / packets, cpu, gc);
            }
        }
    }

    private static long run(String stage, Path capture) throws IOException, InterruptedException {
        FlowConfig d = FlowConfig.defaults();
        FlowConfig flows = new FlowConfig(Integer.getInteger("flows", d.maxFlows()), d.idleTimeout(), d.unansweredTimeout(),
                d.tcpAttemptTimeout(), d.tcpIdleTimeout(), d.closedTimeout(), d.activeTimeout());
        try (CaptureReader reader = open(capture)) {
            switch (stage) {
                case "read" -> {
                    long bytes = 0;
                    while (reader.next()) {
                        bytes += reader.capturedLength();
                    }
                    blackhole(bytes);
                }
                case "decode", "flows" -> {
                    PacketDecoder decoder = new PacketDecoder();
                    FlowTable table = stage.equals("flows") ? new FlowTable(flows, (t, slot, reason) -> {}, List.of()) : null;
                    long ports = 0;
                    while (reader.next()) {
                        decoder.decode(reader.buffer(), reader.offset(), reader.capturedLength(), reader.linkType());
                        ports += decoder.sourcePort();
                        if (table != null) {
                            table.track(decoder, reader.timestampNanos(), reader.originalLength());
                        }
                    }
                    blackhole(ports);
                }
                case "events" -> pipeline(flows, null, null).run(reader, capture.toString(), (n, b) -> {});
                case "features", "detect", "flow-features" -> {
                    FeatureExtractor features = stage.equals("flow-features")
                            ? new FlowFeatureExtractor(flows.maxFlows(), (row, table, slot, first, last) -> {})
                            : new CicIot2023FeatureExtractor(flows.maxFlows(), (row, table, slot, first, last) -> {});
                    DetectionEngine engine = stage.equals("features") ? null
                            : new DetectionEngine(Detection.detectors(), List.of(), Duration.ofMinutes(30));
                    pipeline(flows, features, engine).run(reader, capture.toString(), (n, b) -> {});
                    features.finish();
                    if (engine != null) {
                        engine.finish();
                        blackhole(engine.alertTotal());
                    }
                }
                default -> throw new IllegalArgumentException("unknown stage " + stage + "; stages: " + STAGES);
            }
            return reader.packets();
        }
    }

    /** The path with the events dropped after detection, as 'ingest --events drop' does, on this thread. */
    private static PacketPipeline pipeline(FlowConfig flows, FeatureExtractor features, DetectionEngine engine) {
        return new PacketPipeline(flows, (Batch batch) -> {
            if (engine != null) {
                batch.events().forEach(engine::accept);
                blackhole(engine.drainChanged().size());
            }
        }, 4096, features == null ? List.of() : List.of(features));
    }

    private static CaptureReader open(Path capture) throws IOException {
        return CaptureFiles.open(new BufferedInputStream(Files.newInputStream(capture), 1 << 20));
    }

    private static long sink;

    private static void blackhole(long value) {
        sink += value;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long collectorMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
