package io.iotwatch.packet.capture;

import static io.iotwatch.packet.capture.CaptureWriter.payload;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecordInputTest {

    /** Hands out one byte per read, the worst a stream may do. */
    private static InputStream trickle(byte[] data) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    @Test
    void keepsRecordsContiguousAcrossCompactionAndGrowth() throws IOException {
        byte[] data = payload(0, 1000);
        RecordInput input = new RecordInput(trickle(data), 16);
        int[] sizes = {10, 7, 16, 1, 40, 3, 300, 0, 623};
        int at = 0;
        for (int size : sizes) {
            assertThat(input.request(size)).isEqualTo(size);
            assertThat(input.streamOffset()).isEqualTo(at);
            byte[] b = input.buffer();
            assertThat(Arrays.copyOfRange(b, input.position(), input.position() + size))
                    .isEqualTo(Arrays.copyOfRange(data, at, at + size));
            input.consume(size);
            at += size;
        }
        assertThat(input.request(1)).isZero();
    }

    @Test
    void growsOnlyAsFarAsTheStreamDelivers() throws IOException {
        RecordInput input = new RecordInput(new ByteArrayInputStream(payload(0, 100)), 16);

        assertThat(input.request(RecordInput.MAX_RECORD)).isEqualTo(100);
        assertThat(input.buffer().length).isLessThanOrEqualTo(128);
    }
}
