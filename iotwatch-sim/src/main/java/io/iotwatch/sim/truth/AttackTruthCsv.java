package io.iotwatch.sim.truth;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and writes {@code ground_truth.csv}: a header {@code attack,class,start,end,attackers,victim,tool,command},
 * then one row per {@link AttackTruth}; times ISO-8601 UTC, attackers separated by spaces, fields quoted as in
 * RFC 4180. The lab and the packet generator write the same format, so either labels a capture.
 */
public final class AttackTruthCsv {

    static final String HEADER = "attack,class,start,end,attackers,victim,tool,command";
    private static final int FIELDS = 8;

    private AttackTruthCsv() {
    }

    /** Writes the header and the records, {@code \n} after each line. Does not close {@code out}. */
    public static void write(List<AttackTruth> records, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (AttackTruth r : records) {
            out.write(String.join(",", Csv.field(r.attack()), Csv.field(r.attackClass()), r.start().toString(),
                    r.end().toString(), Csv.field(String.join(" ", r.attackers())), Csv.field(r.victim()),
                    Csv.field(r.tool()), Csv.field(r.command())));
            out.write('\n');
        }
        out.flush();
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @throws IOException naming the row (the n-th attack after the header) and the line it starts on, if the
     *                     header is missing, a row has the wrong number of fields, a time is malformed or an
     *                     attack ends before it starts
     */
    public static List<AttackTruth> read(Reader in) throws IOException {
        List<Csv.Row> rows = Csv.rows(in);
        if (rows.isEmpty() || !String.join(",", rows.getFirst().fields()).equals(HEADER)) {
            throw new IOException("not a ground-truth file: expected header " + HEADER);
        }
        List<AttackTruth> records = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i).fields();
            String where = "ground-truth row " + i + " (line " + rows.get(i).line() + ")";
            if (row.size() != FIELDS) {
                throw new IOException(where + " has " + row.size() + " fields, expected " + FIELDS);
            }
            try {
                records.add(new AttackTruth(row.get(0), row.get(1), Instant.parse(row.get(2)), Instant.parse(row.get(3)),
                        attackers(row.get(4)), row.get(5), row.get(6), row.get(7)));
            } catch (DateTimeParseException e) {
                throw new IOException(where + ": bad time: " + e.getParsedString(), e);
            } catch (IllegalArgumentException e) {
                throw new IOException(where + ": " + e.getMessage(), e);
            }
        }
        return records;
    }

    private static List<String> attackers(String field) {
        String trimmed = field.strip();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }
}
