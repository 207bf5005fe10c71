package io.iotwatch.packet.features;

import static io.iotwatch.packet.features.FeatureColumns.*;
import static io.iotwatch.packet.testing.Frames.A;
import static io.iotwatch.packet.testing.Frames.ACK;
import static io.iotwatch.packet.testing.Frames.B;
import static io.iotwatch.packet.testing.Frames.C;
import static io.iotwatch.packet.testing.Frames.CWR;
import static io.iotwatch.packet.testing.Frames.ECE;
import static io.iotwatch.packet.testing.Frames.FIN;
import static io.iotwatch.packet.testing.Frames.PSH;
import static io.iotwatch.packet.testing.Frames.RST;
import static io.iotwatch.packet.testing.Frames.SYN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.iotwatch.logs.TestFiles;
import io.iotwatch.packet.decode.Protocols;
import io.iotwatch.packet.testing.Frames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-computed rows of the {@code ciciot2023} mode. Frame lengths: Ethernet 14 + IPv4 20 + TCP 20 = 54
 * bytes plus payload, UDP 42 plus payload, ICMP echo 42 plus payload; times are whole or binary fractions of
 * seconds after {@link #T0}, so every expected value below is exact.
 */
class CicIot2023FeatureExtractorTest {

    /** 2023-11-14T22:13:20Z, in seconds. */
    private static final long T0 = 1_700_000_000L;

    private final RowCollector rows = new RowCollector();

    private static long at(double secondsAfterT0) {
        return T0 * 1_000_000_000L + Math.round(secondsAfterT0 * 1e9);
    }

    private FlowHarness perPacket() {
        return new FlowHarness(new CicIot2023FeatureExtractor(64, 1, rows), 64);
    }

    private double[] row(int index) {
        return rows.rows.get(index).features();
    }

    @Test
    void perPacketRowsOfTcpUdpIcmpAndArp() {
        FlowHarness harness = perPacket();
        harness.packet(Frames.tcp(A, 40000, B, 80, SYN, 0, 64), at(0));                 // 54 bytes
        harness.packet(Frames.tcp(B, 80, A, 40000, SYN | ACK, 12, 128), at(0.5));       // 66
        harness.packet(Frames.tcp(A, 40000, B, 80, FIN | PSH | ACK, 6, 64), at(1));     // 60
        harness.packet(Frames.tcp(B, 80, A, 40000, RST | ECE | CWR, 0, 128), at(1.25)); // 54
        harness.packet(Frames.udp(A, 5353, C, 53, 20, 64), at(1.5));                    // 62
        harness.packet(Frames.udp(C, 53, A, 5353, 40, 64), at(2));                      // 82
        harness.packet(Frames.icmpEcho(A, B, 0, 64), at(2.5));                          // 42
        harness.packet(Frames.arp(A, B), at(3));                                        // 60 with padding
        harness.packet(Frames.ipv6Udp(5353, 53, 20), at(3.5));                          // no row: IPv6

        assertThat(rows.rows).hasSize(8);

        // SYN, the flow's first packet: its Header_Length is its own 54 bytes; no duration, so Rate keeps its
        // starting 0. IAT of the very first row is the timestamp itself. One frame in the size buffer:
        // Magnitue sqrt(54 + 54), Weight 1 * 1.
        double[] r = row(0);
        assertThat(r[FLOW_DURATION]).isZero();
        assertThat(r[HEADER_LENGTH]).isEqualTo(54);
        assertThat(r[PROTOCOL_TYPE]).isEqualTo(6);
        assertThat(r[DURATION]).isEqualTo(64);
        assertThat(r[RATE]).isZero();
        assertThat(r[SRATE]).isZero();
        assertThat(r[DRATE]).isZero();
        assertThat(r[SYN_FLAG_NUMBER]).isEqualTo(1);
        assertThat(r[ACK_FLAG_NUMBER]).isZero();
        assertThat(r[SYN_COUNT]).isEqualTo(1);
        assertThat(r[HTTP]).isEqualTo(1);
        assertThat(r[TCP]).isEqualTo(1);
        assertThat(r[UDP]).isZero();
        assertThat(r[IPV]).isEqualTo(1);
        assertThat(r[LLC]).isEqualTo(1);
        assertThat(r[ARP]).isZero();
        assertThat(r[TOT_SUM]).isEqualTo(54);
        assertThat(r[MIN]).isEqualTo(54);
        assertThat(r[MAX]).isEqualTo(54);
        assertThat(r[AVG]).isEqualTo(54);
        assertThat(r[STD]).isZero();
        assertThat(r[TOT_SIZE]).isEqualTo(54);
        assertThat(r[IAT]).isEqualTo(1.7e9);
        assertThat(r[NUMBER]).isEqualTo(1);
        assertThat(r[MAGNITUE]).isEqualTo(Math.sqrt(108));
        assertThat(r[RADIUS]).isZero();
        assertThat(r[COVARIANCE]).isZero();
        assertThat(r[VARIANCE]).isZero();
        assertThat(r[WEIGHT]).isEqualTo(1);

        // SYN-ACK, 0.5 s later: the flow holds 54 + 66 = 120 bytes over 0.5 s, Rate = Srate = 2 / 0.5 = 4.
        // Its ACK is counted under rst_count, its SYN makes syn_count 2. Buffer {54, 66}: mean 60,
        // deviations ±6, variance 36, so Std 6, Radius sqrt(72), Covariance 36, Variance 1, Weight 4.
        r = row(1);
        assertThat(r[FLOW_DURATION]).isEqualTo(0.5);
        assertThat(r[HEADER_LENGTH]).isEqualTo(120);
        assertThat(r[DURATION]).isEqualTo(128);
        assertThat(r[RATE]).isEqualTo(4);
        assertThat(r[SRATE]).isEqualTo(4);
        assertThat(r[DRATE]).isZero();
        assertThat(r[SYN_FLAG_NUMBER]).isEqualTo(1);
        assertThat(r[ACK_FLAG_NUMBER]).isEqualTo(1);
        assertThat(r[SYN_COUNT]).isEqualTo(2);
        assertThat(r[RST_COUNT]).isEqualTo(1);
        assertThat(r[ACK_COUNT]).isZero();
        assertThat(r[TOT_SUM]).isEqualTo(120);
        assertThat(r[MAX]).isEqualTo(66);
        assertThat(r[AVG]).isEqualTo(60);
        assertThat(r[STD]).isEqualTo(6);
        assertThat(r[IAT]).isEqualTo(0.5);
        assertThat(r[NUMBER]).isEqualTo(2);
        assertThat(r[MAGNITUE]).isEqualTo(Math.sqrt(120));
        assertThat(r[RADIUS]).isEqualTo(Math.sqrt(72));
        assertThat(r[COVARIANCE]).isEqualTo(36);
        assertThat(r[VARIANCE]).isEqualTo(1);
        assertThat(r[WEIGHT]).isEqualTo(4);

        // FIN+PSH+ACK at 1 s: 3 packets / 1 s. FIN is counted under ack_count, PSH under urg_count, the
        // second ACK makes rst_count 2. Buffer {54, 66, 60}: variance (36 + 36 + 0) / 3 = 24.
        r = row(2);
        assertThat(r[FLOW_DURATION]).isEqualTo(1);
        assertThat(r[HEADER_LENGTH]).isEqualTo(180);
        assertThat(r[RATE]).isEqualTo(3);
        assertThat(r[FIN_FLAG_NUMBER]).isEqualTo(1);
        assertThat(r[PSH_FLAG_NUMBER]).isEqualTo(1);
        assertThat(r[ACK_COUNT]).isEqualTo(1);
        assertThat(r[SYN_COUNT]).isEqualTo(2);
        assertThat(r[FIN_COUNT]).isZero();
        assertThat(r[URG_COUNT]).isEqualTo(1);
        assertThat(r[RST_COUNT]).isEqualTo(2);
        assertThat(r[STD]).isEqualTo(Math.sqrt(24));
        assertThat(r[COVARIANCE]).isEqualTo(24);
        assertThat(r[RADIUS]).isEqualTo(Math.sqrt(48));
        assertThat(r[WEIGHT]).isEqualTo(9);

        // RST+ECE+CWR at 1.25 s: 4 / 1.25 = 3.2; the RST is counted under fin_count. Buffer {54, 66, 60, 54}:
        // sum 234, mean 58.5, variance (4.5² + 7.5² + 1.5² + 4.5²) / 4 = 99 / 4.
        r = row(3);
        assertThat(r[RST_FLAG_NUMBER]).isEqualTo(1);
        assertThat(r[ECE_FLAG_NUMBER]).isEqualTo(1);
        assertThat(r[CWR_FLAG_NUMBER]).isEqualTo(1);
        assertThat(r[FIN_COUNT]).isEqualTo(1);
        assertThat(r[RATE]).isEqualTo(3.2);
        assertThat(r[HEADER_LENGTH]).isEqualTo(234);
        assertThat(r[TOT_SUM]).isEqualTo(234);
        assertThat(r[AVG]).isEqualTo(58.5);
        assertThat(r[STD]).isEqualTo(Math.sqrt(24.75));
        assertThat(r[IAT]).isEqualTo(0.25);

        // A DNS query opens a UDP flow: no duration yet, so Rate and Srate carry the TCP flow's 3.2 over.
        r = row(4);
        assertThat(r[PROTOCOL_TYPE]).isEqualTo(17);
        assertThat(r[UDP]).isEqualTo(1);
        assertThat(r[TCP]).isZero();
        assertThat(r[DNS]).isEqualTo(1);
        assertThat(r[HTTP]).isZero();
        assertThat(r[HEADER_LENGTH]).isEqualTo(62);
        assertThat(r[FLOW_DURATION]).isZero();
        assertThat(r[RATE]).isEqualTo(3.2);
        assertThat(r[SRATE]).isEqualTo(3.2);
        assertThat(r[SYN_COUNT]).isZero();

        // Its answer, 0.5 s later: 2 packets / 0.5 s, 62 + 82 bytes.
        r = row(5);
        assertThat(r[FLOW_DURATION]).isEqualTo(0.5);
        assertThat(r[HEADER_LENGTH]).isEqualTo(144);
        assertThat(r[RATE]).isEqualTo(4);
        assertThat(r[TOT_SIZE]).isEqualTo(82);

        // ICMP belongs to no flow in the original: 0 duration and Header_Length, Rate carried over.
        r = row(6);
        assertThat(r[ICMP]).isEqualTo(1);
        assertThat(r[PROTOCOL_TYPE]).isEqualTo(1);
        assertThat(r[TCP] + r[UDP]).isZero();
        assertThat(r[HEADER_LENGTH]).isZero();
        assertThat(r[RATE]).isEqualTo(4);
        assertThat(r[TOT_SIZE]).isEqualTo(42);

        // ARP: padding counted, no IP columns. Buffer: 54+66+60+54+62+82+42+60 = 480 over 8 frames.
        r = row(7);
        assertThat(r[ARP]).isEqualTo(1);
        assertThat(r[IPV]).isZero();
        assertThat(r[LLC]).isZero();
        assertThat(r[PROTOCOL_TYPE]).isZero();
        assertThat(r[DURATION]).isZero();
        assertThat(r[TOT_SIZE]).isEqualTo(60);
        assertThat(r[RATE]).isEqualTo(4);
        assertThat(r[NUMBER]).isEqualTo(8);
        assertThat(r[TOT_SUM]).isEqualTo(480);
        assertThat(r[MIN]).isEqualTo(42);
        assertThat(r[MAX]).isEqualTo(82);
        assertThat(r[AVG]).isEqualTo(60);
    }

    /** TCP ports of the original: IRC is FTP's 21, and IRC's own 6667 counts as nothing. */
    @ParameterizedTest
    @CsvSource({"443, 20", "23, 22", "25, 23", "22, 24", "21, 25", "80, 19"})
    void tcpServicesByEitherPort(int port, int column) {
        FlowHarness harness = perPacket();
        harness.packet(Frames.tcp(A, 50000, B, port, SYN, 0, 64), at(0));
        harness.packet(Frames.tcp(B, port, A, 50000, ACK, 0, 64), at(1));
        harness.packet(Frames.tcp(A, 50001, B, 6667, SYN, 0, 64), at(2));
        assertThat(row(0)[column]).isEqualTo(1);
        assertThat(row(1)[column]).isEqualTo(1);
        for (int service = HTTP; service <= IRC; service++) {
            assertThat(row(2)[service]).as(FeatureColumns.names().get(service)).isZero();
            if (service != column) {
                assertThat(row(0)[service]).as(FeatureColumns.names().get(service)).isZero();
            }
        }
    }

    /** The original takes DHCP as source port 67 or destination port 68: server answers, not requests. */
    @Test
    void dhcpIsOnlyTheServersSide() {
        FlowHarness harness = perPacket();
        harness.packet(Frames.udp(C, 67, A, 68, 300, 64), at(0));
        harness.packet(Frames.udp(A, 68, C, 67, 300, 64), at(1));
        assertThat(row(0)[DHCP]).isEqualTo(1);
        assertThat(row(1)[DHCP]).isZero();
    }

    /** Drate is 0 but for a flow from an endpoint to itself, where the reversed key finds the same flow. */
    @Test
    void drateOnlyForAFlowToItself() {
        FlowHarness harness = perPacket();
        harness.packet(Frames.tcp(A, 1000, A, 1000, SYN, 0, 64), at(0));
        harness.packet(Frames.tcp(A, 1000, A, 1000, SYN, 0, 64), at(0.5));
        assertThat(row(1)[RATE]).isEqualTo(4);
        assertThat(row(1)[DRATE]).isEqualTo(4);
    }

    /**
     * 21 frames of 54 + i bytes, 0.25 s apart. The 20th row closes the buffer: its statistics cover 20 frames
     * (sum 20 × 54 + 190 = 1270, mean 63.5), Number drops to 0, IAT is the absolute timestamp, and the
     * stream values stay those of the 19 frames before (mean 63, Weight 19²). The 21st starts over.
     */
    @Test
    void theSizeBufferEmptiesEveryTwentyFrames() {
        FlowHarness harness = perPacket();
        for (int i = 0; i <= 20; i++) {
            harness.packet(Frames.tcp(A, 40000, B, 8883, ACK, i, 64), at(i * 0.25));
        }
        double[] nineteenth = row(18);
        double[] twentieth = row(19);
        double[] next = row(20);
        assertThat(nineteenth[NUMBER]).isEqualTo(19);
        assertThat(nineteenth[MAGNITUE]).isEqualTo(Math.sqrt(126));
        assertThat(twentieth[NUMBER]).isZero();
        assertThat(twentieth[TOT_SUM]).isEqualTo(1270);
        assertThat(twentieth[MIN]).isEqualTo(54);
        assertThat(twentieth[MAX]).isEqualTo(73);
        assertThat(twentieth[AVG]).isEqualTo(63.5);
        assertThat(twentieth[IAT]).isEqualTo(1.7e9 + 4.75);
        assertThat(twentieth[MAGNITUE]).isEqualTo(Math.sqrt(126));
        assertThat(twentieth[WEIGHT]).isEqualTo(361);
        assertThat(twentieth[RADIUS]).isEqualTo(nineteenth[RADIUS]);
        assertThat(next[NUMBER]).isEqualTo(1);
        assertThat(next[TOT_SUM]).isEqualTo(74);
        assertThat(next[IAT]).isEqualTo(0.25);
        assertThat(next[WEIGHT]).isEqualTo(1);
        assertThat(next[HEADER_LENGTH]).isEqualTo(21 * 54 + 210);
    }

    @Test
    void averagesWindowsOfRowsAndTheLastPartialOneOnFinish() {
        CicIot2023FeatureExtractor extractor = new CicIot2023FeatureExtractor(64, 4, rows);
        FlowHarness harness = new FlowHarness(extractor, 64);
        harness.packet(Frames.tcp(A, 40000, B, 80, SYN, 0, 64), at(0));
        harness.packet(Frames.tcp(B, 80, A, 40000, SYN | ACK, 12, 128), at(0.5));
        harness.packet(Frames.tcp(A, 40000, B, 80, FIN | PSH | ACK, 6, 64), at(1));
        harness.packet(Frames.tcp(B, 80, A, 40000, RST | ECE | CWR, 0, 128), at(1.25));
        harness.packet(Frames.icmpEcho(A, B, 0, 64), at(2));
        assertThat(rows.rows).hasSize(1);

        // The four rows of the test above: flow_duration (0 + 0.5 + 1 + 1.25) / 4, Header_Length
        // (54 + 120 + 180 + 234) / 4, Rate (0 + 4 + 3 + 3.2) / 4, Number (1 + 2 + 3 + 4) / 4, Weight
        // (1 + 4 + 9 + 16) / 4, Duration (64 + 128 + 64 + 128) / 4.
        RowCollector.Row window = rows.rows.getFirst();
        assertThat(window.slot()).isEqualTo(-1);
        assertThat(window.startNanos()).isEqualTo(at(0));
        assertThat(window.endNanos()).isEqualTo(at(1.25));
        assertThat(window.get(FLOW_DURATION)).isEqualTo(0.6875);
        assertThat(window.get(HEADER_LENGTH)).isEqualTo(147);
        assertThat(window.get(RATE)).isCloseTo(2.55, within(1e-15));
        assertThat(window.get(NUMBER)).isEqualTo(2.5);
        assertThat(window.get(WEIGHT)).isEqualTo(7.5);
        assertThat(window.get(DURATION)).isEqualTo(96);
        assertThat(window.get(SYN_FLAG_NUMBER)).isEqualTo(0.5);

        extractor.finish();
        assertThat(rows.rows).hasSize(2);
        assertThat(rows.last().get(ICMP)).isEqualTo(1);
        assertThat(rows.last().get(NUMBER)).isEqualTo(5);
        extractor.finish();
        assertThat(rows.rows).hasSize(2);
    }

    /**
     * Floods of one frame size, averaged over 120 rows, give rows of the released dataset to the last digit
     * in every column that does not depend on time or on the traffic before (Rate, Srate, IAT). Over 100 rows
     * numpy's summation would give 9.165151389911681 for the ICMP flood's Magnitue, not the dataset's
     * 9.16515138991168: the published flood rows average 120 (or 140) packets, not 100. Over 140 rows the
     * summation splits the rows in halves.
     */
    @ParameterizedTest(name = "{0}, {2} rows")
    @CsvSource({"DDoS-SYN_Flood, 1, 120", "DDoS-ICMP_Flood, 5, 120", "Mirai-greeth_flood, 3, 120",
            "DDoS-RSTFINFlood, 27, 120", "DDoS-PSHACK_Flood, 28, 120", "DDoS-ICMP_Flood, 5, 140",
            "Mirai-greeth_flood, 3, 140"})
    void constantFloodsReproduceDatasetRows(String label, int sampleRow, int window) throws IOException {
        Optional<Path> folder = TestFiles.sharedData("ciciot2023");
        Assumptions.assumeTrue(folder.isPresent(), "shared/data/ciciot2023 not found");
        List<String> lines = Files.readAllLines(folder.get().resolve("kittu7738-ciciot2023_sample.csv"));
        String[] expected = lines.get(sampleRow + 1).split(",");
        assertThat(expected[COUNT]).isEqualTo(label);

        CicIot2023FeatureExtractor extractor = new CicIot2023FeatureExtractor(1024, window, rows);
        FlowHarness harness = new FlowHarness(extractor, 1024);
        for (int i = 0; i < window; i++) {
            // Spoofed floods: every packet from a new port, so each opens its own flow.
            byte[] frame = switch (label) {
                case "DDoS-SYN_Flood" -> Frames.tcp(A, 1024 + i, B, 8080, SYN, 0, 64);
                case "DDoS-RSTFINFlood" -> Frames.tcp(A, 1024 + i, B, 8080, RST | FIN, 0, 64);
                case "DDoS-PSHACK_Flood" -> Frames.tcp(A, 1024 + i, B, 8080, PSH | ACK, 0, 64);
                case "DDoS-ICMP_Flood" -> Frames.icmpEcho(A, B, 0, 64);
                default -> Frames.ipv4Other(Protocols.IP_GRE, A, B, 592 - 34, 64);
            };
            harness.packet(frame, at(i * 0.001));
        }
        assertThat(rows.rows).hasSize(1);
        StringBuilder value = new StringBuilder();
        for (int column = 0; column < COUNT; column++) {
            if (column == RATE || column == SRATE || column == IAT) {
                continue;
            }
            value.setLength(0);
            PythonFloats.appendRepr(value, rows.last().get(column));
            assertThat(value.toString()).as(FeatureColumns.names().get(column)).isEqualTo(expected[column]);
        }
    }

    @Test
    void undecodableIpv4IsSkippedAndCounted() {
        CicIot2023FeatureExtractor extractor = new CicIot2023FeatureExtractor(64, 1, rows);
        FlowHarness harness = new FlowHarness(extractor, 64);
        byte[] frame = Frames.tcp(A, 40000, B, 80, SYN, 0, 64);
        frame[14] = 0x65; // IP version 6 inside an IPv4 EtherType
        harness.packet(frame, at(0));
        harness.packet(java.util.Arrays.copyOf(Frames.tcp(A, 40000, B, 80, SYN, 0, 64), 20), at(0));
        assertThat(rows.rows).isEmpty();
        assertThat(extractor.skippedPackets()).isEqualTo(2);
    }

    /** Where the capture cut the frame short, dpkt only sees the bytes captured. */
    @Test
    void aTruncatedFrameCountsTheBytesCaptured() {
        FlowHarness harness = perPacket();
        byte[] whole = Frames.tcp(A, 40000, B, 80, ACK, 1000, 64);
        harness.packet(whole, 0, 100, Protocols.LINK_ETHERNET, at(0), whole.length);
        harness.packet(Frames.padded(Frames.tcp(A, 40000, B, 80, ACK, 0, 64), 60), at(1));
        assertThat(row(0)[TOT_SIZE]).isEqualTo(100);
        // Ethernet padding is not part of dpkt's frame: 54, not 60.
        assertThat(row(1)[TOT_SIZE]).isEqualTo(54);
    }

    @Test
    void flowMemoryStartsAfreshWhenFull() {
        CicIot2023FeatureExtractor extractor = new CicIot2023FeatureExtractor(2, 1, rows);
        FlowHarness harness = new FlowHarness(extractor, 8);
        harness.packet(Frames.tcp(A, 1, B, 80, SYN, 0, 64), at(0));
        harness.packet(Frames.tcp(A, 2, B, 80, SYN, 0, 64), at(0));
        harness.packet(Frames.tcp(A, 1, B, 80, ACK, 0, 64), at(1));
        assertThat(row(2)[HEADER_LENGTH]).isEqualTo(108);
        assertThat(extractor.flowResets()).isZero();
        harness.packet(Frames.tcp(A, 3, B, 80, SYN, 0, 64), at(2));
        harness.packet(Frames.tcp(A, 1, B, 80, ACK, 0, 64), at(3));
        assertThat(extractor.flowResets()).isEqualTo(1);
        assertThat(row(4)[HEADER_LENGTH]).isEqualTo(54);
    }

    @Test
    void timestampsAsDpktMakesThem() {
        assertThat(CicIot2023FeatureExtractor.seconds(1_666_811_500_123_456_000L)).isEqualTo(1666811500 + 123456 / 1e6);
        assertThat(CicIot2023FeatureExtractor.seconds(1_666_811_500_123_456_789L))
                .isEqualTo(1666811500 + 123456789 / 1e9);
        assertThat(CicIot2023FeatureExtractor.seconds(-500_000_000L)).isEqualTo(-0.5);
    }
}
