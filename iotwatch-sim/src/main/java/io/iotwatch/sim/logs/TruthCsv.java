package io.iotwatch.sim.logs;

import io.iotwatch.sim.truth.Csv;
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
            out.write(Csv.field(r.profile()) + ',' + Csv.field(r.source()) + ',' + Csv.field(r.target()) + ','
                    + r.start() + ',' + r.end() + ',' + Csv.field(r.parameters()));
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
        List<List<String>> rows = Csv.parse(in);
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
}
