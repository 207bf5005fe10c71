package io.iotwatch.report.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fonts reports are set in, shipped in the jar (DejaVu, see fonts/LICENSE-DejaVu.txt) rather than found on the
 * machine: a server may have none, and the PDF's standard fonts cannot print most of what a DNS name or a user name
 * from a log can hold.
 */
enum ReportFonts {
    SANS("DejaVuSans.ttf", "DejaVu Sans", 400),
    SANS_BOLD("DejaVuSans-Bold.ttf", "DejaVu Sans", 700),
    MONO("DejaVuSansMono.ttf", "DejaVu Sans Mono", 400);

    private final String file;
    private final String family;
    private final int weight;

    ReportFonts(String file, String family, int weight) {
        this.file = file;
        this.family = family;
        this.weight = weight;
    }

    String family() {
        return family;
    }

    int weight() {
        return weight;
    }

    /** The font file's bytes, opened anew for each reader (openhtmltopdf reads it once per document). */
    InputStream open() {
        InputStream in = ReportFonts.class.getResourceAsStream("/io/iotwatch/report/fonts/" + file);
        if (in == null) {
            throw new IllegalStateException("the font " + file + " is missing from the jar");
        }
        return in;
    }

    /** The font for Java 2D (the charts), at {@code size} points. */
    Font awt(float size) {
        try (InputStream in = open()) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the font " + file, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the font " + file + " is not a TrueType font", e);
        }
    }
}
