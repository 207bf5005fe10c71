package io.iotwatch.app.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.app.config.ConfigLoader;
import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.core.event.EventType;
import io.iotwatch.packet.live.CaptureException;
import io.iotwatch.packet.live.LiveCapture;
import io.iotwatch.packet.live.LiveOptions;
import io.iotwatch.web.monitor.Source;
import io.iotwatch.web.monitor.SourceStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting the sources a configuration enables, as 'serve' does: one that cannot run does not stop the others. */
class SourcesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String LINE = "date=2026-03-14 time=08:02:11 devname=\"FGT40F\" eventtime=1773471731512"
            + " tz=\"+0100\" logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" srcip=192.168.10.21 srcport=51544"
            + " dstip=52.28.14.7 dstport=443 proto=6 action=\"accept\" policyid=7 service=\"HTTPS\"\n";

    @TempDir
    Path dir;

    private final CollectingSink sink = new CollectingSink();
    private final RecordingListener listener = new RecordingListener();

    @Test
    void anInterfaceThatCannotBeCapturedOnIsShownWithTheReasonAndTheOthersRun() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(folder.resolve("fgt.log"), LINE);
        int udp = freeUdpPort();
        int tcp = freePort();
        IotwatchConfig config = config("""
                capture:
                  interfaces: [no-such-if0]
                syslog:
                  bind: 127.0.0.1
                  udp-port: %d
                  tcp-port: %d
                  batch-delay-ms: 50
                watch:
                  folders: [%s]
                """.formatted(udp, tcp, folder));

        String captureProblem;
        try (Sources sources = Sources.start(config, wiring())) {
            send(udp, tcp);
            Eventually.await("a line from each of syslog UDP, syslog TCP and the folder", PATIENCE,
                    () -> sink.events().size() >= 3);

            List<SourceStatus> statuses = sources.list().stream().map(Source::status).toList();
            assertThat(statuses).extracting(SourceStatus::name)
                    .containsExactly("no-such-if0", "syslog udp/" + udp, "syslog tcp/" + tcp, folder.toString());
            assertThat(statuses).extracting(SourceStatus::kind).containsExactly("interface", "syslog", "syslog", "folder");
            SourceStatus capture = statuses.getFirst();
            assertThat(capture.online()).isFalse();
            assertThat(capture.detail()).containsAnyOf("no network interface named no-such-if0", "libpcap");
            captureProblem = capture.detail();
            assertThat(statuses.subList(1, 4)).allSatisfy(s -> {
                assertThat(s.online()).as(s.name()).isTrue();
                assertThat(s.events()).as(s.name()).isEqualTo(1);
                assertThat(s.lastActivity()).as(s.name()).isNotNull();
            });
            assertThat(statuses.get(1).detail()).contains("1 received", "dropped 0 by iotwatch");
            assertThat(statuses.get(2).detail()).contains("1 frames");
        }
        assertThat(sink.events()).extracting(e -> e.type()).containsOnly(EventType.CONNECTION);
        // the folder's thread tells of it beside the others: each source's own changes are in order
        assertThat(listener.told()).hasSize(8);
        assertThat(toldAbout("no-such-if0 interface ")).containsExactly("OFFLINE " + captureProblem, "STOPPED");
        assertThat(toldAbout("syslog udp/" + udp + " syslog ")).containsExactly("ONLINE", "STOPPED");
        assertThat(toldAbout("syslog tcp/" + tcp + " syslog ")).containsExactly("ONLINE", "STOPPED");
        assertThat(toldAbout(folder + " folder ")).containsExactly("ONLINE", "STOPPED");
    }

    @Test
    void aPortAlreadyTakenIsShownWithTheReasonAndTheOtherListenerRuns() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            int tcp = freePort();
            IotwatchConfig config = config("""
                    syslog:
                      bind: 127.0.0.1
                      udp-port: %d
                      tcp-port: %d
                      batch-delay-ms: 50
                    """.formatted(taken.getLocalPort(), tcp));
            String problem;
            try (Sources sources = Sources.start(config, wiring())) {
                SourceStatus udp = sources.list().getFirst().status();
                assertThat(udp.online()).isFalse();
                assertThat(udp.detail()).startsWith("cannot listen on udp://127.0.0.1:" + taken.getLocalPort() + ": ");
                problem = udp.detail();

                send(0, tcp);
                Eventually.await("the TCP listener's line", PATIENCE, () -> sink.events().size() == 1);
                assertThat(sources.list().get(1).status().online()).isTrue();
            }
            // started and stopped on this thread: one after the other
            String udpSource = "syslog udp/" + taken.getLocalPort() + " syslog ";
            String tcpSource = "syslog tcp/" + tcp + " syslog ";
            assertThat(listener.told()).containsExactly(udpSource + "OFFLINE " + problem, tcpSource + "ONLINE",
                    udpSource + "STOPPED", tcpSource + "STOPPED");
        }
    }

    @Test
    void closingStopsEverySourceAndNothingIsDeliveredAfter() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("logs"));
        IotwatchConfig config = config("""
                syslog:
                  bind: 127.0.0.1
                  tcp-port: %d
                watch:
                  folders: [%s]
                  interval-seconds: 1
                """.formatted(freePort(), folder));
        Sources sources = Sources.start(config, wiring(), new DemoSource.Options(20, 1));
        assertThat(sources.list()).extracting(s -> s.status().kind()).containsExactly("syslog", "folder", "demo");
        Eventually.await("the demo's first events", PATIENCE, () -> !sink.events().isEmpty());

        sources.close();
        int delivered = sink.delivered().size();
        Files.writeString(folder.resolve("late.log"), LINE);
        Thread.sleep(1500);

        assertThat(sink.delivered()).hasSize(delivered);
        assertThat(sources.list()).allSatisfy(s -> assertThat(s.status().online()).as(s.status().name()).isFalse());
    }

    @Test
    void capturesLiveOnLoopbackBesideTheOthers() throws Exception {
        assumeCapturing();
        int port = freeUdpPort();
        IotwatchConfig config = config("""
                capture:
                  interfaces: [lo]
                  bpf: udp and port %d
                """.formatted(port));
        try (Sources sources = Sources.start(config, wiring())) {
            Source capture = sources.list().getFirst();
            assertThat(capture.status().online()).as(capture.status().detail()).isTrue();
            try (DatagramSocket socket = new DatagramSocket()) {
                byte[] payload = "ping".getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 5; i++) {
                    socket.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), port));
                }
            }
            Eventually.await("the packets counted", PATIENCE, () -> capture.status().packets() >= 5);
            assertThat(capture.status().detail()).contains("filter: udp and port " + port, "dropped by the kernel");
        }
        assertThat(sink.events()).extracting(e -> e.type()).contains(EventType.CONNECTION);
    }

    private IotwatchConfig config(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("iotwatch.yml"), yaml + "data-dir: " + dir + "\nmodel:\n  path: none\n");
        return new ConfigLoader().load(Optional.of(file), Map.of(), Map.of());
    }

    /** What the listener was told about the source whose name and kind begin each line, without them. */
    private List<String> toldAbout(String nameAndKind) {
        return listener.told().stream().filter(told -> told.startsWith(nameAndKind))
                .map(told -> told.substring(nameAndKind.length())).toList();
    }

    private Sources.Wiring wiring() {
        return new Sources.Wiring(sink, stream -> Optional.empty(), () -> null, listener);
    }

    /** One line to each listener given (a port of 0: none). */
    private static void send(int udp, int tcp) throws IOException {
        byte[] line = LINE.getBytes(StandardCharsets.UTF_8);
        if (udp != 0) {
            try (DatagramSocket socket = new DatagramSocket()) {
                socket.send(new DatagramPacket(line, line.length, InetAddress.getLoopbackAddress(), udp));
            }
        }
        if (tcp != 0) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), tcp); OutputStream out = socket.getOutputStream()) {
                out.write(line);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return socket.getLocalPort();
        }
    }

    /** Opening a capture on loopback is the one check that says whether this process can capture. */
    private static void assumeCapturing() {
        try (LiveCapture probe = LiveCapture.open(LiveOptions.of("lo"))) {
            probe.stop();
        } catch (CaptureException e) {
            System.err.println("SKIPPING live capture tests: " + e.getMessage());
            Assumptions.abort(e.getMessage());
        }
    }
}
