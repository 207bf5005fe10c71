package io.iotwatch.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.report.AlertRow;
import io.iotwatch.report.AuditCheck;
import io.iotwatch.report.Compliance;
import io.iotwatch.report.HostileText;
import io.iotwatch.report.Period;
import io.iotwatch.report.Report;
import io.iotwatch.report.Stat;
import io.iotwatch.report.Summary;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDF's alert table: wrapping and any string from the network printed without a failure. */
class AlertTablePdfTest {

    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void wrappingKeepsEveryCodePointInLinesOfTheWidth() {
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            String text = HostileText.random(random, 120);
            int width = 1 + random.nextInt(40);
            List<String> lines = AlertTablePdf.wrap(text, width);
            assertThat(String.join("", lines)).isEqualTo(text);
            assertThat(lines).allSatisfy(line -> assertThat(line.codePointCount(0, line.length())).isLessThanOrEqualTo(width));
            for (int i = 1; i < lines.size(); i++) {
                String before = lines.get(i - 1);
                assertThat(Character.isHighSurrogate(before.charAt(before.length() - 1))
                        && Character.isLowSurrogate(lines.get(i).charAt(0))).as("a pair split between lines").isFalse();
            }
        }
    }

    @Test
    void anyStringInAnAlertPrints() throws Exception {
        Random random = new Random(20261202L);
        List<AlertRow> rows = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String hostile = HostileText.random(random, 80);
            rows.add(new AlertRow(hostile, FROM, FROM, hostile, hostile, hostile, hostile, hostile, hostile, hostile, i, 0.5,
                    hostile, hostile));
        }
        rows.add(new AlertRow("the-last-one", FROM, FROM, "low", "g", "c", "d", "10.0.0.1", null, null, 1, 1.0, "", "open"));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        ReportPdf.write(report(rows), pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("151 alerts, most recently active first.", "the-last-one");
            assertThat(document.getNumberOfPages()).isGreaterThan(3);
        }
    }

    private static Report report(List<AlertRow> rows) {
        Stat none = Stat.ofMillis(new long[0]);
        return new Report(new Period(FROM, FROM.plusSeconds(3600), FROM),
                new Summary(rows.size(), rows.size(), Map.of("low", (long) rows.size(), "medium", 0L, "high", 0L, "critical", 0L),
                        Map.of(), Map.of(), 0, 0, 0, List.of()),
                List.of(), List.of(), List.of(), List.of(), List.of(),
                new Compliance(none, none, none, 0, 0, 0, new AuditCheck(true, 0, 0, 0, null, null)), rows);
    }
}
