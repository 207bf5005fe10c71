package io.iotwatch.report.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotwatch.report.Report;
import io.iotwatch.report.ReportBuilder;
import io.iotwatch.report.render.ReportFormat;
import io.iotwatch.store.EventStore;
import io.iotwatch.store.audit.AuditRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of reports: makes them, lists them and hands out their files, and nothing else in the folder.
 *
 * <p>A report {@code ID} is two files: {@code ID.EXT}, the report in its format ({@code .pdf}, {@code .html},
 * {@code .json}), and {@code ID.meta.json}, its metadata ({@link ArchivedReport} as JSON), which is written last:
 * a report is listed once its metadata is in place, so a half-written one never is. Both are written under
 * temporary names ({@code .tmp-ID...}), flushed to disk and then renamed. The folder is the index: the metadata
 * files are read on every {@link #list}, so the archive knows after a restart all it knew before. Ids are the
 * time the report was made and 48 random bits ({@link #isId}); anything asked for under another name is not
 * one of the archive's, which is how no path outside it can be reached.
 *
 * <p>One report is made at a time per archive: making one reads every alert of its period and verifies the whole
 * audit log. Each report made is recorded in the audit log ({@code report.created}) with its file's SHA-256.
 */
public final class ReportArchive {

    /** The audit log's kind for a report made. */
    private static final String AUDIT_KIND = "report.created";
    /** Who the audit log names for what iotwatch does itself (as the web module's accounts do). */
    private static final String SYSTEM = "iotwatch";

    private static final Logger LOG = LoggerFactory.getLogger(ReportArchive.class);
    private static final Pattern ID = Pattern.compile("[0-9]{8}T[0-9]{9}Z-[0-9a-f]{12}");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String META = ".meta.json";
    private static final String TEMP = ".tmp-";
    private static final Pattern SCHEDULE = Pattern.compile("[a-z]{1,32}");
    private static final int MAX_USER = AuditRecord.MAX_SUBJECT;
    private static final Comparator<ArchivedReport> NEWEST_FIRST = Comparator.comparing(ArchivedReport::createdAt)
            .thenComparing(ArchivedReport::id).reversed();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Who a report is made for: a schedule or a user, one of the two.
     *
     * @param schedule    the schedule's name, lowercase letters ({@code daily}), or null
     * @param requestedBy the user's name, or null
     */
    public record Origin(String schedule, String requestedBy) {
        public Origin {
            if ((schedule == null) == (requestedBy == null)) {
                throw new IllegalArgumentException("a report is made by a schedule or at a user's request, one of the two");
            }
            if (schedule != null && !SCHEDULE.matcher(schedule).matches()) {
                throw new IllegalArgumentException("a schedule's name is 1 to 32 lowercase letters: " + schedule);
            }
            if (requestedBy != null && (requestedBy.isBlank() || requestedBy.length() > MAX_USER)) {
                throw new IllegalArgumentException("a user's name has 1 to " + MAX_USER + " characters");
            }
        }

        public static Origin schedule(String name) {
            return new Origin(name, null);
        }

        public static Origin user(String name) {
            return new Origin(null, name);
        }
    }

    private final Path folder;
    private final Clock clock;
    private final ReentrantLock making = new ReentrantLock();

    private ReportArchive(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    /**
     * The archive of {@code folder}, made if missing. What a crash left behind while a report was written (temporary
     * files, a report whose metadata was not yet in place) is deleted: one server writes to a folder.
     *
     * @param clock dates the reports and names them
     * @throws IOException if the folder cannot be made or read
     */
    public static ReportArchive open(Path folder, Clock clock) throws IOException {
        Files.createDirectories(folder);
        Path real = folder.toRealPath();
        ReportArchive archive = new ReportArchive(real, clock);
        archive.removeLeftovers();
        return archive;
    }

    /** Whether {@code text} has the form of a report's id: {@code 20261202T074812345Z-3f9a1c2e5b7d}. */
    public static boolean isId(String text) {
        return text != null && text.length() == 32 && ID.matcher(text).matches();
    }

    /** The folder, as a real path. */
    public Path folder() {
        return folder;
    }

    /**
     * Makes the report of {@code from} to {@code to} (both included) in {@code format}, waiting while another is
     * being made, and records it in the audit log.
     *
     * @throws IllegalArgumentException if {@code from} is after {@code to}
     * @throws IOException              if the report cannot be written; nothing of it is left in the folder
     */
    public ArchivedReport create(EventStore store, Instant from, Instant to, ReportFormat format, Origin origin)
            throws IOException, InterruptedException {
        making.lockInterruptibly();
        try {
            return make(store, from, to, format, origin);
        } finally {
            making.unlock();
        }
    }

    /** As {@link #create}, unless another report is being made: then empty at once. */
    public Optional<ArchivedReport> tryCreate(EventStore store, Instant from, Instant to, ReportFormat format, Origin origin)
            throws IOException {
        if (!making.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.of(make(store, from, to, format, origin));
        } finally {
            making.unlock();
        }
    }

    /** Every report in the folder, newest first; a metadata file that cannot be read is logged and left out. */
    public List<ArchivedReport> list() throws IOException {
        List<ArchivedReport> reports = new ArrayList<>();
        try (DirectoryStream<Path> metas = Files.newDirectoryStream(folder, "*" + META)) {
            for (Path meta : metas) {
                String name = meta.getFileName().toString();
                String id = name.substring(0, name.length() - META.length());
                if (isId(id)) {
                    read(id).ifPresent(reports::add);
                }
            }
        }
        reports.sort(NEWEST_FIRST);
        return reports;
    }

    /** The report of that id; empty for anything that is not the id of a report in the folder. */
    public Optional<ArchivedReport> find(String id) {
        return isId(id) ? read(id) : Optional.empty();
    }

    /** The file of the report of that id; empty for anything that is not the id of a report in the folder. */
    public Optional<Path> file(String id) {
        return find(id).map(report -> folder.resolve(report.fileName()));
    }

    private ArchivedReport make(EventStore store, Instant from, Instant to, ReportFormat format, Origin origin)
            throws IOException {
        Report report = ReportBuilder.build(store, from, to, clock);
        Instant createdAt = report.period().generatedAt();
        String id = newId(createdAt);
        String extension = "." + format.extension();
        Path file = folder.resolve(id + extension);
        Path meta = folder.resolve(id + META);
        Path fileTemp = folder.resolve(TEMP + id + extension);
        Path metaTemp = folder.resolve(TEMP + id + META);
        // what this call put in the folder, deleted unless the report is complete
        List<Path> written = new ArrayList<>();
        boolean done = false;
        try {
            MessageDigest sha256 = sha256();
            written.add(fileTemp);
            long size = writeDurably(fileTemp, out -> format.write(report, new DigestOutputStream(out, sha256)));
            ArchivedReport archived = new ArchivedReport(id, createdAt, from, to, format, size, HEX.formatHex(sha256.digest()),
                    origin.schedule(), origin.requestedBy());
            written.add(metaTemp);
            writeDurably(metaTemp, out -> out.write(toJson(archived).getBytes(StandardCharsets.UTF_8)));
            // recorded before the report shows: a crash in between leaves an entry for a report that never appeared,
            // never a listed report that the audit log does not vouch for
            store.audit().record(new AuditRecord(AUDIT_KIND, id, auditData(archived)));
            Files.move(fileTemp, file, StandardCopyOption.ATOMIC_MOVE);
            written.add(file);
            Files.move(metaTemp, meta, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            LOG.info("report {} of {} to {} ({}, {} bytes) made {}", id, from, to, format.extension(), size, describe(origin));
            return archived;
        } finally {
            if (!done) {
                written.forEach(ReportArchive::deleteQuietly);
            }
        }
    }

    private interface Writing {
        void to(OutputStream out) throws IOException;
    }

    /** Writes a new file and forces it to the disk, so that a rename after a crash never names an empty file; its size. */
    private static long writeDurably(Path path, Writing writing) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
            writing.to(out);
            out.flush();
            channel.force(true);
            return channel.size();
        }
    }

    private Optional<ArchivedReport> read(String id) {
        Path meta = folder.resolve(id + META);
        ArchivedReport report;
        try {
            report = fromJson(Files.readString(meta, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("report {} is left out of the list: its metadata {} cannot be read: {}", id, meta, e.toString());
            return Optional.empty();
        }
        if (!report.id().equals(id)) {
            LOG.warn("report {} is left out of the list: its metadata {} names another id, {}", id, meta, report.id());
            return Optional.empty();
        }
        if (!Files.isRegularFile(folder.resolve(report.fileName()))) {
            LOG.warn("report {} is left out of the list: its file {} is missing", id, report.fileName());
            return Optional.empty();
        }
        return Optional.of(report);
    }

    private void removeLeftovers() throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                int dot = name.indexOf('.');
                boolean orphan = dot > 0 && isId(name.substring(0, dot)) && !name.endsWith(META)
                        && !Files.exists(folder.resolve(name.substring(0, dot) + META));
                if (name.startsWith(TEMP) || orphan) {
                    LOG.info("deleting {} from the reports folder: a report left half-written when iotwatch stopped", name);
                    deleteQuietly(entry);
                }
            }
        }
    }

    private static String newId(Instant createdAt) {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return ID_TIME.format(createdAt) + "-" + HEX.formatHex(random);
    }

    private static Map<String, String> auditData(ArchivedReport report) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("from", report.from().toString());
        data.put("to", report.to().toString());
        data.put("format", report.format().extension());
        data.put("size", Long.toString(report.size()));
        data.put("sha256", report.sha256());
        data.put("by", report.requestedBy() == null ? SYSTEM : report.requestedBy());
        data.put("schedule", report.schedule());
        return data;
    }

    private static String describe(Origin origin) {
        return origin.schedule() != null ? "on the " + origin.schedule() + " schedule" : "at the request of " + origin.requestedBy();
    }

    static String toJson(ArchivedReport report) {
        ObjectNode node = JSON.createObjectNode()
                .put("id", report.id())
                .put("createdAt", report.createdAt().toString())
                .put("from", report.from().toString())
                .put("to", report.to().toString())
                .put("format", report.format().extension())
                .put("size", report.size())
                .put("sha256", report.sha256())
                .put("schedule", report.schedule())
                .put("requestedBy", report.requestedBy());
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always writes as JSON", e);
        }
    }

    /** @throws IllegalArgumentException if the text is not the metadata {@link #toJson} writes */
    static ArchivedReport fromJson(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode size = node.get("size");
        if (size == null || !size.canConvertToLong()) {
            throw new IllegalArgumentException("'size' is not a whole number");
        }
        return new ArchivedReport(text(node, "id"), instant(node, "createdAt"), instant(node, "from"), instant(node, "to"),
                ReportFormat.parse(text(node, "format")), size.asLong(), text(node, "sha256"), optionalText(node, "schedule"),
                optionalText(node, "requestedBy"));
    }

    private static String text(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        return value;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' is not a string");
        }
        return value.asText();
    }

    private static Instant instant(JsonNode node, String field) {
        try {
            return Instant.parse(text(node, field));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + field + "' is not an ISO-8601 instant", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", path, e.toString());
        }
    }
}
