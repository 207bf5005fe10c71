package io.iotwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.core.event.EventType;
import io.iotwatch.packet.live.CaptureException;
import io.iotwatch.packet.live.LiveCapture;
import io.iotwatch.packet.live.LiveOptions;
import io.iotwatch.store.EventStore;
import io.iotwatch.store.EventStores;
import io.iotwatch.store.StoreSettings;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'iotwatch capture' on the loopback interface, which needs libpcap and root or CAP_NET_RAW. */
class CaptureCommandTest {

    @TempDir
    Path data;

    @Test
    void packetsOnLoopbackBecomeStoredConnectionsAndTheCountersArePrinted() throws Exception {
        assumeCapturing();
        CompletableFuture<CliRun> capture = CompletableFuture.supplyAsync(() -> CliRun.of("capture", "-i", "lo",
                "--bpf", "udp and port 47811", "--stop-after", "4", "--stats-every", "1", "--data-dir", data.toString()));
        try (DatagramSocket socket = new DatagramSocket()) {
            for (int i = 0; i < 40 && !capture.isDone(); i++) {
                byte[] payload = ("ping " + i).getBytes();
                socket.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), 47811));
                Thread.sleep(50);
            }
        }
        CliRun run = capture.get(60, TimeUnit.SECONDS);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("capturing on lo (filter: udp and port 47811)", "dropped by the kernel",
                "stopped:", "alerts raised:");
        try (EventStore store = EventStores.open(StoreSettings.embedded(data))) {
            assertThat(store.summary().eventsByType().get(EventType.CONNECTION)).isEqualTo(1);
        }
    }

    @Test
    void anUnknownInterfaceIsNamedWithTheOnesThereAre() {
        assumeCapturing();
        CliRun run = CliRun.of("capture", "-i", "no-such-if0", "--data-dir", data.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no network interface named no-such-if0", "available:", "lo");
    }

    @Test
    void aNetworkNamespaceThatDoesNotExistIsNamed() {
        CliRun run = CliRun.of("capture", "--netns", "iotwatch-no-such-netns", "-i", "eth0", "--data-dir", data.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no network namespace named iotwatch-no-such-netns", "'ip netns list' lists them");
    }

    @Test
    void capturesOnAnInterfaceOfANetworkNamespace() throws Exception {
        assumeCapturing();
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "entering a network namespace needs root");
        String namespace = "iotwatch-test-capture-" + ProcessHandle.current().pid();
        ip("netns", "add", namespace);
        try {
            ip("-n", namespace, "link", "add", "v0", "type", "veth", "peer", "name", "v1");
            ip("-n", namespace, "link", "set", "v0", "up");
            ip("-n", namespace, "link", "set", "v1", "up");

            CliRun run = CliRun.of("capture", "--netns", namespace, "-i", "v0", "--stop-after", "1", "--data-dir",
                    data.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("capturing on v0 in network namespace " + namespace, "stopped:");
        } finally {
            ip("netns", "del", namespace);
        }
    }

    private static void ip(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    }

    @Test
    void withoutAnInterfaceTheUsageSaysHowToGiveOne() {
        CliRun run = CliRun.of("capture", "--data-dir", data.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("-i IFACE", "--list-interfaces");
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
