package io.iotwatch.ml.eval;

import io.iotwatch.core.taxonomy.Granularity;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A confusion matrix as a PNG heatmap, drawn with Java2D: rows are actual labels, columns predicted ones, each cell
 * shaded by its share of its row (the recall of the actual label, on the diagonal), its count written in it when
 * the count fits (shortened to {@code 12k}, {@code 1.2M} if need be; empty cells stay blank so that the few
 * non-zero cells of a large matrix stand out). Cells shrink with the label count down to a size whose counts and
 * labels stay legible, so a 36-label matrix is about 1,400 pixels wide.
 */
public final class ConfusionImage {

    static {
        // Drawing into an image needs no display, but AWT would look for the X server DISPLAY names and fail when
        // it is unreachable (ssh, containers). A caller's explicit choice stands.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final int PAD = 16;
    private static final int GAP = 8;
    private static final int MIN_CELL = 30;
    private static final int MAX_CELL = 96;
    private static final int MATRIX_TARGET = 720;
    private static final int BAR_WIDTH = 14;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font AXIS = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Color EMPTY = new Color(247, 251, 255);
    private static final Color FULL = new Color(8, 48, 107);
    private static final Color INK = new Color(33, 33, 33);
    private static final Color NOTE = new Color(110, 110, 110);
    private static final Color FRAME = new Color(160, 160, 160);

    private ConfusionImage() {}

    /** Where things go: the matrix's top-left corner is at ({@code left}, {@code top}), each cell a square. */
    record Layout(List<String> header, int labelWidth, int cell, int left, int top, int width, int height) {

        int x(int column) {
            return left + column * cell;
        }

        int y(int row) {
            return top + row * cell;
        }

        int matrixSize(int labels) {
            return labels * cell;
        }
    }

    /** Renders {@code matrix}, titled with its granularity and scores. */
    public static BufferedImage render(ConfusionMatrix matrix, Granularity granularity) {
        Layout layout = layout(matrix, granularity);
        BufferedImage image = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            hint(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, layout.width(), layout.height());
            drawHeader(g, layout);
            drawCells(g, layout, matrix);
            drawLabels(g, layout, matrix.labels());
            drawScale(g, layout, matrix.size());
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Renders {@code matrix} into the PNG file {@code png}, replacing it. */
    public static void write(ConfusionMatrix matrix, Granularity granularity, Path png) throws IOException {
        if (!ImageIO.write(render(matrix, granularity), "png", png.toFile())) {
            throw new IOException("no PNG writer in this JVM");
        }
    }

    static Layout layout(ConfusionMatrix matrix, Granularity granularity) {
        List<String> header = List.of(
                "Confusion matrix, %s granularity: %d labels".formatted(
                        granularity.name().toLowerCase(Locale.ROOT), matrix.size()),
                String.format(Locale.ROOT, "macro-F1 %.4f over the %d actual labels   accuracy %.4f   weighted-F1 %.4f   rows %d",
                        matrix.macroF1(), matrix.actualLabels(), matrix.accuracy(), matrix.weightedF1(), matrix.total()),
                "rows actual, columns predicted; shade: share of the actual row (recall on the diagonal)");
        Graphics2D scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            hint(scratch);
            FontMetrics title = scratch.getFontMetrics(TITLE);
            FontMetrics text = scratch.getFontMetrics(TEXT);
            FontMetrics axis = scratch.getFontMetrics(AXIS);
            int labelWidth = matrix.labels().stream().mapToInt(text::stringWidth).max().orElse(0);
            int headerWidth = Math.max(title.stringWidth(header.get(0)),
                    header.stream().skip(1).mapToInt(text::stringWidth).max().orElse(0));
            int cell = Math.clamp(MATRIX_TARGET / matrix.size(), MIN_CELL, MAX_CELL);
            int matrixSize = matrix.size() * cell;
            int left = PAD + axis.getHeight() + GAP + labelWidth + GAP;
            int top = PAD + title.getHeight() + 2 * text.getHeight() + 2 * GAP;
            int right = left + matrixSize + 2 * GAP + BAR_WIDTH + GAP / 2 + text.stringWidth("0.0") + PAD;
            int width = Math.max(right, PAD + headerWidth + PAD);
            int height = top + matrixSize + GAP + labelWidth + GAP + axis.getHeight() + PAD;
            return new Layout(header, labelWidth, cell, left, top, width, height);
        } finally {
            scratch.dispose();
        }
    }

    private static void hint(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    private static void drawHeader(Graphics2D g, Layout layout) {
        g.setColor(INK);
        g.setFont(TITLE);
        int y = PAD + g.getFontMetrics().getAscent();
        g.drawString(layout.header().get(0), PAD, y);
        y += g.getFontMetrics().getDescent() + GAP;
        g.setFont(TEXT);
        FontMetrics text = g.getFontMetrics();
        g.drawString(layout.header().get(1), PAD, y + text.getAscent());
        g.setColor(NOTE);
        g.drawString(layout.header().get(2), PAD, y + text.getHeight() + text.getAscent());
    }

    private static void drawCells(Graphics2D g, Layout layout, ConfusionMatrix matrix) {
        int cell = layout.cell();
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.clamp(cell / 3, 10, 16)));
        FontMetrics metrics = g.getFontMetrics();
        for (int a = 0; a < matrix.size(); a++) {
            long support = matrix.support(a);
            for (int p = 0; p < matrix.size(); p++) {
                long count = matrix.count(a, p);
                double share = support == 0 ? 0 : (double) count / support;
                int x = layout.x(p);
                int y = layout.y(a);
                g.setColor(shade(share));
                // One pixel short, so that the white background shows as the grid between cells.
                g.fillRect(x, y, cell - 1, cell - 1);
                String text = count == 0 ? "" : fitting(count, metrics, cell - 4);
                if (!text.isEmpty()) {
                    g.setColor(share > 0.5 ? Color.WHITE : INK);
                    g.drawString(text, x + (cell - 1 - metrics.stringWidth(text)) / 2,
                            y + (cell - 1 + metrics.getAscent() - metrics.getDescent()) / 2);
                }
            }
        }
        g.setColor(FRAME);
        int size = layout.matrixSize(matrix.size());
        g.drawRect(layout.left() - 1, layout.top() - 1, size, size);
    }

    private static void drawLabels(Graphics2D g, Layout layout, List<String> labels) {
        int cell = layout.cell();
        int size = layout.matrixSize(labels.size());
        g.setColor(INK);
        g.setFont(TEXT);
        FontMetrics text = g.getFontMetrics();
        int centring = (text.getAscent() - text.getDescent()) / 2;
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            int width = text.stringWidth(label);
            g.drawString(label, layout.left() - GAP - width, layout.y(i) + cell / 2 + centring);
            // Column labels read upwards and end just under their column.
            drawUpwards(g, label, layout.x(i) + cell / 2 + centring, layout.top() + size + GAP + width);
        }
        g.setFont(AXIS);
        FontMetrics axis = g.getFontMetrics();
        String predicted = "Predicted";
        g.drawString(predicted, layout.left() + (size - axis.stringWidth(predicted)) / 2,
                layout.top() + size + GAP + layout.labelWidth() + GAP + axis.getAscent());
        String actual = "Actual";
        drawUpwards(g, actual, PAD + axis.getAscent(), layout.top() + (size + axis.stringWidth(actual)) / 2);
    }

    private static void drawScale(Graphics2D g, Layout layout, int labels) {
        int size = layout.matrixSize(labels);
        int x = layout.left() + size + 2 * GAP;
        for (int y = 0; y < size; y++) {
            g.setColor(shade(1 - (double) y / (size - 1)));
            g.drawLine(x, layout.top() + y, x + BAR_WIDTH - 1, layout.top() + y);
        }
        g.setColor(FRAME);
        g.drawRect(x - 1, layout.top() - 1, BAR_WIDTH + 1, size + 1);
        g.setColor(INK);
        g.setFont(TEXT);
        FontMetrics text = g.getFontMetrics();
        int centring = (text.getAscent() - text.getDescent()) / 2;
        String[] ticks = {"1.0", "0.5", "0.0"};
        for (int i = 0; i < ticks.length; i++) {
            int y = layout.top() + Math.min(i * size / 2, size - 1);
            g.drawString(ticks[i], x + BAR_WIDTH + GAP / 2, Math.clamp(y + centring, layout.top() + text.getAscent(),
                    layout.top() + size));
        }
    }

    private static void drawUpwards(Graphics2D g, String text, int x, int y) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        g.drawString(text, 0, 0);
        g.setTransform(saved);
    }

    /** White for 0 through light to dark blue for 1, as matplotlib's "Blues". */
    private static Color shade(double share) {
        return new Color(
                mix(EMPTY.getRed(), FULL.getRed(), share),
                mix(EMPTY.getGreen(), FULL.getGreen(), share),
                mix(EMPTY.getBlue(), FULL.getBlue(), share));
    }

    private static int mix(int from, int to, double share) {
        return (int) Math.round(from + (to - from) * share);
    }

    /** The count as it fits {@code width}: in full, shortened, or not at all (empty). */
    private static String fitting(long count, FontMetrics metrics, int width) {
        String full = Long.toString(count);
        if (metrics.stringWidth(full) <= width) {
            return full;
        }
        String shortened = shortened(count);
        return metrics.stringWidth(shortened) <= width ? shortened : "";
    }

    static String shortened(long count) {
        String[] units = {"", "k", "M", "G", "T", "P", "E"};
        double value = count;
        int unit = 0;
        while (value >= 999.5 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, unit > 0 && value < 9.95 ? "%.1f" : "%.0f", value) + units[unit];
    }
}
