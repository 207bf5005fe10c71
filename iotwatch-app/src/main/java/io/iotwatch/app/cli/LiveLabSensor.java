package io.iotwatch.app.cli;

import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.packet.live.CaptureStats;
import io.iotwatch.packet.live.LiveCapture;
import io.iotwatch.packet.live.LiveOptions;
import io.iotwatch.packet.live.NetworkNamespace;
import io.iotwatch.packet.pipeline.PacketPipeline;
import io.iotwatch.sim.lab.LabSensor;
import io.iotwatch.store.BatchWriter;
import io.iotwatch.store.EventStore;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * The lab's sensor: iotwatch's live packet path (capture, flows, events, detectors, store), capturing on the
 * lab's bridge. The capture is opened on a short-lived thread inside the switch's namespace, so no other
 * thread of iotwatch ever enters it; the open capture is then read from an ordinary thread. The detectors run
 * whatever {@code detect.enabled} says: detecting is what the sensor is for.
 */
final class LiveLabSensor implements LabSensor {

    private final IotwatchConfig config;
    private LiveCapture capture;
    private EventStore store;
    private BatchWriter writer;
    private DetectingSink detecting;
    private AlertRecorder recorder;
    private Thread reader;
    private volatile PacketPipeline.Result result;
    private volatile Throwable failure;

    LiveLabSensor(IotwatchConfig config) {
        this.config = config;
    }

    @Override
    public void start(String namespace, String interfaceName) throws IOException, InterruptedException {
        Logging.start(config);
        capture = NetworkNamespace.callIn(namespace, () -> LiveCapture.open(LiveOptions.of(interfaceName)));
        try {
            store = Stores.open(config);
        } catch (RuntimeException e) {
            capture.close();
            throw e;
        }
        writer = new BatchWriter(store, config.ingest().queueBatches());
        recorder = new AlertRecorder(Clock.systemUTC());
        detecting = new DetectingSink(Detection.engine(config), new AlertTap(writer, recorder), DetectingSink.QUEUE_BATCHES);
        PacketPipeline pipeline = new PacketPipeline(config.flow().toFlowConfig(), detecting, config.ingest().batchSize(),
                List.of(), Models.classifier(config));
        String origin = "lab:" + namespace + "/" + interfaceName;
        reader = Thread.ofPlatform().name("iotwatch-lab-sensor").start(() -> {
            try {
                result = pipeline.run(capture, origin, (packets, bytes) -> {});
                detecting.finish();
                writer.flush();
            } catch (Throwable e) {
                failure = e;
            }
        });
    }

    @Override
    public Result stop() throws IOException, InterruptedException {
        capture.stop();
        reader.join();
        try {
            if (failure != null) {
                throw new IOException("the sensor failed: " + failure, failure);
            }
            CaptureStats stats = capture.stats();
            PacketPipeline.Result counted = result;
            String summary = String.format("%,d packets, %,d flows, %,d events; libpcap: %,d received, %,d dropped by the"
                    + " kernel; %,d alerts", counted.packets(), counted.flows(), counted.eventCount(), stats.received(),
                    stats.droppedByKernel(), detecting.engine().alertTotal());
            return new Result(recorder.versions(), summary);
        } finally {
            detecting.close();
            writer.close();
            store.close();
            capture.close();
        }
    }
}
