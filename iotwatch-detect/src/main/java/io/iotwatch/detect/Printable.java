package io.iotwatch.detect;

/** Makes text from events safe to show: evidence ends up in terminals, JSON and web pages. */
public final class Printable {
    private Printable() {}

    /**
     * The text with control, format (bidi override) and separator characters and lone surrogates replaced
     * by '?', cut to at most {@code max} code points; the same instance when nothing needs changing.
     */
    public static String of(String text, int max) {
        if (text.length() <= max && !hasHostile(text)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max));
        int points = 0;
        for (int i = 0; i < text.length() && points < max; points++) {
            int cp = text.codePointAt(i);
            sb.appendCodePoint(isHostile(cp) ? '?' : cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    private static boolean hasHostile(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isHostile(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    private static boolean isHostile(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
