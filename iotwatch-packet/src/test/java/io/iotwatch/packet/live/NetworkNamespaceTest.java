package io.iotwatch.packet.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Entering network namespaces by name; the tests that enter one create it themselves and delete it. */
class NetworkNamespaceTest {

    private static final Path THREAD_NAMESPACE = Path.of("/proc/thread-self/ns/net");

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "../etc", "x\0y"})
    void aNameThatIsNoPlainFileNameIsRefused(String name) {
        assertThatThrownBy(() -> NetworkNamespace.enter(name))
                .isInstanceOf(CaptureException.class)
                .hasMessageContaining("is not a network namespace name: it must be a plain file name under /run/netns");
    }

    @Test
    void aMissingNamespaceIsNamedWithTheCommandThatListsThem() {
        assertThatThrownBy(() -> NetworkNamespace.enter("iotwatch-no-such-namespace"))
                .isInstanceOf(CaptureException.class)
                .hasMessage("no network namespace named iotwatch-no-such-namespace (/run/netns/iotwatch-no-such-namespace"
                        + " does not exist; 'ip netns list' lists them)");
    }

    @Test
    void refusalsSayWhatIsMissing() {
        assertThat(NetworkNamespace.refused("lab", 1, "Operation not permitted (errno 1)"))
                .isEqualTo("entering network namespace lab needs root or the CAP_SYS_ADMIN capability"
                        + " (Operation not permitted (errno 1))");
        assertThat(NetworkNamespace.refused("lab", 22, "Invalid argument (errno 22)"))
                .isEqualTo("/run/netns/lab is not a network namespace (Invalid argument (errno 22))");
        assertThat(NetworkNamespace.refused("lab", 5, "Input/output error (errno 5)"))
                .isEqualTo("cannot enter network namespace lab: Input/output error (errno 5)");
    }

    @Test
    void aFileThatIsNoNamespaceIsRefusedByTheKernel() throws Exception {
        assumeRoot();
        Path bogus = NetworkNamespace.DIRECTORY.resolve("iotwatch-test-file-" + ProcessHandle.current().pid());
        Files.createDirectories(NetworkNamespace.DIRECTORY);
        Files.writeString(bogus, "not a namespace");
        try {
            assertThatThrownBy(() -> NetworkNamespace.enter(bogus.getFileName().toString()))
                    .isInstanceOf(CaptureException.class)
                    .hasMessageContaining("is not a network namespace");
        } finally {
            Files.delete(bogus);
        }
    }

    @Test
    void callInRunsInsideTheNamespaceAndLeavesTheCallerOutside() throws Exception {
        assumeRoot();
        String name = "iotwatch-test-netns-" + ProcessHandle.current().pid();
        run("ip", "netns", "add", name);
        try {
            Object namespaceInode = Files.getAttribute(NetworkNamespace.DIRECTORY.resolve(name), "unix:ino");
            Path before = Files.readSymbolicLink(THREAD_NAMESPACE);

            String inside = NetworkNamespace.callIn(name, () -> {
                try {
                    return Files.readSymbolicLink(THREAD_NAMESPACE).toString();
                } catch (IOException e) {
                    throw new CaptureException(e.toString());
                }
            });

            assertThat(inside).isEqualTo("net:[" + namespaceInode + "]");
            assertThat(Files.readSymbolicLink(THREAD_NAMESPACE)).isEqualTo(before);
        } finally {
            run("ip", "netns", "del", name);
        }
    }

    @Test
    void aCaptureOpenedInsideReadsAnInterfaceOnlyTheNamespaceHas() throws Exception {
        assumeRoot();
        LiveCaptures.assumeLibpcap();
        String name = "iotwatch-test-netns-capture-" + ProcessHandle.current().pid();
        run("ip", "netns", "add", name);
        try {
            run("ip", "-n", name, "link", "add", "iwtest0", "type", "veth", "peer", "name", "iwtest1");
            run("ip", "-n", name, "link", "set", "iwtest0", "up");

            try (LiveCapture capture = NetworkNamespace.callIn(name, () -> LiveCapture.open(LiveOptions.of("iwtest0")))) {
                assertThat(capture.linkType()).isEqualTo(1);
                capture.stop();
                assertThat(capture.next()).isFalse();
                assertThat(capture.damage()).isEmpty();
            }
            assertThatThrownBy(() -> LiveCapture.open(LiveOptions.of("iwtest0")))
                    .isInstanceOf(CaptureException.class)
                    .hasMessageStartingWith("no network interface named iwtest0");
        } finally {
            run("ip", "netns", "del", name);
        }
    }

    @Test
    void callInPassesTheActionsExceptionOn() throws Exception {
        assumeRoot();
        String name = "iotwatch-test-netns-fail-" + ProcessHandle.current().pid();
        run("ip", "netns", "add", name);
        try {
            assertThatThrownBy(() -> NetworkNamespace.callIn(name, () -> {
                throw new CaptureException("inside");
            })).isInstanceOf(CaptureException.class).hasMessage("inside");
        } finally {
            run("ip", "netns", "del", name);
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    }

    private static void assumeRoot() {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root) {
            System.err.println("SKIPPING network namespace tests: they need root");
        }
        assumeTrue(root, "network namespace tests need root");
    }
}
