package io.iotwatch.core.event;

/** Normalizes optional text fields: events never hold null strings, absent text is empty. */
final class Text {
    private Text() {}

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
