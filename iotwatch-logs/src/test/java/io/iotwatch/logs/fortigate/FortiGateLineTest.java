package io.iotwatch.logs.fortigate;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import io.iotwatch.logs.fortigate.FortiGateLine.Framing;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FortiGateLineTest {

    private static final String PAYLOAD =
            "date=2024-01-02 time=03:04:05 devname=\"FGT\" logid=\"0000000013\" type=\"traffic\"";

    /** 2024-01-05T12:00:00Z: RFC 3164 prefixes take their year from it. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-05T12:00:00Z"), ZoneOffset.UTC);

    private final FortiGateLine line = new FortiGateLine(CLOCK);

    private boolean scan(String text) {
        return scanBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private boolean scanBytes(byte[] bytes) {
        // Place the line inside a larger buffer so that offsets other than 0 are exercised.
        byte[] buf = new byte[bytes.length + 7];
        Arrays.fill(buf, (byte) 'x');
        System.arraycopy(bytes, 0, buf, 3, bytes.length);
        return line.scan(buf, 3, bytes.length);
    }

    private static long nanos(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @Test
    void bareKeyValueLine() {
        assertThat(scan(PAYLOAD)).isTrue();
        assertThat(line.framing()).isEqualTo(Framing.BARE_KV);
        assertThat(line.priority()).isEqualTo(-1);
        assertThat(line.syslogHost()).isEmpty();
        assertThat(line.size()).isEqualTo(5);
        assertThat(line.key(2)).isEqualTo("devname");
        assertThat(line.value(2)).isEqualTo("FGT");
        assertThat(line.get("type")).isEqualTo("traffic");
        assertThat(line.get("absent")).isNull();
        assertThat(line.rejectReason()).isEmpty();
        assertThat(line.rawText()).isEqualTo(PAYLOAD);
        assertThat(new String(line.buffer(), line.valueOffset(2), line.valueLength(2), StandardCharsets.US_ASCII))
                .isEqualTo("FGT");
        assertThat(new String(line.buffer(), line.keyOffset(2), line.keyLength(2), StandardCharsets.US_ASCII))
                .isEqualTo("devname");
    }

    @Test
    void rfc3164WithPriorityHostAndSpacePaddedDay() {
        assertThat(scan("<189>Jan  2 03:04:05 fw-01 " + PAYLOAD)).isTrue();
        assertThat(line.framing()).isEqualTo(Framing.RFC3164);
        assertThat(line.priority()).isEqualTo(189);
        assertThat(line.syslogHost()).isEqualTo("fw-01");
        assertThat(line.get("devname")).isEqualTo("FGT");
        assertThat(line.prefixEpochNanos()).isEqualTo(nanos("2024-01-02T03:04:05Z"));
    }

    @Test
    void rfc3164WithoutPriority() {
        assertThat(scan("Mar 14 08:03:52 fw-cam " + PAYLOAD)).isTrue();
        assertThat(line.framing()).isEqualTo(Framing.RFC3164);
        assertThat(line.priority()).isEqualTo(-1);
        assertThat(line.syslogHost()).isEqualTo("fw-cam");
        assertThat(line.size()).isEqualTo(5);
    }

    @Test
    void rfc3164WithoutHost() {
        assertThat(scan("Dec 23 11:13:03 " + PAYLOAD)).isTrue();
        assertThat(line.framing()).isEqualTo(Framing.RFC3164);
        assertThat(line.syslogHost()).isEmpty();
        assertThat(line.key(0)).isEqualTo("date");
    }

    @Test
    void rfc3164WithLeadingYearAsSomeRelaysWriteIt() {
        assertThat(scan("2018 Apr 09 16:03:37 relay->172.24.0.253 " + PAYLOAD)).isTrue();
        assertThat(line.framing()).isEqualTo(Framing.RFC3164);
        assertThat(line.syslogHost()).isEqualTo("relay->172.24.0.253");
        assertThat(line.prefixEpochNanos()).isEqualTo(nanos("2018-04-09T16:03:37Z"));
    }

    @Test
    void priorityDirectlyFollowedByPayloadIsRfc3164WithoutHeader() {
        assertThat(scan("<185>" + PAYLOAD)).isTrue();
        assertThat(line.framing()).isEqualTo(Framing.RFC3164);
        assertThat(line.priority()).isEqualTo(185);
        assertThat(line.syslogHost()).isEmpty();
        assertThat(line.key(0)).isEqualTo("date");
        assertThat(line.prefixEpochNanos()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void rfc5424WithNilFields() {
        assertThat(scan("<165>1 2022-11-14T06:54:03Z use2-dmz-fw02 - - - - " + PAYLOAD)).isTrue();
        assertThat(line.framing()).isEqualTo(Framing.RFC5424);
        assertThat(line.priority()).isEqualTo(165);
        assertThat(line.syslogHost()).isEqualTo("use2-dmz-fw02");
        assertThat(line.prefixEpochNanos()).isEqualTo(nanos("2022-11-14T06:54:03Z"));
        assertThat(line.key(0)).isEqualTo("date");
    }

    @Test
    void rfc5424WithStructuredDataBomAndFractionalOffsetTime() {
        String sd = "[meta sequenceId=\"7\" note=\"a \\\"]\\\" b\"][origin ip=\"10.0.0.1\"]";
        assertThat(scan("<189>1 2026-03-14T08:05:00.250+01:00 fw-cam fortigate 123 ID47 " + sd + " \uFEFF" + PAYLOAD))
                .isTrue();
        assertThat(line.framing()).isEqualTo(Framing.RFC5424);
        assertThat(line.syslogHost()).isEqualTo("fw-cam");
        assertThat(line.prefixEpochNanos()).isEqualTo(nanos("2026-03-14T07:05:00.250Z"));
        assertThat(line.size()).isEqualTo(5);
        assertThat(line.key(0)).isEqualTo("date");
    }

    @Test
    void rfc5424WithNilTimeAndHost() {
        assertThat(scan("<14>1 - - - - - - " + PAYLOAD)).isTrue();
        assertThat(line.framing()).isEqualTo(Framing.RFC5424);
        assertThat(line.syslogHost()).isEmpty();
        assertThat(line.prefixEpochNanos()).isEqualTo(Long.MIN_VALUE);
        assertThat(line.size()).isEqualTo(5);
    }

    @Test
    void isoTimestampAndHostPrefix() {
        assertThat(scan("2026-04-03T00:31:09.976660+00:00 192.168.2.1 " + PAYLOAD)).isTrue();
        assertThat(line.framing()).isEqualTo(Framing.ISO_HOST);
        assertThat(line.priority()).isEqualTo(-1);
        assertThat(line.syslogHost()).isEqualTo("192.168.2.1");
        assertThat(line.prefixEpochNanos()).isEqualTo(nanos("2026-04-03T00:31:09.976660Z"));
        assertThat(line.key(0)).isEqualTo("date");
    }

    @Test
    void jsonObject() {
        String json = "{\"date\": \"2026-03-14\", \"eventtime\":1773472050123456,\"type\":\"event\","
                + "\"nested\":{\"a\":[1,\"}\"]},\"esc\":\"a\\\"b\",\"flag\":true}";
        assertThat(scan(json)).isTrue();
        assertThat(line.framing()).isEqualTo(Framing.JSON);
        assertThat(line.size()).isEqualTo(6);
        assertThat(line.get("date")).isEqualTo("2026-03-14");
        assertThat(line.get("eventtime")).isEqualTo("1773472050123456");
        assertThat(line.get("nested")).isEqualTo("{\"a\":[1,\"}\"]}");
        assertThat(line.get("esc")).isEqualTo("a\\\"b");
        assertThat(line.get("flag")).isEqualTo("true");
        assertThat(line.epochNanos()).isEqualTo(nanos("2026-03-14T07:07:30.123456Z"));
    }

    @Test
    void jsonAfterSyslogPrefixKeepsTheSyslogFraming() {
        assertThat(scan("<189>Jan  2 03:04:05 fw {\"type\":\"traffic\",\"srcip\":\"10.0.0.1\"}")).isTrue();
        assertThat(line.framing()).isEqualTo(Framing.RFC3164);
        assertThat(line.syslogHost()).isEqualTo("fw");
        assertThat(line.get("srcip")).isEqualTo("10.0.0.1");
    }

    @Test
    void malformedJsonKeepsTheMembersBeforeTheDamage() {
        assertThat(scan("{\"type\":\"event\",\"logid\":\"0100032001\" garbage \"x\":1}")).isTrue();
        assertThat(line.size()).isEqualTo(2);
        assertThat(scan("{\"type\":\"event\",\"msg\":\"unterminated")).isTrue();
        assertThat(line.get("msg")).isEqualTo("unterminated");
    }

    @Test
    void quotedValuesWithSpacesEqualsEscapedQuotesAndBackticks() {
        assertThat(scan("type=event msg=\"a b = c\" q=\"say \\\"hi\\\" now\" bt=\"cams = `floor 2`\" n=1")).isTrue();
        assertThat(line.get("msg")).isEqualTo("a b = c");
        assertThat(line.get("q")).isEqualTo("say \\\"hi\\\" now");
        assertThat(line.get("bt")).isEqualTo("cams = `floor 2`");
        assertThat(line.get("n")).isEqualTo("1");
        assertThat(line.size()).isEqualTo(5);
    }

    @Test
    void emptyValuesQuotedOrNot() {
        assertThat(scan("date= time= type=\"\" logid=\"0100032001\" user=\"\"")).isTrue();
        assertThat(line.get("date")).isEmpty();
        assertThat(line.get("time")).isEmpty();
        assertThat(line.get("type")).isEmpty();
        assertThat(line.get("user")).isEmpty();
        assertThat(line.size()).isEqualTo(5);
    }

    @Test
    void unterminatedQuoteRunsToTheEndOfTheLine() {
        assertThat(scan("type=event msg=\"no end here x=1")).isTrue();
        assertThat(line.get("msg")).isEqualTo("no end here x=1");
        assertThat(line.size()).isEqualTo(2);
        assertThat(scan("type=event msg=\"ends in a backslash\\")).isTrue();
        assertThat(line.get("msg")).isEqualTo("ends in a backslash\\");
    }

    @Test
    void junkBetweenAndAfterPairsIsSkipped() {
        assertThat(scan("type=event free text msg=\"x\"| =orphan 13:03 \"quoted junk\" a/b=1 ké=2 logid=1 tail"))
                .isTrue();
        assertThat(line.size()).isEqualTo(3);
        assertThat(line.get("msg")).isEqualTo("x");
        assertThat(line.get("logid")).isEqualTo("1");
    }

    @Test
    void invalidUtf8AndControlBytesAreDecodedLeniently() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("type=traffic user=\"a".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {(byte) 0xC3, 0x28, 0x01, (byte) 0xFF});
        out.writeBytes("b\" srcserver=0 \u0004".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBF, 0x00, 0x00, 0x3D, (byte) 0x80, 0x7F});
        assertThat(scanBytes(out.toByteArray())).isTrue();
        assertThat(line.size()).isEqualTo(3);
        assertThat(line.get("user")).isEqualTo("a\uFFFD(\u0001\uFFFDb");
        assertThat(line.get("srcserver")).isEqualTo("0");
        assertThat(line.rawText()).contains("\uFFFD");
    }

    @Test
    void everyByteValueIsHarmless() {
        byte[] all = new byte[256 * 3];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) (i * 7);
        }
        line.scan(all, 0, all.length);
        assertThat(line.size() == 0 ? line.rejectReason() : line.key(0)).isNotEmpty();
    }

    @Test
    void duplicateKeysAreKeptAndLookupFindsTheFirst() {
        assertThat(scan("type=event user=first user=second")).isTrue();
        assertThat(line.size()).isEqualTo(3);
        assertThat(line.get("user")).isEqualTo("first");
        assertThat(line.value(2)).isEqualTo("second");
    }

    @Test
    void valueComparisonsAllocateNothingAndHandleNonAscii() {
        assertThat(scan("type=traffic action=\"accept\" user=\"jörg\"")).isTrue();
        assertThat(line.is("type", "traffic")).isTrue();
        assertThat(line.is("type", "traffi")).isFalse();
        assertThat(line.is("absent", "traffic")).isFalse();
        assertThat(line.valueEquals(line.indexOf("action"), "accept")).isTrue();
        assertThat(line.valueEquals(-1, "accept")).isFalse();
        assertThat(line.is("user", "jörg")).isTrue();
        assertThat(line.is("user", "jorg")).isFalse();
        assertThat(line.valueLength(-1)).isEqualTo(-1);
    }

    @Test
    void getLongParsesDecimalsAndFallsBack() {
        assertThat(scan("type=t a=42 b=-7 c=12x d= e=99999999999999999999 f=9223372036854775807 g=\"5\"")).isTrue();
        assertThat(line.getLong("a", -1)).isEqualTo(42);
        assertThat(line.getLong("b", -1)).isEqualTo(-7);
        assertThat(line.getLong("c", -1)).isEqualTo(-1);
        assertThat(line.getLong("d", -1)).isEqualTo(-1);
        assertThat(line.getLong("e", -1)).isEqualTo(-1);
        assertThat(line.getLong("f", -1)).isEqualTo(Long.MAX_VALUE);
        assertThat(line.getLong("g", -1)).isEqualTo(5);
        assertThat(line.getLong("absent", 3)).isEqualTo(3);
        assertThat(line.longValue(line.indexOf("a"), -1)).isEqualTo(42);
        assertThat(line.longValue(-1, 9)).isEqualTo(9);
    }

    /**
     * Numbers are read eight digits at a time where the line leaves room for a word, byte by byte at the
     * end of the buffer: both must agree with Long.parseLong on every length, sign and stray byte.
     */
    @Test
    void getLongAgreesWithParseLongAtEveryLengthAndPosition() {
        Random random = new Random(20261202);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder number = new StringBuilder();
            if (random.nextInt(4) == 0) {
                number.append('-');
            }
            int digits = 1 + random.nextInt(21);
            for (int d = 0; d < digits; d++) {
                number.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextInt(8) == 0) {
                String strays = "x/:.-+\u00e9";
                number.setCharAt(random.nextInt(number.length()), strays.charAt(random.nextInt(strays.length())));
            }
            String text = number.toString();
            long expected;
            try {
                // FortiOS writes no '+' and no numbers of twenty digits, leading zeros or not
                expected = text.startsWith("+") || digits > 19 ? -1 : Long.parseLong(text);
            } catch (NumberFormatException e) {
                expected = -1;
            }
            String tail = random.nextBoolean() ? "" : " z=" + "9".repeat(random.nextInt(12));
            assertThat(scan("type=t n=" + text + tail)).isTrue();
            assertThat(line.getLong("n", -1)).as(text).isEqualTo(expected == Long.MIN_VALUE ? -1 : expected);
        }
    }

    /**
     * The scan searches quoted values eight bytes at a time and reads words past a key; on random lines of the
     * bytes that matter (key bytes and their neighbours, '=', quotes, backslashes, blanks), placed in a buffer
     * whose bytes after the line are random too, it must find exactly the pairs of the plain byte-by-byte
     * grammar.
     */
    @Test
    void pairsAreThoseOfTheGrammarOnRandomLines() {
        Random random = new Random(20261202);
        // key bytes, their neighbours in ASCII, and the bytes that delimit
        byte[] alphabet = "abz09_-.AZ/:@[^`{==\"\" \\!\t".getBytes(StandardCharsets.ISO_8859_1);
        for (int round = 0; round < 20_000; round++) {
            byte[] line = new byte[7 + random.nextInt(70)];
            System.arraycopy("type=t ".getBytes(StandardCharsets.US_ASCII), 0, line, 0, 7);
            for (int i = 7; i < line.length; i++) {
                line[i] = random.nextInt(20) == 0 ? (byte) 0xC3 : alphabet[random.nextInt(alphabet.length)];
            }
            int off = random.nextInt(9);
            byte[] buf = new byte[off + line.length + random.nextInt(20)];
            random.nextBytes(buf);
            System.arraycopy(line, 0, buf, off, line.length);
            assertThat(line(buf, off, line.length)).isTrue();
            List<int[]> expected = grammarPairs(line);
            String shown = new String(line, StandardCharsets.ISO_8859_1);
            assertThat(this.line.size()).as(shown).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                int[] pair = expected.get(i);
                assertThat(new int[] {this.line.keyOffset(i) - off, this.line.keyLength(i),
                        this.line.valueOffset(i) - off, this.line.valueLength(i)}).as(shown).containsExactly(pair);
            }
        }
    }

    private boolean line(byte[] buf, int off, int len) {
        return line.scan(buf, off, len);
    }

    /** Key offset, key length, value offset, value length of each pair, as the class comment defines them. */
    private static List<int[]> grammarPairs(byte[] b) {
        List<int[]> pairs = new ArrayList<>();
        int p = 0;
        int end = b.length;
        while (true) {
            while (p < end && b[p] >= 0 && b[p] <= ' ') {
                p++;
            }
            if (p == end) {
                return pairs;
            }
            int keyStart = p;
            while (p < end && (Character.isLetterOrDigit(b[p]) || b[p] == '_' || b[p] == '-' || b[p] == '.')) {
                p++;
            }
            if (p == end || b[p] != '=' || p == keyStart) {
                while (p < end && !(b[p] >= 0 && b[p] <= ' ')) {
                    p++;
                }
                continue;
            }
            int keyLength = p - keyStart;
            p++;
            int valueStart;
            int valueEnd;
            if (p < end && b[p] == '"') {
                valueStart = ++p;
                while (p < end && b[p] != '"') {
                    p += b[p] == '\\' ? 2 : 1;
                }
                valueEnd = Math.min(p, end);
                p = valueEnd + 1;
            } else {
                valueStart = p;
                while (p < end && !(b[p] >= 0 && b[p] <= ' ')) {
                    p++;
                }
                valueEnd = p;
            }
            pairs.add(new int[] {keyStart, keyLength, valueStart, valueEnd - valueStart});
            if (p > end) {
                return pairs;
            }
        }
    }

    /**
     * "policyid" and "time" share a slot of the look-up key table by their hash codes; asking for both in
     * turn, as a line without eventtime does, must not allocate.
     */
    @Test
    void lookingUpKeysWhoseHashCodesCollideAllocatesNothing() {
        assertThat("policyid".hashCode() & 255).isEqualTo("time".hashCode() & 255);
        assertThat(scan("type=traffic policyid=7 time=10:00:00")).isTrue();
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long found = 0;
        for (int warm = 0; warm < 2; warm++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 10_000; i++) {
                found += line.indexOf("policyid") + line.indexOf("time");
            }
            if (warm == 1) {
                assertThat(threads.getCurrentThreadAllocatedBytes() - before).isZero();
            }
        }
        assertThat(found).isEqualTo(2 * 10_000 * (1 + 2));
    }

    @Test
    void keysHashAlikeFromBytesAndFromText() {
        Random random = new Random(7);
        for (int round = 0; round < 5_000; round++) {
            int length = random.nextInt(24);
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < length; i++) {
                key.append((char) (' ' + random.nextInt(95)));
            }
            byte[] padded = ("##" + key + "=").getBytes(StandardCharsets.US_ASCII);
            byte[] exact = Arrays.copyOfRange(padded, 2, 2 + length);
            int hash = FortiGateLine.LookupKey.of(key.toString()).hash();
            assertThat(FortiGateLine.keyHash(padded, 2, length)).as(key.toString()).isEqualTo(hash);
            assertThat(FortiGateLine.keyHash(exact, 0, length)).as(key.toString()).isEqualTo(hash);
        }
    }

    /** Keys that share their first and last eight bytes and their length share a bucket, and are told apart. */
    @Test
    void keysAreFoundWhateverTheirLengthAndNeighbours() {
        Random random = new Random(7);
        for (int round = 0; round < 3_000; round++) {
            String[] keys = new String[1 + random.nextInt(6)];
            StringBuilder text = new StringBuilder("type=t");
            for (int k = 0; k < keys.length; k++) {
                StringBuilder key = new StringBuilder();
                int length = 1 + random.nextInt(random.nextBoolean() ? 9 : 30);
                for (int i = 0; i < length; i++) {
                    key.append("ab_.-0".charAt(random.nextInt(6)));
                }
                keys[k] = key.toString();
                text.append(' ').append(keys[k]).append('=').append(k);
            }
            assertThat(scan(text.toString())).isTrue();
            for (String key : keys) {
                int first = Arrays.asList(keys).indexOf(key);
                assertThat(line.get(key)).as(text.toString()).isEqualTo(Integer.toString(first));
                // the same text, another String: found alike
                assertThat(line.get(new String(key.toCharArray()))).isEqualTo(Integer.toString(first));
                assertThat(line.get(key + "a")).as(key).isEqualTo(Arrays.asList(keys).contains(key + "a")
                        ? Integer.toString(Arrays.asList(keys).indexOf(key + "a")) : null);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "1704164645, 2024-01-02T03:04:05Z",
        "1704164645123, 2024-01-02T03:04:05.123Z",
        "1704164645123456, 2024-01-02T03:04:05.123456Z",
        "1704164645123456789, 2024-01-02T03:04:05.123456789Z",
        "100000000000, 1973-03-03T09:46:40Z",
        "0, 1970-01-01T00:00:00Z"
    })
    void eventTimeUnitIsToldByMagnitude(String eventtime, String expected) {
        assertThat(scan("type=traffic eventtime=" + eventtime)).isTrue();
        assertThat(line.eventTimeEpochNanos()).isEqualTo(nanos(expected));
    }

    @Test
    void eventTimeBeyondTheRangeOfLongNanosCountsAsAbsent() {
        assertThat(scan("type=traffic eventtime=99999999999")).isTrue();
        assertThat(line.eventTimeEpochNanos()).isEqualTo(Long.MIN_VALUE);
        assertThat(scan("type=traffic eventtime=99999999999999")).isTrue();
        assertThat(line.eventTimeEpochNanos()).isEqualTo(Long.MIN_VALUE);
    }

    @ParameterizedTest
    @CsvSource({
        "+0100, 2024-01-02T02:04:05Z, 3600",
        "-0800, 2024-01-02T11:04:05Z, -28800",
        "+05:30, 2024-01-01T21:34:05Z, 19800",
        "-03, 2024-01-02T06:04:05Z, -10800",
        "UTC, 2024-01-02T03:04:05Z, 0",
        "Z, 2024-01-02T03:04:05Z, 0",
        "Europe/Berlin, 2024-01-02T03:04:05Z, 0",
        "+2500, 2024-01-02T03:04:05Z, 0"
    })
    void dateAndTimeAreReadInTheOffsetOfTz(String tz, String expected, int offsetSeconds) {
        assertThat(scan(PAYLOAD + " tz=\"" + tz + "\"")).isTrue();
        assertThat(line.dateTimeEpochNanos()).isEqualTo(nanos(expected));
        assertThat(line.epochNanos()).isEqualTo(nanos(expected));
        assertThat(line.offset()).isEqualTo(ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    @Test
    void dateAndTimeWithoutTzAreUtc() {
        assertThat(scan(PAYLOAD)).isTrue();
        assertThat(line.offset()).isEqualTo(ZoneOffset.UTC);
        assertThat(line.epochNanos()).isEqualTo(nanos("2024-01-02T03:04:05Z"));
    }

    @Test
    void eventTimeWinsOverDateAndTime() {
        assertThat(scan(PAYLOAD + " tz=\"-0500\" eventtime=1704182645000000001")).isTrue();
        assertThat(line.dateTimeEpochNanos()).isEqualTo(nanos("2024-01-02T08:04:05Z"));
        assertThat(line.epochNanos()).isEqualTo(nanos("2024-01-02T08:04:05.000000001Z"));
    }

    @Test
    void invalidEventTimeFallsBackToDateAndTime() {
        assertThat(scan(PAYLOAD + " eventtime=17x")).isTrue();
        assertThat(line.eventTimeEpochNanos()).isEqualTo(Long.MIN_VALUE);
        assertThat(line.epochNanos()).isEqualTo(nanos("2024-01-02T03:04:05Z"));
    }

    @ParameterizedTest
    @CsvSource({
        "2024-02-30, 03:04:05", "2024-13-01, 03:04:05", "2024-01-02, 24:00:00", "2024-01-02, 10: 13",
        "24-01-02, 03:04:05", "2024/01/02, 03:04:05", "9999-01-02, 03:04:05", "2024-01-02, 03-04-05"
    })
    void invalidDateOrTimeFallsBackToThePrefixTime(String date, String time) {
        assertThat(scan("<189>Jan  2 03:04:05 fw date=" + date + " time=\"" + time + "\" type=traffic")).isTrue();
        assertThat(line.dateTimeEpochNanos()).isEqualTo(Long.MIN_VALUE);
        assertThat(line.epochNanos()).isEqualTo(nanos("2024-01-02T03:04:05Z"));
    }

    @Test
    void rfc3164PrefixTimeIsReadInTzAndNeverFarInTheFuture() {
        assertThat(scan("<189>Dec 31 23:00:00 fw type=event tz=\"+0100\"")).isTrue();
        assertThat(line.epochNanos()).isEqualTo(nanos("2023-12-31T22:00:00Z"));
        assertThat(scan("<189>Jan  6 11:00:00 fw type=event")).isTrue();
        assertThat(line.epochNanos()).isEqualTo(nanos("2024-01-06T11:00:00Z"));
    }

    @Test
    void noTimeAnywhereIsMinValue() {
        assertThat(scan("type=event logid=\"0100032001\"")).isTrue();
        assertThat(line.epochNanos()).isEqualTo(Long.MIN_VALUE);
        assertThat(line.eventTimeEpochNanos()).isEqualTo(Long.MIN_VALUE);
        assertThat(line.dateTimeEpochNanos()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void malformedPrefixesAreNotMistakenForHeaders() {
        assertThat(scan("<999> type=event")).isTrue();
        assertThat(line.priority()).isEqualTo(-1);
        assertThat(line.framing()).isEqualTo(Framing.BARE_KV);
        assertThat(scan("Foo 14 08:03:52 host type=event")).isTrue();
        assertThat(line.framing()).isEqualTo(Framing.BARE_KV);
        assertThat(scan("2026-13-03T00:31:09Z host type=event")).isTrue();
        assertThat(line.framing()).isEqualTo(Framing.BARE_KV);
        assertThat(line.syslogHost()).isEmpty();
    }

    @Test
    void rejectsLinesThatAreNotFortiGateRecords() {
        assertThat(scan("")).isFalse();
        assertThat(line.rejectReason()).isEqualTo("empty line");
        assertThat(scan("  \t ")).isFalse();
        assertThat(line.rejectReason()).isEqualTo("empty line");
        assertThat(scan("binary junk \u0001\u0002 with no fields")).isFalse();
        assertThat(line.rejectReason()).contains("no key=value pairs");
        assertThat(scan("date= time= devname=\"FGT40F-CAM\" this line has no time")).isFalse();
        assertThat(line.rejectReason()).contains("no type or logid");
        assertThat(line.size()).isZero();
        assertThat(line.indexOf("devname")).isEqualTo(-1);
        assertThat(scan("<189>1 2024-01-02T03:04:05Z host - - - -")).isFalse();
        assertThat(line.rejectReason()).contains("no key=value pairs");
    }

    @Test
    void aLaterScanForgetsTheEarlierLine() {
        assertThat(scan("<189>Jan  2 03:04:05 fw-01 " + PAYLOAD + " extra=1")).isTrue();
        assertThat(scan("type=event")).isTrue();
        assertThat(line.priority()).isEqualTo(-1);
        assertThat(line.syslogHost()).isEmpty();
        assertThat(line.indexOf("extra")).isEqualTo(-1);
        assertThat(line.epochNanos()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void multiMegabyteValue() {
        String big = "x".repeat(5 << 20);
        assertThat(scan(PAYLOAD + " msg=\"" + big + "\" after=1")).isTrue();
        assertThat(line.valueLength(line.indexOf("msg"))).isEqualTo(big.length());
        assertThat(line.get("after")).isEqualTo("1");
    }

    @Test
    void thousandsOfPairsUpToTheLimit() {
        StringBuilder text = new StringBuilder("type=traffic");
        for (int i = 1; i < FortiGateLine.MAX_PAIRS; i++) {
            text.append(" k").append(i).append("=v").append(i);
        }
        assertThat(scan(text.toString())).isTrue();
        assertThat(line.size()).isEqualTo(FortiGateLine.MAX_PAIRS);
        assertThat(line.get("k4095")).isEqualTo("v4095");
        assertThat(line.get("type")).isEqualTo("traffic");

        assertThat(scan(text + " one=more")).isFalse();
        assertThat(line.rejectReason()).contains("more than 4096 key=value pairs");
        assertThat(scan(PAYLOAD)).isTrue();
        assertThat(line.get("devname")).isEqualTo("FGT");
    }

    @Test
    void multiMegabyteLineOfRepeatedPairsIsRejectedQuickly() {
        String text = "type=traffic" + " a=1".repeat(1 << 20);
        assertThat(scan(text)).isFalse();
        assertThat(line.rejectReason()).contains("4096");
    }
}
