package io.iotwatch.packet.pipeline;

import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventType;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.core.sink.EventSink;
import io.iotwatch.packet.capture.CaptureDamage;
import io.iotwatch.packet.capture.CaptureReader;
import io.iotwatch.packet.decode.PacketDecoder;
import io.iotwatch.packet.events.PacketEvents;
import io.iotwatch.packet.features.CicIot2023FeatureExtractor;
import io.iotwatch.packet.features.FeatureExtractor;
import io.iotwatch.packet.features.FeatureRowSink;
import io.iotwatch.packet.features.FlowFeatureExtractor;
import io.iotwatch.packet.features.RowClassifier;
import io.iotwatch.packet.flow.FlowConfig;
import io.iotwatch.packet.flow.FlowObserver;
import io.iotwatch.packet.flow.FlowTable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The packet path of one capture, on one thread: read, decode, track flows, make events, show each packet
 * to the observers (feature extraction), and hand the events to a sink in batches: when a batch is full,
 * and at least once a second while packets arrive or the source waits for them, so a live monitor's alerts
 * are never held back by a quiet link. Damage in the capture and packets that do not decode are counted and
 * reported, never thrown.
 */
public final class PacketPipeline {

    /** Counts for one capture. */
    public record Result(
            String origin,
            long stream,
            long packets,
            long wireBytes,
            Map<EventType, Long> events,
            long flows,
            long evictions,
            long packetsWithoutFlow,
            long undecodable,
            long truncated,
            Map<String, Long> malformed,
            Map<String, Long> dnsProblems,
            List<CaptureDamage> damage,
            long rowsClassified) {

        public long eventCount() {
            return events.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Told about progress after each batch and at least once a second, with the packets and the capture's
     * bytes read so far; on the packet thread, so it may stop a live capture but must not block.
     */
    public interface Progress {
        void advanced(long packets, long bytes);
    }

    private static final long DELIVER_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Packets between looks at the clock: reading it per packet would cost more than the rest of the path. */
    private static final int CLOCK_EVERY_PACKETS = 1024;

    private final FlowConfig flowConfig;
    private final EventSink sink;
    private final int batchSize;
    private final List<FlowObserver> observers;
    private final RowClassifier classifier;

    public PacketPipeline(FlowConfig flowConfig, EventSink sink, int batchSize, List<FlowObserver> observers) {
        this(flowConfig, sink, batchSize, observers, null);
    }

    /**
     * @param classifier a model that classifies each feature row as it is made, its verdicts becoming
     *                   classification events among the others; null for none
     */
    public PacketPipeline(FlowConfig flowConfig, EventSink sink, int batchSize, List<FlowObserver> observers,
            RowClassifier classifier) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
        this.flowConfig = Objects.requireNonNull(flowConfig, "flowConfig");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.batchSize = batchSize;
        this.observers = List.copyOf(observers);
        this.classifier = classifier;
    }

    /**
     * Runs the capture named {@code origin} through the path until the reader ends (a file's end, a live
     * capture stopped); flows still open then are ended and reported.
     */
    public Result run(CaptureReader reader, String origin, Progress progress) throws IOException, InterruptedException {
        Run run = new Run(reader, origin, progress);
        reader.onIdle(run::idle);
        while (reader.next()) {
            run.packet();
        }
        return run.finish();
    }

    /** The state of one run; its methods are called on the packet thread only. */
    private final class Run {
        private final CaptureReader reader;
        private final String origin;
        private final Progress progress;
        private final PacketDecoder decoder = new PacketDecoder();
        private final List<Event> events = new ArrayList<>(batchSize);
        private final long[] counts = new long[EventType.values().length];
        private final Map<String, Long> malformed = new TreeMap<>();
        private long undecodable;
        private long truncated;
        private long wireBytes;
        private long stream;
        private FlowTable flows;
        private PacketEvents packetEvents;
        private FeatureExtractor features;
        private long rowsClassified;
        private long lastDelivery = System.nanoTime();
        private InterruptedException interrupted;

        Run(CaptureReader reader, String origin, Progress progress) {
            this.reader = reader;
            this.origin = origin;
            this.progress = progress;
        }

        void packet() throws InterruptedException {
            if (flows == null) {
                start();
            }
            byte[] buffer = reader.buffer();
            int offset = reader.offset();
            wireBytes += reader.originalLength();
            if (decoder.decode(buffer, offset, reader.capturedLength(), reader.linkType())) {
                if (decoder.truncated()) {
                    truncated++;
                }
                if (decoder.malformed()) {
                    malformed.merge(decoder.malformedReason(), 1L, Long::sum);
                }
                long time = reader.timestampNanos();
                flows.track(decoder, time, reader.originalLength());
                packetEvents.packet(decoder, time, buffer, offset, reader.capturedLength());
            } else {
                undecodable++;
            }
            if (events.size() >= batchSize
                    || reader.packets() % CLOCK_EVERY_PACKETS == 0 && System.nanoTime() - lastDelivery >= DELIVER_EVERY_NANOS) {
                deliver();
            }
        }

        /** The source waits for packets: time passes for the flows (live packets carry wall-clock times). */
        void idle() {
            if (interrupted != null) {
                return;
            }
            if (flows != null) {
                flows.advance(TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()));
            }
            try {
                deliver();
            } catch (InterruptedException e) {
                // Kept for finish(): the reader's callback cannot throw it.
                interrupted = e;
            }
        }

        Result finish() throws InterruptedException {
            if (interrupted != null) {
                throw interrupted;
            }
            if (flows != null) {
                flows.flush();
                if (features != null) {
                    features.finish();
                }
                packetEvents.finish();
            }
            deliver();
            Map<EventType, Long> byType = new EnumMap<>(EventType.class);
            for (EventType type : EventType.values()) {
                byType.put(type, counts[type.ordinal()]);
            }
            return new Result(origin, stream, reader.packets(), wireBytes, byType,
                    flows == null ? 0 : flows.flowsStarted(), flows == null ? 0 : flows.evictions(),
                    flows == null ? 0 : flows.packetsWithoutFlow(), undecodable, truncated, malformed,
                    packetEvents == null ? Map.of() : packetEvents.dnsProblems(), List.copyOf(reader.damage()),
                    rowsClassified);
        }

        private void start() {
            stream = fingerprint(reader);
            packetEvents = new PacketEvents(stream, origin, event -> {
                events.add(event);
                counts[event.type().ordinal()]++;
            });
            List<FlowObserver> all = new ArrayList<>(observers);
            if (classifier != null) {
                features = extractor(classifier);
                all.add(features);
            }
            flows = new FlowTable(flowConfig, packetEvents, all);
        }

        private FeatureExtractor extractor(RowClassifier model) {
            FeatureRowSink verdicts = (row, table, slot, startNanos, endNanos) -> {
                rowsClassified++;
                int attackClass = model.classify(row);
                if (attackClass >= 0) {
                    packetEvents.classified(model, attackClass, table, slot, startNanos, endNanos);
                }
            };
            return model.window() == 0
                    ? new FlowFeatureExtractor(flowConfig.maxFlows(), verdicts)
                    : new CicIot2023FeatureExtractor(flowConfig.maxFlows(), model.window(), verdicts);
        }

        private void deliver() throws InterruptedException {
            if (!events.isEmpty()) {
                sink.accept(new Batch(events, List.of(), Optional.empty()));
                events.clear();
            }
            lastDelivery = System.nanoTime();
            progress.advanced(reader.packets(), reader.fileOffset());
        }
    }

    /**
     * The stream id of a capture: the first 8 bytes of SHA-256 over its first packet (time, lengths, link
     * type, bytes), so the same capture gets the same id under any name and its events are stored once.
     */
    static long fingerprint(CaptureReader reader) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(20).putLong(reader.timestampNanos()).putInt(reader.originalLength())
                    .putInt(reader.capturedLength()).putInt(reader.linkType()).array());
            sha.update(reader.buffer(), reader.offset(), reader.capturedLength());
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
