package io.iotwatch.ml.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads labeled rows from CSV files with the CICIoT2023 header: the 46 feature columns by name, in any order,
 * and a {@code label} column (any case). Other columns, such as the {@code final_label} some copies add, are
 * ignored, and so is {@code IAT} ({@link TrainingFeatures}). Files may be gzip-compressed. A row that cannot
 * be read (wrong number of fields, a value that is no number, an empty label) is counted and its first
 * occurrences are reported with their line numbers; it never stops the file.
 */
public final class CicIotCsv {

    /** Rejected lines reported by line number; the rest are only counted. */
    static final int REPORTED_PROBLEMS = 10;

    /** What one file gave. */
    public record Summary(Path file, long rows, long rejected, List<String> problems) {
        public Summary {
            problems = List.copyOf(problems);
        }
    }

    private CicIotCsv() {}

    /**
     * Adds the rows of {@code file} to {@code into}, whose features must be {@link TrainingFeatures#names()}.
     *
     * @throws IOException when the file cannot be read, or its header lacks a feature column or the label
     */
    public static Summary read(Path file, Dataset into) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(decompressing(Files.newInputStream(file)),
                StandardCharsets.UTF_8), 1 << 16)) {
            String header = in.readLine();
            if (header == null) {
                throw new IOException(file + " is empty: a CICIoT2023 CSV starts with its header");
            }
            List<String> names = split(stripBom(header));
            Map<String, Integer> position = new HashMap<>();
            int label = -1;
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i).strip();
                position.putIfAbsent(name, i);
                if (name.toLowerCase(Locale.ROOT).equals("label") && label < 0) {
                    label = i;
                }
            }
            List<String> features = into.features();
            int[] columns = new int[features.size()];
            List<String> missing = new ArrayList<>();
            for (int j = 0; j < features.size(); j++) {
                Integer at = position.get(features.get(j));
                columns[j] = at == null ? -1 : at;
                if (at == null) {
                    missing.add(features.get(j));
                }
            }
            if (!missing.isEmpty() || label < 0) {
                if (label < 0) {
                    missing.add("label");
                }
                throw new IOException(file + " is not a CICIoT2023 CSV: its header lacks " + String.join(", ", missing));
            }
            return rows(file, in, names.size(), columns, label, into);
        }
    }

    private static Summary rows(Path file, BufferedReader in, int width, int[] columns, int label, Dataset into)
            throws IOException {
        String source = file.toString();
        double[] row = new double[columns.length];
        List<String> problems = new ArrayList<>();
        long rows = 0;
        long rejected = 0;
        long lineNumber = 1;
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = split(line);
            String problem = parse(fields, width, columns, row);
            String labelValue = problem == null ? fields.get(label).strip() : "";
            if (problem == null && labelValue.isEmpty()) {
                problem = "the label is empty";
            }
            if (problem != null) {
                rejected++;
                if (problems.size() < REPORTED_PROBLEMS) {
                    problems.add("line " + lineNumber + ": " + problem);
                }
                continue;
            }
            into.add(row, labelValue, source);
            rows++;
        }
        return new Summary(file, rows, rejected, problems);
    }

    /** Fills {@code row} from the line; returns what is wrong with it, or null. */
    private static String parse(List<String> fields, int width, int[] columns, double[] row) {
        if (fields.size() != width) {
            return fields.size() + " fields where the header has " + width;
        }
        for (int j = 0; j < columns.length; j++) {
            String text = fields.get(columns[j]).strip();
            double value = number(text);
            if (Double.isNaN(value) && !isNaNWord(text)) {
                return "'" + printable(text) + "' is not a number";
            }
            row[j] = value;
        }
        return null;
    }

    /** Python's spellings too ({@code inf}, {@code nan}), as pandas writes them; NaN for anything unreadable. */
    private static double number(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "inf", "+inf", "infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
            }
        }
    }

    private static boolean isNaNWord(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.equals("nan") || lower.isEmpty();
    }

    /** Comma-separated fields; a field in double quotes may hold commas, a doubled quote is a quote. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static String stripBom(String header) {
        return header.startsWith("\uFEFF") ? header.substring(1) : header;
    }

    private static String printable(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
    }

    private static InputStream decompressing(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 2);
        byte[] magic = in.readNBytes(2);
        in.unread(magic);
        boolean gzip = magic.length == 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B;
        return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
