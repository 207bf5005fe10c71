package io.iotwatch.packet.features;

import static io.iotwatch.packet.features.FeatureColumns.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.iotwatch.packet.flow.FlowTable;
import io.iotwatch.logs.TestFiles;
import io.iotwatch.packet.decode.PacketDecoder;
import io.iotwatch.packet.flow.FlowObserver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Both modes over every shared capture: the published extractor's quirks hold, flows add up. */
class ThirdPartyFeaturesTest {

    private static List<Path> captures() throws IOException {
        Optional<Path> folder = TestFiles.sharedData("pcap");
        Assumptions.assumeTrue(folder.isPresent(), "shared/data/pcap not found");
        try (var paths = Files.list(folder.get())) {
            return paths.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng"))
                    .sorted().toList();
        }
    }

    @Test
    void theQuirksOfTheOriginalHoldOnEveryPacketRow() throws IOException {
        int checked = 0;
        for (Path capture : captures()) {
            RowCollector rows = new RowCollector();
            CicIot2023FeatureExtractor extractor = new CicIot2023FeatureExtractor(1 << 16, 1, rows);
            new FlowHarness(extractor, 1 << 16).replay(capture);
            for (int i = 0; i < rows.rows.size(); i++) {
                RowCollector.Row row = rows.rows.get(i);
                String where = capture.getFileName() + " row " + i;
                double[] r = row.features();
                assertThat(r[SRATE]).as(where).isEqualTo(r[RATE]);
                assertThat(r[DRATE]).as(where).isZero();
                assertThat(r[LLC]).as(where).isEqualTo(r[IPV]);
                assertThat(r[IPV] + r[ARP]).as(where).isEqualTo(1);
                boolean inFlow = r[TCP] + r[UDP] == 1;
                // Header_Length is the flow's bytes so far, this frame's included.
                assertThat(r[HEADER_LENGTH]).as(where).isGreaterThanOrEqualTo(inFlow ? r[TOT_SIZE] : 0);
                if (!inFlow) {
                    assertThat(r[HEADER_LENGTH] + r[FLOW_DURATION]).as(where).isZero();
                }
                assertThat(r[NUMBER]).as(where).isEqualTo((i + 1) % 20);
                assertThat(r[WEIGHT]).as(where).isEqualTo(r[NUMBER] == 0 ? 361 : r[NUMBER] * r[NUMBER]);
                assertThat(r[VARIANCE]).as(where).isIn(0.0, 1.0);
                if (r[NUMBER] == 0 || i == 0) {
                    assertThat(r[IAT]).as(where).isEqualTo(CicIot2023FeatureExtractor.seconds(row.startNanos()));
                } else {
                    assertThat(r[MAGNITUE] * r[MAGNITUE]).as(where).isCloseTo(2 * r[AVG], within(1e-9 * r[AVG]));
                    assertThat(r[COVARIANCE]).as(where).isCloseTo(r[STD] * r[STD], within(1e-9 * r[AVG] * r[AVG]));
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @Test
    void flowRowsAccountForEveryPacketInAFlow() throws IOException {
        for (Path capture : captures()) {
            RowCollector rows = new RowCollector();
            int[] packetsInFlows = new int[1];
            FlowFeatureExtractor extractor = new FlowFeatureExtractor(1 << 16, rows);
            FlowHarness harness = new FlowHarness(new FlowObserver() {
                @Override
                public void packet(PacketDecoder packet, long timeNanos, int wireLength,
                        int slot, boolean fromInitiator, boolean newFlow) {
                    if (slot >= 0) {
                        packetsInFlows[0]++;
                    }
                    extractor.packet(packet, timeNanos, wireLength, slot, fromInitiator, newFlow);
                }

                @Override
                public void flowEnded(FlowTable flows, int slot) {
                    extractor.flowEnded(flows, slot);
                }
            }, 1 << 16);
            harness.replay(capture);
            harness.endAll();
            double packets = rows.rows.stream().mapToDouble(row -> row.get(NUMBER)).sum();
            assertThat(packets).as(capture.getFileName().toString()).isEqualTo(packetsInFlows[0]);
            for (RowCollector.Row row : rows.rows) {
                assertThat(row.get(RATE)).isCloseTo(row.get(SRATE) + row.get(DRATE), within(1e-9 * row.get(RATE)));
                double seconds = row.get(FLOW_DURATION);
                if (seconds > 0) {
                    // Weight is outgoing × incoming packets, the rates times the duration.
                    double product = row.get(SRATE) * seconds * row.get(DRATE) * seconds;
                    assertThat(row.get(WEIGHT)).isCloseTo(product, within(1e-6 * Math.max(product, 1)));
                }
                assertThat(row.get(MIN)).isLessThanOrEqualTo(row.get(AVG)).isGreaterThanOrEqualTo(0);
                assertThat(row.get(AVG)).isLessThanOrEqualTo(row.get(MAX));
            }
        }
    }
}
