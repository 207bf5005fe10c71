package io.iotwatch.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enum constants by the names users give them: their own names in lowercase ({@code pdf}, {@code daily}), in any case. */
public final class LowercaseNames {

    private LowercaseNames() {}

    /** The constant's name as users give it. */
    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant {@code name} names.
     *
     * @param what what the constants are, for the message: {@code a report format}
     * @throws IllegalArgumentException naming the constants there are, if none is named so
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String name, String what) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(wanted)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not " + what + "; use one of " + all(type));
    }

    /** Every constant's name as users give them: {@code json, html, pdf}. */
    public static String all(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(LowercaseNames::of).collect(Collectors.joining(", "));
    }
}
