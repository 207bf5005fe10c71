package io.iotwatch.web.api;

import io.iotwatch.report.render.ReportFormat;
import io.iotwatch.report.Period;
import io.iotwatch.report.archive.ArchivedReport;
import io.iotwatch.report.archive.ReportArchive;
import io.iotwatch.report.schedule.Cadence;
import io.iotwatch.report.schedule.ReportSchedule;
import io.iotwatch.web.auth.Access;
import io.iotwatch.web.auth.Permission;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reports (docs/REPORTS.md): made on request into the monitor's reports folder, listed with those the schedule made,
 * and downloaded. Analysts and admins make them: a report reads every alert of its period, verifies the whole audit
 * log and writes a file on the server, none of which a read-only viewer should set off at will; every role lists and
 * downloads them, as every role reads the alerts and the audit log they come from. One report is made at a time per
 * server (the schedule's too): a request that comes while one is being made answers 503 with {@code Retry-After}.
 */
public final class ReportsApi {

    /** How long a request that finds a report being made is asked to wait; most reports take seconds. */
    static final int RETRY_AFTER_SECONDS = 10;

    record ReportRequest(String from, String to, String format) {}

    /** A report as the API lists it; {@code schedule} or {@code requestedBy} says who it was made for. */
    record ReportItem(String id, Instant createdAt, Instant from, Instant to, String format, long size, String sha256,
            String schedule, String requestedBy) {
        static ReportItem of(ArchivedReport report) {
            return new ReportItem(report.id(), report.createdAt(), report.from(), report.to(), report.format().extension(),
                    report.size(), report.sha256(), report.schedule(), report.requestedBy());
        }
    }

    /** The reports the configuration has made on their own: cadences and formats, empty lists for none. */
    record ScheduleInfo(List<String> periods, List<String> formats) {
        static ScheduleInfo of(ReportSchedule schedule) {
            return new ScheduleInfo(schedule.cadences().stream().map(Cadence::id).toList(),
                    schedule.formats().stream().map(ReportFormat::extension).toList());
        }
    }

    record ReportPage(int total, int offset, int limit, List<ReportItem> items, ScheduleInfo schedule) {}

    private final ApiContext api;

    public ReportsApi(ApiContext api) {
        this.api = api;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/reports", this::create, Permission.TRIAGE);
        routes.get("/api/v1/reports", ctx -> ctx.json(list(ctx)));
        routes.get("/api/v1/reports/{id}", this::download);
    }

    private ReportArchive archive() {
        ReportArchive archive = api.monitor().reports();
        if (archive == null) {
            throw new NotFoundResponse("reports are not available: this server keeps no reports folder");
        }
        return archive;
    }

    private void create(Context ctx) throws IOException {
        ReportArchive archive = archive();
        ReportRequest request = Query.body(ctx, ReportRequest.class,
                "{\"from\": \"2026-12-01T00:00:00Z\", \"to\": \"2026-12-01T23:59:59Z\", \"format\": \"pdf\"}");
        Instant from = instant("from", request.from());
        Instant to = instant("to", request.to());
        if (from.isAfter(to)) {
            throw new BadRequest("'from' (" + from + ") is after 'to' (" + to + ")");
        }
        if (Period.tooLong(from, to)) {
            throw new BadRequest("'from' (" + from + ") to 'to' (" + to + ") is more than " + Period.MAX_LENGTH.toDays()
                    + " days: a report covers a century at most");
        }
        if (request.format() == null || request.format().isBlank()) {
            throw new BadRequest("give 'format': one of " + ReportFormat.names());
        }
        ReportFormat format;
        try {
            format = ReportFormat.parse(request.format());
        } catch (IllegalArgumentException e) {
            throw new BadRequest("'format': " + e.getMessage());
        }
        String user = Access.principal(ctx, true).user();
        Optional<ArchivedReport> made = archive.tryCreate(api.store(), from, to, format, ReportArchive.Origin.user(user));
        if (made.isEmpty()) {
            ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            ctx.status(503).json(Map.of("error", "another report is being made: try again in " + RETRY_AFTER_SECONDS + " s"));
            return;
        }
        ctx.header("Location", "/api/v1/reports/" + made.get().id());
        ctx.status(201).json(ReportItem.of(made.get()));
    }

    private ReportPage list(Context ctx) throws IOException {
        ReportArchive archive = archive();
        int offset = Query.offset(ctx);
        int limit = Query.limit(ctx, Query.DEFAULT_LIMIT);
        List<ArchivedReport> all = archive.list();
        List<ReportItem> page = all.stream().skip(offset).limit(limit).map(ReportItem::of).toList();
        return new ReportPage(all.size(), offset, limit, page, ScheduleInfo.of(api.monitor().reportSchedule()));
    }

    private void download(Context ctx) throws IOException {
        ReportArchive archive = archive();
        // the archive answers only its own ids, so no other file can be reached through this path
        String id = ctx.pathParam("id");
        ArchivedReport report = archive.find(id).orElseThrow(ReportsApi::noSuchReport);
        Path file = archive.file(id).orElseThrow(ReportsApi::noSuchReport);
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException deletedMeanwhile) {
            throw noSuchReport();
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + report.downloadName() + "\"");
        ctx.contentType(report.format().mediaType());
        ctx.result(in);
    }

    private static NotFoundResponse noSuchReport() {
        return new NotFoundResponse("no such report");
    }

    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new BadRequest("give '" + name + "': an ISO-8601 time like 2026-12-01T00:00:00Z");
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest("'" + name + "' is not an ISO-8601 time like 2026-12-01T00:00:00Z: " + text);
        }
    }
}
