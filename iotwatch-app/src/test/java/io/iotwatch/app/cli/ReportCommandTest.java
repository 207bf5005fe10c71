package io.iotwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private CliRun run(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "report";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--data-dir";
        all[args.length + 2] = data.toString();
        return CliRun.of(all);
    }

    @Test
    void writesTheJsonReportOfTheIngestedSamplesWithEverySection() throws Exception {
        CliRun ingest = CliRun.of("ingest", "--data-dir", data.toString(), "--no-progress", IngestCommandTest.SAMPLES.toString());
        assertThat(ingest.exitCode()).as(ingest.toString()).isZero();
        Path out = data.resolve("report.json");

        // the samples are of 2025; a period reaching to now holds their alerts and the block sealed when ingest stopped
        CliRun report = run("--from", "2025-01-01T00:00:00Z", "--to", "now", "--format", "json", "--out", out.toString());

        assertThat(report.exitCode()).as(report.toString()).isZero();
        assertThat(report.out()).contains("Report of 2025-01-01T00:00:00Z to ", "audit log verified", out.toString());
        JsonNode tree = JSON.readTree(Files.readString(out));
        assertThat(tree.properties()).extracting(Map.Entry::getKey).containsExactly("period", "summary", "timeline", "topSources", "topTargets",
                "detection", "recommendations", "compliance", "alerts");
        assertThat(tree.at("/summary/alerts").asLong()).isPositive().isEqualTo(tree.at("/alerts").size());
        assertThat(tree.at("/summary/events").asLong()).isPositive();
        assertThat(tree.at("/timeline").size()).isBetween(1, 100);
        assertThat(tree.at("/recommendations").size()).isPositive();
        assertThat(tree.at("/detection").size()).isPositive();
        assertThat(tree.at("/compliance/timeToDetect/count").asLong()).isEqualTo(tree.at("/summary/alerts").asLong());
        assertThat(tree.at("/compliance/audit/valid").asBoolean()).isTrue();
        assertThat(tree.at("/compliance/audit/head/signature").isTextual()).isTrue();
    }

    @Test
    void theFormatComesFromTheOptionOrTheFilesExtensionElsePdf() throws Exception {
        CliRun ingest = CliRun.of("ingest", "--data-dir", data.toString(), "--no-progress", IngestCommandTest.SAMPLES.toString());
        assertThat(ingest.exitCode()).as(ingest.toString()).isZero();
        String[] period = {"--from", "2025-01-01T00:00:00Z", "--to", "now"};

        CliRun json = run(period[0], period[1], period[2], period[3], "--out", data.resolve("r.json").toString());
        CliRun html = run(period[0], period[1], period[2], period[3], "--out", data.resolve("r.HTML").toString());
        CliRun pdf = run(period[0], period[1], period[2], period[3], "--out", data.resolve("r.report").toString());
        CliRun named = run(period[0], period[1], period[2], period[3], "--format", "pdf", "--out", data.resolve("r.txt").toString());

        for (CliRun report : new CliRun[] {json, html, pdf, named}) {
            assertThat(report.exitCode()).as(report.toString()).isZero();
        }
        assertThat(json.out()).contains("JSON written to");
        assertThat(html.out()).contains("HTML written to");
        long alerts = JSON.readTree(Files.readString(data.resolve("r.json"))).at("/summary/alerts").asLong();
        assertThat(Files.readString(data.resolve("r.HTML"))).startsWith("<!DOCTYPE html>").contains("<h2>1. Summary</h2>");
        for (String file : new String[] {"r.report", "r.txt"}) {
            try (PDDocument document = Loader.loadPDF(data.resolve(file).toFile())) {
                String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                assertThat(text).contains("Alerts " + alerts + " ", "Appendix: alerts");
            }
        }
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
        }
    }

    @Test
    void aFolderOrAMissingFolderAsOutIsRefused() {
        CliRun folder = run("--out", data.toString());
        assertThat(folder.exitCode()).isEqualTo(2);
        assertThat(folder.err()).contains("is a folder: name the report's file");
        CliRun missing = run("--out", data.resolve("no/such/r.pdf").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("there is no folder " + data.resolve("no/such"));
    }

    @Test
    void anUnknownFormatIsRefused() {
        CliRun report = run("--format", "docx", "--out", data.resolve("r.docx").toString());
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.err()).contains("--format: 'docx' is not a report format; use one of json, html, pdf");
        assertThat(data.resolve("r.docx")).doesNotExist();
    }

    @Test
    void aWrongTimeOrPeriodIsRefused() {
        CliRun wrongTime = run("--from", "yesterday", "--out", data.resolve("r.json").toString());
        assertThat(wrongTime.exitCode()).isEqualTo(2);
        assertThat(wrongTime.err()).contains("--from: 'yesterday' is not 'now' or an ISO-8601 time");
        CliRun backwards = run("--from", "2025-05-12T00:00:00Z", "--to", "2025-05-11T00:00:00Z", "--out", data.resolve("r.json").toString());
        assertThat(backwards.exitCode()).isEqualTo(2);
        assertThat(backwards.err()).contains("is after --to");
        CliRun centuries = run("--from", "0001-01-01T00:00:00Z", "--out", data.resolve("r.json").toString());
        assertThat(centuries.exitCode()).isEqualTo(2);
        assertThat(centuries.err()).contains("is more than 36500 days: a report covers a century at most");
    }

    @Test
    void aMissingDatabaseIsAnErrorAndNoneIsCreated() {
        CliRun report = run("--out", data.resolve("r.json").toString());
        assertThat(report.exitCode()).isNotZero();
        assertThat(report.err()).contains("there is no database in");
        assertThat(data.resolve("iotwatch.db")).doesNotExist();
        assertThat(data.resolve("r.json")).doesNotExist();
    }
}
