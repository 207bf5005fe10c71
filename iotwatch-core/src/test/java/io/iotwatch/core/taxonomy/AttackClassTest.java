package io.iotwatch.core.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.core.alert.ThreatLevel;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AttackClassTest {

    @Test
    void cicIot2023HasItsThirtyFourClassesInItsEightGroups() {
        Map<AttackGroup, Long> byGroup = Arrays.stream(AttackClass.values()).filter(AttackClass::inCicIot2023)
                .collect(Collectors.groupingBy(AttackClass::group, Collectors.counting()));
        assertThat(byGroup.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(34);
        assertThat(byGroup).containsExactlyInAnyOrderEntriesOf(Map.of(AttackGroup.DDOS, 12L, AttackGroup.DOS, 4L,
                AttackGroup.MIRAI, 3L, AttackGroup.RECON, 5L, AttackGroup.SPOOFING, 2L, AttackGroup.WEB, 6L,
                AttackGroup.BRUTE_FORCE, 1L, AttackGroup.BENIGN, 1L));
    }

    @Test
    void labelsAreTheDatasetsSpelling() {
        assertThat(AttackClass.byLabel("DDoS-RSTFINFlood")).contains(AttackClass.DDOS_RSTFIN_FLOOD);
        assertThat(AttackClass.byLabel("Mirai-greeth_flood")).contains(AttackClass.MIRAI_GREETH_FLOOD);
        assertThat(AttackClass.byLabel("BenignTraffic")).contains(AttackClass.BENIGN_TRAFFIC);
        assertThat(AttackClass.byLabel("ddos-rstfinflood")).isEmpty();
    }

    @Test
    void levelsFollowTheSeedAndHighConfidenceSevereAttacksAreCritical() {
        assertThat(AttackClass.DDOS_SYN_FLOOD.level(0.8)).isEqualTo(ThreatLevel.HIGH);
        assertThat(AttackClass.DDOS_SYN_FLOOD.level(0.95)).isEqualTo(ThreatLevel.CRITICAL);
        assertThat(AttackClass.DDOS_SYN_FLOOD.level(AttackClass.CRITICAL_CONFIDENCE)).isEqualTo(ThreatLevel.HIGH);
        assertThat(AttackClass.BACKDOOR_MALWARE.level(0.99)).isEqualTo(ThreatLevel.CRITICAL);
        assertThat(AttackClass.SQL_INJECTION.level(0.99)).isEqualTo(ThreatLevel.MEDIUM);
        assertThat(AttackClass.MITM_ARP_SPOOFING.level(0.99)).isEqualTo(ThreatLevel.MEDIUM);
        assertThat(AttackClass.RECON_PORT_SCAN.level(0.99)).isEqualTo(ThreatLevel.LOW);
    }

    @Test
    void groupOfKnownPrefixedAndUnknownLabels() {
        assertThat(AttackClass.groupOf("VulnerabilityScan")).isEqualTo("Recon");
        assertThat(AttackClass.groupOf("DDoS-Something_New")).isEqualTo("DDoS");
        assertThat(AttackClass.groupOf("Cryptomining")).isEqualTo("Cryptomining");
        assertThat(AttackClass.groupOf("Foo-Bar")).isEqualTo("Foo-Bar");
    }

    @Test
    void classesThatCanNameOneAttack() {
        assertThat(AttackClass.kind("DoS-HTTP_Flood")).isEqualTo("HTTP_Flood");
        assertThat(AttackClass.kind("DDoS-RSTFINFlood")).isEqualTo("RSTFINFlood");
        assertThat(AttackClass.kind("Mirai-udpplain")).isEqualTo("Mirai-udpplain");
        assertThat(AttackClass.sameAttack("DoS-SYN_Flood", "DDoS-SYN_Flood")).isTrue();
        assertThat(AttackClass.sameAttack("DDoS-UDP_Flood", "Mirai-greip_flood")).isTrue();
        assertThat(AttackClass.sameAttack("Recon-OSScan", "Recon-PortScan")).isTrue();
        assertThat(AttackClass.sameAttack("DDoS-RSTFINFlood", "DDoS-ICMP_Flood")).isFalse();
        assertThat(AttackClass.sameAttack("MITM-ArpSpoofing", "DNS_Spoofing")).isFalse();
        assertThat(AttackClass.sameAttack("DDoS-HTTP_Flood", "Mirai-greip_flood")).isFalse();
    }

    @Test
    void classesTheRulesCannotSeeRefineWhatTheySee() {
        assertThat(AttackClass.refines("Mirai-greip_flood", "DDoS-UDP_Flood")).isTrue();
        assertThat(AttackClass.refines("DDoS-ICMP_Fragmentation", "DDoS-ICMP_Flood")).isTrue();
        assertThat(AttackClass.refines("DNS_Spoofing", "MITM-ArpSpoofing")).isFalse();
        assertThat(AttackClass.refines("DDoS-UDP_Flood", "Mirai-greip_flood")).isFalse();
        assertThat(AttackClass.refines("Recon-OSScan", "Recon-PortScan")).isFalse();
        assertThat(AttackClass.refines("DDoS-SynonymousIP_Flood", "DoS-SYN_Flood")).isFalse();
    }

    @Test
    void granularityRelabels() {
        assertThat(Granularity.CLASS.labelOf("DoS-HTTP_Flood")).isEqualTo("DoS-HTTP_Flood");
        assertThat(Granularity.GROUP.labelOf("DoS-HTTP_Flood")).isEqualTo("DoS");
        assertThat(Granularity.GROUP.labelOf("BenignTraffic")).isEqualTo("Benign");
        assertThat(Granularity.GROUP.labelOf("DDoS")).isEqualTo("DDoS");
        assertThat(Granularity.BINARY.labelOf("BenignTraffic")).isEqualTo(Granularity.BENIGN);
        assertThat(Granularity.BINARY.labelOf("Benign")).isEqualTo(Granularity.BENIGN);
        assertThat(Granularity.BINARY.labelOf("Recon-OSScan")).isEqualTo(Granularity.ATTACK);
        assertThat(Granularity.ofClasses(8)).isEqualTo(Granularity.GROUP);
    }
}
