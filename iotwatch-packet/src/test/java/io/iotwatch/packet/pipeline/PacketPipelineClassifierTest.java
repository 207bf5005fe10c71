package io.iotwatch.packet.pipeline;

import static io.iotwatch.packet.testing.Frames.ACK;
import static io.iotwatch.packet.testing.Frames.FIN;
import static io.iotwatch.packet.testing.Frames.PSH;
import static io.iotwatch.packet.testing.Frames.SYN;
import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.core.event.ClassificationEvent;
import io.iotwatch.core.event.Endpoint;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventType;
import io.iotwatch.packet.capture.CaptureFiles;
import io.iotwatch.packet.capture.CaptureReader;
import io.iotwatch.packet.features.FeatureColumns;
import io.iotwatch.packet.features.RowClassifier;
import io.iotwatch.packet.flow.FlowConfig;
import io.iotwatch.packet.testing.Frames;
import io.iotwatch.packet.testing.Pcaps;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A model in the packet path: every row reaches it, and its verdicts become classification events. */
class PacketPipelineClassifierTest {

    private static final int CLIENT = Frames.ip("192.168.1.10");
    private static final int SERVER = Frames.ip("192.168.1.1");

    /** Calls every SSH row a brute force with confidence 0.9, everything else benign; counts the rows it saw. */
    private static final class SshIsBruteForce implements RowClassifier {
        final int window;
        final List<Double> packetsPerRow = new ArrayList<>();

        SshIsBruteForce(int window) {
            this.window = window;
        }

        @Override
        public int window() {
            return window;
        }

        @Override
        public int classify(double[] row) {
            packetsPerRow.add(row[FeatureColumns.NUMBER]);
            return row[FeatureColumns.SSH] > 0 ? 0 : -1;
        }

        @Override
        public double confidence() {
            return 0.9;
        }

        @Override
        public String className(int index) {
            return "DictionaryBruteForce";
        }

        @Override
        public String group(int index) {
            return "BruteForce";
        }

        @Override
        public String model() {
            return "test@00";
        }
    }

    private static byte[] capture() {
        return Pcaps.of(List.of(
                Frames.tcp(CLIENT, 40000, SERVER, 22, SYN, 0),
                Frames.tcp(SERVER, 22, CLIENT, 40000, SYN | ACK, 0),
                Frames.tcp(CLIENT, 40000, SERVER, 22, PSH | ACK, 300),
                Frames.tcp(SERVER, 22, CLIENT, 40000, FIN | ACK, 200),
                Frames.tcp(CLIENT, 40001, SERVER, 80, SYN, 0),
                Frames.icmpEcho(CLIENT, SERVER, 16, 64)), 1_700_000_000);
    }

    private static PacketPipeline.Result run(RowClassifier model, List<Event> events) throws Exception {
        PacketPipeline pipeline = new PacketPipeline(FlowConfig.defaults(), batch -> events.addAll(batch.events()), 16,
                List.of(), model);
        try (CaptureReader reader = CaptureFiles.open(new ByteArrayInputStream(capture()))) {
            return pipeline.run(reader, "test", (packets, bytes) -> {});
        }
    }

    @Test
    void eachFlowIsClassifiedAsItEndsAndVerdictsCarryTheFlow() throws Exception {
        SshIsBruteForce model = new SshIsBruteForce(0);
        List<Event> events = new ArrayList<>();
        PacketPipeline.Result result = run(model, events);

        assertThat(result.rowsClassified()).isEqualTo(3);
        assertThat(model.packetsPerRow).containsExactlyInAnyOrder(4.0, 1.0, 1.0);
        assertThat(result.events()).containsEntry(EventType.CLASSIFICATION, 1L);
        ClassificationEvent verdict = events.stream().filter(ClassificationEvent.class::isInstance)
                .map(ClassificationEvent.class::cast).findFirst().orElseThrow();
        assertThat(verdict.attackClass()).isEqualTo("DictionaryBruteForce");
        assertThat(verdict.group()).isEqualTo("BruteForce");
        assertThat(verdict.model()).isEqualTo("test@00");
        assertThat(verdict.confidence()).isEqualTo(0.9);
        assertThat(verdict.protocol()).isEqualTo("tcp");
        assertThat(verdict.source()).isEqualTo(new Endpoint("192.168.1.10", 40000));
        assertThat(verdict.destination()).isEqualTo(new Endpoint("192.168.1.1", 22));
        assertThat(verdict.duration().toSeconds()).isEqualTo(3);
        assertThat(verdict.communityId().text()).startsWith("1:");
        assertThat(verdict.time().getEpochSecond()).isEqualTo(1_700_000_000);
    }

    @Test
    void aWindowModelSeesWindowsOfPacketsAndItsVerdictsNameNoFlow() throws Exception {
        SshIsBruteForce model = new SshIsBruteForce(3);
        List<Event> events = new ArrayList<>();
        PacketPipeline.Result result = run(model, events);

        assertThat(result.rowsClassified()).isEqualTo(2);
        assertThat(events).filteredOn(ClassificationEvent.class::isInstance).isNotEmpty()
                .allSatisfy(e -> assertThat(((ClassificationEvent) e).source()).isEqualTo(Endpoint.UNKNOWN));
    }

    @Test
    void withoutAModelNothingIsClassified() throws Exception {
        List<Event> events = new ArrayList<>();
        PacketPipeline pipeline = new PacketPipeline(FlowConfig.defaults(), batch -> events.addAll(batch.events()), 16,
                List.of());
        try (CaptureReader reader = CaptureFiles.open(new ByteArrayInputStream(capture()))) {
            PacketPipeline.Result result = pipeline.run(reader, "test", (packets, bytes) -> {});
            assertThat(result.rowsClassified()).isZero();
            assertThat(result.events()).containsEntry(EventType.CLASSIFICATION, 0L);
        }
    }
}
