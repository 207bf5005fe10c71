package io.iotwatch.packet.features;

import static io.iotwatch.packet.testing.Frames.ACK;
import static io.iotwatch.packet.testing.Frames.FIN;
import static io.iotwatch.packet.testing.Frames.PSH;
import static io.iotwatch.packet.testing.Frames.RST;
import static io.iotwatch.packet.testing.Frames.SYN;
import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.packet.decode.PacketDecoder;
import io.iotwatch.packet.decode.Protocols;
import io.iotwatch.packet.flow.FlowConfig;
import io.iotwatch.packet.flow.FlowTable;
import io.iotwatch.packet.testing.Frames;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Run by a flow table, the dataset mode keeps a flow's state in the table's record while the table holds the
 * flow; on its own, in its dictionary only. The rows must not tell the two apart, whatever the table does
 * with its flows (ends them on FIN, RST or timeouts, starts them over, evicts them when full) and whenever
 * the dictionary starts afresh.
 */
class CicIot2023FlowStateTest {

    private static final int[] FLAGS = {SYN, SYN | ACK, ACK, PSH | ACK, FIN | ACK, RST, RST | ACK, 0};

    @ParameterizedTest(name = "table of {0} flows, dictionary of {1}, {2} addresses, seed {3}")
    @CsvSource({"4, 1024, 3, 1", "64, 8, 3, 2", "16, 16, 3, 3", "1024, 1024, 3, 4", "2, 3, 3, 5", "64, 1024, 200, 6",
            "1024, 4096, 200, 7"})
    void rowsAreTheSameWhetherTheFlowTableHoldsTheStateOrNot(int tableFlows, int dictionaryFlows, int addresses, long seed) {
        RowCollector inTable = new RowCollector();
        RowCollector alone = new RowCollector();
        CicIot2023FeatureExtractor attached = new CicIot2023FeatureExtractor(dictionaryFlows, 1, inTable);
        CicIot2023FeatureExtractor unattached = new CicIot2023FeatureExtractor(dictionaryFlows, 1, alone);
        FlowConfig d = FlowConfig.defaults();
        // Short timeouts, so that flows end between their packets as well as on FIN and RST.
        Duration idle = Duration.ofSeconds(2);
        FlowTable table = new FlowTable(new FlowConfig(tableFlows, idle, idle, idle, idle, idle, Duration.ofSeconds(5)),
                (flows, slot, reason) -> {}, List.of(attached));
        PacketDecoder decoder = new PacketDecoder();
        SplittableRandom random = new SplittableRandom(seed);
        long time = 1_700_000_000_000_000_000L;
        for (int i = 0; i < 50_000; i++) {
            byte[] frame = randomFrame(random, addresses);
            time += random.nextInt(8) == 0 ? random.nextLong(3_000_000_000L) : random.nextInt(1_000_000);
            decoder.decode(frame, 0, frame.length, Protocols.LINK_ETHERNET);
            table.track(decoder, time, frame.length);
            unattached.packet(decoder, time, frame.length, -1, true, false);
        }
        table.flush();
        assertThat(attached.flowResets()).isEqualTo(unattached.flowResets());
        assertThat(inTable.rows).hasSize(50_000).hasSameSizeAs(alone.rows);
        for (int row = 0; row < inTable.rows.size(); row++) {
            if (!Arrays.equals(inTable.rows.get(row).features(), alone.rows.get(row).features())) {
                assertThat(inTable.rows.get(row).features()).as("row %d", row).containsExactly(alone.rows.get(row).features());
            }
        }
        if (dictionaryFlows < 100) {
            assertThat(attached.flowResets()).isPositive();
        }
    }

    /**
     * Few endpoints, so that flows come back, in both directions, over TCP and UDP; with many addresses, most
     * flows are new to the dictionary.
     */
    private static byte[] randomFrame(SplittableRandom random, int addresses) {
        int a = Frames.A + random.nextInt(addresses);
        int b = Frames.A + random.nextInt(addresses);
        int aPort = 1000 + random.nextInt(3);
        int bPort = random.nextBoolean() ? 80 : 1000 + random.nextInt(3);
        int payload = random.nextInt(200);
        if (random.nextInt(3) == 0) {
            return Frames.udp(a, aPort, b, bPort, payload);
        }
        return Frames.tcp(a, aPort, b, bPort, FLAGS[random.nextInt(FLAGS.length)], payload);
    }
}
