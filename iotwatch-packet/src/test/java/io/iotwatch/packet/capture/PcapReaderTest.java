package io.iotwatch.packet.capture;

import static io.iotwatch.packet.capture.CaptureWriter.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PcapReaderTest {

    private static final int ETHERNET = 1;
    private static final long SECOND = 1_000_000_000L;

    @ParameterizedTest(name = "big endian {0}")
    @ValueSource(booleans = {false, true})
    void readsMicrosecondRecords(boolean bigEndian) throws IOException {
        byte[] file = CaptureWriter.pcap(bigEndian, false, 65535, ETHERNET)
                .record(1_700_000_000L, 123_456, payload(1, 60))
                .record(1_700_000_001L, 999_999, payload(2, 42))
                .bytes();

        Captures.Result result = Captures.read(file);

        assertThat(result.damage()).isEmpty();
        assertThat(result.count()).isEqualTo(2);
        Captures.Packet first = result.packets().get(0);
        assertThat(first.data()).isEqualTo(payload(1, 60));
        assertThat(first.originalLength()).isEqualTo(60);
        assertThat(first.timestampNanos()).isEqualTo(1_700_000_000L * SECOND + 123_456_000L);
        assertThat(first.linkType()).isEqualTo(ETHERNET);
        assertThat(first.interfaceId()).isZero();
        assertThat(first.fileOffset()).isEqualTo(24);
        Captures.Packet second = result.packets().get(1);
        assertThat(second.data()).isEqualTo(payload(2, 42));
        assertThat(second.timestampNanos()).isEqualTo(1_700_000_001L * SECOND + 999_999_000L);
        assertThat(second.fileOffset()).isEqualTo(24 + 16 + 60);
    }

    @ParameterizedTest(name = "big endian {0}")
    @ValueSource(booleans = {false, true})
    void readsNanosecondRecords(boolean bigEndian) throws IOException {
        byte[] file = CaptureWriter.pcap(bigEndian, true, 65535, 113)
                .record(4_000_000_000L, 999_999_999, payload(7, 20))
                .bytes();

        Captures.Packet packet = Captures.read(file).packets().getFirst();

        // Seconds are unsigned: 4e9 lies beyond 2038.
        assertThat(packet.timestampNanos()).isEqualTo(4_000_000_000L * SECOND + 999_999_999L);
        assertThat(packet.linkType()).isEqualTo(113);
    }

    @Test
    void returnsZeroLengthRecords() throws IOException {
        byte[] file = CaptureWriter.pcap(false, false, 65535, ETHERNET)
                .record(1, 0, new byte[0])
                .record(2, 0, payload(0, 3))
                .bytes();

        Captures.Result result = Captures.read(file);

        assertThat(result.damage()).isEmpty();
        assertThat(result.packets()).extracting(p -> p.data().length).containsExactly(0, 3);
    }

    @Test
    void keepsCapturedLengthAboveSnapLengthButNotesIt() throws IOException {
        byte[] file = CaptureWriter.pcap(false, false, 64, ETHERNET)
                .record(1, 0, payload(0, 100))
                .record(2, 0, payload(0, 10))
                .bytes();

        Captures.Result result = Captures.read(file);

        assertThat(result.count()).isEqualTo(2);
        assertThat(result.damage()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(24);
            assertThat(d.problem()).contains("captured length 100", "snapshot length 64");
        });
    }

    @Test
    void stopsAtCapturedLengthAboveOriginalLength() throws IOException {
        byte[] file = CaptureWriter.pcap(false, false, 65535, ETHERNET)
                .record(1, 0, payload(0, 10))
                .record(2, 0, 10, 5, payload(0, 10))
                .bytes();

        Captures.Result result = Captures.read(file);

        assertThat(result.count()).isEqualTo(1);
        assertThat(result.damage()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(24 + 26);
            assertThat(d.problem()).contains("greater than its original length 5");
        });
    }

    @Test
    void stopsAtAbsurdCapturedLength() throws IOException {
        byte[] file = CaptureWriter.pcap(false, false, 65535, ETHERNET)
                .record(1, 0, 300 << 20, 300 << 20, payload(0, 10))
                .bytes();

        Captures.Result result = Captures.read(file);

        assertThat(result.count()).isZero();
        assertThat(result.damage()).singleElement().satisfies(d ->
                assertThat(d.problem()).contains("beyond the limit of 268435456 bytes per record"));
    }

    @Test
    void reportsTruncationInsideRecordHeader() throws IOException {
        byte[] whole = CaptureWriter.pcap(false, false, 65535, ETHERNET)
                .record(1, 0, payload(0, 10))
                .record(2, 0, payload(0, 10))
                .bytes();
        byte[] file = Arrays.copyOf(whole, 24 + 26 + 10);

        Captures.Result result = Captures.read(file);

        assertThat(result.count()).isEqualTo(1);
        assertThat(result.damage()).containsExactly(
                new CaptureDamage(50, "truncated: record at offset 50 needs 16 bytes, 10 left"));
    }

    @Test
    void reportsTruncationInsidePacketData() throws IOException {
        byte[] whole = CaptureWriter.pcap(true, false, 65535, ETHERNET)
                .record(1, 0, payload(0, 10))
                .record(2, 0, payload(0, 100))
                .bytes();
        byte[] file = Arrays.copyOf(whole, whole.length - 30);

        Captures.Result result = Captures.read(file);

        assertThat(result.count()).isEqualTo(1);
        assertThat(result.damage()).containsExactly(
                new CaptureDamage(50, "truncated: record at offset 50 needs 116 bytes, 86 left"));
    }

    @Test
    void stopsAtGarbageAfterGoodRecords() throws IOException {
        CaptureWriter writer = CaptureWriter.pcap(false, false, 65535, ETHERNET);
        for (int i = 0; i < 3; i++) {
            writer.record(i, 0, payload(i, 30));
        }
        int garbageAt = writer.size();
        byte[] garbage = new byte[40];
        Arrays.fill(garbage, (byte) 0xEE);
        byte[] file = writer.raw(garbage).bytes();

        Captures.Result result = Captures.read(file);

        assertThat(result.count()).isEqualTo(3);
        assertThat(result.damage()).singleElement().satisfies(d -> assertThat(d.offset()).isEqualTo(garbageAt));
    }

    @Test
    void staysAtTheEndOnceThere() throws IOException {
        byte[] file = CaptureWriter.pcap(false, false, 65535, ETHERNET).record(1, 0, payload(0, 4)).bytes();
        try (CaptureReader reader = CaptureFiles.open(new ByteArrayInputStream(file))) {
            assertThat(reader.next()).isTrue();
            assertThat(reader.next()).isFalse();
            assertThat(reader.next()).isFalse();
            assertThat(reader.packets()).isEqualTo(1);
        }
    }

    @Test
    void readsRecordsLargerThanTheInitialBufferAndManyAcrossItsEdges() throws IOException {
        CaptureWriter writer = CaptureWriter.pcap(false, false, 0, ETHERNET);
        writer.record(0, 0, payload(9, 3 << 20));
        for (int i = 0; i < 20_000; i++) {
            writer.record(i, 0, payload(i, 97 + i % 13));
        }

        Captures.Result result = Captures.read(writer.bytes());

        assertThat(result.damage()).isEmpty();
        assertThat(result.count()).isEqualTo(20_001);
        assertThat(result.packets().getFirst().data()).isEqualTo(payload(9, 3 << 20));
        for (int i = 0; i < 20_000; i++) {
            assertThat(result.packets().get(i + 1).data()).isEqualTo(payload(i, 97 + i % 13));
        }
    }

    @Test
    void rejectsTruncatedFileHeader() {
        byte[] file = Arrays.copyOf(CaptureWriter.pcap(false, false, 65535, ETHERNET).bytes(), 20);

        assertThatThrownBy(() -> CaptureFiles.open(new ByteArrayInputStream(file)))
                .isInstanceOf(IOException.class)
                .hasMessage("truncated pcap file header: 24 bytes needed, 20 present");
    }
}
