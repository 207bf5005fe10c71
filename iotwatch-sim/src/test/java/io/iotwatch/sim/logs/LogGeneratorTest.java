package io.iotwatch.sim.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LogGeneratorTest {

    private static final GeneratorOptions SMALL = GeneratorOptions.defaults().withDevices(60).withDuration(Duration.ofHours(8));
    private static final Set<String> PROFILES = Set.of("ssh-bruteforce", "telnet-bruteforce", "admin-bruteforce", "dns-tunnel-iodine",
            "dns-tunnel-dnscat2", "c2-beacon", "exfiltration", "unusual-port", "port-scan", "host-sweep");
    private static final Pattern HEADER = Pattern.compile("^date=(\\S+) time=(\\S+) .* eventtime=(\\d+) tz=\"\\+0000\"");

    private record Run(byte[] bytes, List<TruthRecord> truth) {
        List<String> lines() {
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        }
    }

    // Generating is the slow part; tests that read the same run share it.
    private static final Map<GeneratorOptions, Run> RUNS = new ConcurrentHashMap<>();

    private static Run run(GeneratorOptions options) {
        return RUNS.computeIfAbsent(options, LogGeneratorTest::generate);
    }

    private static Run generate(GeneratorOptions options) {
        try {
            return generateUncached(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Run generateUncached(GeneratorOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<TruthRecord> truth = new LogGenerator(options).generate(out);
        return new Run(out.toByteArray(), truth);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void sameSeedGivesSameBytesAndOtherSeedDiffers() throws Exception {
        Run a = run(SMALL.withSeed(1));
        Run b = generateUncached(SMALL.withSeed(1));
        Run c = run(SMALL.withSeed(2));
        assertThat(sha256(a.bytes())).isEqualTo(sha256(b.bytes()));
        assertThat(a.truth()).isEqualTo(b.truth());
        assertThat(sha256(c.bytes())).isNotEqualTo(sha256(a.bytes()));
    }

    @Test
    void linesAreOrderedCarryTheHeaderAndAreMostlyTraffic() throws Exception {
        Run r = run(SMALL.withSeed(1));
        long previous = Long.MIN_VALUE;
        long traffic = 0;
        List<String> lines = r.lines();
        for (String line : lines) {
            for (String key : List.of("date=", " time=", " eventtime=", " tz=", " logid=", " type=", " subtype=")) {
                assertThat(line).contains(key);
            }
            Matcher m = HEADER.matcher(line);
            assertThat(m.find()).as(line).isTrue();
            long t = Long.parseLong(m.group(3));
            LocalDateTime local = LocalDateTime.ofEpochSecond(Math.floorDiv(t, 1_000_000_000L), 0, ZoneOffset.UTC);
            assertThat(m.group(1) + "T" + m.group(2)).isEqualTo(local.toString().length() == 16 ? local + ":00" : local.toString());
            assertThat(t).isGreaterThanOrEqualTo(previous);
            previous = t;
            if (line.contains(" type=\"traffic\"")) {
                traffic++;
            }
        }
        double share = traffic / (double) lines.size();
        assertThat(share).isBetween(0.40, 0.80);
    }

    @Test
    void everyProfileIsPlantedInsideTheRun() throws Exception {
        for (long seed = 1; seed <= 4; seed++) {
            GeneratorOptions options = SMALL.withSeed(seed);
            List<TruthRecord> truth = run(options).truth();
            assertThat(truth.stream().map(TruthRecord::profile).collect(Collectors.toSet())).as("seed %d", seed).containsAll(PROFILES);
            Instant end = options.start().plus(options.duration());
            for (TruthRecord t : truth) {
                assertThat(t.start()).isBefore(t.end());
                assertThat(t.start()).isAfterOrEqualTo(options.start().plus(Duration.ofHours(2)));
                assertThat(t.end()).isBefore(end);
            }
        }
    }

    @Test
    void attacksHaveTheirProfileShape() {
        Run r = run(SMALL.withSeed(1));
        String log = new String(r.bytes(), StandardCharsets.UTF_8);
        for (TruthRecord t : r.truth()) {
            assertThat(log).as(t.toString()).contains("srcip=" + t.source() + " ");
            if (t.profile().equals("c2-beacon")) {
                int connections = Integer.parseInt(t.parameters().replaceAll(".*connections=(\\d+).*", "$1"));
                assertThat(connections).isGreaterThanOrEqualTo(40);
            }
            if (t.profile().startsWith("dns-tunnel")) {
                List<String> names = r.lines().stream().filter(l -> l.contains("." + t.target() + "\""))
                        .map(l -> l.replaceAll(".*qname=\"([^\"]*)\".*", "$1")).toList();
                assertThat(names).hasSizeGreaterThan(100).doesNotHaveDuplicates()
                        .allSatisfy(n -> assertThat(n.length()).isBetween(100, 200));
            }
        }
    }

    @Test
    void optionsRejectNetworksAndRunsTooSmallForTheAttacks() {
        assertThatThrownBy(() -> SMALL.withDevices(GeneratorOptions.MIN_DEVICES - 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SMALL.withDuration(Duration.ofHours(4))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonLinesAreObjects() throws Exception {
        Run r = run(SMALL.withSeed(3).withFormat(GeneratorOptions.Format.JSON));
        for (String line : r.lines()) {
            assertThat(isJsonObject(line)).as(line).isTrue();
            assertThat(line).startsWith("{\"date\":");
        }
    }

    /** A minimal check: one object of "key":value members, strings with escapes, bare numbers. */
    private static boolean isJsonObject(String s) {
        Pattern member = Pattern.compile("\"[a-z_]+\":(\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+)");
        if (!s.startsWith("{") || !s.endsWith("}")) {
            return false;
        }
        String body = s.substring(1, s.length() - 1);
        Matcher m = member.matcher(body);
        int pos = 0;
        while (m.find(pos) && m.start() == pos) {
            pos = m.end();
            if (pos == body.length()) {
                return true;
            }
            if (body.charAt(pos) != ',') {
                return false;
            }
            pos++;
        }
        return false;
    }
}
