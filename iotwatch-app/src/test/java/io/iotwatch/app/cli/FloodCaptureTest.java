package io.iotwatch.app.cli;

import static io.iotwatch.packet.testing.Frames.ACK;
import static io.iotwatch.packet.testing.Frames.FIN;
import static io.iotwatch.packet.testing.Frames.PSH;
import static io.iotwatch.packet.testing.Frames.SYN;
import static io.iotwatch.packet.testing.Frames.ip;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.core.alert.Alert;
import io.iotwatch.detect.DetectionEngine;
import io.iotwatch.packet.decode.PacketDecoder;
import io.iotwatch.packet.events.PacketEvents;
import io.iotwatch.packet.flow.FlowTable;
import io.iotwatch.packet.testing.Frames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Floods built packet by packet go through the packet path and the product's detectors, as 'iotwatch ingest' runs them. */
class FloodCaptureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_747_000_000L * SECOND;
    private static final int ETHERNET = 1;

    private static final String ATTACKER = "192.168.1.66";
    private static final String CAMERA = "192.168.1.50";
    private static final String HUB = "192.168.1.60";
    private static final List<String> BOTS = List.of("192.168.1.71", "192.168.1.72", "192.168.1.73");

    @TempDir
    Path data;

    /** A frame and the time it was seen. */
    private record Packet(long nanos, byte[] frame) {}

    /** hping3 -S --flood -p 80: a SYN a packet, the source port counting up, nobody answering. */
    private static List<Packet> synFlood(long start, int perSecond, int seconds) {
        List<Packet> packets = new ArrayList<>();
        for (int i = 0; i < perSecond * seconds; i++) {
            packets.add(new Packet(start + i * (SECOND / perSecond),
                    Frames.tcp(ip(ATTACKER), 1024 + i % 64_000, ip(CAMERA), 80, SYN, 0)));
        }
        return packets;
    }

    /** hping3 --udp --flood -p 5683 from three bots, 18 bytes of payload, the source port counting up. */
    private static List<Packet> udpFlood(long start, int perSecond, int seconds) {
        List<Packet> packets = new ArrayList<>();
        for (int i = 0; i < perSecond * seconds; i++) {
            packets.add(new Packet(start + i * (SECOND / perSecond),
                    Frames.udp(ip(BOTS.get(i % 3)), 1024 + i / 3 % 64_000, ip(HUB), 5683, 18)));
        }
        return packets;
    }

    /** Ordinary traffic beside the floods: a download from the camera, and pings answered. */
    private static List<Packet> background(long start) {
        List<Packet> packets = new ArrayList<>();
        int client = ip("192.168.1.20");
        packets.add(new Packet(start, Frames.tcp(client, 50_000, ip(CAMERA), 80, SYN, 0)));
        packets.add(new Packet(start + 1_000_000, Frames.tcp(ip(CAMERA), 80, client, 50_000, SYN | ACK, 0)));
        packets.add(new Packet(start + 2_000_000, Frames.tcp(client, 50_000, ip(CAMERA), 80, ACK | PSH, 300)));
        for (int i = 0; i < 2000; i++) {
            packets.add(new Packet(start + 3_000_000 + i * 500_000L, Frames.tcp(ip(CAMERA), 80, client, 50_000, ACK | PSH, 1400)));
            packets.add(new Packet(start + 3_100_000 + i * 500_000L, Frames.tcp(client, 50_000, ip(CAMERA), 80, ACK, 0)));
        }
        packets.add(new Packet(start + 2 * SECOND, Frames.tcp(ip(CAMERA), 80, client, 50_000, FIN | ACK, 0)));
        packets.add(new Packet(start + 2 * SECOND + 1_000_000, Frames.tcp(client, 50_000, ip(CAMERA), 80, FIN | ACK, 0)));
        for (int i = 0; i < 10; i++) {
            packets.add(new Packet(start + i * SECOND, Frames.icmpEcho(client, ip(HUB), 56, 64)));
            packets.add(new Packet(start + i * SECOND + 300_000, Frames.icmp(ip(HUB), client, 0, 0, 56, 64)));
        }
        return packets;
    }

    private static List<Packet> merged(List<List<Packet>> parts) {
        List<Packet> all = new ArrayList<>();
        parts.forEach(all::addAll);
        all.sort((a, b) -> Long.compare(a.nanos(), b.nanos()));
        return all;
    }

    @Test
    void aSynFloodIsReportedWhileItsPacketsAreStillComing() {
        List<Packet> flood = synFlood(T0, 5000, 15);
        DetectionEngine engine = Detection.engine(IotwatchConfig.defaults());
        PacketEvents events = new PacketEvents(1, "flood.pcap", engine::accept);
        FlowTable flows = new FlowTable(IotwatchConfig.defaults().flow().toFlowConfig(), events, List.of());
        PacketDecoder decoder = new PacketDecoder();

        List<Alert> raised = new ArrayList<>();
        long packetTimeAtAlert = -1;
        for (Packet p : flood) {
            decoder.decode(p.frame(), 0, p.frame().length, ETHERNET);
            flows.track(decoder, p.nanos(), p.frame().length);
            events.packet(decoder, p.nanos(), p.frame(), 0, p.frame().length);
            List<Alert> changed = engine.drainChanged();
            if (packetTimeAtAlert < 0 && !changed.isEmpty()) {
                packetTimeAtAlert = p.nanos();
            }
            raised.addAll(changed);
        }

        long floodEnd = flood.getLast().nanos();
        assertThat(packetTimeAtAlert).as("the alert comes with the packets: the 4,000th SYN (2 s at 2,000 a second) at 0.8 s,"
                        + " and the 5 s its flow waits for an answer")
                .isBetween(T0 + 5 * SECOND, T0 + 7 * SECOND).isLessThan(floodEnd);
        assertThat(raised.getFirst()).satisfies(alert -> {
            assertThat(alert.detector()).isEqualTo("flood");
            assertThat(alert.attackClass()).isEqualTo("DoS-SYN_Flood");
            assertThat(alert.srcIp()).isEqualTo(ATTACKER);
            assertThat(alert.dstIp()).isEqualTo(CAMERA);
            assertThat(alert.lastSeen()).isBefore(Instant.EPOCH.plusNanos(T0 + 5 * SECOND));
        });
    }

    @Test
    void ingestingACaptureOfASynFloodAndAUdpFloodRaisesTheirClassesAndNothingElse() throws IOException {
        Path capture = pcap(data.resolve("floods.pcap"), merged(List.of(synFlood(T0, 5000, 5),
                udpFlood(T0 + 20 * SECOND, 6000, 9), background(T0 + 40 * SECOND))));

        CliRun ingest = CliRun.of("ingest", "--data-dir", data.toString(), "--config", rulesOnly().toString(),
                "--no-progress", capture.toString());

        assertThat(ingest.exitCode()).as(ingest.toString()).isZero();
        List<JsonNode> alerts = alerts();
        assertThat(alerts).as(ingest.toString()).hasSize(4).allSatisfy(alert -> {
            assertThat(alert.get("detector").asText()).isEqualTo("flood");
            assertThat(alert.get("level").asText()).isEqualTo("high");
            assertThat(alert.get("mitre").asText()).isEqualTo("T1498.001");
        });
        assertThat(alerts).filteredOn(a -> a.get("class").asText().equals("DoS-SYN_Flood")).singleElement().satisfies(a -> {
            assertThat(a.get("src_ip").asText()).isEqualTo(ATTACKER);
            assertThat(a.get("dst_ip").asText()).isEqualTo(CAMERA);
            assertThat(a.get("count").asLong()).isEqualTo(25_000);
        });
        assertThat(alerts).filteredOn(a -> a.get("class").asText().equals("DDoS-UDP_Flood")).hasSize(3)
                .allSatisfy(a -> assertThat(a.get("dst_ip").asText()).isEqualTo(HUB))
                .extracting(a -> a.get("src_ip").asText()).containsExactlyInAnyOrderElementsOf(BOTS);
    }

    @Test
    void theThresholdsInTheConfigurationFileReachTheDetector() throws IOException {
        Path capture = pcap(data.resolve("small.pcap"), synFlood(T0, 1000, 2));
        Path config = Files.writeString(data.resolve("iotwatch.yml"), """
                detect:
                  flood:
                    syn-packets-per-second: 100
                model:
                  path: none
                """);

        CliRun defaults = CliRun.of("ingest", "--data-dir", data.resolve("a").toString(), "--config", rulesOnly().toString(),
                "--no-progress", capture.toString());
        CliRun lowered = CliRun.of("ingest", "--data-dir", data.resolve("b").toString(), "--config", config.toString(),
                "--no-progress", capture.toString());

        assertThat(defaults.exitCode()).as(defaults.toString()).isZero();
        assertThat(alerts(data.resolve("a"))).as("2,000 SYNs in 2 s are below 2,000 a second over 10 s").isEmpty();
        assertThat(lowered.exitCode()).as(lowered.toString()).isZero();
        assertThat(alerts(data.resolve("b"))).singleElement()
                .satisfies(a -> assertThat(a.get("class").asText()).isEqualTo("DoS-SYN_Flood"));
    }

    private List<JsonNode> alerts() throws IOException {
        return alerts(data);
    }

    /** A configuration without the classifier: these tests are about the flood rules alone. */
    private Path rulesOnly() throws IOException {
        return Files.writeString(data.resolve("rules-only.yml"), "model:\n  path: none\n");
    }

    private static List<JsonNode> alerts(Path dataDir) throws IOException {
        CliRun run = CliRun.of("alerts", "--data-dir", dataDir.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<JsonNode> alerts = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            alerts.add(JSON.readTree(line));
        }
        return alerts;
    }

    /** A little-endian microsecond pcap of Ethernet frames. */
    private static Path pcap(Path file, List<Packet> packets) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(ETHERNET);
        out.write(header.array());
        ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        for (Packet p : packets) {
            record.clear();
            record.putInt((int) (p.nanos() / SECOND)).putInt((int) (p.nanos() % SECOND / 1000))
                    .putInt(p.frame().length).putInt(p.frame().length);
            out.write(record.array());
            out.write(p.frame());
        }
        return Files.write(file, out.toByteArray());
    }
}
