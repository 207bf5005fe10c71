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
import static io.iotwatch.packet.testing.Frames.URG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.iotwatch.packet.testing.Frames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-computed rows of the {@code flow} mode. Every TCP packet here has 20 bytes of IPv4 and 20 of TCP
 * header, so its frame is 54 bytes plus payload; wire lengths equal frame lengths.
 */
class FlowFeatureExtractorTest {

    private static final long T0 = 1_700_000_000_000_000_000L;

    private final RowCollector rows = new RowCollector();
    private final FlowFeatureExtractor extractor = new FlowFeatureExtractor(16, rows);
    private final FlowHarness harness = new FlowHarness(extractor, 16);

    private static long at(double seconds) {
        return T0 + Math.round(seconds * 1e9);
    }

    /**
     * A → B:80: out SYN 54 bytes at 0 s (TTL 64), in SYN+ACK 66 at 0.5 s (TTL 128), out PSH+ACK 154 (100
     * bytes of data) at 1 s, in FIN+ACK 54 at 2 s.
     */
    @Test
    void oneTcpConversation() {
        byte[] syn = Frames.tcp(A, 40000, B, 80, SYN, 0, 64);
        harness.packet(syn, at(0));
        harness.packet(Frames.tcp(B, 80, A, 40000, SYN | ACK, 12, 128), at(0.5));
        harness.packet(Frames.tcp(A, 40000, B, 80, PSH | ACK, 100, 64), at(1));
        harness.packet(Frames.tcp(B, 80, A, 40000, FIN | ACK, 0, 128), at(2));
        assertThat(rows.rows).isEmpty();
        int slot = harness.slotOf(syn);
        harness.end(syn);

        assertThat(rows.rows).hasSize(1);
        RowCollector.Row row = rows.last();
        assertThat(row.slot()).isEqualTo(slot);
        assertThat(row.startNanos()).isEqualTo(at(0));
        assertThat(row.endNanos()).isEqualTo(at(2));
        double[] r = row.features();
        assertThat(r[FLOW_DURATION]).isEqualTo(2);
        // 4 packets × (20 + 20) header bytes.
        assertThat(r[HEADER_LENGTH]).isEqualTo(160);
        assertThat(r[PROTOCOL_TYPE]).isEqualTo(6);
        // (64 + 128 + 64 + 128) / 4.
        assertThat(r[DURATION]).isEqualTo(96);
        // 4 packets, 2 each way, in 2 s.
        assertThat(r[RATE]).isEqualTo(2);
        assertThat(r[SRATE]).isEqualTo(1);
        assertThat(r[DRATE]).isEqualTo(1);
        // FIN 1, SYN 2, RST 0, PSH 1, ACK 3 of 4 packets.
        assertThat(r[FIN_FLAG_NUMBER]).isEqualTo(0.25);
        assertThat(r[SYN_FLAG_NUMBER]).isEqualTo(0.5);
        assertThat(r[RST_FLAG_NUMBER]).isZero();
        assertThat(r[PSH_FLAG_NUMBER]).isEqualTo(0.25);
        assertThat(r[ACK_FLAG_NUMBER]).isEqualTo(0.75);
        assertThat(r[ECE_FLAG_NUMBER]).isZero();
        assertThat(r[CWR_FLAG_NUMBER]).isZero();
        assertThat(r[ACK_COUNT]).isEqualTo(3);
        assertThat(r[SYN_COUNT]).isEqualTo(2);
        assertThat(r[FIN_COUNT]).isEqualTo(1);
        assertThat(r[URG_COUNT]).isZero();
        assertThat(r[RST_COUNT]).isZero();
        assertThat(r[HTTP]).isEqualTo(1);
        assertThat(r[HTTPS] + r[DNS] + r[TELNET] + r[SMTP] + r[SSH] + r[IRC] + r[DHCP]).isZero();
        assertThat(r[TCP]).isEqualTo(1);
        assertThat(r[UDP]).isZero();
        assertThat(r[ICMP]).isZero();
        assertThat(r[ARP]).isZero();
        assertThat(r[IPV]).isEqualTo(1);
        assertThat(r[LLC]).isZero();
        // Lengths 54, 66, 154, 54: sum 328, mean 82, deviations -28, -16, 72, -28, squares
        // 784 + 256 + 5184 + 784 = 7008, population variance 1752.
        assertThat(r[TOT_SUM]).isEqualTo(328);
        assertThat(r[MIN]).isEqualTo(54);
        assertThat(r[MAX]).isEqualTo(154);
        assertThat(r[AVG]).isEqualTo(82);
        assertThat(r[STD]).isCloseTo(Math.sqrt(1752), within(1e-12));
        // Data: 12 + 100 bytes.
        assertThat(r[TOT_SIZE]).isEqualTo(112);
        // 2 s over 3 gaps.
        assertThat(r[IAT]).isEqualTo(2.0 / 3);
        assertThat(r[NUMBER]).isEqualTo(4);
        // Outgoing 54, 154: mean 104, variance 50² = 2500. Incoming 66, 54: mean 60, variance 36.
        assertThat(r[MAGNITUE]).isEqualTo(Math.sqrt(164));
        assertThat(r[RADIUS]).isEqualTo(Math.sqrt(2536));
        // Pairs (last outgoing, incoming): (54, 66) and (154, 54); means 104 and 60;
        // ((54 - 104)(66 - 60) + (154 - 104)(54 - 60)) / 2 = (-300 - 300) / 2.
        assertThat(r[COVARIANCE]).isEqualTo(-300);
        assertThat(r[VARIANCE]).isEqualTo(36.0 / 2500);
        assertThat(r[WEIGHT]).isEqualTo(4);
    }

    @Test
    void urgEceCwrAndRstAreCountedUnderTheirOwnNames() {
        byte[] first = Frames.tcp(A, 40000, B, 22, URG | ECE | CWR, 0, 64);
        harness.packet(first, at(0));
        harness.packet(Frames.tcp(B, 22, A, 40000, RST, 0, 64), at(1));
        harness.end(first);
        double[] r = rows.last().features();
        assertThat(r[URG_COUNT]).isEqualTo(1);
        assertThat(r[RST_COUNT]).isEqualTo(1);
        assertThat(r[RST_FLAG_NUMBER]).isEqualTo(0.5);
        assertThat(r[ECE_FLAG_NUMBER]).isEqualTo(0.5);
        assertThat(r[CWR_FLAG_NUMBER]).isEqualTo(0.5);
        assertThat(r[SSH]).isEqualTo(1);
    }

    /** A one-packet UDP flow: no duration, so no rates and no gaps; nothing incoming. */
    @Test
    void aSingleDnsQuery() {
        harness.packet(Frames.udp(A, 5353, C, 53, 30, 255), at(0));
        harness.endAll();
        double[] r = rows.last().features();
        assertThat(r[PROTOCOL_TYPE]).isEqualTo(17);
        assertThat(r[UDP]).isEqualTo(1);
        assertThat(r[DNS]).isEqualTo(1);
        assertThat(r[DURATION]).isEqualTo(255);
        assertThat(r[FLOW_DURATION]).isZero();
        assertThat(r[RATE] + r[SRATE] + r[DRATE] + r[IAT]).isZero();
        // IPv4 20 + UDP 8 header bytes, 30 of data, 72-byte frame.
        assertThat(r[HEADER_LENGTH]).isEqualTo(28);
        assertThat(r[TOT_SIZE]).isEqualTo(30);
        assertThat(r[TOT_SUM]).isEqualTo(72);
        assertThat(r[STD]).isZero();
        assertThat(r[MAGNITUE]).isEqualTo(Math.sqrt(72));
        assertThat(r[WEIGHT] + r[COVARIANCE] + r[VARIANCE] + r[RADIUS]).isZero();
    }

    @Test
    void icmpFlowsAndArpPacketsWhichHaveNone() {
        harness.packet(Frames.icmpEcho(A, B, 56, 64), at(0));
        harness.packet(Frames.icmpEcho(B, A, 56, 64), at(0.25));
        harness.packet(Frames.arp(A, B), at(0.5));
        harness.endAll();
        assertThat(rows.rows).hasSize(1);
        double[] r = rows.last().features();
        assertThat(r[ICMP]).isEqualTo(1);
        assertThat(r[PROTOCOL_TYPE]).isEqualTo(1);
        assertThat(r[NUMBER]).isEqualTo(2);
        assertThat(r[HEADER_LENGTH]).isEqualTo(2 * 28);
        assertThat(r[TOT_SIZE]).isEqualTo(2 * 56);
        assertThat(r[ARP]).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        "6, 80, 19", "6, 8080, 19", "6, 443, 20", "17, 443, 20", "6, 8443, 20", "17, 53, 21", "6, 53, 21",
        "6, 23, 22", "6, 2323, 22", "6, 25, 23", "6, 587, 23", "6, 465, 23", "6, 22, 24", "6, 6667, 25",
        "6, 194, 25", "6, 6697, 25", "17, 67, 28", "17, 68, 28", "17, 547, 28", "6, 67, -1", "6, 21, -1",
        "17, 1883, -1",
    })
    void servicesByEitherPort(int protocol, int port, int column) {
        byte[] first = protocol == 6 ? Frames.tcp(A, 50000, B, port, SYN, 0, 64)
                : Frames.udp(A, 50000, B, port, 0, 64);
        harness.packet(first, at(0));
        harness.end(first);
        byte[] reversed = protocol == 6 ? Frames.tcp(B, port, A, 50000, SYN, 0, 64)
                : Frames.udp(B, port, A, 50000, 0, 64);
        harness.packet(reversed, at(1));
        harness.end(reversed);
        for (RowCollector.Row row : rows.rows) {
            for (int service : new int[] {HTTP, HTTPS, DNS, TELNET, SMTP, SSH, IRC, DHCP}) {
                assertThat(row.get(service)).as(FeatureColumns.names().get(service))
                        .isEqualTo(service == column ? 1 : 0);
            }
        }
    }

    @Test
    void aReusedSlotStartsClean() {
        byte[] first = Frames.tcp(A, 1, B, 80, SYN, 100, 64);
        harness.packet(first, at(0));
        harness.end(first);
        byte[] second = Frames.udp(A, 2, C, 53, 0, 32);
        harness.packet(second, at(5));
        assertThat(harness.slotOf(second)).isEqualTo(rows.last().slot());
        harness.end(second);
        double[] r = rows.last().features();
        assertThat(r[NUMBER]).isEqualTo(1);
        assertThat(r[TOT_SUM]).isEqualTo(42);
        assertThat(r[SYN_COUNT]).isZero();
        assertThat(r[DURATION]).isEqualTo(32);
        assertThat(rows.last().startNanos()).isEqualTo(at(5));
    }

    @Test
    void finishEmitsFlowsNotEndedAndEndingTwiceEmitsOnce() {
        harness.packet(Frames.tcp(A, 1, B, 80, SYN, 0, 64), at(0));
        harness.packet(Frames.tcp(A, 2, B, 80, SYN, 0, 64), at(0));
        extractor.finish();
        assertThat(rows.rows).hasSize(2);
        extractor.finish();
        extractor.flowEnded(null, 0);
        extractor.flowEnded(null, -1);
        extractor.flowEnded(null, 99);
        assertThat(rows.rows).hasSize(2);
    }
}
