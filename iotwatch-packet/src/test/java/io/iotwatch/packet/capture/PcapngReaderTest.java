package io.iotwatch.packet.capture;

import static io.iotwatch.packet.capture.CaptureWriter.payload;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PcapngReaderTest {

    private static final int ETHERNET = 1;
    private static final int RAW_IP = 101;
    private static final int SLL2 = 276;
    private static final long SECOND = 1_000_000_000L;
    private static final int SHB = 28;
    private static final int IDB = 20;

    @ParameterizedTest(name = "big endian {0}")
    @ValueSource(booleans = {false, true})
    void readsEnhancedPacketsWithDefaultMicroseconds(boolean bigEndian) throws IOException {
        byte[] file = CaptureWriter.pcapng(bigEndian).section()
                .interfaceBlock(ETHERNET, 65535)
                .enhancedPacket(0, 1_700_000_000_123_456L, payload(1, 61))
                .enhancedPacket(0, 1_700_000_001_000_000L, 61, 1500, payload(2, 61))
                .bytes();

        Captures.Result result = Captures.read(file);

        assertThat(result.damage()).isEmpty();
        assertThat(result.count()).isEqualTo(2);
        Captures.Packet first = result.packets().get(0);
        assertThat(first.data()).isEqualTo(payload(1, 61));
        assertThat(first.timestampNanos()).isEqualTo(1_700_000_000_123_456_000L);
        assertThat(first.linkType()).isEqualTo(ETHERNET);
        assertThat(first.fileOffset()).isEqualTo(SHB + IDB);
        Captures.Packet second = result.packets().get(1);
        assertThat(second.originalLength()).isEqualTo(1500);
        // 32 bytes of block around 61 bytes padded to 64.
        assertThat(second.fileOffset()).isEqualTo(SHB + IDB + 32 + 64);
    }

    @Test
    void appliesMillisecondResolutionAndOffset() throws IOException {
        byte[] file = CaptureWriter.pcapng(false).section()
                .interfaceBlock(ETHERNET, 0, 3, 1_600_000_000L)
                .enhancedPacket(0, 12_345, payload(0, 8))
                .bytes();

        assertThat(Captures.read(file).packets().getFirst().timestampNanos())
                .isEqualTo(1_600_000_012L * SECOND + 345_000_000L);
    }

    @Test
    void appliesPowerOfTwoResolution() throws IOException {
        long seconds = 1_700_000_000L;
        long ticks = (seconds << 20) | (1 << 19);
        byte[] file = CaptureWriter.pcapng(true).section()
                .interfaceBlock(ETHERNET, 0, 0x80 | 20, 0)
                .enhancedPacket(0, ticks, payload(0, 8))
                .bytes();

        assertThat(Captures.read(file).packets().getFirst().timestampNanos())
                .isEqualTo(seconds * SECOND + 500_000_000L);
    }

    @Test
    void keepsTwoInterfacesApart() throws IOException {
        byte[] file = CaptureWriter.pcapng(false).section()
                .interfaceBlock(ETHERNET, 65535)
                .interfaceBlock(RAW_IP, 65535, 9, 0)
                .enhancedPacket(1, 1_700_000_000_000_000_007L, payload(1, 20))
                .enhancedPacket(0, 1_700_000_000_000_001L, payload(2, 60))
                .bytes();

        Captures.Result result = Captures.read(file);

        assertThat(result.packets()).extracting(Captures.Packet::interfaceId).containsExactly(1, 0);
        assertThat(result.packets()).extracting(Captures.Packet::linkType).containsExactly(RAW_IP, ETHERNET);
        assertThat(result.packets()).extracting(Captures.Packet::timestampNanos)
                .containsExactly(1_700_000_000_000_000_007L, 1_700_000_000_000_001_000L);
    }

    @Test
    void readsSimplePacketsUpToTheSnapLength() throws IOException {
        byte[] file = CaptureWriter.pcapng(false).section()
                .interfaceBlock(SLL2, 16)
                .simplePacket(16, payload(3, 16))
                .simplePacket(100, payload(4, 20))
                .simplePacket(5, payload(5, 8))
                .bytes();

        Captures.Result result = Captures.read(file);

        assertThat(result.damage()).isEmpty();
        assertThat(result.packets()).extracting(p -> p.data().length).containsExactly(16, 16, 5);
        assertThat(result.packets().get(1).data()).isEqualTo(payload(4, 16));
        assertThat(result.packets().get(1).originalLength()).isEqualTo(100);
        assertThat(result.packets()).allSatisfy(p -> {
            assertThat(p.linkType()).isEqualTo(SLL2);
            assertThat(p.interfaceId()).isZero();
        });
    }

    @Test
    void stepsOverOtherBlocks() throws IOException {
        byte[] file = CaptureWriter.pcapng(false).section()
                .block(4, payload(0, 23))
                .interfaceBlock(ETHERNET, 65535)
                .block(5, payload(0, 24))
                .enhancedPacket(0, 1, payload(1, 10))
                .block(0x0A, payload(0, 7))
                .block(0xBAD, payload(0, 0))
                .block(0x40000BAD, payload(0, 100))
                .enhancedPacket(0, 2, payload(2, 10))
                .bytes();

        Captures.Result result = Captures.read(file);

        assertThat(result.damage()).isEmpty();
        assertThat(result.packets()).extracting(Captures.Packet::data).containsExactly(payload(1, 10), payload(2, 10));
    }

    @Test
    void resetsInterfacesAtEachSection() throws IOException {
        byte[] first = CaptureWriter.pcapng(false).section()
                .interfaceBlock(ETHERNET, 65535)
                .enhancedPacket(0, 1, payload(1, 10))
                .bytes();
        byte[] second = CaptureWriter.pcapng(true).section()
                .interfaceBlock(RAW_IP, 65535, 9, 0)
                .enhancedPacket(0, 2, payload(2, 10))
                .bytes();
        byte[] stale = CaptureWriter.pcapng(true).section()
                .enhancedPacket(0, 3, payload(3, 10))
                .bytes();

        Captures.Result result = Captures.read(concat(first, second, stale));

        assertThat(result.packets()).extracting(Captures.Packet::linkType).containsExactly(ETHERNET, RAW_IP);
        assertThat(result.packets()).extracting(Captures.Packet::timestampNanos).containsExactly(1_000L, 2L);
        long staleAt = first.length + second.length + SHB;
        assertThat(result.damage()).containsExactly(new CaptureDamage(staleAt,
                "enhanced packet block at offset " + staleAt + " names interface 0, but its section describes 0"));
    }

    @Test
    void stepsOverPacketLongerThanItsBlock() throws IOException {
        byte[] file = CaptureWriter.pcapng(false).section()
                .interfaceBlock(ETHERNET, 65535)
                .enhancedPacket(0, 1, 40, 40, payload(1, 8))
                .enhancedPacket(0, 2, payload(2, 8))
                .bytes();

        Captures.Result result = Captures.read(file);

        assertThat(result.packets()).extracting(Captures.Packet::data).containsExactly(payload(2, 8));
        assertThat(result.damage()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(SHB + IDB);
            assertThat(d.problem()).contains("captured length 40", "8 bytes the block allows");
        });
    }

    @Test
    void notesCapturedLengthAboveOriginalOrSnapLength() throws IOException {
        byte[] file = CaptureWriter.pcapng(false).section()
                .interfaceBlock(ETHERNET, 8)
                .enhancedPacket(0, 1, 12, 10, payload(1, 12))
                .bytes();

        Captures.Result result = Captures.read(file);

        assertThat(result.count()).isEqualTo(1);
        assertThat(result.damage()).extracting(CaptureDamage::problem).satisfiesExactly(
                p -> assertThat(p).contains("greater than its original length 10"),
                p -> assertThat(p).contains("greater than the snapshot length 8"));
    }

    @Test
    void stopsAtMismatchedTrailingLength() throws IOException {
        byte[] file = CaptureWriter.pcapng(false).section()
                .interfaceBlock(ETHERNET, 65535)
                .enhancedPacket(0, 1, payload(1, 8))
                .enhancedPacket(0, 2, payload(2, 8))
                .bytes();
        int secondAt = SHB + IDB + 40;
        file[secondAt + 39] = 0x7F;

        Captures.Result result = Captures.read(file);

        assertThat(result.count()).isEqualTo(1);
        assertThat(result.damage()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(secondAt);
            assertThat(d.problem()).contains("trailing length", "not its leading length 40");
        });
    }

    @Test
    void stopsAtLengthNotMultipleOfFourOrTooShort() throws IOException {
        for (int badLength : new int[] {41, 8, 0}) {
            byte[] file = CaptureWriter.pcapng(false).section()
                    .interfaceBlock(ETHERNET, 65535)
                    .enhancedPacket(0, 1, payload(1, 8))
                    .bytes();
            file[SHB + IDB + 4] = (byte) badLength;

            Captures.Result result = Captures.read(file);

            assertThat(result.count()).isZero();
            assertThat(result.damage()).singleElement().satisfies(d -> {
                assertThat(d.offset()).isEqualTo(SHB + IDB);
                assertThat(d.problem()).contains("total length " + badLength + ": not a multiple of 4 of at least 12");
            });
        }
    }

    @Test
    void reportsTruncationInsideBlockHeaderAndBody() throws IOException {
        byte[] whole = CaptureWriter.pcapng(true).section()
                .interfaceBlock(ETHERNET, 65535)
                .enhancedPacket(0, 1, payload(1, 8))
                .enhancedPacket(0, 2, payload(2, 100))
                .bytes();
        int secondAt = SHB + IDB + 40;

        Captures.Result inHeader = Captures.read(Arrays.copyOf(whole, secondAt + 5));
        Captures.Result inBody = Captures.read(Arrays.copyOf(whole, secondAt + 50));

        assertThat(inHeader.count()).isEqualTo(1);
        assertThat(inHeader.damage()).containsExactly(new CaptureDamage(secondAt,
                "truncated: record at offset " + secondAt + " needs 8 bytes, 5 left"));
        assertThat(inBody.count()).isEqualTo(1);
        assertThat(inBody.damage()).containsExactly(new CaptureDamage(secondAt,
                "truncated: record at offset " + secondAt + " needs 132 bytes, 50 left"));
    }

    @Test
    void stopsAtGarbageAfterGoodPackets() throws IOException {
        CaptureWriter writer = CaptureWriter.pcapng(false).section().interfaceBlock(ETHERNET, 65535);
        for (int i = 0; i < 3; i++) {
            writer.enhancedPacket(0, i, payload(i, 30));
        }
        int garbageAt = writer.size();
        byte[] garbage = payload(0x41, 64);
        byte[] file = writer.raw(garbage).bytes();

        Captures.Result result = Captures.read(file);

        assertThat(result.count()).isEqualTo(3);
        assertThat(result.damage()).singleElement().satisfies(d -> assertThat(d.offset()).isEqualTo(garbageAt));
    }

    @Test
    void stopsAtBadByteOrderMagic() throws IOException {
        byte[] file = CaptureWriter.pcapng(false).section().interfaceBlock(ETHERNET, 65535).bytes();
        file[8] = 0x55;

        Captures.Result result = Captures.read(file);

        assertThat(result.count()).isZero();
        assertThat(result.damage()).singleElement().satisfies(d ->
                assertThat(d.problem()).contains("byte-order magic 553c2b1a"));
    }

    @Test
    void returnsZeroLengthPackets() throws IOException {
        byte[] file = CaptureWriter.pcapng(false).section()
                .interfaceBlock(ETHERNET, 65535)
                .enhancedPacket(0, 1, new byte[0])
                .simplePacket(0, new byte[0])
                .bytes();

        Captures.Result result = Captures.read(file);

        assertThat(result.damage()).isEmpty();
        assertThat(result.packets()).extracting(p -> p.data().length).containsExactly(0, 0);
    }

    static byte[] concat(byte[]... parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
