package io.iotwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotwatch.core.event.EventType;
import io.iotwatch.logs.TestFiles;
import io.iotwatch.store.EventStore;
import io.iotwatch.store.EventStores;
import io.iotwatch.store.StoreSettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 'iotwatch ingest' on packet captures: the detections issue 4 names on the shared captures, and damage. */
class PacketIngestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @ParameterizedTest(name = "{0}: {1} by {2}")
    @CsvSource({
        "pcap/zeek-sshguess.pcap, bruteforce, 192.168.56.1, 192.168.56.103",
        "pcap/zeek-ftp-bruteforce.pcap, bruteforce, 192.168.56.1, 192.168.56.101",
        "pcap/chrissanders-synscan.pcapng, scan, 172.16.0.8, 64.13.134.52",
        "pcap/dmachard-dnstunnel-iodine.pcap, dns-tunnel, 192.168.1.17, ''",
        "beacon/slips-test-cc-capture-1.pcap, beacon, 147.32.80.37, 141.193.213.0/24",
        "pcap/chrissanders-arppoison.pcapng, arp-spoof, 172.16.0.105, 172.16.0.1",
    })
    void eachSharedAttackCaptureRaisesItsOneAlert(String capture, String detector, String source, String target)
            throws IOException {
        Path file = shared(capture);
        Path rulesOnly = Files.writeString(data.resolve("rules-only.yml"), "model:\n  path: none\n");
        CliRun ingest = CliRun.of("ingest", "--data-dir", data.toString(), "--config", rulesOnly.toString(), "--no-progress",
                file.toString());
        assertThat(ingest.exitCode()).as(ingest.toString()).isZero();
        assertThat(ingest.out()).contains("from 1 capture", "Alerts raised: 1");
        try (EventStore store = EventStores.open(StoreSettings.embedded(data))) {
            assertThat(store.summary().totalEvents()).as("every event made is stored").isEqualTo(reported(ingest.out()));
        }

        List<JsonNode> alerts = alerts();
        assertThat(alerts).as(ingest.toString()).singleElement().satisfies(alert -> {
            assertThat(alert.get("detector").asText()).isEqualTo(detector);
            assertThat(alert.get("src_ip").asText()).isEqualTo(source);
            if (!target.isEmpty()) {
                assertThat(alert.get("dst_ip").asText()).isEqualTo(target);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "pcap/chrissanders-dns_query_response.pcapng",
        "pcap/chrissanders-http_google.pcapng",
        "pcap/rawsight-coap.pcap",
        "pcap/rawsight-coap2.pcap",
        "pcap/suricata-verify-mqtt311-pub-qos1.pcap",
        "pcap/zeek-mqtt.pcap",
    })
    void benignSharedCapturesRaiseNoAlert(String capture) throws IOException {
        CliRun ingest = CliRun.of("ingest", "--data-dir", data.toString(), "--no-progress", shared(capture).toString());
        assertThat(ingest.exitCode()).as(ingest.toString()).isZero();
        assertThat(alerts()).as(ingest.toString()).isEmpty();
    }

    @Test
    void theArpAlertNamesTheAttackersMac() throws IOException {
        Path file = shared("pcap/chrissanders-arppoison.pcapng");
        CliRun ingest = CliRun.of("ingest", "--data-dir", data.toString(), "--no-progress", file.toString());
        assertThat(ingest.out()).contains("4 packets in no flow");
        assertThat(alerts()).singleElement()
                .satisfies(alert -> assertThat(alert.get("evidence").get("attacker_mac").asText()).isEqualTo("00:25:b3:bf:91:ee"));
        CliRun table = CliRun.of("alerts", "--data-dir", data.toString());
        assertThat(table.out()).contains("172.16.0.105 00:25:b3:bf:91:ee");
    }

    @Test
    void capturedConnectionsAreStoredWithTheirCommunityIdAndIngestingAgainStoresNothingTwice() throws IOException {
        Path file = shared("pcap/zeek-sshguess.pcap");
        CliRun first = CliRun.of("ingest", "--data-dir", data.toString(), "--no-progress", file.toString());
        CliRun again = CliRun.of("ingest", "--data-dir", data.toString(), "--no-progress", file.toString());
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(again.exitCode()).as(again.toString()).isZero();
        try (EventStore store = EventStores.open(StoreSettings.embedded(data))) {
            assertThat(store.summary().eventsByType().get(EventType.CONNECTION)).isEqualTo(11);
            assertThat(store.summary().eventsByType().get(EventType.AUTH)).isEqualTo(11);
        }
    }

    @Test
    void withEventsDroppedOnlyTheAlertsAreStored() throws IOException {
        Path file = shared("pcap/zeek-sshguess.pcap");
        CliRun run = CliRun.of("ingest", "--data-dir", data.toString(), "--no-progress", "--events", "drop", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Stored in", ": 0 events");
        assertThat(alerts()).singleElement().satisfies(alert -> assertThat(alert.get("detector").asText()).isEqualTo("bruteforce"));
    }

    /** A capture whose first packet is whole and whose next record claims more bytes than the file holds. */
    @Test
    void aDamagedCaptureIsReadAsFarAsItIsValidAndExitsWithThree() throws IOException {
        byte[] frame = udpFrame();
        ByteBuffer pcap = ByteBuffer.allocate(24 + 16 + frame.length + 16 + 10).order(ByteOrder.LITTLE_ENDIAN);
        pcap.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        pcap.putInt(1_700_000_000).putInt(0).putInt(frame.length).putInt(frame.length).put(frame);
        pcap.putInt(1_700_000_001).putInt(0).putInt(1000).putInt(1000).put(new byte[10]);
        Path file = Files.write(data.resolve("cut.pcap"), pcap.array());

        CliRun run = CliRun.of("ingest", "--data-dir", data.resolve("db").toString(), "--no-progress", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.out()).contains("Read 1 packet from 1 capture", "damaged at byte " + (24 + 16 + frame.length));
        try (EventStore store = EventStores.open(StoreSettings.embedded(data.resolve("db")))) {
            assertThat(store.summary().eventsByType().get(EventType.CONNECTION)).isEqualTo(1);
        }
    }

    @Test
    void featuresAreWrittenWithTheDatasetsHeaderInBothModes() throws IOException {
        Path file = shared("pcap/zeek-sshguess.pcap");
        Path windows = data.resolve("windows.csv");
        Path flows = data.resolve("flows.csv");

        CliRun ciciot = CliRun.of("features", file.toString(), "--out", windows.toString(), "--data-dir", data.toString());
        CliRun flow = CliRun.of("features", file.toString(), "--mode", "flow", "--out", flows.toString(),
                "--data-dir", data.toString());

        assertThat(ciciot.exitCode()).as(ciciot.toString()).isZero();
        assertThat(flow.exitCode()).as(flow.toString()).isZero();
        String header = Files.readAllLines(shared("ciciot2023/kittu7738-ciciot2023_sample.csv")).getFirst()
                .replace(",label,final_label", "");
        List<String> windowRows = Files.readAllLines(windows);
        List<String> flowRows = Files.readAllLines(flows);
        assertThat(windowRows.getFirst()).isEqualTo(header);
        assertThat(flowRows.getFirst()).isEqualTo(header);
        // 431 packets in windows of 10, the last one partial; one row per flow.
        assertThat(windowRows).hasSize(1 + 44);
        assertThat(flowRows).hasSize(1 + 11);
        assertThat(ciciot.out()).contains("431 packets, 11 flows: 44 rows");
    }

    @Test
    void featuresOfAFileThatIsNoCaptureSayWhyAndWriteNothing() throws IOException {
        Path log = Files.writeString(data.resolve("fgt.log"), "date=2025-05-12 time=10:00:00 type=traffic\n");
        Path csv = data.resolve("out.csv");

        CliRun run = CliRun.of("features", log.toString(), "--out", csv.toString(), "--data-dir", data.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("not a capture file");
        assertThat(csv).doesNotExist();
    }

    private static byte[] udpFrame() {
        ByteBuffer frame = ByteBuffer.allocate(14 + 20 + 8 + 4);
        frame.putShort((short) 0x0011).putInt(0x22334455).putShort((short) 0x0066).putInt(0x778899AA).putShort((short) 0x0800);
        frame.put((byte) 0x45).put((byte) 0).putShort((short) 32).putInt(0).put((byte) 64).put((byte) 17).putShort((short) 0)
                .putInt(0xC0A80001).putInt(0xC0A80002);
        frame.putShort((short) 5683).putShort((short) 5683).putShort((short) 12).putShort((short) 0).putInt(0x40010001);
        return frame.array();
    }

    /** The events the summary says were made, by type. */
    private static long reported(String summary) {
        long total = 0;
        for (EventType type : EventType.values()) {
            Matcher m = Pattern.compile("(?m)^  " + type.label() + " +([0-9,]+)$").matcher(summary);
            if (m.find()) {
                total += Long.parseLong(m.group(1).replace(",", ""));
            }
        }
        return total;
    }

    private List<JsonNode> alerts() throws IOException {
        CliRun run = CliRun.of("alerts", "--data-dir", data.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<JsonNode> alerts = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            alerts.add(JSON.readTree(line));
        }
        return alerts;
    }

    private static Path shared(String relative) {
        String folder = relative.substring(0, relative.indexOf('/'));
        Optional<Path> root = TestFiles.sharedData(folder);
        assumeTrue(root.isPresent(), "shared/data/" + folder + " is absent");
        Path file = root.get().resolve(relative.substring(relative.indexOf('/') + 1));
        assumeTrue(Files.exists(file), file + " is absent");
        return file;
    }
}
