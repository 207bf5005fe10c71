package io.iotwatch.logs.syslog;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DatagramQueueTest {

    private static final InetSocketAddress SENDER = new InetSocketAddress("192.0.2.1", 514);

    @Test
    void handsDatagramsOverInOrderWithTheirSender() {
        DatagramQueue queue = new DatagramQueue(1000, 100);
        put(queue, "one");
        put(queue, "");
        put(queue, "three");
        byte[] dst = new byte[100];
        assertThat(take(queue, dst)).isEqualTo("one");
        assertThat(queue.sender()).isEqualTo(SENDER);
        assertThat(take(queue, dst)).isEmpty();
        assertThat(take(queue, dst)).isEqualTo("three");
        assertThat(queue.hasNext()).isFalse();
    }

    @Test
    void refusesWhenNoRoomForAFullDatagramIsLeftAndFreesRoomOnTake() {
        DatagramQueue queue = new DatagramQueue(250, 100);
        assertThat(put(queue, "a".repeat(80))).isTrue();
        assertThat(put(queue, "b".repeat(80))).isTrue();
        assertThat(queue.reserve()).as("a 100-byte window fits neither after b nor before a").isNull();
        assertThat(take(queue, new byte[100])).isEqualTo("a".repeat(80));
        assertThat(queue.reserve()).as("the 80 bytes a freed are still too few").isNull();
        assertThat(take(queue, new byte[100])).isEqualTo("b".repeat(80));
        assertThat(put(queue, "c".repeat(80))).isTrue();
        assertThat(take(queue, new byte[100])).isEqualTo("c".repeat(80));
    }

    @Test
    void keepsContentIntactAcrossManyWrapsOfTheRing() {
        Random random = new Random(5426);
        DatagramQueue queue = new DatagramQueue(1000, 120);
        byte[] dst = new byte[120];
        int nextPut = 0;
        int nextTake = 0;
        while (nextTake < 20_000) {
            if (random.nextBoolean() && put(queue, text(nextPut, random.nextInt(120)))) {
                nextPut++;
            } else if (queue.hasNext()) {
                String taken = take(queue, dst);
                assertThat(taken).isEqualTo(text(nextTake, taken.length()));
                nextTake++;
            }
        }
    }

    @Test
    void awakesAWaitingConsumerWhenFinished() throws Exception {
        DatagramQueue queue = new DatagramQueue(1000, 100);
        Thread consumer = Thread.ofPlatform().start(() -> {
            while (!queue.finished()) {
                queue.await(Long.MAX_VALUE);
            }
        });
        queue.finish();
        consumer.join();
        assertThat(queue.finished()).isTrue();
    }

    @Test
    void mustHoldAtLeastOneDatagram() {
        assertThatThrownBy(() -> new DatagramQueue(99, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Datagram number n: its number's digits repeated to the length, so misplaced bytes show. */
    private static String text(int n, int length) {
        String digits = Integer.toString(n);
        return digits.repeat(length / digits.length() + 1).substring(0, length);
    }

    private static boolean put(DatagramQueue queue, String content) {
        ByteBuffer room = queue.reserve();
        if (room == null) {
            return false;
        }
        assertThat(room.remaining()).isEqualTo(queue.window());
        room.put(content.getBytes(US_ASCII));
        queue.commit(SENDER);
        return true;
    }

    private static String take(DatagramQueue queue, byte[] dst) {
        int length = queue.take(dst);
        return new String(Arrays.copyOf(dst, length), US_ASCII);
    }
}
