package io.iotwatch.packet.capture;

import static io.iotwatch.packet.capture.CaptureWriter.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class CaptureFilesTest {

    @Test
    void readsGzippedPcap() throws IOException {
        byte[] file = CaptureWriter.pcap(true, true, 65535, 1)
                .record(5, 6, payload(1, 50))
                .record(7, 8, payload(2, 50))
                .bytes();

        Captures.Result result = Captures.read(CaptureWriter.gzip(file));

        assertThat(result.damage()).isEmpty();
        assertThat(result.packets()).extracting(Captures.Packet::timestampNanos)
                .containsExactly(5_000_000_006L, 7_000_000_008L);
        assertThat(result.packets().get(1).fileOffset()).isEqualTo(24 + 66);
    }

    @Test
    void readsGzippedPcapng() throws IOException {
        byte[] file = CaptureWriter.pcapng(false).section()
                .interfaceBlock(113, 65535)
                .enhancedPacket(0, 42, payload(1, 50))
                .bytes();

        Captures.Result result = Captures.read(CaptureWriter.gzip(file));

        assertThat(result.packets()).singleElement().satisfies(p -> {
            assertThat(p.data()).isEqualTo(payload(1, 50));
            assertThat(p.linkType()).isEqualTo(113);
            assertThat(p.timestampNanos()).isEqualTo(42_000L);
        });
    }

    @Test
    void namesTheMagicBytesOfOtherFiles() {
        byte[] file = {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF, 0, 0, 0, 0};

        assertThatThrownBy(() -> CaptureFiles.open(new ByteArrayInputStream(file)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("magic bytes de ad be ef");
    }

    @Test
    void namesTheMagicBytesInsideGzip() {
        byte[] file = CaptureWriter.gzip("hello world".getBytes());

        assertThatThrownBy(() -> CaptureFiles.open(new ByteArrayInputStream(file)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("magic bytes 68 65 6c 6c");
    }

    @Test
    void rejectsInputTooShortForMagic() {
        assertThatThrownBy(() -> CaptureFiles.open(new ByteArrayInputStream(new byte[] {0x0A, 0x0D})))
                .isInstanceOf(IOException.class)
                .hasMessage("not a capture file: 2 bytes, too short for a magic number");
    }

    @Test
    void passesStreamFailuresOn() throws IOException {
        byte[] file = CaptureWriter.pcap(false, false, 65535, 1).record(1, 0, payload(0, 10)).bytes();
        InputStream failing = new FilterInputStream(new ByteArrayInputStream(file)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (in.available() == 0) {
                    throw new IOException("disk on fire");
                }
                return in.read(b, off, len);
            }
        };

        try (CaptureReader reader = CaptureFiles.open(failing)) {
            assertThat(reader.next()).isTrue();
            assertThatThrownBy(reader::next).isInstanceOf(IOException.class).hasMessage("disk on fire");
        }
    }

    @Test
    void closesTheStream() throws IOException {
        boolean[] closed = {false};
        byte[] file = CaptureWriter.pcap(false, false, 65535, 1).bytes();
        InputStream in = new ByteArrayInputStream(file) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        CaptureFiles.open(in).close();

        assertThat(closed[0]).isTrue();
    }
}
