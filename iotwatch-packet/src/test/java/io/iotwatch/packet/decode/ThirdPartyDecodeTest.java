package io.iotwatch.packet.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.iotwatch.logs.TestFiles;
import io.iotwatch.packet.capture.CaptureFiles;
import io.iotwatch.packet.capture.CaptureReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Decodes every packet of the real captures of shared/data/pcap. */
class ThirdPartyDecodeTest {

    @Test
    void decodesRealCaptures() throws IOException {
        Optional<Path> folder = TestFiles.sharedData("pcap");
        if (folder.isEmpty()) {
            System.err.println("SKIPPING tests on third-party data: shared/data/pcap not found");
            return;
        }
        PacketDecoder decoder = new PacketDecoder();
        long packets = 0;
        long withIp = 0;
        long problems = 0;
        try (var paths = Files.list(folder.get())) {
            for (Path path : paths.sorted().toList()) {
                String name = path.getFileName().toString();
                if (!name.endsWith(".pcap") && !name.endsWith(".pcapng") && !name.endsWith(".pcap.gz")) {
                    continue;
                }
                try (CaptureReader reader = CaptureFiles.open(Files.newInputStream(path))) {
                    while (reader.next()) {
                        packets++;
                        boolean ok = decoder.decode(reader.buffer(), reader.offset(), reader.capturedLength(), reader.linkType());
                        assertThat(ok).as(name).isTrue();
                        if (decoder.ipVersion() != 0 || decoder.arp()) {
                            withIp++;
                        }
                        if (decoder.malformed() || decoder.truncated()) {
                            problems++;
                        }
                        assertThat(decoder.payloadOffset() + decoder.payloadLength())
                                .as(name).isLessThanOrEqualTo(reader.offset() + reader.capturedLength());
                    }
                }
            }
        }
        assertThat(packets).isPositive();
        // The captures are ordinary traffic: nearly every packet is IP or ARP, and cleanly so.
        assertThat(withIp).isGreaterThan(packets * 95 / 100);
        assertThat(problems).isLessThan(packets / 20);
    }

    /**
     * Suricata's capture of the Mirai-variant JAWS DVR exploit arrived through ERSPAN type II: every packet is
     * Ethernet/IPv4/GRE/ERSPAN/Ethernet/IPv4/TCP. The expected values are tshark's (4.x) for the same file.
     */
    @Test
    void opensTheErspanOfTheMiraiJawsCapture() throws IOException {
        Optional<Path> folder = TestFiles.sharedData("pcap");
        assumeTrue(folder.isPresent(), "shared/data/pcap not found");
        PacketDecoder decoder = new PacketDecoder();
        Map<Integer, Integer> sessions = new TreeMap<>();
        Map<String, Integer> outerAndInnerLengths = new TreeMap<>();
        Map<String, Integer> outerSources = new TreeMap<>();
        int packets = 0;
        int exploits = 0;
        Path capture = folder.get().resolve("suricata-verify-mirai-jaws-exploit-bug5437-02.pcap");
        try (CaptureReader reader = CaptureFiles.open(Files.newInputStream(capture))) {
            while (reader.next()) {
                packets++;
                assertThat(decoder.decode(reader.buffer(), reader.offset(), reader.capturedLength(), reader.linkType())).isTrue();
                assertThat(decoder.truncated()).isFalse();
                assertThat(decoder.malformed()).isFalse();
                assertThat(decoder.tunnelDepth()).isEqualTo(1);
                assertThat(decoder.tunnelType()).isEqualTo(PacketDecoder.TUNNEL_ERSPAN_II);
                assertThat(decoder.outerIpVersion()).isEqualTo(4);
                assertThat(decoder.outerIpProtocol()).isEqualTo(Protocols.IP_GRE);
                assertThat(decoder.ipVersion()).isEqualTo(4);
                assertThat(decoder.transportProtocol()).isEqualTo(Protocols.IP_TCP);
                sessions.merge(decoder.erspanSessionId(), 1, Integer::sum);
                outerAndInnerLengths.merge(decoder.outerIpLength() + "/" + decoder.ipv4TotalLength(), 1, Integer::sum);
                outerSources.merge(PacketDecoder.ipv4ToString(decoder.outerIpv4Source()), 1, Integer::sum);
                String payload = new String(reader.buffer(), decoder.payloadOffset(), decoder.payloadLength(),
                        StandardCharsets.ISO_8859_1);
                if (payload.startsWith("GET /shell?cd+/tmp;rm+-rf+*;wget+")) {
                    exploits++;
                    assertThat(decoder.destinationPort()).isEqualTo(80);
                    assertThat(decoder.payloadLength()).isEqualTo(240);
                }
            }
        }
        assertThat(packets).isEqualTo(60);
        assertThat(sessions).containsExactlyEntriesOf(new TreeMap<>(Map.of(2, 34, 5, 15, 6, 1, 7, 10)));
        assertThat(outerAndInnerLengths).containsExactlyEntriesOf(
                new TreeMap<>(Map.of("102/52", 34, "110/60", 18, "342/292", 2, "90/40", 2, "94/44", 4)));
        assertThat(outerSources).containsExactlyEntriesOf(new TreeMap<>(Map.of("230.47.210.140", 26, "60.95.207.235", 34)));
        // The same exploit request, mirrored by two sessions.
        assertThat(exploits).isEqualTo(2);
    }
}
