package io.iotwatch.sim.packets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.iotwatch.sim.truth.AttackKind;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Wireshark's dissectors on the default run: {@code tshark -Y "_ws.malformed || _ws.expert.severity >= error"}
 * finds nothing but packets of the floods whose payload is garbage by design (zeros or random bytes, on ports
 * that count up or are drawn at random, so they land on ports some dissector claims and it chokes on them).
 * Skipped, saying so, where tshark is not installed.
 */
class TsharkTest {

    /** Floods whose packets carry random bytes or zeros to arbitrary ports. */
    static final Set<AttackKind> GARBAGE = EnumSet.of(AttackKind.UDP_FLOOD, AttackKind.UDPPLAIN_FLOOD, AttackKind.GREETH_FLOOD,
            AttackKind.GREIP_FLOOD, AttackKind.UDP_FRAGMENTATION, AttackKind.ACK_FRAGMENTATION);

    @Test
    void wiresharkFindsNoErrorOutsideTheGarbageOfFloods() throws Exception {
        Optional<Path> tshark = tshark();
        assumeTrue(tshark.isPresent(), "tshark is not installed");
        GeneratedRun run = GeneratedRun.defaults();

        Process process = new ProcessBuilder(tshark.get().toString(), "-n", "-r", run.capture().toString(),
                "-Y", "_ws.malformed || _ws.expert.severity >= error", "-T", "fields", "-e", "frame.number")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();

        Map<String, Integer> flagged = new TreeMap<>();
        for (String line : output.lines().toList()) {
            AttackKind origin = run.origins().get(Integer.parseInt(line.strip()) - 1);
            flagged.merge(origin == null ? "benign" : origin.id, 1, Integer::sum);
        }
        System.out.println("tshark flags, by origin: " + flagged);
        assertThat(flagged.keySet()).allSatisfy(origin -> assertThat(GARBAGE.stream().map(k -> k.id)).contains(origin));
    }

    private static Optional<Path> tshark() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, "tshark");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        System.err.println("SKIPPING the tshark check of the generated capture: tshark is not on the PATH (apt-get install tshark)");
        return Optional.empty();
    }
}
