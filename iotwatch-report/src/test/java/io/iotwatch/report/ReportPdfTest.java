package io.iotwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.report.render.ReportPdf;
import io.iotwatch.report.render.ReportText;
import io.iotwatch.store.EventStore;
import io.iotwatch.store.EventStores;
import io.iotwatch.store.StoreSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF report read back with PDFBox: its figures are those worked out from the stored data directly, and every
 * section and alert is in it.
 */
class ReportPdfTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dir;

    private static final ReportFixture data = new ReportFixture(20261202L);
    private static Report report;
    /** The text by position on the page, every run of white space one space: a label and its figure read "Alerts 81". */
    private static String text;
    /** The text in the order it was drawn, without white space: a cell's wrapped lines run on. */
    private static String drawn;
    private static int pages;

    @BeforeAll
    static void writeAndReadBack() throws IOException {
        try (EventStore store = EventStores.open(StoreSettings.embedded(dir))) {
            data.store(store);
            report = ReportBuilder.build(store, data.from, data.to, CLOCK);
        }
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        ReportPdf.write(report, pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            pages = document.getNumberOfPages();
            PDFTextStripper stripper = new PDFTextStripper();
            drawn = stripper.getText(document).replaceAll("\\s+", "");
            stripper.setSortByPosition(true);
            text = " " + stripper.getText(document).replaceAll("\\s+", " ") + " ";
        }
    }

    /** Fails naming what is missing, not with the whole document. */
    private static void has(String haystack, String words) {
        if (!haystack.contains(words)) {
            throw new AssertionError("the PDF's text lacks '" + words + "'");
        }
    }

    /** The words, whole, in the text by position. */
    private static void shows(String words) {
        has(text, " " + words + " ");
    }

    @Test
    void summaryFiguresAreThoseOfTheStoredData() {
        List<Alert> alerts = data.inPeriod();
        List<ConnectionEvent> traffic = data.connectionsInPeriod();
        shows("Alerts " + ReportText.count(alerts.size()));
        shows("Occurrences behind them " + ReportText.count(alerts.stream().mapToLong(Alert::count).sum()));
        shows("Events seen " + ReportText.count(traffic.size()));
        shows("Packets seen " + ReportText.count(traffic.stream().mapToLong(c -> c.packetsIn() + c.packetsOut()).sum()));
        shows("Bytes seen " + ReportText.bytes(traffic.stream().mapToLong(c -> c.bytesIn() + c.bytesOut()).sum()));
        for (ThreatLevel level : ThreatLevel.values()) {
            shows(level.id() + " " + ReportText.count(alerts.stream().filter(a -> a.level() == level).count()));
        }
        alerts.stream().map(Alert::attackClass).distinct().filter(name -> !name.equals(ReportFixture.HOSTILE)).forEach(name ->
                shows(name + " " + ReportText.count(alerts.stream().filter(a -> a.attackClass().equals(name)).count())));
        shows(ReportText.time(data.from) + " to " + ReportText.time(data.to));
    }

    @Test
    void everySectionIsThere() {
        for (String heading : List.of("1. Summary", "2. Timeline", "3. Top attacking addresses", "4. Most targeted devices",
                "5. Detection", "6. Recommendations", "7. Compliance", "Appendix: alerts")) {
            shows(heading);
        }
        assertThat(pages).isGreaterThan(3);
        shows("page 1 of " + pages);
        shows("page " + pages + " of " + pages);
    }

    @Test
    void topSourcesTargetsAndDetectorsAreListedWithTheirFigures() {
        for (SourceRow row : report.topSources()) {
            shows(row.ip() + " " + ReportText.count(row.alerts()) + " " + ReportText.count(row.occurrences()) + " "
                    + row.highestLevel());
        }
        for (TargetRow row : report.topTargets()) {
            shows(row.ip() + " " + ReportText.count(row.alerts()) + " " + ReportText.count(row.attackers()));
        }
        for (DetectorRow row : report.detection().stream().filter(r -> !r.detector().equals(ReportFixture.HOSTILE)).toList()) {
            shows(row.detector() + " " + ReportText.count(row.alerts()) + " " + ReportText.confidence(row.meanConfidence()));
        }
        for (Recommendation recommendation : report.recommendations()) {
            for (Mitigation mitigation : recommendation.mitigations()) {
                has(text, mitigation.id() + " " + mitigation.name());
            }
            for (String action : recommendation.actions()) {
                has(text, action);
            }
        }
    }

    @Test
    void complianceShowsResponseTimesTriageAndTheAuditLogsHead() {
        var compliance = report.compliance();
        shows("Time to detect " + ReportText.count(compliance.timeToDetect().count()) + " "
                + ReportText.duration(compliance.timeToDetect().medianSeconds()) + " " + ReportText.duration(compliance.timeToDetect().p90Seconds())
                + " " + ReportText.duration(compliance.timeToDetect().maxSeconds()));
        shows("Time to acknowledge " + ReportText.count(compliance.timeToAcknowledge().count()));
        shows("Time to resolve " + ReportText.count(compliance.timeToResolve().count()));
        shows("Alerts triaged " + ReportText.count(compliance.triaged()) + " of " + ReportText.count(report.summary().alerts()) + " ("
                + ReportText.percent(compliance.triagedShare()) + ")");
        shows("Suppression rules in force " + ReportText.count(compliance.allowRules()));
        assertThat(compliance.audit().valid()).isTrue();
        shows("Verified: " + ReportText.count(compliance.audit().blocks()) + " blocks and "
                + ReportText.count(compliance.audit().entries()) + " entries checked, no problem found.");
    }

    @Test
    void everyAlertIsInTheAppendix() {
        for (AlertRow row : report.alerts()) {
            has(drawn, row.id());
        }
        shows(ReportText.count(report.alerts().size()) + " alerts, most recently active first.");
    }

    @Test
    void textFromTheNetworkPrintsAsText() {
        // the hostile alert's class and source: markup shown as characters, and an accent in the embedded font
        has(drawn, "</script><imgsrc=xonerror=alert(1)>\"q\"\\{\"j\":1}é");
    }
}
