package io.iotwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.report.render.ReportHtml;
import io.iotwatch.report.render.ReportText;
import io.iotwatch.store.AlertFilter;
import io.iotwatch.store.AlertStatus;
import io.iotwatch.store.EventStore;
import io.iotwatch.store.EventStores;
import io.iotwatch.store.StoreSettings;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The HTML report parsed back as XML (as openhtmltopdf reads it): every section and figure of the report in it,
 * hostile text as text, nothing fetched from elsewhere.
 */
class ReportHtmlTest {

    @TempDir
    static Path dir;

    private static Report report;
    private static String html;
    private static Document document;

    @BeforeAll
    static void buildAndParse() throws Exception {
        try (EventStore store = EventStores.open(StoreSettings.embedded(dir))) {
            ReportFixture data = new ReportFixture(11L);
            data.store(store);
            data.recordSensors(store);
            String first = store.alertQueries().find(AlertFilter.all(), 0, 1).items().getFirst().alert().id();
            store.triage().set(first, AlertStatus.ACKNOWLEDGED, "x", "ana", Instant.now());
            store.audit().seal();
            report = ReportBuilder.build(store, data.from, Instant.now().plusSeconds(60),
                    Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC));
        }
        html = ReportHtml.toHtml(report);
        document = parse(html);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<String> texts(String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    @Test
    void everySectionIsThereWithItsFigures() throws Exception {
        assertThat(texts("//*[local-name()='h2']")).containsExactly("1. Summary", "2. Timeline", "3. Top attacking addresses",
                "4. Most targeted devices", "5. Detection", "6. Recommendations", "7. Compliance", "Appendix: alerts");
        assertThat(texts("//*[local-name()='section'][@id='summary']//*[local-name()='tr']")).contains(
                "Alerts" + ReportText.count(report.summary().alerts()),
                "Events seen" + ReportText.count(report.summary().events()),
                "critical" + ReportText.count(report.summary().byLevel().get("critical")));
        assertThat(report.summary().sensors()).hasSize(3);
        assertThat(texts("//*[local-name()='section'][@id='summary']//*[local-name()='tbody']/*[local-name()='tr'][*[1][@class='addr']]"))
                .containsExactlyElementsOf(report.summary().sensors().stream().map(sensor -> sensor.name() + sensor.kind()
                        + sensor.statusAtStart() + sensor.statusAtEnd() + ReportText.percent(sensor.onlineShare())
                        + ReportText.count(sensor.changes()) + (sensor.lastProblem() == null ? ReportText.NONE : sensor.lastProblem()))
                        .toList());
        assertThat(texts("//*[local-name()='section'][@id='sources']//*[local-name()='tbody']/*[local-name()='tr']/*[1]"))
                .containsExactlyElementsOf(report.topSources().stream().map(SourceRow::ip).toList());
        assertThat(texts("//*[local-name()='section'][@id='detection']//*[local-name()='tbody']/*[local-name()='tr']/*[1]"))
                .containsExactlyElementsOf(report.detection().stream().map(DetectorRow::detector).toList());
        assertThat(texts("//*[local-name()='section'][@id='recommendations']//*[local-name()='h3']"))
                .containsExactlyElementsOf(report.recommendations().stream().map(Recommendation::group).toList());
        assertThat(texts("//*[local-name()='section'][@id='alerts']//*[local-name()='tbody']/*[local-name()='tr']/*[last()]"))
                .containsExactlyElementsOf(report.alerts().stream().map(AlertRow::id).toList());
    }

    @Test
    void complianceShowsTheAcknowledgementAndTheSignedHead() throws Exception {
        assertThat(report.compliance().timeToAcknowledge().count()).isEqualTo(1);
        assertThat(texts("//*[local-name()='section'][@id='compliance']//*[local-name()='tr']"))
                .anyMatch(row -> row.startsWith("Time to acknowledge1"));
        assertThat(report.compliance().audit().head()).isNotNull();
        assertThat(texts("//*[local-name()='pre']")).containsExactly(report.compliance().audit().head().toJson());
    }

    @Test
    void hostileTextIsTextAndNothingComesFromElsewhere() throws Exception {
        assertThat(texts("//*[local-name()='script']")).isEmpty();
        assertThat(texts("//@onerror")).isEmpty();
        assertThat(texts("//*[local-name()='td']")).contains(ReportFixture.HOSTILE);
        assertThat(texts("//*[local-name()='img']/@src")).hasSize(2).allMatch(src -> src.startsWith("data:image/png;base64,"));
        assertThat(texts("//@href")).isEmpty();
    }

    /** Seeded random strings, any character at all, placed where alerts put text from the network. */
    @Test
    void anyStringInAnAlertLeavesAWellFormedDocument() throws Exception {
        Random random = new Random(20261202L);
        for (int round = 0; round < 60; round++) {
            String hostile = HostileText.random(random, 40);
            AlertRow row = new AlertRow(hostile, Instant.EPOCH, Instant.EPOCH, hostile, hostile, hostile, hostile, hostile,
                    hostile, hostile, 1, 0.5, hostile, hostile);
            Report one = new Report(report.period(), report.summary(), report.timeline(), List.of(), List.of(), List.of(),
                    List.of(), report.compliance(), List.of(row));
            Document parsed = parse(ReportHtml.toHtml(one));
            NodeList cells = parsed.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "td");
            String last = cells.item(cells.getLength() - 1).getTextContent();
            assertThat(last).as("round %d", round).isEqualTo(xmlSafe(hostile));
            assertThat(((Element) parsed.getDocumentElement()).getElementsByTagName("script").getLength()).isZero();
        }
    }

    /** What XML 1.0 can hold of the text, the rest as U+FFFD. */
    private static String xmlSafe(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if ((c >= 0x20 && c <= 0xD7FF) || c == '\t' || c == '\n' || c == '\r' || (c >= 0xE000 && c <= 0xFFFD)) {
                out.append(c);
            } else {
                out.append('\uFFFD');
            }
        }
        return out.toString();
    }
}
