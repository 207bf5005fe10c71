package io.iotwatch.sim.truth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** The RFC 4180 subset the truth files use: fields quoted when they hold a comma, quote or line end. */
public final class Csv {

    private Csv() {
    }

    /** The value as a CSV field, quoted only when it must be. */
    public static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** A row and the line of the file it starts on, counting from 1, for messages about it. */
    record Row(int line, List<String> fields) {}

    /** All rows; CRLF line ends, quoted fields spanning lines and blank lines are accepted. */
    public static List<List<String>> parse(Reader unbuffered) throws IOException {
        return rows(unbuffered).stream().map(Row::fields).toList();
    }

    /** {@link #parse}, with the line each row starts on. */
    static List<Row> rows(Reader unbuffered) throws IOException {
        Reader in = unbuffered instanceof BufferedReader ? unbuffered : new BufferedReader(unbuffered);
        List<Row> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean rowHasContent = false;
        int line = 1;
        int rowLine = 1;
        int c;
        while ((c = in.read()) >= 0) {
            if (!rowHasContent) {
                rowLine = line;
            }
            if (quoted) {
                if (c == '\n') {
                    line++;
                }
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
                        rows.add(new Row(rowLine, row));
                    }
                    line++;
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
            rows.add(new Row(rowLine, row));
        }
        return rows;
    }
}
