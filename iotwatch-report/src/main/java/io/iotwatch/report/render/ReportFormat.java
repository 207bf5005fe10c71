package io.iotwatch.report.render;

import io.iotwatch.report.LowercaseNames;
import io.iotwatch.report.Report;
import io.iotwatch.report.json.ReportJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The forms a report is written in. */
public enum ReportFormat {
    JSON("application/json"),
    HTML("text/html; charset=utf-8"),
    PDF("application/pdf");

    private final String mediaType;

    ReportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The format a user names: {@code pdf}, {@code html} or {@code json}, in any case. */
    public static ReportFormat parse(String name) {
        return LowercaseNames.parse(ReportFormat.class, name, "a report format");
    }

    /** The formats as users name them, e.g. {@code pdf, html, json}. */
    public static String names() {
        return LowercaseNames.all(ReportFormat.class);
    }

    /** The file name extension, without the dot, which is also the name users give: {@code pdf}. */
    public String extension() {
        return LowercaseNames.of(this);
    }

    /** The HTTP content type of a report in this format. */
    public String mediaType() {
        return mediaType;
    }

    /** Writes the report in this format; the stream is left open. */
    public void write(Report report, OutputStream out) throws IOException {
        switch (this) {
            case JSON -> out.write((ReportJson.toJson(report) + "\n").getBytes(StandardCharsets.UTF_8));
            case HTML -> out.write(ReportHtml.toHtml(report).getBytes(StandardCharsets.UTF_8));
            case PDF -> ReportPdf.write(report, out);
        }
    }
}
