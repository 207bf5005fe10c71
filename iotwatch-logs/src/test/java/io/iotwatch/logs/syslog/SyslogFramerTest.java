package io.iotwatch.logs.syslog;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SyslogFramerTest {

    record Rejected(String raw, String reason, boolean oversize) {}

    /** Keeps what the framer hands over, as text (one char per byte). */
    static final class Recorder implements SyslogFramer.Receiver {
        final List<String> messages = new ArrayList<>();
        final List<Rejected> rejects = new ArrayList<>();

        @Override
        public void message(byte[] buf, int off, int len) {
            messages.add(new String(buf, off, len, ISO_8859_1));
        }

        @Override
        public void rejected(byte[] buf, int off, int len, String reason, boolean oversize) {
            rejects.add(new Rejected(new String(buf, off, len, ISO_8859_1), reason, oversize));
        }
    }

    /** Returns at most a random number of bytes per read, as TCP segments arrive. */
    static final class ChunkedInputStream extends InputStream {
        private final byte[] data;
        private final Random random;
        private final int maxChunk;
        private int pos;

        ChunkedInputStream(byte[] data, Random random, int maxChunk) {
            this.data = data;
            this.random = random;
            this.maxChunk = maxChunk;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, data.length - pos), 1 + random.nextInt(maxChunk));
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    @Test
    void splitsLinesAtLfDroppingCrAndEmptyLines() throws Exception {
        Recorder out = frame("<13>a\n<13>b\r\n\n\r\n<13>c\n", 100);
        assertThat(out.messages).containsExactly("<13>a", "<13>b", "<13>c");
        assertThat(out.rejects).isEmpty();
    }

    @Test
    void splitsOctetCountedMessagesWhichMayHoldLf() throws Exception {
        Recorder out = frame("5 <1>ab7 <1>a\nbc6 <1>ab\n", 100);
        assertThat(out.messages).containsExactly("<1>ab", "<1>a\nbc", "<1>ab");
    }

    @Test
    void detectsTheFramingOfEachMessage() throws Exception {
        Recorder out = frame("5 <1>ab<2>line\n3 xyz<3>x\n\n10 <4>counted", 100);
        assertThat(out.messages).containsExactly("<1>ab", "<2>line", "xyz", "<3>x", "<4>counted");
    }

    @Test
    void takesLinesThatOnlyStartWithDigitsForLines() throws Exception {
        Recorder out = frame("2024-05-01T10:00:00Z fw1 date=x\n12x\n0 leading zero\n1234567890 ten digits\n", 100);
        assertThat(out.messages).containsExactly(
                "2024-05-01T10:00:00Z fw1 date=x", "12x", "0 leading zero", "1234567890 ten digits");
    }

    @Test
    void keepsMessagesOfExactlyTheMaximumAndRejectsLongerOnes() throws Exception {
        Recorder out = frame("<1>ab\r\n<1>abc\n5 <1>ab6 <1>abc<1>ok\n", 5);
        assertThat(out.messages).containsExactly("<1>ab", "<1>ab", "<1>ok");
        assertThat(out.rejects).extracting(Rejected::raw).containsExactly("<1>ab", "<1>ab");
        assertThat(out.rejects).allSatisfy(r -> assertThat(r.oversize()).isTrue());
    }

    @Test
    void resynchronisesAfterAnOversizeLineAtTheNextLf() throws Exception {
        String input = "<1>short\n" + "x".repeat(50) + "\n<1>after\n";
        for (int maxChunk : new int[] {1, 3, 1000}) {
            Recorder out = frame(input.getBytes(ISO_8859_1), 10, new Random(maxChunk), maxChunk);
            assertThat(out.messages).containsExactly("<1>short", "<1>after");
            assertThat(out.rejects).singleElement().satisfies(r -> {
                assertThat(r.raw()).isEqualTo("x".repeat(10));
                assertThat(r.oversize()).isTrue();
                assertThat(r.reason()).contains("longer than 10 bytes");
            });
        }
    }

    @Test
    void resynchronisesAfterAnOversizeOctetCountedMessageByItsCount() throws Exception {
        String body = "<1>head\n5 <1>x\n" + "y".repeat(15);
        String input = "4 <1>a" + body.length() + " " + body + "<1>after\n";
        for (int maxChunk : new int[] {1, 4, 1000}) {
            Recorder out = frame(input.getBytes(ISO_8859_1), 10, new Random(maxChunk), maxChunk);
            assertThat(out.messages).containsExactly("<1>a", "<1>after");
            assertThat(out.rejects).singleElement().satisfies(r -> {
                assertThat(r.raw()).isEqualTo(body.substring(0, 10));
                assertThat(r.oversize()).isTrue();
                assertThat(r.reason()).contains("of " + body.length() + " bytes");
            });
        }
    }

    @Test
    void rejectsAnOctetCountedMessageCutShortAsTruncated() throws Exception {
        Recorder out = frame("4 <1>a12 <1>abc", 100);
        assertThat(out.messages).containsExactly("<1>a");
        assertThat(out.rejects).singleElement().satisfies(r -> {
            assertThat(r.raw()).isEqualTo("<1>abc");
            assertThat(r.reason()).startsWith("truncated").contains("6 of the 12 bytes");
            assertThat(r.oversize()).isFalse();
        });
    }

    @Test
    void rejectsALineWithoutItsLfAsTruncated() throws Exception {
        Recorder out = frame("<1>a\n<1>b", 100);
        assertThat(out.messages).containsExactly("<1>a");
        assertThat(out.rejects).singleElement().satisfies(r -> {
            assertThat(r.raw()).isEqualTo("<1>b");
            assertThat(r.reason()).startsWith("truncated");
        });
        assertThat(frame("<1>a\n", 100).rejects).isEmpty();
        assertThat(frame("12", 100).rejects).extracting(Rejected::raw).containsExactly("12");
    }

    @Test
    void assemblesMessagesLongerThanItsInitialBuffer() throws Exception {
        String counted = "<1>" + "c".repeat(200_000);
        String line = "<2>" + "l".repeat(150_000);
        Recorder out = frame(counted.length() + " " + counted + line + "\n", 300_000);
        assertThat(out.messages).containsExactly(counted, line);
    }

    @Test
    void recoversEveryMessageWhateverTheSegmentBoundaries() throws Exception {
        Random random = new Random(20240501);
        List<String> sent = new ArrayList<>();
        StringBuilder stream = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            String body = "<" + random.nextInt(192) + ">" + randomText(random, random.nextInt(300), random.nextBoolean());
            sent.add(body);
            if (body.indexOf('\n') >= 0 || random.nextBoolean()) {
                stream.append(body.length()).append(' ').append(body);
            } else {
                stream.append(body).append(random.nextBoolean() ? "\r\n" : "\n");
            }
        }
        byte[] input = stream.toString().getBytes(ISO_8859_1);
        for (int maxChunk : new int[] {1, 7, 200, 70_000}) {
            Recorder out = frame(input, 1000, new Random(maxChunk), maxChunk);
            assertThat(out.messages).isEqualTo(sent);
            assertThat(out.rejects).isEmpty();
        }
    }

    @Test
    @Timeout(120)
    void survivesRandomBytes() throws Exception {
        Random random = new Random(6587);
        byte[] alphabet = "0123456789  \n\n\r\u0000<>ab".getBytes(ISO_8859_1);
        for (int round = 0; round < 500; round++) {
            int max = 1 + random.nextInt(64);
            byte[] input = new byte[random.nextInt(4000)];
            for (int i = 0; i < input.length; i++) {
                input[i] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
            }
            Recorder out = frame(input, max, random, 1 + random.nextInt(100));
            assertThat(out.messages).allSatisfy(m -> assertThat(m.length()).isBetween(1, max));
            assertThat(out.rejects).allSatisfy(r -> assertThat(r.raw().length()).isLessThanOrEqualTo(max));
            assertThat(out.messages.stream().mapToInt(String::length).sum()).isLessThanOrEqualTo(input.length);
        }
    }

    @Test
    void allocatesNothingPerMessage() throws Exception {
        StringBuilder stream = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            String body = "<134>date=2024-05-01 time=10:00:00 devname=fw" + i;
            stream.append(i % 2 == 0 ? body + "\n" : body.length() + " " + body);
        }
        byte[] input = stream.toString().getBytes(ISO_8859_1);
        SyslogFramer.Receiver counter = new SyslogFramer.Receiver() {
            @Override
            public void message(byte[] buf, int off, int len) {}

            @Override
            public void rejected(byte[] buf, int off, int len, String reason, boolean oversize) {}
        };
        readAll(input, counter);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        readAll(input, counter);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // The framer's own buffer and the stream wrapper, nothing in proportion to the 100,000 messages.
        assertThat(allocated).isLessThan(200_000);
    }

    private static void readAll(byte[] input, SyslogFramer.Receiver receiver) throws IOException, InterruptedException {
        SyslogFramer framer = new SyslogFramer(1024);
        InputStream in = new ByteArrayInputStream(input);
        while (framer.read(in, receiver) >= 0) {
            // reads until the end
        }
        framer.finish(receiver);
    }

    private static String randomText(Random random, int length, boolean withLf) {
        StringBuilder text = new StringBuilder(length + 1);
        for (int i = 0; i < length; i++) {
            text.append((char) (' ' + random.nextInt(95)));
        }
        if (withLf && length > 2) {
            text.setCharAt(random.nextInt(length - 1), '\n');
        }
        return text.append('.').toString();
    }

    private static Recorder frame(String input, int max) throws IOException, InterruptedException {
        return frame(input.getBytes(ISO_8859_1), max, new Random(1), Integer.MAX_VALUE - 1);
    }

    private static Recorder frame(byte[] input, int max, Random random, int maxChunk) throws IOException, InterruptedException {
        SyslogFramer framer = new SyslogFramer(max);
        InputStream in = new ChunkedInputStream(input, random, maxChunk);
        Recorder out = new Recorder();
        while (framer.read(in, out) >= 0) {
            // Each read takes at least one byte, so this ends.
        }
        framer.finish(out);
        return out;
    }
}
