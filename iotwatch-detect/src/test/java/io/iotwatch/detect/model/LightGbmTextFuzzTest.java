package io.iotwatch.detect.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Damaged model files: seeded mutations of a model LightGBM wrote ({@code multiclass-3x3.txt}: 3 classes, 3
 * rounds of 6-leaf trees over 46 columns, trained through lightgbm4j on synthetic CICIoT2023-like rows, two
 * columns with NaN) and of a hand-written one. Each must either be refused with {@link LightGbmText.FormatException}
 * or give a forest whose predictions end, for rows of any values; never another exception.
 */
class LightGbmTextFuzzTest {

    private static final int MUTANTS = 4000;
    private static final String[] STRANGE_NUMBERS = {"1e308", "1e999", "-1e999", "2147483648", "-2147483649",
        "99999999999999999999", "inf", "-inf", "NaN", "-0", "0x1p3", "1e-320", "", " ", "-", "1.5", "16777216",
        "16777217"};

    @Test
    // A guard that turns a hang into a failure, far above the test's usual second or two.
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void mutatedModelsAreRefusedOrPredict() throws IOException {
        List<String> seeds = List.of(LightGbmTextTest.resource("multiclass-3x3.txt"),
                LightGbmTextTest.model("multiclass num_class:2", 2, 2, 3,
                        LightGbmTextTest.tree("0 2 1", "0.5 inf -0", "2 10 4", "1 -2 -3", "2 -1 -4", "-1 0.5 2 3"),
                        LightGbmTextTest.leaf("0.25")));
        Random random = new Random(20_260_101);
        int parsed = 0;
        int refused = 0;
        for (int i = 0; i < MUTANTS; i++) {
            String text = seeds.get(i % seeds.size());
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                text = mutate(text, random);
            }
            Forest forest;
            try {
                forest = LightGbmText.parse(text);
            } catch (LightGbmText.FormatException e) {
                refused++;
                continue;
            }
            parsed++;
            predictSomeRows(forest, random);
        }
        assertThat(parsed).as("mutants that still parse").isGreaterThan(MUTANTS / 20);
        assertThat(refused).as("mutants refused").isGreaterThan(MUTANTS / 4);
    }

    private static void predictSomeRows(Forest forest, Random random) {
        double[][] rows = new double[1 + random.nextInt(9)][forest.features()];
        for (double[] row : rows) {
            for (int f = 0; f < row.length; f++) {
                row[f] = switch (random.nextInt(8)) {
                    case 0 -> Double.NaN;
                    case 1 -> 0;
                    case 2 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                    case 3 -> 1e-36;
                    default -> (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(12));
                };
            }
        }
        double[] out = new double[forest.classes()];
        for (double[] row : rows) {
            forest.predict(row, out);
        }
        forest.predict(rows, new double[rows.length * forest.classes()]);
    }

    private static String mutate(String text, Random random) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (random.nextInt(9)) {
            case 0 -> flipCharacter(text, random);
            case 1 -> text.substring(0, random.nextInt(text.length()));
            case 2 -> editLines(text, random, false);
            case 3 -> editLines(text, random, true);
            case 4 -> replaceNumber(text, random, STRANGE_NUMBERS[random.nextInt(STRANGE_NUMBERS.length)]);
            case 5 -> replaceNumber(text, random, Integer.toString(random.nextInt(41) - 20));
            case 6 -> rewireChild(text, random);
            case 7 -> swapLines(text, random);
            default -> replaceNumber(text, random, Integer.toString(random.nextInt()));
        };
    }

    private static String flipCharacter(String text, Random random) {
        int at = random.nextInt(text.length());
        String replacements = "0123456789-.e =\n\t\u0000xX,;[]";
        char c = random.nextBoolean() ? replacements.charAt(random.nextInt(replacements.length()))
                : (char) (text.charAt(at) ^ (1 << random.nextInt(7)));
        return text.substring(0, at) + c + text.substring(at + 1);
    }

    private static String editLines(String text, Random random, boolean duplicate) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = random.nextInt(lines.size());
        if (duplicate) {
            lines.add(at, lines.get(at));
        } else {
            lines.remove(at);
        }
        return String.join("\n", lines);
    }

    private static String swapLines(String text, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int a = random.nextInt(lines.size());
        int b = random.nextInt(lines.size());
        String line = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, line);
        return String.join("\n", lines);
    }

    /** Replaces one whitespace-separated token that holds a digit, anywhere in the file, by {@code value}. */
    private static String replaceNumber(String text, Random random, String value) {
        List<int[]> tokens = new ArrayList<>();
        int start = -1;
        boolean digit = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean separator = c == ' ' || c == '\n' || c == '=';
            if (separator && start >= 0) {
                if (digit) {
                    tokens.add(new int[] {start, i});
                }
                start = -1;
            } else if (!separator && start < 0) {
                start = i;
                digit = false;
            }
            digit |= Character.isDigit(c) && !separator;
        }
        if (tokens.isEmpty()) {
            return text;
        }
        int[] token = tokens.get(random.nextInt(tokens.size()));
        return text.substring(0, token[0]) + value + text.substring(token[1]);
    }

    /** Points one child of one tree at another node or leaf, in range or not: cycles, shared and lost nodes. */
    private static String rewireChild(String text, Random random) {
        String[] lines = text.split("\n", -1);
        List<Integer> children = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if ((lines[i].startsWith("left_child=") || lines[i].startsWith("right_child="))
                    && lines[i].length() > lines[i].indexOf('=') + 1) {
                children.add(i);
            }
        }
        if (children.isEmpty()) {
            return text;
        }
        int line = children.get(random.nextInt(children.size()));
        int eq = lines[line].indexOf('=');
        String[] values = lines[line].substring(eq + 1).split(" ");
        values[random.nextInt(values.length)] = Integer.toString(random.nextInt(17) - 8);
        lines[line] = lines[line].substring(0, eq + 1) + String.join(" ", values);
        return String.join("\n", lines);
    }
}
