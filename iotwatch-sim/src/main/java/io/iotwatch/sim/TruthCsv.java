package io.iotwatch.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the ground-truth file: a header {@code profile,source,target,start,end,parameters},
 * then one line per {@link TruthRecord}, times as ISO-8601 UTC, fields quoted as in RFC 4180.
 */
public final class TruthCsv {

    private static final String HEADER = "profile,source,target,start,end,parameters";

    private TruthCsv() {
    }

    /** Writes the header and the records, {@code \n} after each line. Does not close {@code out}. */
    public static void write(List<TruthRecord> records, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (TruthRecord r : records) {
            out.write(field(r.profile()) + ',' + field(r.source()) + ',' + field(r.target()) + ','
                    + r.start() + ',' + r.end() + ',' + field(r.parameters()));
            out.write('\n');
        }
        out.flush();
    }

    /**
     * Reads a file written by {@link #write}. Accepts CRLF line ends and quoted fields spanning lines.
     *
     * @throws IOException if the header is missing, a row has the wrong number of fields or a time is malformed
     */
    public static List<TruthRecord> read(Reader in) throws IOException {
        List<List<String>> rows = parse(new BufferedReader(in));
        if (rows.isEmpty() || !String.join(",", rows.getFirst()).equals(HEADER)) {
            throw new IOException("not a truth file: expected header " + HEADER);
        }
        List<TruthRecord> records = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() != 6) {
                throw new IOException("truth row " + i + " has " + row.size() + " fields, expected 6");
            }
            try {
                records.add(new TruthRecord(row.get(0), row.get(1), row.get(2),
                        Instant.parse(row.get(3)), Instant.parse(row.get(4)), row.get(5)));
            } catch (DateTimeParseException e) {
                throw new IOException("truth row " + i + ": bad time", e);
            }
        }
        return records;
    }

    private static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static List<List<String>> parse(Reader in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean rowHasContent = false;
        int c;
        while ((c = in.read()) >= 0) {
            if (quoted) {
                if (c != '"') {
                    cell.append((char) c);
                    continue;
                }
                int next = in.read();
                if (next == '"') {
                    cell.append('"');
                    continue;
                }
                quoted = false;
                if (next < 0) {
                    break;
                }
                c = next;
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
                rowHasContent = true;
                continue;
            }
            switch (c) {
                case ',' -> {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rowHasContent = true;
                }
                case '\r' -> {
                    // CRLF line ends: the \n that follows ends the row.
                }
                case '\n' -> {
                    if (rowHasContent) {
                        row.add(cell.toString());
                        rows.add(row);
                    }
                    row = new ArrayList<>();
                    cell.setLength(0);
                    rowHasContent = false;
                }
                default -> {
                    cell.append((char) c);
                    rowHasContent = true;
                }
            }
        }
        if (rowHasContent) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
