package io.iotwatch.packet.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.logs.TestFiles;
import io.iotwatch.packet.capture.CaptureFiles;
import io.iotwatch.packet.capture.CaptureReader;
import io.iotwatch.packet.decode.PacketDecoder;
import io.iotwatch.packet.decode.Protocols;
import io.iotwatch.packet.testing.DnsWire;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The DNS messages of the real captures of shared/data/pcap, against what tshark saw in them (tshark-dns.tsv,
 * written by tshark-dns.py), and the real query names of the netrack lists, sent through a query and read back.
 */
class ThirdPartyDnsTest {

    private static final int DNS_PORT = 53;
    /** Names that went through the netrack lists unchanged: their iodine list shows many bytes mangled by a decoder. */
    private static final Pattern PLAIN_NAME = Pattern.compile("([A-Za-z0-9_-]+\\.)+");

    private final PacketDecoder decoder = new PacketDecoder();
    private final DnsMessage dns = new DnsMessage();

    @Test
    void readsTheCapturesAsTsharkDoes() throws IOException {
        Optional<Path> folder = TestFiles.sharedData("pcap");
        Assumptions.assumeTrue(folder.isPresent(), "shared/data/pcap not found");
        Map<String, List<String>> expected = tsharkLines();
        int messages = 0;
        for (var file : expected.entrySet()) {
            List<String> seen = dnsLines(folder.get().resolve(file.getKey()));
            assertThat(seen).as(file.getKey()).containsExactlyElementsOf(file.getValue());
            messages += seen.size();
        }
        assertThat(expected.keySet()).containsExactlyInAnyOrder("chrissanders-dns_query_response.pcapng",
                "chrissanders-arppoison.pcapng", "dmachard-dnstunnel-iodine.pcap", "dmachard-dnstunnel-dnscat2.pcap");
        assertThat(messages).isEqualTo(2 + 54 + 24 + 24);
    }

    /** The lines of tshark-dns.tsv by file, in file order. */
    private static Map<String, List<String>> tsharkLines() throws IOException {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        try (InputStream in = ThirdPartyDnsTest.class.getResourceAsStream("tshark-dns.tsv")) {
            assertThat(in).as("tshark-dns.tsv").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    lines.computeIfAbsent(line.substring(0, line.indexOf('\t')), f -> new ArrayList<>()).add(line);
                }
            }
        }
        return lines;
    }

    /** One line per UDP port 53 packet of the capture, in tshark-dns.tsv's form. */
    private List<String> dnsLines(Path capture) throws IOException {
        List<String> lines = new ArrayList<>();
        String file = capture.getFileName().toString();
        try (CaptureReader reader = CaptureFiles.open(Files.newInputStream(capture))) {
            while (reader.next()) {
                decoder.decode(reader.buffer(), reader.offset(), reader.capturedLength(), reader.linkType());
                if (decoder.transportProtocol() != Protocols.IP_UDP
                        || (decoder.sourcePort() != DNS_PORT && decoder.destinationPort() != DNS_PORT)) {
                    continue;
                }
                boolean parsed = dns.parse(reader.buffer(), decoder.payloadOffset(), decoder.payloadLength());
                assertThat(parsed).as("%s packet %d: %s", file, reader.packets(), dns.problem()).isTrue();
                lines.add(line(file, reader.packets()));
            }
        }
        return lines;
    }

    private String line(String file, long frame) {
        StringJoiner answers = new StringJoiner(" | ");
        for (int i = 0; i < dns.answerCount(); i++) {
            answers.add(DnsMessage.typeName(dns.answerType(i)) + " " + dns.answerText(i));
        }
        return String.join("\t", file, Long.toString(frame), Integer.toString(dns.id()), bit(dns.response()),
                Integer.toString(dns.opcode()), bit(dns.authoritative()), bit(dns.truncated()),
                Integer.toString(dns.responseCode()), Integer.toString(dns.qdcount()), Integer.toString(dns.ancount()),
                Integer.toString(dns.nscount()), Integer.toString(dns.arcount()), dns.queryName(),
                Integer.toString(dns.queryType()), Integer.toString(dns.queryClass()),
                answers.length() == 0 ? "-" : answers.toString());
    }

    private static String bit(boolean set) {
        return set ? "1" : "0";
    }

    @Test
    void readsBackTheNetrackQueryNames() throws IOException {
        Optional<Path> folder = TestFiles.sharedData("pcap");
        Assumptions.assumeTrue(folder.isPresent(), "shared/data/pcap not found");
        assertThat(readBack(folder.get().resolve("netrack-dns-plain-names.csv"))).isEqualTo(8_654);
        // Counted with grep -cE '^([A-Za-z0-9_-]+\.)+$' on the names.
        assertThat(readBack(folder.get().resolve("netrack-dnstunnel-iodine-names.csv"))).isEqualTo(864);
    }

    /** Sends every plain name of a netrack list through a query; returns how many there were. */
    private int readBack(Path csv) throws IOException {
        int names = 0;
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            String qname = line.substring(line.indexOf(',') + 1).strip();
            if (!PLAIN_NAME.matcher(qname).matches()) {
                continue;
            }
            String name = qname.substring(0, qname.length() - 1);
            byte[] query = DnsWire.header(names, DnsWire.QUERY, 1, 0, 0, 0).question(name, DnsMessage.TYPE_A).build();
            assertThat(dns.parse(query, 0, query.length)).as("%s: %s", name, dns.problem()).isTrue();
            assertThat(dns.queryName()).isEqualTo(name);
            names++;
        }
        return names;
    }
}
