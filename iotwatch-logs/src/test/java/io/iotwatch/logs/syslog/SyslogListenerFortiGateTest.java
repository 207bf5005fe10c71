package io.iotwatch.logs.syslog;

import static io.iotwatch.logs.syslog.SyslogTestSupport.LOOPBACK_ANY_PORT;
import static io.iotwatch.logs.syslog.SyslogTestSupport.await;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventId;
import io.iotwatch.logs.TestFiles;
import io.iotwatch.logs.fortigate.FortiGateParser;
import io.iotwatch.logs.syslog.SyslogTestSupport.CollectingSink;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Real FortiGate logs, received over syslog, become exactly what the parser makes of them read directly. */
class SyslogListenerFortiGateTest {

    private static final List<String> FILES = List.of("elastic-test-fortinet-7-4.log", "elastic-test-fortinet-7-6.log");

    @Test
    void decodesRealFortiGateLogsOverUdpAndTcpAsTheParserDoes() throws Exception {
        List<String> lines = realLines();
        List<String> expected = decodedDirectly(lines);

        CollectingSink sink = new CollectingSink();
        SyslogListener listener = SyslogListener.start(Optional.of(LOOPBACK_ANY_PORT), Optional.of(LOOPBACK_ANY_PORT),
                FortiGateParser::new, sink, SyslogTestSupport.options(50, Duration.ofMillis(20), 64 * 1024));
        try (listener; DatagramChannel udp = DatagramChannel.open();
                Socket tcp = new Socket("127.0.0.1", listener.tcp().orElseThrow().port())) {
            InetSocketAddress udpPort = new InetSocketAddress("127.0.0.1", listener.udp().orElseThrow().port());
            OutputStream out = tcp.getOutputStream();
            for (int i = 0; i < lines.size(); i++) {
                byte[] line = lines.get(i).getBytes(UTF_8);
                udp.send(ByteBuffer.wrap(line), udpPort);
                out.write(i % 2 == 0 ? (line.length + " ").getBytes(UTF_8) : new byte[0]);
                out.write(line);
                out.write(i % 2 == 0 ? new byte[0] : new byte[] {'\n'});
            }
            out.flush();
            sink.awaitTotal(2 * lines.size());
            await(() -> listener.stats().udp().orElseThrow().received() == lines.size(), () -> "every datagram");
        }

        List<String> received = new ArrayList<>();
        sink.events().forEach(e -> received.add(withoutId(e)));
        sink.rejects().forEach(r -> received.add("reject: " + r.reason() + ": " + new String(r.raw(), UTF_8)));
        List<String> twice = new ArrayList<>(expected);
        twice.addAll(expected);
        assertThat(received).containsExactlyInAnyOrderElementsOf(twice);
        assertThat(sink.events()).isNotEmpty();
    }

    private static List<String> realLines() throws Exception {
        Optional<Path> found = TestFiles.sharedData("fortigate");
        assumeTrue(found.isPresent(), "no third-party FortiGate logs (shared/data/fortigate above the module) to test with");
        Path dir = found.get();
        List<String> lines = new ArrayList<>();
        for (String file : FILES) {
            Files.readAllLines(dir.resolve(file), UTF_8).stream().filter(l -> !l.isBlank()).forEach(lines::add);
        }
        return lines;
    }

    private static List<String> decodedDirectly(List<String> lines) {
        FortiGateParser parser = new FortiGateParser();
        List<String> decoded = new ArrayList<>();
        for (String line : lines) {
            byte[] bytes = line.getBytes(UTF_8);
            Event event = parser.decode(bytes, 0, bytes.length, new EventId(0, 0));
            decoded.add(event != null ? withoutId(event) : "reject: " + parser.rejectReason() + ": " + line);
        }
        return decoded;
    }

    /** The event's full content except its id, which depends on how it was received. */
    private static String withoutId(Event event) {
        return event.toString().replaceFirst("id=[0-9a-f]+:\\d+", "id=?");
    }
}
