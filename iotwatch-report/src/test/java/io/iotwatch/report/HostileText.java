package io.iotwatch.report;

import java.util.Random;

/** Seeded random strings of any characters at all, for the places where reports print text from the network. */
public final class HostileText {

    // markup, controls, a right-to-left mark, noncharacters, lone surrogates and a CDATA end
    private static final String SPECIALS = "<>&\"'\u0000\u0001\n\r\t\u200F\uFFFE\uFFFF\uD800\uDC00\uDFFF]]>";

    private HostileText() {}

    /** Up to {@code maxLength} characters: specials, any UTF-16 unit, pairs from the astral planes and printable ASCII. */
    public static String random(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(4)) {
                case 0 -> text.append(SPECIALS.charAt(random.nextInt(SPECIALS.length())));
                case 1 -> text.append((char) random.nextInt(0x10000));
                case 2 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
                default -> text.append((char) (' ' + random.nextInt(95)));
            }
        }
        return text.toString();
    }
}
