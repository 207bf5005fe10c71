package io.iotwatch.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CanonicalTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sortsKeysAndEscapesOnlyWhatJcsEscapes() {
        assertThat(Canonical.data(Map.of("b", "2", "a", "x\"y\\z\n\u0001\u001fé€😀</script>")))
                .isEqualTo("{\"a\":\"x\\\"y\\\\z\\n\\u0001\\u001fé€😀</script>\",\"b\":\"2\"}");
        assertThat(Canonical.entry("{}", "login", "admin", 1764650726123L))
                .isEqualTo("{\"data\":{},\"kind\":\"login\",\"subject\":\"admin\",\"time\":\"1764650726123\"}");
    }

    @Test
    void aLoneSurrogateBecomesTheReplacementCharacter() {
        assertThat(Canonical.data(Map.of("k", "a\uD800b\uDC00"))).isEqualTo("{\"k\":\"a\uFFFDb\uFFFD\"}");
    }

    @Test
    void anyDataReadsBackAsTheSameStrings() throws Exception {
        Random random = new Random(8785);
        for (int round = 0; round < 2000; round++) {
            Map<String, String> data = new HashMap<>();
            int fields = random.nextInt(6);
            for (int f = 0; f < fields; f++) {
                data.put(text(random, 8), text(random, 40));
            }
            String canonical = Canonical.data(data);
            Map<String, String> read = JSON.readValue(canonical, new TypeReference<LinkedHashMap<String, String>>() {});
            assertThat(read).as(canonical).isEqualTo(data);
            assertThat(List.copyOf(read.keySet())).isSortedAccordingTo(Comparator.naturalOrder());
        }
    }

    @Test
    void anEntryReadsBackFromItsCanonicalText() {
        Random random = new Random(6962);
        for (int round = 0; round < 2000; round++) {
            Map<String, String> data = new HashMap<>();
            for (int f = random.nextInt(4); f > 0; f--) {
                // keys and values that look like the entry's own fields must not confuse reading it from its end
                data.put(random.nextBoolean() ? "kind" : text(random, 8), random.nextBoolean() ? ",\"kind\":\"x\"}" : text(random, 60));
            }
            AuditEntry entry = new AuditEntry(round, round / 7, Math.abs(random.nextLong() % 4_000_000_000_000L), text(random, 12),
                    text(random, 40), Canonical.data(data));
            AuditEntry read = AuditEntry.parse(entry.index(), entry.block(), entry.canonical());
            assertThat(read).as(entry.canonical()).isEqualTo(entry);
        }
    }

    @Test
    void aDamagedEntryTextIsRefusedWithAReason() {
        Random random = new Random(1);
        byte[] good = new AuditEntry(1, 0, 1764650726123L, "login.failed", "ad\"min\\", Canonical.data(Map.of("a", "b")))
                .canonical().getBytes(StandardCharsets.UTF_8);
        int refused = 0;
        for (int round = 0; round < 5000; round++) {
            byte[] text = switch (round % 3) {
                case 0 -> Arrays.copyOf(good, random.nextInt(good.length));
                case 1 -> {
                    byte[] mutated = good.clone();
                    mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
                    yield mutated;
                }
                default -> {
                    byte[] garbage = new byte[random.nextInt(80)];
                    random.nextBytes(garbage);
                    yield garbage;
                }
            };
            try {
                AuditEntry.parts(text);
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).contains("audit entry");
                refused++;
            }
        }
        assertThat(refused).isGreaterThan(3000);
    }

    private static String text(Random random, int maxLength) {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        while (out.length() < length) {
            int cp = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x20 + random.nextInt(0x60);
                case 2 -> 0xA0 + random.nextInt(0xD000);
                default -> 0x10000 + random.nextInt(0x1000);
            };
            out.appendCodePoint(cp);
        }
        return out.toString();
    }
}
