package io.iotwatch.packet.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.iotwatch.logs.TestFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reads the real captures of shared/data/pcap (see its PROVENANCE.md); packet counts are those of capinfos. */
class ThirdPartyCapturesTest {

    private static final Map<String, Integer> PACKETS = Map.ofEntries(
            Map.entry("dmachard-dnstunnel-dnscat2.pcap", 24),
            Map.entry("dmachard-dnstunnel-iodine.pcap", 24),
            Map.entry("rawsight-coap.pcap", 1),
            Map.entry("rawsight-coap2.pcap", 2),
            Map.entry("suricata-verify-mirai-jaws-exploit-bug5437-02.pcap", 60),
            Map.entry("suricata-verify-mqtt311-pub-qos1.pcap", 13),
            Map.entry("suricata-verify-syn-flood.pcap", 200),
            Map.entry("zeek-ftp-bruteforce.pcap", 606),
            Map.entry("zeek-mqtt.pcap", 19),
            Map.entry("zeek-sshguess.pcap", 431),
            Map.entry("chrissanders-arppoison.pcapng", 165),
            Map.entry("chrissanders-dns_query_response.pcapng", 2),
            Map.entry("chrissanders-http_google.pcapng", 12),
            Map.entry("chrissanders-synscan.pcapng", 2011));
    private static final Set<Integer> KNOWN_LINK_TYPES = Set.of(0, 1, 101, 113, 276, 228, 229);
    private static final long YEAR_2030 = 1_893_456_000L * 1_000_000_000L;
    private static final long ONE_SECOND = 1_000_000_000L;

    @Test
    void readsEveryRealCapture() throws IOException {
        Optional<Path> folder = TestFiles.sharedData("pcap");
        assumeTrue(folder.isPresent(), "shared/data/pcap not found");
        int files = 0;
        try (var paths = Files.list(folder.get())) {
            for (Path path : paths.sorted().toList()) {
                String name = path.getFileName().toString();
                if (name.endsWith(".pcap") || name.endsWith(".pcapng") || name.endsWith(".pcap.gz")) {
                    check(path, name);
                    files++;
                }
            }
        }
        assertThat(files).isGreaterThanOrEqualTo(PACKETS.size());
    }

    @Test
    void firstTimestampsMatchTshark() throws IOException {
        Optional<Path> folder = TestFiles.sharedData("pcap");
        assumeTrue(folder.isPresent(), "shared/data/pcap not found");
        assertThat(firstTimestamp(folder.get().resolve("zeek-mqtt.pcap"))).isEqualTo(1_461_170_590_509_491_000L);
        assertThat(firstTimestamp(folder.get().resolve("chrissanders-synscan.pcapng"))).isEqualTo(1_278_275_056_274_870_000L);
    }

    private static long firstTimestamp(Path path) throws IOException {
        try (CaptureReader reader = CaptureFiles.open(Files.newInputStream(path))) {
            assertThat(reader.next()).isTrue();
            return reader.timestampNanos();
        }
    }

    private static void check(Path path, String name) throws IOException {
        try (InputStream in = Files.newInputStream(path); CaptureReader reader = CaptureFiles.open(in)) {
            long previous = 0;
            while (reader.next()) {
                assertThat(KNOWN_LINK_TYPES).as(name).contains(reader.linkType());
                // The rawsight files were written by a generator that leaves timestamps at 0.
                assertThat(reader.timestampNanos()).as(name).isBetween(0L, YEAR_2030);
                // Capture files are in arrival order, give or take the reordering of multi-queue NICs.
                assertThat(reader.timestampNanos()).as(name).isGreaterThan(previous - ONE_SECOND);
                assertThat(reader.capturedLength()).as(name).isLessThanOrEqualTo(reader.originalLength());
                previous = reader.timestampNanos();
            }
            assertThat(reader.damage()).as(name).isEmpty();
            assertThat(reader.packets()).as(name).isPositive();
            if (PACKETS.containsKey(name)) {
                assertThat(reader.packets()).as(name).isEqualTo((long) PACKETS.get(name));
            }
        }
    }
}
