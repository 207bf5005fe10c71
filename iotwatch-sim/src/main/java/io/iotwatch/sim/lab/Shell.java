package io.iotwatch.sim.lab;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Quoting for command lines shown to people (ground truth, docs) and for the scripts the lab writes. */
final class Shell {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private Shell() {}

    /**
     * {@code value} as one POSIX shell word: as it is when safe; else in single quotes; in double quotes when it
     * holds single quotes and nothing a shell expands inside double ones (SQL payloads read better so); else in
     * single quotes with each single quote written as {@code '\''}.
     */
    static String quote(String value) {
        if (PLAIN.matcher(value).matches()) {
            return value;
        }
        if (value.indexOf('\'') < 0) {
            return "'" + value + "'";
        }
        if (value.chars().noneMatch(c -> "\"$`\\!".indexOf(c) >= 0)) {
            return '"' + value + '"';
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    static String join(List<String> words) {
        return words.stream().map(Shell::quote).collect(Collectors.joining(" "));
    }
}
