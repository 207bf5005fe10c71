package io.iotwatch.packet.capture;

import static io.iotwatch.packet.capture.CaptureWriter.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Damaged files must end in damage notes, never in exceptions, hangs or offsets outside the file. */
class CaptureFuzzTest {

    private static final int MUTATIONS = 2_000;

    @Test
    void survivesMutatedPcap() {
        CaptureWriter writer = CaptureWriter.pcap(false, false, 200, 1);
        for (int i = 0; i < 12; i++) {
            writer.record(1_700_000_000L + i, i * 1000, payload(i, 20 + i * 13));
        }
        fuzz(writer.bytes(), 20240601L);
    }

    @Test
    void survivesMutatedPcapng() {
        CaptureWriter writer = CaptureWriter.pcapng(true).section()
                .interfaceBlock(1, 200)
                .interfaceBlock(101, 0, 0x80 | 20, 1_000)
                .block(5, payload(0, 24));
        for (int i = 0; i < 10; i++) {
            writer.enhancedPacket(i % 2, 1_700_000_000_000_000L + i, payload(i, 20 + i * 13));
        }
        writer.simplePacket(90, payload(7, 90));
        byte[] second = CaptureWriter.pcapng(false).section().interfaceBlock(113, 65535, 9, 0)
                .enhancedPacket(0, 5, payload(1, 30)).bytes();
        fuzz(PcapngReaderTest.concat(writer.bytes(), second), 20240602L);
    }

    private static void fuzz(byte[] valid, long seed) {
        assertThat(readAll(valid)).as("the unmutated file reads cleanly").isZero();
        Random random = new Random(seed);
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] mutated = mutate(valid, random);
            try {
                readAll(mutated);
            } catch (Throwable t) {
                fail("mutation " + i + " of seed " + seed + " failed: " + t, t);
            }
        }
    }

    /** Returns the damage count; a mutation may legitimately fail to open with an IOException. */
    private static int readAll(byte[] file) throws AssertionError {
        CaptureReader reader;
        try {
            reader = CaptureFiles.open(new ByteArrayInputStream(file));
        } catch (IOException expected) {
            return -1;
        }
        // Every record takes at least 12 bytes, so more packets than this means a loop that does not advance.
        int bound = file.length / 12 + 2;
        int packets = 0;
        try (reader) {
            while (reader.next()) {
                packets++;
                assertThat(packets).isLessThanOrEqualTo(bound);
                assertThat(reader.fileOffset()).isBetween(0L, (long) file.length - 1);
                assertThat(reader.capturedLength()).isBetween(0, file.length);
                assertThat(reader.offset() + reader.capturedLength()).isLessThanOrEqualTo(reader.buffer().length);
            }
            assertThat(reader.packets()).isEqualTo(packets);
            for (CaptureDamage damage : reader.damage()) {
                assertThat(damage.offset()).isBetween(0L, (long) file.length - 1);
                assertThat(damage.problem()).isNotBlank();
            }
            return reader.damage().size();
        } catch (IOException e) {
            throw new AssertionError("IOException from next() on an in-memory stream", e);
        }
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] data = valid.clone();
        int kind = random.nextInt(4);
        return switch (kind) {
            case 0 -> {
                int flips = 1 + random.nextInt(8);
                for (int f = 0; f < flips; f++) {
                    data[random.nextInt(data.length)] = (byte) random.nextInt(256);
                }
                yield data;
            }
            case 1 -> Arrays.copyOf(data, random.nextInt(data.length));
            case 2 -> {
                byte[] junk = new byte[1 + random.nextInt(64)];
                random.nextBytes(junk);
                int at = random.nextInt(data.length);
                byte[] spliced = Arrays.copyOf(data, data.length + junk.length);
                System.arraycopy(junk, 0, spliced, at, junk.length);
                System.arraycopy(data, at, spliced, at + junk.length, data.length - at);
                yield spliced;
            }
            default -> {
                // Length fields are where a reader is most easily led astray: overwrite aligned 4-byte words.
                int words = 1 + random.nextInt(3);
                for (int w = 0; w < words; w++) {
                    int at = random.nextInt(data.length / 4) * 4;
                    int value = random.nextBoolean() ? random.nextInt() : random.nextInt(64);
                    data[at] = (byte) value;
                    data[at + 1] = (byte) (value >>> 8);
                    data[at + 2] = (byte) (value >>> 16);
                    data[at + 3] = (byte) (value >>> 24);
                }
                yield data;
            }
        };
    }
}
