package io.iotwatch.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    private static JsonNode parse(StringBuilder json) throws Exception {
        return JACKSON.readTree(json.toString());
    }

    @Test
    void anyStringRoundTripsAsValueAndAsName() throws Exception {
        Random random = new Random(20260401);
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            String s = randomString(random);
            json.setLength(0);
            new JsonWriter(json).beginObject().field("v", s).beginObject("names").field(s, 1).endObject().endObject();

            JsonNode node = parse(json);
            String expected = withLoneSurrogatesReplaced(s);
            assertThat(node.get("v").asText()).as("value #%d %s", i, codePoints(s)).isEqualTo(expected);
            assertThat(node.get("names").get(expected).asLong()).as("name #%d %s", i, codePoints(s)).isEqualTo(1);
            assertOnlySafeCharacters(json);
        }
    }

    @Test
    void arrayElementsRoundTrip() throws Exception {
        Random random = new Random(7);
        StringBuilder json = new StringBuilder();
        JsonWriter w = new JsonWriter(json).beginArray();
        String[] strings = new String[200];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = randomString(random);
            w.value(strings[i]);
        }
        w.endArray();
        JsonNode node = parse(json);
        assertThat(node.size()).isEqualTo(strings.length);
        for (int i = 0; i < strings.length; i++) {
            assertThat(node.get(i).asText()).isEqualTo(withLoneSurrogatesReplaced(strings[i]));
        }
    }

    @Test
    void escapesExactly() {
        assertThat(write("\"\\/")).isEqualTo("{\"v\":\"\\\"\\\\/\"}");
        assertThat(write("\b\f\n\r\t")).isEqualTo("{\"v\":\"\\b\\f\\n\\r\\t\"}");
        assertThat(write("\u0000\u0001\u001f\u007f")).isEqualTo("{\"v\":\"\\u0000\\u0001\\u001f\u007f\"}");
        assertThat(write("a\u2028b\u2029c")).isEqualTo("{\"v\":\"a\\u2028b\\u2029c\"}");
        assertThat(write("x\ud83d\ude00y")).isEqualTo("{\"v\":\"x\ud83d\ude00y\"}");
        assertThat(write("\ud83d")).isEqualTo("{\"v\":\"\ufffd\"}");
        assertThat(write("\ude00\ud83d")).isEqualTo("{\"v\":\"\ufffd\ufffd\"}");
        assertThat(write("\ud83d\ud83d\ude00")).isEqualTo("{\"v\":\"\ufffd\ud83d\ude00\"}");
        assertThat(write("é€\uffff")).isEqualTo("{\"v\":\"é€\uffff\"}");
    }

    private static String write(String value) {
        StringBuilder json = new StringBuilder();
        new JsonWriter(json).beginObject().field("v", value).endObject();
        return json.toString();
    }

    @Test
    void writesNumbersBooleansAndNulls() throws Exception {
        StringBuilder json = new StringBuilder();
        new JsonWriter(json).beginObject()
                .field("min", Long.MIN_VALUE).field("max", Long.MAX_VALUE)
                .field("half", 0.5).field("tiny", 4.9e-324).field("negZero", -0.0)
                .field("nan", Double.NaN).field("inf", Double.POSITIVE_INFINITY).field("ninf", Double.NEGATIVE_INFINITY)
                .field("yes", true).field("no", false).field("nothing", (String) null).nullField("explicit")
                .beginArray("list").value(1).value(2.5).value(Double.NaN).value(true).value((String) null).endArray()
                .endObject();
        JsonNode node = parse(json);
        assertThat(node.get("min").asLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(node.get("max").asLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(node.get("half").asDouble()).isEqualTo(0.5);
        assertThat(node.get("tiny").asDouble()).isEqualTo(4.9e-324);
        assertThat(node.get("negZero").asDouble()).isEqualTo(-0.0);
        assertThat(node.get("nan").isNull()).isTrue();
        assertThat(node.get("inf").isNull()).isTrue();
        assertThat(node.get("ninf").isNull()).isTrue();
        assertThat(node.get("yes").asBoolean()).isTrue();
        assertThat(node.get("no").isBoolean()).isTrue();
        assertThat(node.get("nothing").isNull()).isTrue();
        assertThat(node.get("explicit").isNull()).isTrue();
        assertThat(node.get("list").toString()).isEqualTo("[1,2.5,null,true,null]");
    }

    @Test
    void finiteDoublesRoundTrip() throws Exception {
        Random random = new Random(99);
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            json.setLength(0);
            new JsonWriter(json).beginObject().field("d", d).endObject();
            JsonNode value = parse(json).get("d");
            if (Double.isFinite(d)) {
                assertThat(value.asDouble()).as(json.toString()).isEqualTo(d);
            } else {
                assertThat(value.isNull()).isTrue();
            }
        }
    }

    @Test
    void nestsObjectsAndArrays() throws Exception {
        StringBuilder json = new StringBuilder();
        JsonWriter w = new JsonWriter(json).beginObject()
                .beginObject("a").beginArray("b").beginObject().field("c", 1).endObject().beginArray().value("d").endArray().endArray().endObject()
                .beginArray("empty").endArray()
                .beginObject("none").endObject()
                .endObject();
        assertThat(w.isComplete()).isTrue();
        assertThat(json).hasToString("{\"a\":{\"b\":[{\"c\":1},[\"d\"]]},\"empty\":[],\"none\":{}}");
        assertThat(parse(json).at("/a/b/1/0").asText()).isEqualTo("d");
    }

    @Test
    void anEmptyOptionalObjectLeavesNoTrace() {
        StringBuilder json = new StringBuilder();
        new JsonWriter(json).beginObject()
                .field("a", 1)
                .beginOptionalObject("gone").beginOptionalObject("inner").endObject().endObject()
                .beginOptionalObject("kept").beginOptionalObject("inner").field("x", "y").endObject().endObject()
                .beginOptionalObject("alsoGone").endObject()
                .field("b", 2)
                .endObject();
        assertThat(json).hasToString("{\"a\":1,\"kept\":{\"inner\":{\"x\":\"y\"}},\"b\":2}");

        json.setLength(0);
        new JsonWriter(json).beginObject().beginOptionalObject("first").endObject().field("a", 1).endObject();
        assertThat(json).hasToString("{\"a\":1}");
    }

    @Test
    void fieldIfNotEmptySkipsNullAndEmpty() {
        StringBuilder json = new StringBuilder();
        new JsonWriter(json).beginObject().fieldIfNotEmpty("a", null).fieldIfNotEmpty("b", "").fieldIfNotEmpty("c", "x").endObject();
        assertThat(json).hasToString("{\"c\":\"x\"}");
    }

    @Test
    void stringsIfNotEmptyWritesAnArrayOrNothing() {
        StringBuilder json = new StringBuilder();
        new JsonWriter(json).beginObject()
                .stringsIfNotEmpty("none", List.of())
                .stringsIfNotEmpty("some", List.of("a", "\"b\""))
                .endObject();
        assertThat(json).hasToString("{\"some\":[\"a\",\"\\\"b\\\"\"]}");
    }

    @Test
    void misuseThrowsInsteadOfWritingBrokenJson() {
        assertThatThrownBy(() -> new JsonWriter(new StringBuilder()).field("a", 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter(new StringBuilder()).value(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter(new StringBuilder()).beginObject().value("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter(new StringBuilder()).beginObject().beginObject()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter(new StringBuilder()).beginArray().field("a", "b")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter(new StringBuilder()).beginArray().endObject()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter(new StringBuilder()).beginObject().endArray()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter(new StringBuilder()).endObject()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter(new StringBuilder()).beginObject().endObject().beginObject()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter(new StringBuilder()).beginObject().field(null, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deepNestingGrowsTheStack() throws Exception {
        StringBuilder json = new StringBuilder();
        JsonWriter w = new JsonWriter(json).beginArray();
        for (int i = 0; i < 100; i++) {
            w.beginArray();
        }
        for (int i = 0; i < 100; i++) {
            w.endArray();
        }
        w.endArray();
        assertThat(w.isComplete()).isTrue();
        assertThat(parse(json).isArray()).isTrue();
    }

    @Test
    void dateTimesMatchJavaTime() {
        Random random = new Random(42);
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            long seconds = i % 4 == 0 ? random.nextLong(-4_000_000_000L, 8_000_000_000L) : random.nextLong(-500_000_000_000L, 3_000_000_000_000L);
            int nano = random.nextInt(1_000_000_000);
            int offset = i % 3 == 0 ? 0 : random.nextInt(-18 * 3600, 18 * 3600 + 1);
            int digits = random.nextInt(10);
            json.setLength(0);
            new JsonWriter(json).beginObject().dateTimeField("t", seconds, nano, offset, digits).endObject();

            String pattern = "uuuu-MM-dd'T'HH:mm:ss" + (digits == 0 ? "" : "." + "S".repeat(digits)) + "XXXXX";
            String expected = OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, nano), ZoneOffset.ofTotalSeconds(offset))
                    .format(DateTimeFormatter.ofPattern(pattern));
            assertThat(json.toString()).as("%d s %d ns at %d s, %d digits", seconds, nano, offset, digits)
                    .isEqualTo("{\"t\":\"" + expected + "\"}");
        }
    }

    @Test
    void instantsAreUtcWithNineDigits() {
        StringBuilder json = new StringBuilder();
        new JsonWriter(json).beginObject()
                .timeField("a", Instant.parse("2024-03-16T05:12:56.971231921Z"))
                .timeField("b", Instant.EPOCH)
                .timeField("c", null)
                .endObject();
        assertThat(json).hasToString("{\"a\":\"2024-03-16T05:12:56.971231921Z\",\"b\":\"1970-01-01T00:00:00.000000000Z\",\"c\":null}");
    }

    @Test
    void rejectsImpossibleTimes() {
        JsonWriter w = new JsonWriter(new StringBuilder()).beginObject();
        assertThatThrownBy(() -> w.dateTimeField("t", 0, 1_000_000_000, 0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.dateTimeField("t", 0, 0, 19 * 3600, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.dateTimeField("t", 0, 0, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String randomString(Random random) {
        int length = random.nextInt(12);
        StringBuilder s = new StringBuilder(length * 2);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(10)) {
                case 0 -> s.append((char) random.nextInt(0x20));
                case 1 -> s.append("\"\\/\u007f".charAt(random.nextInt(4)));
                case 2 -> s.append((char) (0xd800 + random.nextInt(0x800)));
                case 3 -> s.appendCodePoint(0x10000 + random.nextInt(0x100000));
                case 4 -> s.append(random.nextBoolean() ? '\u2028' : '\u2029');
                case 5 -> s.append((char) random.nextInt(0x10000));
                default -> s.append((char) (0x20 + random.nextInt(0x5f)));
            }
        }
        return s.toString();
    }

    private static String withLoneSurrogatesReplaced(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\ufffd' : c);
            }
        }
        return out.toString();
    }

    private static void assertOnlySafeCharacters(CharSequence json) {
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            assertThat(c < 0x20 || c == '\u2028' || c == '\u2029').as("raw char %04x at %d", (int) c, i).isFalse();
            if (Character.isHighSurrogate(c)) {
                assertThat(Character.isLowSurrogate(json.charAt(++i))).as("pair at %d", i).isTrue();
            } else {
                assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at %d", i).isFalse();
            }
        }
    }

    private static String codePoints(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(String.format("%04x ", c)));
        return out.toString();
    }
}
