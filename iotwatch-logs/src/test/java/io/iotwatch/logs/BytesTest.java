package io.iotwatch.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BytesTest {

    @Test
    void findsTheFirstLfLikeAByteByByteSearch() {
        Random random = new Random(20261201);
        byte[] neighbours = {'\n', '\n' + 1, '\n' - 1, (byte) ('\n' | 0x80), 0, (byte) 0xff, 'a'};
        for (int round = 0; round < 20_000; round++) {
            byte[] b = new byte[random.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : neighbours[random.nextInt(neighbours.length)];
            }
            int from = b.length == 0 ? 0 : random.nextInt(b.length + 1);
            int to = from + random.nextInt(b.length - from + 1);
            assertThat(Bytes.indexOfLf(b, from, to)).as("round %d", round).isEqualTo(naive(b, from, to));
        }
    }

    @Test
    void anEmptyRangeHasNoLf() {
        assertThat(Bytes.indexOfLf(new byte[] {'\n'}, 1, 1)).isEqualTo(-1);
        assertThat(Bytes.indexOfLf(new byte[0], 0, 0)).isEqualTo(-1);
    }

    private static int naive(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
