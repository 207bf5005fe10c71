package io.iotwatch.packet.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The errors users meet, each a message to show as it is. Some need a JVM of their own: without privileges,
 * without native access, or in a network namespace the test creates, so that no interface of the machine
 * is touched.
 */
class LiveCaptureErrorsTest {

    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final long CHILD_SECONDS = 60;
    private static final AtomicInteger NAMESPACES = new AtomicInteger();

    @Test
    void listsTheInterfacesIncludingLoopback() throws CaptureException {
        LiveCaptures.assumeLibpcap();

        assertThat(LiveCapture.interfaces()).contains("lo");
    }

    @Test
    void unknownInterfaceIsNamedWithTheAvailableOnes() {
        LiveCaptures.assumeCanCapture();

        assertThatThrownBy(() -> LiveCapture.open(LiveOptions.of("iotwatch-none")))
                .isInstanceOf(CaptureException.class)
                .hasMessageStartingWith("no network interface named iotwatch-none; available: ")
                .hasMessageContaining("lo");
    }

    @Test
    void filterThatDoesNotCompileIsQuotedWithLibpcapsReason() {
        LiveCaptures.assumeCanCapture();

        assertThatThrownBy(() -> LiveCapture.open(LiveOptions.of("lo").withFilter("udp port nonsense and")))
                .isInstanceOf(CaptureException.class)
                .hasMessageStartingWith("the capture filter \"udp port nonsense and\" does not compile: ")
                // libpcap's own reason, "unknown port 'nonsense'" in 1.10
                .hasMessageEndingWith("'nonsense'");
    }

    @Test
    void processWithoutPrivilegesIsToldItLacksCapNetRaw() throws Exception {
        LiveCaptures.assumeLibpcap();
        assumeRoot("the unprivileged capture test");
        assumeTrue(Files.isExecutable(SETPRIV), SETPRIV + " missing");
        List<String> command = new ArrayList<>(List.of(SETPRIV.toString(), "--reuid=65534", "--regid=65534",
                "--clear-groups", "--inh-caps=-all", "--bounding-set=-all"));
        command.addAll(openCapture("lo"));

        assertThat(run(command)).startsWith("refused: capturing on lo needs root or the CAP_NET_RAW capability;"
                + " this process lacks CAP_NET_RAW (libpcap: ");
    }

    @Test
    void jvmWithoutNativeAccessIsToldTheFlag() throws Exception {
        List<String> command = openCapture("lo");
        command.replaceAll(argument ->
                argument.startsWith("--enable-native-access") ? "--illegal-native-access=deny" : argument);

        assertThat(run(command)).startsWith("refused: live capture needs native access: run java with"
                + " --enable-native-access=ALL-UNNAMED (");
    }

    @Test
    void interfaceThatIsDownIsNamedWithTheCommandToBringItUp() throws Exception {
        String namespace = namespaceWithVethPair();
        try {
            assertThat(run(inNamespace(namespace, openCapture("v1"))))
                    .isEqualTo("refused: network interface v1 is down; bring it up first (ip link set v1 up)");
        } finally {
            run(List.of("ip", "netns", "del", namespace));
        }
    }

    @Test
    void interfaceThatDisappearsEndsTheCaptureWithTheReason() throws Exception {
        String namespace = namespaceWithVethPair();
        Process child = null;
        try {
            child = new ProcessBuilder(inNamespace(namespace, openCapture("v0", "read")))
                    .redirectErrorStream(true).start();
            BufferedReader output = child.inputReader(StandardCharsets.UTF_8);
            assertThat(CompletableFuture.supplyAsync(() -> readLine(output)).get(CHILD_SECONDS, TimeUnit.SECONDS))
                    .isEqualTo("opened, link type 1");

            run(List.of("ip", "-n", namespace, "link", "del", "v0"));

            assertThat(child.waitFor(CHILD_SECONDS, TimeUnit.SECONDS)).as("the capturing JVM ended").isTrue();
            // libpcap 1.10 says "The interface disappeared"
            assertThat(readLine(output)).startsWith("ended: [CaptureDamage[offset=")
                    .contains("problem=capture on v0 failed: ");
        } finally {
            if (child != null) {
                child.destroyForcibly();
            }
            run(List.of("ip", "netns", "del", namespace));
        }
    }

    /** A network namespace of the test's own holding a veth pair: v0 up, v1 down. */
    private static String namespaceWithVethPair() throws Exception {
        LiveCaptures.assumeLibpcap();
        assumeRoot("tests in a network namespace");
        String namespace = "iotwatch-test-" + ProcessHandle.current().pid() + "-" + NAMESPACES.incrementAndGet();
        run(List.of("ip", "netns", "add", namespace));
        run(List.of("ip", "-n", namespace, "link", "add", "v0", "type", "veth", "peer", "name", "v1"));
        run(List.of("ip", "-n", namespace, "link", "set", "v0", "up"));
        return namespace;
    }

    private static List<String> inNamespace(String namespace, List<String> command) {
        List<String> inside = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        inside.addAll(command);
        return inside;
    }

    /** The command running {@link OpenCapture} with {@code arguments} in a JVM like this one. */
    private static List<String> openCapture(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:-UsePerfData", "-cp", classPath(),
                OpenCapture.class.getName()));
        command.addAll(List.of(arguments));
        return command;
    }

    /** The folders holding the main and test classes, which user nobody can read, unlike ~/.m2 under /root. */
    private static String classPath() throws IOException {
        try {
            return Path.of(LiveCapture.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    + File.pathSeparator
                    + Path.of(OpenCapture.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    /** Runs {@code command}, which must succeed, and returns its output, stdout and stderr together. */
    private static String run(List<String> command) throws Exception {
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        // The output is a line or two, which the pipe holds until the child has ended.
        assertThat(child.waitFor(CHILD_SECONDS, TimeUnit.SECONDS)).as("%s ended", command).isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(child.exitValue()).as("exit status of %s, output %s", command, output).isZero();
        return output;
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assumeRoot(String tests) {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root) {
            System.err.println("SKIPPING " + tests + ": they need root");
        }
        assumeTrue(root, tests + " need root");
    }
}
