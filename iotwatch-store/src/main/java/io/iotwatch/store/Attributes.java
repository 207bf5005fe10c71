package io.iotwatch.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON object in the attributes column: an event's fields that have no column of their own.
 * Values are text, whole numbers, lists of text or maps of text to text; empty ones are left out.
 */
final class Attributes {

    // a field may be as long as the longest line accepted, far beyond Jackson's default limit
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();
    private static final Attributes NONE = new Attributes(Map.of());

    private final Map<String, Object> values;

    private Attributes(Map<String, Object> values) {
        this.values = values;
    }

    /** Reads a column value written by a {@link Writer}; null reads as no attributes. */
    static Attributes parse(String json) {
        if (json == null) {
            return NONE;
        }
        try (JsonParser parser = JSON.createParser(json)) {
            Map<String, Object> values = new LinkedHashMap<>();
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                values.put(name, value(parser, parser.nextToken()));
            }
            return new Attributes(values);
        } catch (IOException e) {
            throw new StoreException("unreadable attributes column: " + e.getMessage(), e);
        }
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getLongValue();
            case START_ARRAY -> {
                List<String> list = new ArrayList<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    list.add(parser.getText());
                }
                expect(parser.currentToken(), JsonToken.END_ARRAY);
                yield list;
            }
            case START_OBJECT -> {
                Map<String, String> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    expect(parser.nextToken(), JsonToken.VALUE_STRING);
                    map.put(key, parser.getText());
                }
                yield map;
            }
            default -> throw new IOException("unexpected " + token);
        };
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + " but found " + actual);
        }
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String text(String name) {
        return values.get(name) instanceof String s ? s : "";
    }

    long number(String name) {
        return values.get(name) instanceof Long n ? n : 0;
    }

    @SuppressWarnings("unchecked")
    List<String> texts(String name) {
        return values.get(name) instanceof List<?> list ? (List<String>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    Map<String, String> textMap(String name) {
        return values.get(name) instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }

    /** Writes one attributes object after another, reusing its buffer. Not thread-safe. */
    static final class Writer {
        private final StringWriter out = new StringWriter(256);
        private JsonGenerator json;
        private boolean empty;

        Writer begin() {
            out.getBuffer().setLength(0);
            empty = true;
            return run(() -> {
                json = JSON.createGenerator(out);
                json.writeStartObject();
            });
        }

        Writer text(String name, String value) {
            return value.isEmpty() ? this : field(() -> json.writeStringField(name, value));
        }

        Writer number(String name, long value) {
            return value == 0 ? this : field(() -> json.writeNumberField(name, value));
        }

        Writer texts(String name, List<String> list) {
            return list.isEmpty() ? this : field(() -> {
                json.writeArrayFieldStart(name);
                for (String s : list) {
                    json.writeString(s);
                }
                json.writeEndArray();
            });
        }

        Writer textMap(String name, Map<String, String> map) {
            return map.isEmpty() ? this : field(() -> {
                json.writeObjectFieldStart(name);
                for (Map.Entry<String, String> e : map.entrySet()) {
                    json.writeStringField(e.getKey(), e.getValue());
                }
                json.writeEndObject();
            });
        }

        /** The object written since {@link #begin()}, or null when it has no field. */
        String end() {
            run(() -> {
                json.writeEndObject();
                json.close();
            });
            return empty ? null : out.toString();
        }

        private Writer field(JsonWrite write) {
            empty = false;
            return run(write);
        }

        private Writer run(JsonWrite write) {
            try {
                write.run();
            } catch (IOException e) {
                throw new UncheckedIOException("writing JSON to memory failed", e);
            }
            return this;
        }

        private interface JsonWrite {
            void run() throws IOException;
        }
    }
}
