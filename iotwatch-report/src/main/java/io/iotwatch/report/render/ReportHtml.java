package io.iotwatch.report.render;

import io.iotwatch.report.AlertRow;
import io.iotwatch.report.AuditCheck;
import io.iotwatch.report.Compliance;
import io.iotwatch.report.DetectorRow;
import io.iotwatch.report.Mitigation;
import io.iotwatch.report.Recommendation;
import io.iotwatch.report.Report;
import io.iotwatch.report.ReportBuilder;
import io.iotwatch.report.SensorRow;
import io.iotwatch.report.SourceRow;
import io.iotwatch.report.Stat;
import io.iotwatch.report.Summary;
import io.iotwatch.report.TargetRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import io.iotwatch.report.render.Xhtml.Column;

/**
 * A {@link Report} as one self-contained XHTML document: styles inline, charts as PNG data, nothing fetched from
 * anywhere, so it can be mailed or archived as one file. The PDF report is this document printed
 * ({@link ReportPdf}); the style sheet's {@code @page} rules are for that and browsers ignore them.
 */
public final class ReportHtml {

    private static final String STYLE = style();

    private ReportHtml() {}

    public static String toHtml(Report report) {
        return document(report, ReportCharts.of(report), false);
    }

    /**
     * The document as a browser shows it, or as the PDF prints it: there the charts are drawn in {@code <object>}
     * elements of {@link ReportCharts#OBJECT_TYPE}, and the appendix's alert table is left to {@link AlertTablePdf}.
     */
    static String document(Report report, ReportCharts charts, boolean forPdf) {
        Xhtml html = new Xhtml(8192 + report.alerts().size() * 400);
        html.raw("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .raw("<title>").text("iotwatch audit report, " + ReportText.time(report.period().from()) + " to "
                        + ReportText.time(report.period().to())).raw("</title><style>").raw(STYLE).raw("</style></head><body>");
        header(html, report);
        summary(html, report.summary());
        timeline(html, report, charts, forPdf);
        sources(html, report.topSources());
        targets(html, report.topTargets());
        detection(html, report.detection(), charts, forPdf);
        recommendations(html, report.recommendations());
        compliance(html, report.compliance(), report.summary().alerts());
        if (!forPdf) {
            alerts(html, report.alerts());
        }
        return html.raw("</body></html>\n").toString();
    }

    private static void header(Xhtml html, Report report) {
        html.raw("<header><h1>iotwatch audit report</h1><p class=\"period\">")
                .text(ReportText.time(report.period().from())).raw(" to ").text(ReportText.time(report.period().to()))
                .raw("</p><p class=\"sub\">Generated ").text(ReportText.time(report.period().generatedAt()))
                .raw(". Both ends of the period are included; an alert counts when its incident overlaps the period.</p></header>");
    }

    private static void summary(Xhtml html, Summary summary) {
        html.raw("<section id=\"summary\"><h2>1. Summary</h2><table class=\"figures\"><tbody>");
        figure(html, "Alerts", ReportText.count(summary.alerts()));
        figure(html, "Occurrences behind them", ReportText.count(summary.occurrences()));
        figure(html, "Events seen", ReportText.count(summary.events()));
        figure(html, "Packets seen", ReportText.count(summary.packets()));
        figure(html, "Bytes seen", ReportText.bytes(summary.bytes()));
        html.raw("</tbody></table>");
        html.raw("<div class=\"columns\"><div>");
        counts(html, "By threat level", "Level", summary.byLevel(), true);
        html.raw("</div><div>");
        counts(html, "By attack group", "Group", summary.byGroup(), false);
        html.raw("</div></div>");
        counts(html, "By attack class", "Class", summary.byClass(), false);
        sensors(html, summary.sensors());
        html.raw("</section>");
    }

    private static void figure(Xhtml html, String label, String value) {
        html.raw("<tr>").element("th", null, label).numberCell(value).raw("</tr>");
    }

    private static void counts(Xhtml html, String title, String column, Map<String, Long> counts, boolean levels) {
        html.element("h3", null, title);
        if (counts.isEmpty()) {
            html.element("p", "none", "No alerts.");
            return;
        }
        html.tableHead("counts", Column.text(column, 75), Column.number("Alerts", 25));
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            html.raw("<tr>");
            if (levels) {
                html.raw("<td><span class=\"level level-").text(entry.getKey()).raw("\">").text(entry.getKey()).raw("</span></td>");
            } else {
                html.cell(entry.getKey());
            }
            html.numberCell(ReportText.count(entry.getValue())).raw("</tr>");
        }
        html.tableEnd();
    }

    private static void sensors(Xhtml html, List<SensorRow> sensors) {
        html.element("h3", null, "Sensors");
        if (sensors.isEmpty()) {
            html.element("p", "none", "No sensor of 'serve' or 'demo' ran in the period (files read by 'ingest' are not sensors).");
            return;
        }
        html.tableHead("rows", Column.text("Sensor", 22), Column.text("Kind", 9), Column.text("At the start", 11),
                Column.text("At the end", 11), Column.number("Online", 10), Column.number("Changes", 11),
                Column.text("Last problem", 26));
        for (SensorRow row : sensors) {
            html.raw("<tr>").element("td", "addr", row.name()).cell(row.kind()).cell(row.statusAtStart()).cell(row.statusAtEnd())
                    .numberCell(ReportText.percent(row.onlineShare())).numberCell(ReportText.count(row.changes()))
                    .cell(row.lastProblem() == null ? ReportText.NONE : row.lastProblem()).raw("</tr>");
        }
        html.tableEnd();
    }

    private static void timeline(Xhtml html, Report report, ReportCharts charts, boolean forPdf) {
        html.raw("<section id=\"timeline\"><h2>2. Timeline</h2>")
                .element("p", "sub", "Alerts by threat level, counted in the step (" + ReportText.duration(
                        (double) ReportBuilder.timelineStep(report.period().from(), report.period().to()).toSeconds())
                        + ") in which their incident began.");
        chart(html, charts, ReportCharts.TIMELINE, "Alerts over time by threat level", forPdf);
        html.raw("</section>");
    }

    private static void sources(Xhtml html, List<SourceRow> sources) {
        html.raw("<section id=\"sources\"><h2>3. Top attacking addresses</h2>");
        if (sources.isEmpty()) {
            html.element("p", "none", "No alert named a source address.");
        } else {
            html.tableHead("rows", Column.text("Address", 19), Column.number("Alerts", 9), Column.number("Occurrences", 15),
                    Column.text("Highest level", 9), Column.text("What it did", 22), Column.text("First seen (UTC)", 13),
                    Column.text("Last seen (UTC)", 13));
            for (SourceRow row : sources) {
                html.raw("<tr>").element("td", "addr", row.ip()).numberCell(ReportText.count(row.alerts()))
                        .numberCell(ReportText.count(row.occurrences())).cell(row.highestLevel())
                        .cell(String.join(", ", row.classes())).cell(ReportText.cellTime(row.firstSeen()))
                        .cell(ReportText.cellTime(row.lastSeen())).raw("</tr>");
            }
            html.tableEnd();
        }
        html.raw("</section>");
    }

    private static void targets(Xhtml html, List<TargetRow> targets) {
        html.raw("<section id=\"targets\"><h2>4. Most targeted devices</h2>");
        if (targets.isEmpty()) {
            html.element("p", "none", "No alert named a target address.");
        } else {
            html.tableHead("rows", Column.text("Address", 19), Column.number("Alerts", 9), Column.number("Attackers", 11),
                    Column.text("Attacks", 61));
            for (TargetRow row : targets) {
                html.raw("<tr>").element("td", "addr", row.ip()).numberCell(ReportText.count(row.alerts()))
                        .numberCell(ReportText.count(row.attackers())).cell(String.join(", ", row.classes())).raw("</tr>");
            }
            html.tableEnd();
        }
        html.raw("</section>");
    }

    private static void detection(Xhtml html, List<DetectorRow> detectors, ReportCharts charts, boolean forPdf) {
        html.raw("<section id=\"detection\"><h2>5. Detection</h2>");
        if (detectors.isEmpty()) {
            html.element("p", "none", "No detector raised an alert.").raw("</section>");
            return;
        }
        html.tableHead("rows", Column.text("Detector", 16), Column.number("Alerts", 9), Column.number("Mean confidence", 12),
                Column.text("What it found", 63));
        for (DetectorRow row : detectors) {
            html.raw("<tr>").cell(row.detector()).numberCell(ReportText.count(row.alerts()))
                    .numberCell(ReportText.confidence(row.meanConfidence())).cell(String.join(", ", row.classes())).raw("</tr>");
        }
        html.tableEnd().element("h3", null, "Confidence distribution");
        chart(html, charts, ReportCharts.CONFIDENCE, "Alerts by confidence and detector", forPdf);
        html.raw("</section>");
    }

    private static void recommendations(Xhtml html, List<Recommendation> recommendations) {
        html.raw("<section id=\"recommendations\"><h2>6. Recommendations</h2>");
        if (recommendations.isEmpty()) {
            html.element("p", "none", "No attacks, nothing to recommend.");
        }
        for (Recommendation recommendation : recommendations) {
            html.raw("<div class=\"advice\">").element("h3", null, recommendation.group())
                    .element("p", "sub", "Seen: " + String.join(", ", recommendation.classes()))
                    .raw("<p class=\"mitigations\">MITRE ATT&amp;CK mitigations: ");
            for (int i = 0; i < recommendation.mitigations().size(); i++) {
                Mitigation mitigation = recommendation.mitigations().get(i);
                html.raw(i == 0 ? "" : ", ").element("span", "mitre", mitigation.id()).raw(" ").text(mitigation.name());
            }
            html.raw("</p><ol>");
            recommendation.actions().forEach(action -> html.element("li", null, action));
            html.raw("</ol></div>");
        }
        html.raw("</section>");
    }

    private static void compliance(Xhtml html, Compliance compliance, long alerts) {
        html.raw("<section id=\"compliance\"><h2>7. Compliance</h2>");
        html.tableHead("rows", Column.text("Response time", 28), Column.number("Measured", 12), Column.number("Median", 20),
                Column.number("90th percentile", 20), Column.number("Longest", 20));
        responseTime(html, "Time to detect", compliance.timeToDetect());
        responseTime(html, "Time to acknowledge", compliance.timeToAcknowledge());
        responseTime(html, "Time to resolve", compliance.timeToResolve());
        html.tableEnd().raw("<table class=\"figures\"><tbody>");
        figure(html, "Alerts triaged", ReportText.count(compliance.triaged()) + " of " + ReportText.count(alerts) + " ("
                + ReportText.percent(compliance.triagedShare()) + ")");
        figure(html, "Suppression rules in force", ReportText.count(compliance.allowRules()));
        html.raw("</tbody></table>");
        auditLog(html, compliance.audit());
        html.raw("</section>");
    }

    private static void responseTime(Xhtml html, String label, Stat stat) {
        html.raw("<tr>").cell(label).numberCell(ReportText.count(stat.count()))
                .numberCell(ReportText.duration(stat.medianSeconds())).numberCell(ReportText.duration(stat.p90Seconds()))
                .numberCell(ReportText.duration(stat.maxSeconds())).raw("</tr>");
    }

    private static void auditLog(Xhtml html, AuditCheck audit) {
        html.element("h3", null, "Audit log");
        html.raw("<p class=\"").raw(audit.valid() ? "verified" : "failed").raw("\">")
                .text(audit.valid() ? "Verified: " : "FAILED verification: ")
                .text(ReportText.count(audit.blocks()) + " blocks and " + ReportText.count(audit.entries()) + " entries checked"
                        + (audit.valid() ? ", no problem found." : ", " + ReportText.count(audit.problems()) + " problems; the first: "))
                .text(audit.valid() ? "" : audit.firstProblem()).raw("</p>");
        if (audit.head() == null) {
            html.element("p", "sub", "No block of the audit log was sealed by the end of the period, so there is no signed head for it.");
        } else {
            html.element("p", "sub", "The signed head of the newest block sealed by the end of the period. Saved as a file, it can be "
                    + "given to 'iotwatch audit verify --head FILE' later to prove the log still holds what it held then.");
            html.element("pre", "head", audit.head().toJson());
        }
    }

    private static void alerts(Xhtml html, List<AlertRow> alerts) {
        html.raw("<section id=\"alerts\" class=\"appendix\"><h2>Appendix: alerts</h2>")
                .element("p", "sub", ReportText.count(alerts.size()) + " alerts, most recently active first.");
        if (!alerts.isEmpty()) {
            html.tableHead("rows alerts", Column.text("First seen (UTC)", 7), Column.text("Last seen (UTC)", 7),
                    Column.text("Level", 6), Column.text("Class", 12), Column.text("Detector", 8), Column.text("Source", 9),
                    Column.text("Target", 9), Column.text("Domain", 8), Column.number("Count", 5), Column.number("Confidence", 6),
                    Column.text("ATT&CK", 7), Column.text("Status", 7), Column.text("Id", 9));
            for (AlertRow row : alerts) {
                html.raw("<tr>").cell(ReportText.cellTime(row.firstSeen())).cell(ReportText.cellTime(row.lastSeen()))
                        .cell(row.level()).cell(row.attackClass()).cell(row.detector())
                        .element("td", "addr", row.srcIp()).element("td", "addr", row.dstIp()).element("td", "addr", row.domain())
                        .numberCell(ReportText.count(row.count())).numberCell(ReportText.confidence(row.confidence()))
                        .cell(row.mitre().isEmpty() ? ReportText.NONE : row.mitre()).cell(row.status())
                        .element("td", "id", row.id()).raw("</tr>");
            }
            html.tableEnd();
        }
        html.raw("</section>");
    }

    private static void chart(Xhtml html, ReportCharts charts, String name, String description, boolean forPdf) {
        if (forPdf) {
            html.raw("<object class=\"chart\" type=\"" + ReportCharts.OBJECT_TYPE + "\" data=\"" + name + "\" style=\"width: "
                    + ReportCharts.WIDTH + "px; height: " + ReportCharts.HEIGHT + "px\"></object>");
            return;
        }
        html.raw("<img class=\"chart\" width=\"" + ReportCharts.WIDTH + "\" height=\"" + ReportCharts.HEIGHT + "\" alt=\"")
                .text(description).raw("\" src=\"data:image/png;base64,").raw(Base64.getEncoder().encodeToString(charts.png(name)))
                .raw("\"/>");
    }

    private static String style() {
        try (InputStream in = ReportHtml.class.getResourceAsStream("/io/iotwatch/report/report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report.css", e);
        }
    }
}
