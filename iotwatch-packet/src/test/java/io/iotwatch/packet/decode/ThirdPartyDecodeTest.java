package io.iotwatch.packet.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.logs.TestFiles;
import io.iotwatch.packet.capture.CaptureFiles;
import io.iotwatch.packet.capture.CaptureReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
}
