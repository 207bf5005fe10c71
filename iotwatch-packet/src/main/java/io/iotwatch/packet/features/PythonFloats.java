package io.iotwatch.packet.features;

/**
 * Writes doubles as Python's {@code repr} does, which is how pandas wrote the published CICIoT2023 CSVs: the
 * shortest digits that read back as the same double (Java's {@link Double#toString} finds the same ones),
 * plain from 10^-4 up to below 10^16 ({@code 83340575.04624039}, {@code 0.0001}, {@code 54.0}), in Python's
 * exponent form beyond ({@code 1e-05}, {@code 1.5e+16}).
 */
final class PythonFloats {

    private static final int LOWEST_PLAIN_EXPONENT = -4;
    private static final int HIGHEST_PLAIN_EXPONENT = 15;

    private PythonFloats() {}

    static void appendRepr(StringBuilder out, double value) {
        if (Double.isNaN(value)) {
            out.append("nan");
            return;
        }
        if (Double.isInfinite(value)) {
            out.append(value > 0 ? "inf" : "-inf");
            return;
        }
        String java = Double.toString(value);
        int e = java.indexOf('E');
        if (e < 0) {
            // Java writes plain from 10^-3 up to below 10^7, where Python does too.
            out.append(java);
            return;
        }
        int start = java.charAt(0) == '-' ? 1 : 0;
        int exponent = Integer.parseInt(java, e + 1, java.length(), 10);
        // Java's form is d.dddE±n: the significant digits are the one before the point and those after it,
        // less trailing zeros ("1.0E10" has the single digit 1).
        StringBuilder digits = new StringBuilder(e - start).append(java.charAt(start)).append(java, start + 2, e);
        int length = digits.length();
        while (length > 1 && digits.charAt(length - 1) == '0') {
            length--;
        }
        digits.setLength(length);
        if (length == 2) {
            // Java never writes fewer than two digits; where one digit reads back as well (tiny subnormals
            // such as 5e-324), Python writes that one.
            int rounded = Math.round((digits.charAt(0) - '0') + (digits.charAt(1) - '0') / 10f);
            if (rounded < 10 && Double.parseDouble(rounded + "e" + exponent) == Math.abs(value)) {
                digits.setLength(0);
                digits.append(rounded);
                length = 1;
            }
        }
        if (start == 1) {
            out.append('-');
        }
        if (exponent >= LOWEST_PLAIN_EXPONENT && exponent <= HIGHEST_PLAIN_EXPONENT) {
            plain(out, digits, exponent);
        } else {
            out.append(digits.charAt(0));
            if (length > 1) {
                out.append('.').append(digits, 1, length);
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            int magnitude = Math.abs(exponent);
            if (magnitude < 10) {
                out.append('0');
            }
            out.append(magnitude);
        }
    }

    /** The digits d1 d2 ... of d1.d2... × 10^exponent without an exponent, with at least one decimal. */
    private static void plain(StringBuilder out, CharSequence digits, int exponent) {
        int integerDigits = exponent + 1;
        int length = digits.length();
        if (integerDigits <= 0) {
            out.append("0.");
            out.repeat('0', -integerDigits);
            out.append(digits);
        } else if (integerDigits >= length) {
            out.append(digits);
            out.repeat('0', integerDigits - length);
            out.append(".0");
        } else {
            out.append(digits, 0, integerDigits).append('.').append(digits, integerDigits, length);
        }
    }
}
