package io.iotwatch.report.archive;

import io.iotwatch.report.render.ReportFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A report kept in a {@link ReportArchive}: what its metadata file says of it.
 *
 * @param id          its name in the archive ({@link ReportArchive#isId}): the time it was made and a random part
 * @param createdAt   when it was made: the report's own {@code generatedAt}
 * @param from        the beginning of its period, included
 * @param to          the end of its period, included
 * @param format      the form it is written in
 * @param size        the file's length in bytes
 * @param sha256      the SHA-256 of the file, lowercase hex, as its {@code report.created} audit entry records it
 * @param schedule    the schedule that made it ({@code daily}, {@code weekly}, {@code monthly}), null when someone asked
 * @param requestedBy the user who asked for it, null when a schedule made it
 */
public record ArchivedReport(String id, Instant createdAt, Instant from, Instant to, ReportFormat format, long size,
        String sha256, String schedule, String requestedBy) {

    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    public ArchivedReport {
        if (!ReportArchive.isId(id)) {
            throw new IllegalArgumentException("not a report id: " + id);
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(sha256, "sha256");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the report's from " + from + " is after its to " + to);
        }
        if (size < 0) {
            throw new IllegalArgumentException("a report's size is not negative: " + size);
        }
        if ((schedule == null) == (requestedBy == null)) {
            throw new IllegalArgumentException("a report is made by a schedule or at a user's request, one of the two");
        }
    }

    /** The name of its file in the archive: the id and the format's extension. */
    public String fileName() {
        return id + "." + format.extension();
    }

    /**
     * The name to save it as: the period in UTC to the second, e.g. {@code iotwatch-report-20261201T000000Z-20261201T235959Z.pdf};
     * letters, digits, dashes and the extension's dot, so that it needs no quoting in a file system or a header.
     */
    public String downloadName() {
        return "iotwatch-report-" + COMPACT.format(from) + "-" + COMPACT.format(to) + "." + format.extension();
    }
}
