package io.iotwatch.logs.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    /** A line as the reader exposed it. */
    private record Line(String text, long offset, long next, long number, boolean truncated) {}

    @Test
    void splitsOnLfStripsCrAndKeepsALastLineWithoutTerminator() throws IOException {
        List<Line> lines = readAll("a=1\r\nb=2\n\nc=3", 1024, 1 << 20);
        assertThat(lines).extracting(Line::text).containsExactly("a=1", "b=2", "", "c=3");
        assertThat(lines).extracting(Line::offset).containsExactly(0L, 5L, 9L, 10L);
        assertThat(lines).extracting(Line::number).containsExactly(1L, 2L, 3L, 4L);
        assertThat(lines.getLast().next()).isEqualTo(13);
    }

    @Test
    void emptyStreamHasNoLines() throws IOException {
        assertThat(readAll("", 1024, 7)).isEmpty();
    }

    @Test
    void cutsALineLongerThanTheMaximumAndCarriesOn() throws IOException {
        String longLine = "x".repeat(5000);
        List<Line> lines = readAll("first\n" + longLine + "\nlast\n", 1024, 100);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).text()).isEqualTo("x".repeat(1024));
        assertThat(lines.get(1).truncated()).isTrue();
        assertThat(lines.get(1).next()).isEqualTo(6 + 5001);
        assertThat(lines.get(2)).isEqualTo(new Line("last", 5007, 5012, 3, false));
    }

    @Test
    void aLongLastLineWithoutTerminatorIsCutToo() throws IOException {
        List<Line> lines = readAll("y".repeat(3000), 1000, 7);
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.text()).hasSize(1000);
            assertThat(line.truncated()).isTrue();
            assertThat(line.next()).isEqualTo(3000);
        });
    }

    @Test
    void keepsAMultiMegabyteLineWholeWhenAllowed() throws IOException {
        String big = "k=v ".repeat(2_000_000);
        List<Line> lines = readAll(big + "\nz=1\n", 16 << 20, 65536);
        assertThat(lines.get(0).text()).hasSize(big.length());
        assertThat(lines.get(0).truncated()).isFalse();
        assertThat(lines.get(1).text()).isEqualTo("z=1");
    }

    @Test
    void fingerprintDependsOnContentNotOnHowItIsRead() throws IOException {
        byte[] content = "a=1\nb=2\n".repeat(50_000).getBytes(StandardCharsets.US_ASCII);
        long whole = new LineReader(new ByteArrayInputStream(content), 1024).fingerprint();
        long trickled = new LineReader(new Trickle(content, new Random(1), 13), 1024).fingerprint();
        byte[] changedLate = content.clone();
        changedLate[content.length - 2] = '9';
        byte[] changedEarly = content.clone();
        changedEarly[2] = '9';
        assertThat(trickled).isEqualTo(whole);
        assertThat(new LineReader(new ByteArrayInputStream(changedLate), 1024).fingerprint()).isEqualTo(whole);
        assertThat(new LineReader(new ByteArrayInputStream(changedEarly), 1024).fingerprint()).isNotEqualTo(whole);
    }

    @Test
    void fingerprintAfterReadingIsAnError() throws IOException {
        LineReader reader = new LineReader(new ByteArrayInputStream("a\n".getBytes(StandardCharsets.US_ASCII)), 10);
        reader.next();
        assertThatThrownBy(reader::fingerprint).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void randomContentInRandomChunksGivesBackEveryLineWithItsOffset() throws IOException {
        Random random = new Random(20261123);
        for (int round = 0; round < 200; round++) {
            int max = 1 + random.nextInt(300);
            List<byte[]> expected = new ArrayList<>();
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            int count = random.nextInt(60);
            for (int i = 0; i < count; i++) {
                byte[] line = new byte[random.nextInt(2) == 0 ? random.nextInt(20) : random.nextInt(900)];
                for (int j = 0; j < line.length; j++) {
                    int b = random.nextInt(256);
                    line[j] = (byte) (b == '\n' || b == '\r' ? 'a' : b);
                }
                expected.add(line);
                content.writeBytes(line);
                boolean last = i == count - 1;
                if (!last || line.length == 0 || random.nextBoolean()) {
                    content.writeBytes(random.nextBoolean() ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
                }
            }
            byte[] bytes = content.toByteArray();
            LineReader reader = new LineReader(new Trickle(bytes, random, 1 + random.nextInt(500)), max);
            long previousEnd = 0;
            for (byte[] line : expected) {
                assertThat(reader.next()).isTrue();
                byte[] got = Arrays.copyOfRange(reader.buffer(), reader.lineStart(), reader.lineStart() + reader.lineLength());
                assertThat(got).isEqualTo(Arrays.copyOf(line, Math.min(line.length, max)));
                assertThat(reader.truncated()).isEqualTo(line.length > max);
                assertThat(reader.lineOffset()).isEqualTo(previousEnd);
                previousEnd = reader.nextOffset();
            }
            assertThat(reader.next()).isFalse();
            assertThat(previousEnd).isEqualTo(bytes.length);
        }
    }

    private static List<Line> readAll(String content, int max, int chunk) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
        List<Line> lines = new ArrayList<>();
        try (LineReader reader = new LineReader(new Trickle(bytes, new Random(7), chunk), max)) {
            while (reader.next()) {
                String text = new String(reader.buffer(), reader.lineStart(), reader.lineLength(), StandardCharsets.ISO_8859_1);
                lines.add(new Line(text, reader.lineOffset(), reader.nextOffset(), reader.lineNumber(), reader.truncated()));
            }
        }
        return lines;
    }

    /** Hands out the content in reads of random size up to a limit, as pipes and gzip streams do. */
    private static final class Trickle extends InputStream {
        private final byte[] content;
        private final Random random;
        private final int maxChunk;
        private int position;

        Trickle(byte[] content, Random random, int maxChunk) {
            this.content = content;
            this.random = random;
            this.maxChunk = maxChunk;
        }

        @Override
        public int read() {
            return position < content.length ? content[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= content.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, 1 + random.nextInt(maxChunk)), content.length - position);
            System.arraycopy(content, position, b, off, n);
            position += n;
            return n;
        }
    }
}
