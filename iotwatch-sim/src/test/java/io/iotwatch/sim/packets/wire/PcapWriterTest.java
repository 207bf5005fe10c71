package io.iotwatch.sim.packets.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.packet.capture.CaptureFiles;
import io.iotwatch.packet.capture.CaptureReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PcapWriterTest {

    @Test
    void theFileHeaderIsLibpcapsMicrosecondEthernetHeader() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapWriter pcap = new PcapWriter(out);
        pcap.flush();

        ByteBuffer h = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(out.size()).isEqualTo(PcapWriter.FILE_HEADER);
        assertThat(Arrays.copyOf(out.toByteArray(), 4)).containsExactly(0xD4, 0xC3, 0xB2, 0xA1);
        assertThat(h.getShort(4)).isEqualTo((short) 2);
        assertThat(h.getShort(6)).isEqualTo((short) 4);
        assertThat(h.getInt(8)).isZero();
        assertThat(h.getInt(12)).isZero();
        assertThat(h.getInt(16)).isEqualTo(PcapWriter.SNAPLEN);
        assertThat(h.getInt(20)).isEqualTo(1);
    }

    @Test
    void framesOfEverySizeReadBackWithTheirTimes() throws IOException {
        Random rnd = new Random(3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapWriter pcap = new PcapWriter(out);
        Frame frame = new Frame();
        int count = 2_000;
        byte[][] written = new byte[count][];
        long[] times = new long[count];
        long t = 1_747_008_000_000_000L;
        for (int i = 0; i < count; i++) {
            // Now and then a frame larger than the writer's buffer, to go around it.
            int size = i % 500 == 7 ? 60_000 + rnd.nextInt(5_000) : 60 + rnd.nextInt(1_454);
            byte[] data = new byte[size];
            rnd.nextBytes(data);
            frame.start().bytes(data).finish();
            t += rnd.nextInt(2_000_000);
            times[i] = t;
            written[i] = data;
            pcap.write(t, frame);
        }
        pcap.flush();
        assertThat(pcap.packets()).isEqualTo(count);
        assertThat(pcap.bytes()).isEqualTo(out.size());

        try (CaptureReader reader = CaptureFiles.open(new ByteArrayInputStream(out.toByteArray()))) {
            for (int i = 0; i < count; i++) {
                assertThat(reader.next()).isTrue();
                assertThat(reader.linkType()).isEqualTo(1);
                assertThat(reader.timestampNanos()).isEqualTo(times[i] * 1_000);
                assertThat(reader.originalLength()).isEqualTo(written[i].length);
                assertThat(Arrays.copyOfRange(reader.buffer(), reader.offset(), reader.offset() + reader.capturedLength()))
                        .isEqualTo(written[i]);
            }
            assertThat(reader.next()).isFalse();
            assertThat(reader.damage()).isEmpty();
        }
    }
}
