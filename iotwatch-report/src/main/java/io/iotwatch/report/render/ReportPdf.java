package io.iotwatch.report.render;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.iotwatch.report.Report;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A {@link Report} as PDF: the sections of the HTML report ({@link ReportHtml}) printed by openhtmltopdf, the alert
 * table drawn after them by {@link AlertTablePdf}, and then every page's footer, which names the page and the count.
 * Fonts are embedded, only the glyphs used.
 */
public final class ReportPdf {

    private static final String FOOTER = "iotwatch audit report";
    private static final float FOOTER_SIZE = 7;
    private static final float FOOTER_SIDE = 40;
    private static final float FOOTER_BASELINE = 28;

    private ReportPdf() {}

    /** Writes the report as PDF; the stream is left open. */
    public static void write(Report report, OutputStream out) throws IOException {
        PdfLog.install();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        for (ReportFonts font : ReportFonts.values()) {
            builder.useFont(font::open, font.family(), font.weight(), FontStyle.NORMAL, true);
        }
        ReportCharts charts = ReportCharts.of(report);
        builder.useObjectDrawerFactory(charts.drawers());
        builder.withHtmlContent(ReportHtml.document(report, charts, true), null);
        // the table is drawn while the rest is laid out: each takes seconds for a hundred thousand alerts
        try (AlertTablePdf table = AlertTablePdf.start(report.alerts()); PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            PDDocument document = renderer.createPDFKeepOpen();
            table.moveTo(document);
            footers(document);
            document.save(out);
        }
    }

    private static void footers(PDDocument document) throws IOException {
        PDFont font;
        try (InputStream in = ReportFonts.SANS.open()) {
            font = PDType0Font.load(document, in, true);
        }
        int pages = document.getNumberOfPages();
        for (int number = 1; number <= pages; number++) {
            PDPage page = document.getPage(number - 1);
            String count = "page " + number + " of " + pages;
            float right = page.getMediaBox().getWidth() - FOOTER_SIDE - font.getStringWidth(count) * FOOTER_SIZE / 1000;
            try (PDPageContentStream footer = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
                footer.setNonStrokingColor(0.42f);
                text(footer, font, FOOTER_SIDE, FOOTER);
                text(footer, font, right, count);
            }
        }
    }

    private static void text(PDPageContentStream stream, PDFont font, float x, String text) throws IOException {
        stream.beginText();
        stream.setFont(font, FOOTER_SIZE);
        stream.newLineAtOffset(x, FOOTER_BASELINE);
        stream.showText(text);
        stream.endText();
    }
}
