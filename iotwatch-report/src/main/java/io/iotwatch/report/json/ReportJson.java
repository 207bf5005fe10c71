package io.iotwatch.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.iotwatch.report.Report;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A {@link Report} as JSON: the fields of its records by their names, instants as ISO-8601 UTC strings (e.g.
 * {@code 2026-12-02T08:00:00Z}), absent values as null. docs/REPORTS.md describes it and
 * {@link #SCHEMA_RESOURCE} is its JSON Schema.
 */
public final class ReportJson {

    /** The report's JSON Schema (draft 2020-12), a class path resource. */
    public static final String SCHEMA_RESOURCE = "/io/iotwatch/report/report.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            // the store has no Java time module on its path; ISO text is also what docs/API.md promises
            .registerModule(new SimpleModule("instants")
                    .addSerializer(Instant.class, new InstantWriter())
                    .addDeserializer(Instant.class, new InstantReader()))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ReportJson() {}

    /** The report as indented JSON text. */
    public static String toJson(Report report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report always writes as JSON", e);
        }
    }

    /**
     * The report that {@link #toJson} wrote.
     *
     * @throws IllegalArgumentException if the text is not such a report
     */
    public static Report read(String json) {
        try {
            return JSON.readValue(json, Report.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an iotwatch report: " + e.getOriginalMessage(), e);
        }
    }

    /** The report's JSON Schema, as text. */
    public static String schema() {
        try (InputStream in = ReportJson.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the report schema " + SCHEMA_RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report schema", e);
        }
    }

    private static final class InstantWriter extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(value.toString());
        }
    }

    private static final class InstantReader extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser in, DeserializationContext context) throws IOException {
            String text = in.getValueAsString();
            if (text == null) {
                return (Instant) context.handleUnexpectedToken(Instant.class, in);
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
            }
        }
    }
}
