package io.iotwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.store.AlertQuery;
import io.iotwatch.store.EventStore;
import io.iotwatch.store.EventStores;
import io.iotwatch.store.StoreSettings;
import io.iotwatch.store.StoreSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListenCommandTest {

    private static final int MESSAGES = 200;

    @TempDir
    Path data;

    @Test
    void logsSentOverUdpAndTcpAreStoredAndCounted() throws Exception {
        int tcpPort = freeTcpPort();
        int udpPort = freeUdpPort();
        CompletableFuture<CliRun> listening = CompletableFuture.supplyAsync(() -> CliRun.of(
                "listen", "--data-dir", data.toString(), "--bind", "127.0.0.1",
                "--syslog-tcp", Integer.toString(tcpPort), "--syslog-udp", Integer.toString(udpPort),
                "--stats-every", "1", "--stop-after", "4"));

        try (Socket tcp = connectWhenListening(tcpPort); OutputStream out = tcp.getOutputStream();
                DatagramSocket udp = new DatagramSocket()) {
            for (int i = 0; i < MESSAGES; i++) {
                out.write((line(i) + "\n").getBytes(StandardCharsets.UTF_8));
                byte[] datagram = ("<189>" + line(MESSAGES + i)).getBytes(StandardCharsets.UTF_8);
                udp.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), udpPort));
            }
            out.write("this is not a fortigate log\n".getBytes(StandardCharsets.UTF_8));
        }
        CliRun run = listening.get(60, TimeUnit.SECONDS);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("listening for syslog on udp://127.0.0.1:" + udpPort,
                "listening for syslog on tcp://127.0.0.1:" + tcpPort, "stopped: udp: ");
        try (EventStore store = EventStores.open(StoreSettings.embedded(data))) {
            StoreSummary stored = store.summary();
            assertThat(stored.rejects()).isEqualTo(1);
            assertThat(stored.totalEvents()).as(run.toString()).isEqualTo(2L * MESSAGES);
        }
    }

    @Test
    void aBurstOfFailedAdminLoginsOverTcpRaisesABruteForceAlert() throws Exception {
        int tcpPort = freeTcpPort();
        CompletableFuture<CliRun> listening = CompletableFuture.supplyAsync(() -> CliRun.of(
                "listen", "--data-dir", data.toString(), "--bind", "127.0.0.1", "--syslog-tcp", Integer.toString(tcpPort),
                "--stats-every", "1", "--stop-after", "3"));
        try (Socket tcp = connectWhenListening(tcpPort); OutputStream out = tcp.getOutputStream()) {
            for (int i = 0; i < 12; i++) {
                out.write(("date=2026-03-14 time=08:02:" + (10 + i) + " devname=\"FGT40F\" logid=\"0100032002\" type=\"event\""
                        + " subtype=\"system\" logdesc=\"Admin login failed\" user=\"admin\" ui=\"ssh(203.0.113.9)\""
                        + " srcip=203.0.113.9 dstip=192.168.1.99 action=\"login\" status=\"failed\"\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        CliRun run = listening.get(60, TimeUnit.SECONDS);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("alerts raised: 1");
        try (EventStore store = EventStores.open(StoreSettings.embedded(data))) {
            assertThat(store.alerts(AlertQuery.all())).singleElement().satisfies(alert -> {
                assertThat(alert.detector()).isEqualTo("bruteforce");
                assertThat(alert.srcIp()).isEqualTo("203.0.113.9");
                assertThat(alert.count()).isEqualTo(12);
            });
        }
    }

    @Test
    void withoutAPortItSaysWhatIsMissing() {
        CliRun run = CliRun.of("listen", "--data-dir", data.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--syslog-udp", "--syslog-tcp");
    }

    @Test
    void aPortInUseIsNamed() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("listen", "--data-dir", data.toString(), "--bind", "127.0.0.1",
                    "--syslog-tcp", Integer.toString(taken.getLocalPort()), "--stop-after", "1");
            assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(run.err()).contains("cannot listen for syslog on tcp://127.0.0.1:" + taken.getLocalPort());
        }
    }

    private static String line(int i) {
        return "date=2026-03-14 time=08:02:11 devname=\"FGT40F-CAM\" logid=\"0000000013\" type=\"traffic\" subtype=\"forward\""
                + " srcip=192.168.10." + (i % 250) + " srcport=" + (1024 + i) + " dstip=52.28.14.7 dstport=443 proto=6"
                + " action=\"accept\" sentbyte=" + i + " rcvdbyte=" + (2 * i);
    }

    private static Socket connectWhenListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return new Socket(InetAddress.getLoopbackAddress(), port);
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("listener did not open port " + port, notYet);
                }
                Thread.sleep(50);
            }
        }
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
