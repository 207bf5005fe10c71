package io.iotwatch.report.render;

/**
 * Builds XHTML text: the report is one XML document, so that browsers show it and openhtmltopdf (an XML parser)
 * reads it. Every string from the network or the logs goes through {@link #text}.
 */
final class Xhtml {

    private final StringBuilder out;

    Xhtml(int capacity) {
        out = new StringBuilder(capacity);
    }

    /** Markup written as it is: only constants of this package, never data. */
    Xhtml raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Text, escaped, with what XML cannot hold replaced by U+FFFD. */
    Xhtml text(String text) {
        escape(text == null ? ReportText.NONE : text, out);
        return this;
    }

    /** One element with text content and an optional class. */
    Xhtml element(String tag, String cssClass, String text) {
        out.append('<').append(tag);
        if (cssClass != null) {
            out.append(" class=\"").append(cssClass).append('"');
        }
        out.append('>');
        text(text);
        out.append("</").append(tag).append('>');
        return this;
    }

    Xhtml cell(String text) {
        return element("td", null, text);
    }

    Xhtml numberCell(String text) {
        return element("td", "num", text);
    }

    /**
     * A column of a table laid out by its columns' widths rather than its content: an automatic layout lets one long
     * string from the network squeeze every other column into a letter per line.
     *
     * @param name    its heading
     * @param percent its share of the table's width
     * @param numeric right-aligned
     */
    record Column(String name, int percent, boolean numeric) {
        static Column text(String name, int percent) {
            return new Column(name, percent, false);
        }

        static Column number(String name, int percent) {
            return new Column(name, percent, true);
        }
    }

    /** A table's opening and header row; the widths add up to 100. */
    Xhtml tableHead(String cssClass, Column... columns) {
        int total = 0;
        out.append("<table class=\"").append(cssClass).append("\"><colgroup>");
        for (Column column : columns) {
            out.append("<col style=\"width: ").append(column.percent()).append("%\"/>");
            total += column.percent();
        }
        if (total != 100) {
            throw new IllegalArgumentException("a table's columns take " + total + "% of its width, not 100%");
        }
        out.append("</colgroup><thead><tr>");
        for (Column column : columns) {
            element("th", column.numeric() ? "num" : null, column.name());
        }
        out.append("</tr></thead><tbody>");
        return this;
    }

    Xhtml tableEnd() {
        out.append("</tbody></table>");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /**
     * Appends {@code text} escaped for XML content and attribute values. Characters XML 1.0 does not allow (controls
     * other than tab, line feed and carriage return; lone surrogates; U+FFFE and U+FFFF) become U+FFFD, so that a hostile
     * string in a DNS name or a log line can neither break the document nor be lost without a trace.
     */
    static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                // a parser turns a bare carriage return into a line feed: the reference keeps it
                case '\r' -> out.append("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (allowed(c)) {
                        out.append(c);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        }
    }

    private static boolean allowed(char c) {
        return (c >= 0x20 && c <= 0xD7FF) || c == '\t' || c == '\n' || c == '\r' || (c >= 0xE000 && c <= 0xFFFD);
    }
}
