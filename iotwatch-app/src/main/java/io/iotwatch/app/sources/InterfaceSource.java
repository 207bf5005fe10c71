package io.iotwatch.app.sources;

import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.core.sink.EventSink;
import io.iotwatch.packet.features.RowClassifier;
import io.iotwatch.packet.live.CaptureException;
import io.iotwatch.packet.live.CaptureStats;
import io.iotwatch.packet.live.LiveCapture;
import io.iotwatch.packet.live.LiveOptions;
import io.iotwatch.packet.pipeline.PacketPipeline;
import io.iotwatch.web.monitor.SourceStatus;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Live capture on one interface, as {@code capture -i} does it: the packet path on a thread of its own, the
 * classifier in it. libpcap's counters can only be read on that thread, so it copies them out for the status
 * page at most once a second.
 */
final class InterfaceSource implements RunningSource {

    private static final long STATS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final SourceState state;
    private final String filter;
    private final LiveCapture capture;
    private final IotwatchConfig config;
    private final EventSink sink;
    private final Supplier<? extends RowClassifier> classifiers;
    private final Thread thread;
    private volatile long packets;
    private volatile CaptureStats stats = new CaptureStats(0, 0, 0);
    private long nextStats = System.nanoTime();

    private InterfaceSource(SourceState state, IotwatchConfig config, LiveCapture capture, EventSink sink,
            Supplier<? extends RowClassifier> classifiers) {
        this.state = state;
        this.filter = config.capture().bpf();
        this.capture = capture;
        this.config = config;
        this.sink = sink;
        this.classifiers = classifiers;
        this.thread = capture == null ? null : Thread.ofPlatform().name("iotwatch-capture-" + state.name()).daemon().start(this::run);
    }

    /**
     * Opens the capture and starts reading; an interface that cannot be captured on (no libpcap, no such
     * interface, no CAP_NET_RAW, a filter that does not compile) gives a source that says why.
     */
    static InterfaceSource start(String interfaceName, IotwatchConfig config, EventSink sink,
            Supplier<? extends RowClassifier> classifiers, SourceListener listener) {
        SourceState state = new SourceState(interfaceName, "interface", listener);
        try {
            LiveCapture capture = LiveCapture.open(LiveOptions.of(interfaceName).withFilter(config.capture().bpf()));
            state.online();
            return new InterfaceSource(state, config, capture, state.tap(sink), classifiers);
        } catch (CaptureException e) {
            state.offline(e.getMessage());
            return new InterfaceSource(state, config, null, sink, classifiers);
        }
    }

    private void run() {
        try {
            PacketPipeline pipeline = new PacketPipeline(config.flow().toFlowConfig(), sink, config.ingest().batchSize(),
                    List.of(), classifiers.get());
            pipeline.run(capture, "live:" + state.name(), (n, bytes) -> progress(n));
            if (capture.damage().isEmpty()) {
                state.stopped();
            } else {
                state.offline(capture.damage().getFirst().problem());
            }
        } catch (InterruptedException e) {
            state.stopped();
        } catch (IOException | RuntimeException | Error e) {
            state.failed(SourceState.message(e), e);
        }
    }

    /** On the packet thread, after each batch and at least once a second. */
    private void progress(long read) {
        packets = read;
        long now = System.nanoTime();
        if (now - nextStats >= 0) {
            nextStats = now + STATS_EVERY_NANOS;
            try {
                stats = capture.stats();
            } catch (CaptureException e) {
                state.offline(e.getMessage());
            }
        }
    }

    @Override
    public SourceStatus status() {
        CaptureStats s = stats;
        StringBuilder detail = new StringBuilder();
        if (!filter.isBlank()) {
            detail.append("filter: ").append(filter).append("; ");
        }
        if (capture != null) {
            capture.warnings().forEach(warning -> detail.append("libpcap warned: ").append(warning).append("; "));
        }
        detail.append(String.format("libpcap: %,d received, %,d dropped by the kernel, %,d dropped by the interface",
                s.received(), s.droppedByKernel(), s.droppedByInterface()));
        return state.status(packets, s.droppedByKernel() + s.droppedByInterface(), 0, detail.toString());
    }

    /** Stops the capture, lets the packet path end its flows and hand their events on, then releases libpcap. */
    @Override
    public void close() {
        if (capture != null) {
            capture.stop();
            RunningSource.awaitEnd(thread);
            capture.close();
        }
        // also one that never ran, or ended on a problem: it is not tried again
        state.stopped();
    }
}
