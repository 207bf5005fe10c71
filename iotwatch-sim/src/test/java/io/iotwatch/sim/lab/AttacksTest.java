package io.iotwatch.sim.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.sim.truth.AttackKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every attack's plan: bounded, inside the lab, aimed only at the lab's own addresses. */
class AttacksTest {

    private static final LabFiles FILES = new LabFiles(Path.of("/out/run"));
    private static final LabSettings SETTINGS = LabSettings.defaults();
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(\\d{1,3}(?:\\.\\d{1,3}){3})(?:/(\\d{1,2}))?(?![\\d.])");
    private static final List<String> LAB_ADDRESSES = List.of(Topology.CLOUD, Topology.C2);

    @ParameterizedTest
    @EnumSource(AttackKind.class)
    void everyAttackHasBoundedCommandsInsideLabNamespacesAndACheck(AttackKind kind) {
        AttackPlan plan = Attacks.plan(kind, FILES, SETTINGS);

        assertThat(plan.kind()).isEqualTo(kind);
        assertThat(plan.criteria()).isNotEmpty();
        assertThat(plan.attackers()).isNotEmpty();
        Duration longest = kind == AttackKind.C2_BEACON ? SETTINGS.beacon().plusMinutes(2) : Duration.ofSeconds(150);
        assertThat(plan.foreground()).allSatisfy(c -> assertThat(c.bound()).isNotNull().isLessThanOrEqualTo(longest));
        for (NsCommand command : commands(plan)) {
            assertThat(command.host().namespace()).startsWith(Topology.PREFIX);
            assertThat(command.commandLine().subList(0, 4)).containsExactly("ip", "netns", "exec", command.host().namespace());
        }
    }

    @ParameterizedTest
    @EnumSource(AttackKind.class)
    void everyAddressAnAttackNamesBelongsToTheLab(AttackKind kind) {
        AttackPlan plan = Attacks.plan(kind, FILES, SETTINGS);
        List<String> words = new ArrayList<>(plan.attackers());
        words.add(plan.victim());
        commands(plan).forEach(c -> words.addAll(c.argv()));
        for (String word : words) {
            Matcher m = IPV4.matcher(word);
            while (m.find()) {
                String address = m.group(1);
                boolean lab = address.startsWith("10.77.0.") || address.startsWith("10.99.0.") || LAB_ADDRESSES.contains(address);
                assertThat(lab).as("%s in %s of %s", address, word, kind.id).isTrue();
                if (m.group(2) != null) {
                    assertThat(Integer.parseInt(m.group(2))).as("prefix length in %s", word).isGreaterThanOrEqualTo(24);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = AttackKind.class, names = {"SYN_FLOOD", "ACK_FRAGMENTATION", "UDP_FLOOD", "UDP_FRAGMENTATION",
        "ICMP_FLOOD", "ICMP_FRAGMENTATION", "PSHACK_FLOOD", "RSTFIN_FLOOD"})
    void ddosFloodsComeFromThreeAttackerAddressesBoundedInPacketsRateAndTime(AttackKind kind) {
        AttackPlan plan = Attacks.plan(kind, FILES, SETTINGS);

        assertThat(plan.attackers()).hasSize(3).isSubsetOf(Topology.ATTACKER.addresses());
        assertThat(plan.foreground()).hasSize(3);
        List<String> sources = new ArrayList<>();
        long packets = 0;
        for (NsCommand hping : plan.foreground()) {
            List<String> argv = hping.argv();
            assertThat(argv.getFirst()).isEqualTo("hping3");
            assertThat(argv).doesNotContain("--flood", "--rand-source", "--rand-dest");
            assertThat(argv.get(argv.indexOf("-i") + 1)).isEqualTo("u100");
            packets += Long.parseLong(argv.get(argv.indexOf("-c") + 1));
            sources.add(argv.get(argv.indexOf("-a") + 1));
            assertThat(argv.getLast()).isEqualTo(Topology.VICTIM.address());
            assertThat(hping.bound()).isEqualTo(LabSettings.FLOOD_SECONDS);
        }
        assertThat(sources).containsExactlyElementsOf(plan.attackers());
        assertThat(packets).isLessThanOrEqualTo(SETTINGS.floodPackets());
    }

    @Test
    void theSynonymousIpFloodForgesTheVictimsOwnAddress() {
        AttackPlan plan = Attacks.plan(AttackKind.SYNONYMOUS_IP_FLOOD, FILES, SETTINGS);
        List<String> argv = plan.foreground().getFirst().argv();

        assertThat(argv.get(argv.indexOf("-a") + 1)).isEqualTo(Topology.VICTIM.address());
        assertThat(plan.attackers()).containsExactly(Topology.VICTIM.address() + "/32");
    }

    @Test
    void theBeaconSleepsAboutItsIntervalForItsWholeDurationTheSameWayForTheSameSeed() {
        List<String> sleeps = BeaconAttack.sleeps(SETTINGS);

        assertThat(sleeps).hasSize((int) (SETTINGS.beacon().toSeconds() / LabSettings.BEACON_INTERVAL.toSeconds()));
        assertThat(sleeps).allSatisfy(s -> assertThat(Double.parseDouble(s)).isBetween(27.0, 33.0));
        assertThat(sleeps).doesNotHaveDuplicates().isEqualTo(BeaconAttack.sleeps(SETTINGS));
        LabSettings other = new LabSettings(43, SETTINGS.floodPackets(), SETTINGS.beacon(), SETTINGS.warmup(), SETTINGS.gap(),
                SETTINGS.cooldown());
        assertThat(BeaconAttack.sleeps(other)).isNotEqualTo(sleeps);
        assertThat(Attacks.plan(AttackKind.C2_BEACON, FILES, SETTINGS).attackers()).containsExactly(Topology.PLUG.address());
    }

    @Test
    void theWordListEndsWithTheWeakPassword() {
        List<String> words = LabFiles.passwordList();

        assertThat(words).hasSizeGreaterThan(30).endsWith(LabFiles.LAB_PASSWORD).doesNotHaveDuplicates();
        assertThat(Attacks.plan(AttackKind.SSH_DICTIONARY, FILES, SETTINGS).foreground().getFirst().argv())
                .contains("-l", LabFiles.LAB_USER, "/out/run/lists/passwords.txt", "ssh://10.77.0.10");
    }

    @Test
    void theGroundTruthCommandNamesEachHostAndMarksHelpers() {
        String command = Attacks.plan(AttackKind.DNS_SPOOFING, FILES, SETTINGS).command();

        assertThat(command).startsWith("[attacker] arpspoof -i eth0 -t 10.77.0.23 10.77.0.1 &; [attacker] dnsspoof ")
                .contains("[phone] (for i in 1 2 3 4 5 6; do dig +short +noedns");
    }

    @Test
    void theDnsTunnelRunsFromTheCompromisedCameraToTheVictimsIodined() {
        AttackPlan plan = Attacks.plan(AttackKind.DNS_TUNNEL, FILES, SETTINGS);

        assertThat(plan.attackers()).containsExactly(Topology.CAMERA.address());
        assertThat(plan.victim()).isEqualTo(Topology.TUNNEL_DOMAIN);
        assertThat(plan.background()).extracting(c -> c.argv().getFirst()).containsExactly("socat", "iodine");
        assertThat(plan.background().get(1).argv()).contains("-r", Topology.VICTIM.address(), Topology.TUNNEL_DOMAIN);
    }

    private static List<NsCommand> commands(AttackPlan plan) {
        List<NsCommand> all = new ArrayList<>(plan.background());
        all.addAll(plan.foreground());
        return all;
    }
}
