package io.iotwatch.sim.packets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.packet.decode.PacketDecoder;
import io.iotwatch.packet.decode.Protocols;
import io.iotwatch.packet.dns.DnsMessage;
import io.iotwatch.sim.packets.attack.AttackPlan;
import io.iotwatch.sim.packets.wire.Verify;
import io.iotwatch.sim.truth.AttackKind;
import io.iotwatch.sim.truth.AttackTruth;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The default run (50 devices, 30 minutes, every attack) read back packet by packet, and the generator's options. */
class PacketGeneratorTest {

    private static final int ATTACK_MACHINES = 0xC0A832BE; // 192.168.50.190, the first of them

    private final GeneratedRun run = GeneratedRun.defaults();

    @Test
    void theSameOptionsGiveTheSameBytesAndAnotherSeedOtherBytes() throws Exception {
        PacketGeneratorOptions small = new PacketGeneratorOptions(12, Duration.ofMinutes(3), 5, Instant.parse("2026-01-02T03:04:05Z"),
                List.of(AttackKind.PORT_SCAN, AttackKind.ARP_SPOOFING));

        assertThat(sha256(GeneratedRun.of(small).capture())).isEqualTo(sha256(GeneratedRun.of(small).capture()));
        assertThat(sha256(GeneratedRun.of(small.withSeed(6)).capture())).isNotEqualTo(sha256(GeneratedRun.of(small).capture()));
        assertThat(sha256(GeneratedRun.of(PacketGeneratorOptions.defaults()).capture())).isEqualTo(sha256(run.capture()));
    }

    @Test
    void theFileIsAClassicMicrosecondPcapOfEthernetInTimeOrder() throws IOException {
        byte[] header;
        try (InputStream in = Files.newInputStream(run.capture())) {
            header = in.readNBytes(24);
        }
        ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(h.getInt(0)).isEqualTo(0xA1B2C3D4);
        assertThat(h.getShort(4)).isEqualTo((short) 2);
        assertThat(h.getShort(6)).isEqualTo((short) 4);
        assertThat(h.getInt(16)).isGreaterThanOrEqualTo(65_535);
        assertThat(h.getInt(20)).isEqualTo(1);
        assertThat(Files.size(run.capture())).isEqualTo(run.result().bytes());

        long start = PacketGeneratorOptions.defaults().start().getEpochSecond() * 1_000_000;
        long[] last = {start};
        int[] count = {0};
        Packets.each(run.capture(), (i, micros, p, b, off, len) -> {
            assertThat(micros).as("packet %d", i).isGreaterThanOrEqualTo(last[0]);
            last[0] = micros;
            count[0]++;
        });
        assertThat(last[0]).isLessThan(start + 30 * 60 * 1_000_000L);
        assertThat((long) count[0]).isEqualTo(run.result().packets()).isEqualTo(run.origins().size());
    }

    @Test
    void everyFrameDecodesWholeAndEveryChecksumHolds() throws IOException {
        Verify verify = new Verify();
        Map<String, Integer> problems = new TreeMap<>();
        Packets.each(run.capture(), (i, micros, p, b, off, len) -> {
            assertThat(p.truncated()).as("packet %d truncated", i).isFalse();
            assertThat(p.malformedReason()).as("packet %d", i).isNull();
            verify.frame(b, off, len).forEach(problem -> problems.merge(problem, 1, Integer::sum));
        });
        assertThat(problems).isEmpty();
        assertThat(verify.incompleteDatagrams()).isZero();
        assertThat(verify.transportsChecked()).isGreaterThan(run.result().packets() / 2);
    }

    @Test
    void dnsMessagesParseAndTheTunnelAsksForNullRecords() throws IOException {
        DnsMessage dns = new DnsMessage();
        Map<String, Integer> types = new TreeMap<>();
        Packets.each(run.capture(), (i, micros, p, b, off, len) -> {
            if (p.transportProtocol() == Protocols.IP_UDP && !p.fragmented() && (p.sourcePort() == 53 || p.destinationPort() == 53)) {
                assertThat(dns.parse(b, p.payloadOffset(), p.payloadLength())).as("packet %d: %s", i, dns.problem()).isTrue();
                assertThat(dns.hasQuestion()).isTrue();
                if (dns.response() && dns.queryType() == DnsMessage.TYPE_A && dns.responseCode() == 0) {
                    assertThat(dns.answerCount()).as("packet %d", i).isPositive();
                }
                types.merge(dns.queryTypeName(), 1, Integer::sum);
            }
        });
        assertThat(types).containsKeys("A", "AAAA", "NULL", "PTR");
    }

    @Test
    void mqttPacketsFillTheirSegmentsExactly() throws IOException {
        Map<Integer, Integer> types = new TreeMap<>();
        Packets.each(run.capture(), (i, micros, p, b, off, len) -> {
            if (p.transportProtocol() == Protocols.IP_TCP && p.payloadLength() > 0 && (p.sourcePort() == 1883 || p.destinationPort() == 1883)) {
                int at = p.payloadOffset();
                int type = (b[at] & 0xFF) >> 4;
                int remaining = 0;
                int shift = 0;
                int n = 1;
                int digit;
                do {
                    digit = b[at + n++] & 0xFF;
                    remaining |= (digit & 0x7F) << shift;
                    shift += 7;
                } while ((digit & 0x80) != 0);
                assertThat(type).as("packet %d", i).isBetween(1, 14);
                assertThat(n + remaining).as("packet %d: MQTT length against TCP payload", i).isEqualTo(p.payloadLength());
                types.merge(type, 1, Integer::sum);
            }
        });
        assertThat(types).containsKeys(1, 2, 3, 4, 8, 9, 12, 13);
    }

    @Test
    void everyTlsClientHelloNamesItsServer() throws IOException {
        Set<String> names = new TreeSet<>();
        int[] hellos = {0};
        Packets.each(run.capture(), (i, micros, p, b, off, len) -> {
            int at = p.payloadOffset();
            if (p.transportProtocol() == Protocols.IP_TCP && p.payloadLength() > 9 && b[at] == 0x16 && b[at + 5] == 1) {
                hellos[0]++;
                String name = serverName(b, at + 5);
                assertThat(name).as("ClientHello in packet %d", i).isNotNull().matches("[a-z0-9.-]+");
                names.add(name);
            }
        });
        assertThat(hellos[0]).isGreaterThan(100);
        assertThat(names).contains("api.hik-connect.com", "a1.tuyaeu.com", "remote.nabucasa.com", "litedev.hik-connect.com");
    }

    @Test
    void coapAndNtpMessagesAreWellFormed() throws IOException {
        int[] seen = new int[2];
        Packets.each(run.capture(), (i, micros, p, b, off, len) -> {
            // Floods hit these ports too, with garbage: only the devices' own messages are checked.
            if (p.transportProtocol() != Protocols.IP_UDP || p.fragmented() || run.origins().get(i) != null) {
                return;
            }
            int at = p.payloadOffset();
            if (p.sourcePort() == 5683 || p.destinationPort() == 5683) {
                assertThat((b[at] & 0xFF) >> 6).as("CoAP version, packet %d", i).isEqualTo(1);
                seen[0]++;
            } else if (p.sourcePort() == 123 || p.destinationPort() == 123) {
                assertThat(p.payloadLength()).isEqualTo(48);
                assertThat(b[at] & 0x07).as("NTP mode, packet %d", i).isIn(3, 4);
                seen[1]++;
            }
        });
        assertThat(seen[0]).isGreaterThan(50);
        assertThat(seen[1]).isGreaterThan(50);
    }

    @Test
    void everyAttackIsPlantedOnceInItsOwnSlotAfterTheWarmUp() {
        List<AttackTruth> truth = run.truth();
        assertThat(truth).extracting(AttackTruth::attack)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(AttackKind.values()).map(k -> k.id).toList());
        Instant start = PacketGeneratorOptions.defaults().start();
        assertThat(truth.getFirst().start()).isAfterOrEqualTo(start.plusSeconds(90));
        for (int i = 1; i < truth.size(); i++) {
            assertThat(truth.get(i).start()).as(truth.get(i).attack()).isAfter(truth.get(i - 1).end());
        }
        for (AttackTruth t : truth) {
            AttackKind kind = AttackKind.byId(t.attack()).orElseThrow();
            assertThat(t.attackClass()).isEqualTo(kind.attackClass);
            assertThat(t.attackers()).as(t.attack()).isNotEmpty();
            assertThat(t.tool()).isEqualTo("iotwatch generate");
            assertThat(t.command()).isNotBlank();
        }
        assertThat(truth).filteredOn(t -> t.attack().equals("synonymous-ip-flood")).singleElement()
                .satisfies(t -> assertThat(t.attackers()).containsExactly(t.victim() + "/32"));
        assertThat(truth).filteredOn(t -> t.attack().equals("c2-beacon")).singleElement()
                .satisfies(t -> assertThat(Duration.between(t.start(), t.end())).isGreaterThanOrEqualTo(Duration.ofMinutes(15)));
    }

    /**
     * Attack machines (192.168.50.190 and up) appear only in their own attack, within its window; compromised
     * devices (the DNS tunnel's, the beacon's) also send their benign traffic outside it, and victims answer attacks
     * (and have their address forged by the SynonymousIP flood), so only the machines are checked.
     */
    @Test
    void packetsFromAttackMachinesLieInTheirOwnAttacksWindow() throws IOException {
        Map<String, AttackTruth> byAttacker = new TreeMap<>();
        for (AttackTruth t : run.truth()) {
            t.attackers().forEach(a -> assertThat(byAttacker.put(a, t)).as("%s attacks once", a).isNull());
        }
        List<String> wrong = new ArrayList<>();
        int[] checked = {0};
        Packets.each(run.capture(), (i, micros, p, b, off, len) -> {
            int source = p.arp() ? p.arpSenderIp() : p.outerIpVersion() == 4 ? p.outerIpv4Source() : 0;
            boolean machine = source >>> 8 == ATTACK_MACHINES >>> 8 && (source & 0xFF) >= (ATTACK_MACHINES & 0xFF);
            if (!machine) {
                return;
            }
            AttackKind origin = run.origins().get(i);
            AttackTruth owner = byAttacker.get(PacketDecoder.ipv4ToString(source));
            Instant at = Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1_000);
            if (origin == null) {
                wrong.add("benign packet " + i + " from " + PacketDecoder.ipv4ToString(source));
            } else if (owner != null && (!owner.attack().equals(origin.id) || !owner.covers(at))) {
                wrong.add("packet " + i + " of " + origin.id + " from " + owner.attack() + "'s machine at " + at);
            }
            checked[0]++;
        });
        assertThat(wrong).isEmpty();
        assertThat(checked[0]).isGreaterThan(100_000);
    }

    @Test
    void attacksAskedForAreTheOnlyOnesPlanted() {
        PacketGeneratorOptions options = new PacketGeneratorOptions(12, Duration.ofMinutes(3), 9, Instant.parse("2026-01-02T00:00:00Z"),
                List.of(AttackKind.TELNET_DICTIONARY, AttackKind.PING_SWEEP));
        GeneratedRun small = GeneratedRun.of(options);

        assertThat(small.truth()).extracting(AttackTruth::attack).containsExactly("ping-sweep", "telnet-dictionary");
        Map<AttackKind, Long> packets = small.origins().stream().filter(o -> o != null)
                .collect(Collectors.groupingBy(o -> o, Collectors.counting()));
        assertThat(packets).containsOnlyKeys(AttackKind.PING_SWEEP, AttackKind.TELNET_DICTIONARY);
    }

    @Test
    void optionsOutOfBoundsAreRejectedWithTheReason() {
        PacketGeneratorOptions d = PacketGeneratorOptions.defaults();
        assertThatThrownBy(() -> d.withDevices(11)).hasMessageContaining("devices must be 12 to 1000: 11");
        assertThatThrownBy(() -> d.withDevices(1_001)).hasMessageContaining("devices must be 12 to 1000");
        assertThatThrownBy(() -> d.withDuration(Duration.ofMinutes(20))).hasMessage("20 minutes are too short for the 30 attacks: "
                + "they need at least 30 minutes");
        assertThatThrownBy(() -> d.withAttacks(List.of()).withDuration(Duration.ofSeconds(90)))
                .hasMessageContaining("whole number from 1 to 1440");
        assertThatThrownBy(() -> d.withAttacks(List.of()).withDuration(Duration.ofMinutes(1_441)))
                .hasMessageContaining("whole number from 1 to 1440");
        assertThat(PacketGeneratorOptions.minimumMinutes(List.of())).isEqualTo(1);
        assertThat(PacketGeneratorOptions.minimumMinutes(List.of(AttackKind.C2_BEACON))).isEqualTo(18);
        assertThat(PacketGeneratorOptions.minimumMinutes(List.of(AttackKind.values()))).isEqualTo(30);
    }

    @Test
    void aScheduleWithAShortWarmUpPlantsTheFirstAttackSoonerAndKeepsTheGivenOrder() {
        Instant start = Instant.parse("2026-01-02T00:00:00Z");
        AttackPlan.Schedule soon = new AttackPlan.Schedule(Duration.ofSeconds(20), Duration.ofSeconds(30), true);
        List<AttackKind> attacks = List.of(AttackKind.SYN_FLOOD, AttackKind.PORT_SCAN);
        PacketGeneratorOptions options = new PacketGeneratorOptions(12, Duration.ofMinutes(2), 3, start, attacks, soon);

        GeneratedRun scheduled = GeneratedRun.of(options);

        assertThat(PacketGeneratorOptions.minimumMinutes(attacks, soon)).isEqualTo(2);
        assertThat(scheduled.truth()).extracting(AttackTruth::attack).containsExactly("syn-flood", "port-scan");
        assertThat(scheduled.truth().getFirst().start()).isBetween(start.plusSeconds(20), start.plusSeconds(21));
        assertThat(scheduled.truth().get(1).start()).isBetween(start.plusSeconds(58), start.plusSeconds(59));
    }

    /** The server_name of a ClientHello whose handshake header starts at {@code at}, or null. */
    private static String serverName(byte[] b, int at) {
        int p = at + 4 + 2 + 32;
        p += 1 + (b[p] & 0xFF);
        p += 2 + u16(b, p);
        p += 1 + (b[p] & 0xFF);
        int end = p + 2 + u16(b, p);
        p += 2;
        while (p + 4 <= end) {
            int type = u16(b, p);
            int length = u16(b, p + 2);
            if (type == 0) {
                int nameLength = u16(b, p + 4 + 3);
                return new String(b, p + 4 + 5, nameLength, StandardCharsets.US_ASCII);
            }
            p += 4 + length;
        }
        return null;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
