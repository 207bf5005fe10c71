package io.iotwatch.logs.fortigate;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventId;
import io.iotwatch.logs.TestFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hostile and damaged input: decode must always return an event or a reject with a reason, never throw. */
class FortiGateParserFuzzTest {

    /** Bytes that steer the scanner: quotes, escapes, separators, brackets, prefix starts, non-ASCII. */
    private static final byte[] SPECIAL = "\"\\= {}[]<>:,-T\t\0\r".getBytes(StandardCharsets.ISO_8859_1);

    private static final List<byte[]> SAMPLES = new ArrayList<>();

    private final FortiGateParser parser = new FortiGateParser();
    private final Random random = new Random(20260314);
    private int decoded;

    @BeforeAll
    static void loadSamples() throws IOException {
        byte[] framings = Files.readAllBytes(TestFiles.repoFolder("samples/fortigate").resolve("field-framings.log"));
        int start = 0;
        for (int i = 0; i <= framings.length; i++) {
            if (i == framings.length || framings[i] == '\n') {
                if (i > start) {
                    SAMPLES.add(Arrays.copyOfRange(framings, start, i));
                }
                start = i + 1;
            }
        }
        SAMPLES.add(utf8("<189>1 2026-03-14T08:05:00Z fw [sd a=\"x]\\\"\"] \uFEFFtype=event"));
        SAMPLES.add(utf8("2018 Apr 09 16:03:37 relay->1.2.3.4 date=2018-04-09 time=16:03:37 type=utm subtype=dns"));
        SAMPLES.add(utf8("{\"type\":\"traffic\",\"n\":{\"a\":[1,\"]\"]},\"eventtime\":1704164645}"));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void check(byte[] buf, int off, int len) {
        Event event = parser.decode(buf, off, len, new EventId(1, decoded++));
        if (event == null) {
            assertThat(parser.rejectReason()).as(new String(buf, off, len, StandardCharsets.ISO_8859_1))
                    .isNotEmpty()
                    .doesNotStartWith("parser error");
        } else {
            assertThat(event.time()).isNotNull();
            assertThat(event.header().raw()).isEqualTo(Arrays.copyOfRange(buf, off, off + len));
        }
    }

    private void check(byte[] line) {
        check(line, 0, line.length);
    }

    @Test
    void everyPrefixOfEverySample() {
        for (byte[] sample : SAMPLES) {
            for (int len = 0; len <= sample.length; len++) {
                check(sample, 0, len);
            }
        }
    }

    @Test
    void everySuffixOfEverySample() {
        for (byte[] sample : SAMPLES) {
            for (int off = 0; off <= sample.length; off++) {
                check(sample, off, sample.length - off);
            }
        }
    }

    @Test
    void randomMutationsInsertionsAndDeletions() {
        for (int round = 0; round < 100_000; round++) {
            byte[] line = SAMPLES.get(random.nextInt(SAMPLES.size())).clone();
            int edits = 1 + random.nextInt(6);
            for (int e = 0; e < edits; e++) {
                line = mutate(line);
            }
            check(line);
        }
    }

    private byte[] mutate(byte[] line) {
        int at = line.length == 0 ? 0 : random.nextInt(line.length);
        byte b = random.nextBoolean() ? SPECIAL[random.nextInt(SPECIAL.length)] : (byte) random.nextInt(256);
        return switch (random.nextInt(3)) {
            case 0 -> {
                if (line.length > 0) {
                    line[at] = b;
                }
                yield line;
            }
            case 1 -> {
                byte[] longer = new byte[line.length + 1];
                System.arraycopy(line, 0, longer, 0, at);
                longer[at] = b;
                System.arraycopy(line, at, longer, at + 1, line.length - at);
                yield longer;
            }
            default -> {
                if (line.length == 0) {
                    yield line;
                }
                byte[] shorter = new byte[line.length - 1];
                System.arraycopy(line, 0, shorter, 0, at);
                System.arraycopy(line, at + 1, shorter, at, line.length - at - 1);
                yield shorter;
            }
        };
    }

    @Test
    void randomBinaryLines() {
        for (int round = 0; round < 20_000; round++) {
            byte[] line = new byte[random.nextInt(400)];
            if (random.nextBoolean()) {
                random.nextBytes(line);
            } else {
                for (int i = 0; i < line.length; i++) {
                    line[i] = SPECIAL[random.nextInt(SPECIAL.length)];
                }
            }
            check(line);
        }
    }

    @Test
    void hugeLines() {
        ByteArrayOutputStream repeated = new ByteArrayOutputStream();
        while (repeated.size() < 4 << 20) {
            repeated.writeBytes(SAMPLES.get(repeated.size() % SAMPLES.size()));
            repeated.write(' ');
        }
        check(repeated.toByteArray());

        byte[] binary = new byte[4 << 20];
        random.nextBytes(binary);
        check(binary);

        byte[] quotes = new byte[3 << 20];
        Arrays.fill(quotes, (byte) '"');
        check(quotes);

        byte[] openValue = utf8("date=2024-01-02 time=03:04:05 type=event msg=\"" + "\\\"=".repeat(1 << 20));
        check(openValue);
        assertThat(parser.line().valueLength(parser.line().indexOf("msg"))).isEqualTo(3 << 20);

        byte[] deepJson = utf8("{\"type\":\"event\",\"n\":" + "[{".repeat(1 << 20));
        check(deepJson);
    }
}
