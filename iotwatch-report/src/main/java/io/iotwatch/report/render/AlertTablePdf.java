package io.iotwatch.report.render;

import io.iotwatch.report.AlertRow;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The PDF report's appendix, the table of every alert, drawn straight onto landscape pages with PDFBox. Laid out
 * through HTML it took openhtmltopdf six seconds a thousand rows, and a report may hold a hundred thousand. The
 * table is set in a monospaced font, so a cell's width is its characters and wrapping needs no measuring; a value
 * too long for its column continues on the row's next lines.
 */
final class AlertTablePdf implements Closeable {

    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN_SIDE = 40;
    private static final float MARGIN_TOP = 45;
    private static final float MARGIN_BOTTOM = 50;
    private static final float SIZE = 6;
    private static final float LINE = 7.4f;
    /** DejaVu Sans Mono's advance: 1233 of 2048 units per em. */
    private static final float CHAR_WIDTH = SIZE * 1233 / 2048f;
    private static final int GAP = 1;
    private static final float RULE = 0.25f;

    /** A column: its heading, its width in characters, and its value in a row. */
    private record Column(String heading, int chars, boolean numeric, Function<AlertRow, String> value) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("First seen (UTC)", 19, false, row -> ReportText.cellTime(row.firstSeen())),
            new Column("Last seen (UTC)", 19, false, row -> ReportText.cellTime(row.lastSeen())),
            new Column("Level", 8, false, AlertRow::level),
            new Column("Class", 20, false, AlertRow::attackClass),
            new Column("Detector", 10, false, AlertRow::detector),
            new Column("Source", 15, false, AlertRow::srcIp),
            new Column("Target", 15, false, AlertRow::dstIp),
            new Column("Domain", 18, false, AlertRow::domain),
            new Column("Count", 7, true, row -> ReportText.count(row.count())),
            new Column("Conf.", 5, true, row -> ReportText.confidence(row.confidence())),
            new Column("ATT&CK", 9, false, row -> row.mitre().isEmpty() ? ReportText.NONE : row.mitre()),
            new Column("Status", 12, false, AlertRow::status),
            new Column("Id", 32, false, AlertRow::id));

    /** Characters in a line of the table, gaps included. */
    private static final int LINE_CHARS = COLUMNS.stream().mapToInt(column -> column.chars() + GAP).sum();

    private final PDDocument document;
    private final CmapLookup monoGlyphs;
    private final PDFont mono;
    private final PDFont bold;
    private final PDFont sans;
    private final Map<PDFont, BitSet> inSubset = new IdentityHashMap<>();
    private FutureTask<Void> drawing;
    private PageWriter page;
    private float y;

    private AlertTablePdf() throws IOException {
        this.document = new PDDocument();
        TrueTypeFont monoFont;
        try (InputStream in = ReportFonts.MONO.open()) {
            monoFont = new TTFParser().parse(new RandomAccessReadBuffer(in));
        }
        this.monoGlyphs = monoFont.getUnicodeCmapLookup();
        // the document closes the font when it is closed
        this.mono = PDType0Font.load(document, monoFont, true);
        this.bold = load(document, ReportFonts.SANS_BOLD);
        this.sans = load(document, ReportFonts.SANS);
    }

    /**
     * Starts drawing the appendix, a heading and then every alert in the order given, on a thread of its own and on
     * pages of a document of its own, so that it is drawn while the rest of the report is laid out; {@link #moveTo}
     * puts the pages in the report.
     */
    static AlertTablePdf start(List<AlertRow> alerts) throws IOException {
        AlertTablePdf table = new AlertTablePdf();
        table.drawing = new FutureTask<>(() -> {
            table.draw(alerts);
            return null;
        });
        Thread.ofPlatform().name("report-alert-table").daemon().start(table.drawing);
        return table;
    }

    private void draw(List<AlertRow> alerts) throws IOException {
        try {
            newPage();
            heading(alerts.size());
            columnHeadings();
            for (AlertRow alert : alerts) {
                row(alert);
            }
        } finally {
            endPage();
        }
        // subset now: the pages are saved with the report, and a document subsets its fonts only when it is saved
        for (PDFont font : List.of(mono, bold, sans)) {
            font.subset();
        }
    }

    /** Waits for the table, then moves its pages to the end of {@code report}. */
    void moveTo(PDDocument report) throws IOException {
        try {
            drawing.get();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException failure -> throw failure;
                case RuntimeException failure -> throw failure;
                default -> throw new IllegalStateException("drawing the alert table failed", e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the alert table was drawn");
        }
        for (PDPage page : document.getPages()) {
            report.addPage(page);
        }
    }

    /** Waits for the drawing to end and lets go of the table's document: after the report it was moved to is saved. */
    @Override
    public void close() throws IOException {
        try {
            drawing.get();
        } catch (ExecutionException e) {
            // told by moveTo, or by the failure that kept the report from getting that far
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        document.close();
    }

    private void heading(int alerts) throws IOException {
        y -= 13;
        page.text(bold, 13, MARGIN_SIDE, y, "Appendix: alerts");
        y -= 15;
        page.text(sans, 8, MARGIN_SIDE, y, ReportText.count(alerts) + " alerts, most recently active first.");
        y -= 8;
    }

    private void columnHeadings() throws IOException {
        y -= LINE;
        float x = MARGIN_SIDE;
        for (Column column : COLUMNS) {
            float left = column.numeric() ? x + (column.chars() * CHAR_WIDTH - bold.getStringWidth(column.heading()) * SIZE / 1000) : x;
            page.text(bold, SIZE, left, y, column.heading());
            x += (column.chars() + GAP) * CHAR_WIDTH;
        }
        rule(y - 2.2f, 0.6f);
        y -= 2;
    }

    private void row(AlertRow alert) throws IOException {
        List<List<String>> cells = new ArrayList<>(COLUMNS.size());
        int lines = 1;
        for (Column column : COLUMNS) {
            List<String> wrapped = wrap(printable(column.value().apply(alert)), column.chars());
            cells.add(wrapped);
            lines = Math.max(lines, wrapped.size());
        }
        if (y - lines * LINE < MARGIN_BOTTOM) {
            endPage();
            newPage();
            columnHeadings();
        }
        // one string per line of the row, its cells padded to their columns: PDFBox spends most of its time per
        // string shown (glyph substitution), not per character
        StringBuilder text = new StringBuilder(LINE_CHARS);
        for (int line = 0; line < lines; line++) {
            text.setLength(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                Column column = COLUMNS.get(c);
                List<String> wrapped = cells.get(c);
                String value = line < wrapped.size() ? wrapped.get(line) : "";
                int pad = column.chars() - value.codePointCount(0, value.length());
                if (column.numeric()) {
                    text.repeat(' ', pad).append(value);
                } else {
                    text.append(value).repeat(' ', pad);
                }
                text.repeat(' ', GAP);
            }
            page.text(mono, SIZE, MARGIN_SIDE, y - (line + 1) * LINE, text.toString());
        }
        y -= lines * LINE + 1.5f;
        rule(y + 0.5f, RULE);
    }

    /**
     * The text with every character the font cannot draw as U+FFFD, and control characters (a line break in a hostile
     * name) as U+FFFD too: what the PDF shows is what the data held, or a visible mark where it cannot be shown.
     */
    private String printable(String text) {
        String value = text == null ? ReportText.NONE : text;
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isISOControl(codePoint) || monoGlyphs.getGlyphId(codePoint) == 0) {
                out.append('\uFFFD');
            } else {
                out.appendCodePoint(codePoint);
            }
        }
        return out.toString();
    }

    /** Cuts the text into lines of at most {@code width} characters, each line a whole number of code points. */
    static List<String> wrap(String text, int width) {
        if (text.codePointCount(0, text.length()) <= width) {
            return List.of(text);
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.offsetByCodePoints(start, Math.min(width, text.codePointCount(start, text.length())));
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }

    private void newPage() throws IOException {
        PDPage next = new PDPage(PAGE);
        document.addPage(next);
        page = new PageWriter(document, next, inSubset);
        y = PAGE.getHeight() - MARGIN_TOP;
    }

    private void endPage() throws IOException {
        if (page != null) {
            page.close();
            page = null;
        }
    }

    private void rule(float at, float width) throws IOException {
        page.rule(MARGIN_SIDE, PAGE.getWidth() - MARGIN_SIDE, at, width, 0.82f);
    }

    private static PDFont load(PDDocument document, ReportFonts font) throws IOException {
        try (InputStream in = font.open()) {
            return PDType0Font.load(document, in, true);
        }
    }
}
