package io.iotwatch.report.render;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.COSWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Writes a page's content stream operator by operator: text in a font and size at a point, and ruled lines. PDFBox's
 * own content stream shows text through glyph substitution (a regular expression per word) and subset bookkeeping (a
 * boxed set insertion per character), which took two thirds of the time of the alert table's hundred thousand rows;
 * the table's monospaced cells need neither ligatures nor shaping. Text shown must hold only characters its font has.
 */
final class PageWriter implements Closeable {

    private final OutputStream out;
    private final PDResources resources;
    private final Map<PDFont, BitSet> inSubset;
    private final Map<PDFont, COSName> names = new IdentityHashMap<>();

    /**
     * @param inSubset per font, the code points already added to its subset: shared by a document's pages so that
     *                 each is added once
     */
    PageWriter(PDDocument document, PDPage page, Map<PDFont, BitSet> inSubset) throws IOException {
        PDStream contents = new PDStream(document);
        page.setContents(contents);
        this.resources = page.getResources() != null ? page.getResources() : new PDResources();
        page.setResources(resources);
        this.out = contents.createOutputStream(COSName.FLATE_DECODE);
        this.inSubset = inSubset;
    }

    /** Shows {@code text} with its baseline starting at ({@code x}, {@code y}). */
    void text(PDFont font, float size, float x, float y, String text) throws IOException {
        if (font.willBeSubset()) {
            BitSet added = inSubset.computeIfAbsent(font, f -> new BitSet());
            for (int i = 0; i < text.length(); ) {
                int codePoint = text.codePointAt(i);
                if (!added.get(codePoint)) {
                    font.addToSubset(codePoint);
                    added.set(codePoint);
                }
                i += Character.charCount(codePoint);
            }
        }
        COSName name = names.computeIfAbsent(font, resources::add);
        write("BT /").write(name.getName()).write(" ").number(size).write(" Tf ").number(x).write(" ").number(y).write(" Td ");
        COSWriter.writeString(font.encode(text), out);
        write(" Tj ET\n");
    }

    /** A horizontal line from {@code left} to {@code right} at height {@code y}. */
    void rule(float left, float right, float y, float width, float gray) throws IOException {
        number(width).write(" w ").number(gray).write(" G ").number(left).write(" ").number(y).write(" m ").number(right)
                .write(" ").number(y).write(" l S\n");
    }

    /** Sets the gray of the text shown after it, 0 black to 1 white. */
    void textGray(float gray) throws IOException {
        number(gray).write(" g\n");
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private PageWriter write(String operator) throws IOException {
        out.write(operator.getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** A number as PDF writes them: no exponent, at most two decimals (a hundredth of a point is finer than print). */
    private PageWriter number(float value) throws IOException {
        long hundredths = Math.round(value * 100.0);
        if (hundredths < 0) {
            out.write('-');
            hundredths = -hundredths;
        }
        write(Long.toString(hundredths / 100));
        long fraction = hundredths % 100;
        if (fraction != 0) {
            out.write('.');
            out.write('0' + (int) (fraction / 10));
            if (fraction % 10 != 0) {
                out.write('0' + (int) (fraction % 10));
            }
        }
        return this;
    }
}
