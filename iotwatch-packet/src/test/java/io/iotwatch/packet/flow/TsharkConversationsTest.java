package io.iotwatch.packet.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.iotwatch.logs.TestFiles;
import io.iotwatch.packet.capture.CaptureFiles;
import io.iotwatch.packet.capture.CaptureReader;
import io.iotwatch.packet.decode.PacketDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Per-flow packet and byte counts against tshark's conversation statistics ({@code -z conv,tcp -z conv,udp})
 * on every shared capture. tshark keeps one conversation per address and port pair for the whole capture
 * where the flow table may end and restart one (timeouts, a SYN after a close), so both sides are summed per
 * pair and direction before comparing.
 */
class TsharkConversationsTest {

    /** "A:port <-> B:port  frames bytes  frames bytes  frames bytes  start  duration"; to A first, then from A. */
    private static final Pattern LINE = Pattern.compile(
            "^(\\S+):(\\d+)\\s+<->\\s+(\\S+):(\\d+)\\s+(\\d+)\\s+(\\d+) (bytes|kB|MB)\\s+(\\d+)\\s+(\\d+) (bytes|kB|MB)\\s+.*$");

    /** Counts of one direction of one address and port pair; bytes are exact or, from tshark above 10 kB, rounded. */
    record Direction(long frames, long bytes, long unit) {}

    static Stream<Path> captures() throws IOException {
        Optional<Path> folder = TestFiles.sharedData("pcap");
        if (folder.isEmpty()) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(folder.get())) {
            return files.filter(f -> f.toString().endsWith(".pcap") || f.toString().endsWith(".pcapng")).sorted().toList().stream();
        }
    }

    // Without the shared captures there is nothing to compare; TestFiles says so on the console.
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("captures")
    void flowCountsAgreeWithTsharksConversations(Path capture) throws Exception {
        Optional<Path> tshark = tshark();
        assumeTrue(tshark.isPresent(), "tshark is not installed");

        Map<String, Direction> expected = tsharkConversations(tshark.get(), capture);
        Map<String, long[]> actual = ourFlows(capture);

        assertThat(expected).as("tshark's conversations of %s", capture.getFileName()).isNotEmpty();
        assertThat(actual.keySet()).as("conversations of %s", capture.getFileName()).isEqualTo(expected.keySet());
        expected.forEach((key, theirs) -> {
            long[] ours = actual.get(key);
            assertThat(ours[0]).as("%s frames %s", capture.getFileName(), key).isEqualTo(theirs.frames());
            assertThat(ours[1]).as("%s bytes %s", capture.getFileName(), key)
                    .isBetween(theirs.bytes() * theirs.unit() - theirs.unit() / 2, theirs.bytes() * theirs.unit() + theirs.unit() / 2);
        });
    }

    private static Map<String, Direction> tsharkConversations(Path tshark, Path capture) throws Exception {
        Process process = new ProcessBuilder(tshark.toString(), "-n", "-r", capture.toString(), "-q",
                "-z", "conv,tcp", "-z", "conv,udp").redirectErrorStream(false).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Map<String, Direction> conversations = new TreeMap<>();
        String protocol = "";
        for (String line : output.lines().toList()) {
            if (line.startsWith("TCP Conversations")) {
                protocol = "tcp";
            } else if (line.startsWith("UDP Conversations")) {
                protocol = "udp";
            }
            Matcher m = LINE.matcher(line.trim());
            if (!m.matches()) {
                continue;
            }
            String a = m.group(1) + ":" + m.group(2);
            String b = m.group(3) + ":" + m.group(4);
            add(conversations, protocol + " " + b + " > " + a, Long.parseLong(m.group(5)), Long.parseLong(m.group(6)), unit(m.group(7)));
            add(conversations, protocol + " " + a + " > " + b, Long.parseLong(m.group(8)), Long.parseLong(m.group(9)), unit(m.group(10)));
        }
        return conversations;
    }

    private static void add(Map<String, Direction> map, String key, long frames, long bytes, long unit) {
        if (frames > 0) {
            Direction earlier = map.get(key);
            map.put(key, earlier == null ? new Direction(frames, bytes, unit)
                    : new Direction(earlier.frames() + frames, earlier.bytes() + bytes, unit));
        }
    }

    private static long unit(String name) {
        return switch (name) {
            case "kB" -> 1000;
            case "MB" -> 1_000_000;
            default -> 1;
        };
    }

    private static Map<String, long[]> ourFlows(Path capture) throws IOException {
        Map<String, long[]> flows = new TreeMap<>();
        FlowEndListener listener = (table, slot, reason) -> {
            int proto = table.protocol(slot);
            if (proto != 6 && proto != 17) {
                return;
            }
            String protocol = proto == 6 ? "tcp" : "udp";
            String initiator = endpoint(table, slot, true);
            String responder = endpoint(table, slot, false);
            if (table.packetsOut(slot) > 0) {
                long[] counts = flows.computeIfAbsent(protocol + " " + initiator + " > " + responder, k -> new long[2]);
                counts[0] += table.packetsOut(slot);
                counts[1] += table.bytesOut(slot);
            }
            if (table.packetsIn(slot) > 0) {
                long[] counts = flows.computeIfAbsent(protocol + " " + responder + " > " + initiator, k -> new long[2]);
                counts[0] += table.packetsIn(slot);
                counts[1] += table.bytesIn(slot);
            }
        };
        FlowTable table = new FlowTable(FlowConfig.defaults(), listener, List.of());
        PacketDecoder decoder = new PacketDecoder();
        try (CaptureReader reader = CaptureFiles.open(Files.newInputStream(capture))) {
            while (reader.next()) {
                if (decoder.decode(reader.buffer(), reader.offset(), reader.capturedLength(), reader.linkType())) {
                    table.track(decoder, reader.timestampNanos(), reader.originalLength());
                }
            }
        }
        table.flush();
        return flows;
    }

    private static String endpoint(FlowTable table, int slot, boolean initiator) {
        long hi = initiator ? table.initiatorHi(slot) : table.responderHi(slot);
        long lo = initiator ? table.initiatorLo(slot) : table.responderLo(slot);
        String address = table.ipVersion(slot) == 4 ? PacketDecoder.ipv4ToString((int) lo) : PacketDecoder.ipv6ToString(hi, lo);
        return address + ":" + (initiator ? table.initiatorPort(slot) : table.responderPort(slot));
    }

    private static Optional<Path> tshark() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, "tshark");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        System.err.println("SKIPPING the tshark comparison: tshark is not on the PATH (apt-get install tshark)");
        return Optional.empty();
    }
}
