package io.iotwatch.detect.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.ClassificationEvent;
import io.iotwatch.core.event.CommunityId;
import io.iotwatch.core.event.Endpoint;
import io.iotwatch.core.event.EventHeader;
import io.iotwatch.core.event.EventId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelDetectorTest {

    private static final Instant T0 = Instant.parse("2025-05-12T10:00:00Z");

    private final ModelDetector detector = new ModelDetector(ModelConfig.defaults());
    private final List<Finding> findings = new ArrayList<>();
    private long position;

    private void verdict(int second, String attackClass, String group, double confidence, String src, String dst) {
        verdict(second, attackClass, group, confidence, "tcp", src, dst);
    }

    private void verdict(int second, String attackClass, String group, double confidence, String protocol, String src,
            String dst) {
        detector.onEvent(new ClassificationEvent(new EventHeader(new EventId(1, position++), T0.plusSeconds(second),
                "packet", "test", new byte[0]), "default@00", attackClass, group, confidence, protocol,
                new Endpoint(src, 40000), new Endpoint(dst, 80), Duration.ZERO, CommunityId.of("1:flow" + position + "=")), findings::add);
    }

    @Test
    void oneVerdictIsNoIncidentTwoAreAndFloodsAreKeyedByTheirVictim() {
        verdict(0, "DDoS-SYN_Flood", "DDoS", 0.95, "198.51.100.1", "10.0.0.5");
        assertThat(findings).isEmpty();
        verdict(1, "DDoS-SYN_Flood", "DDoS", 0.85, "198.51.100.2", "10.0.0.5");

        assertThat(findings).hasSize(1);
        Finding f = findings.getFirst();
        assertThat(f.detector()).isEqualTo(ModelDetector.NAME);
        assertThat(f.incidentKey()).isEqualTo("SYN_Flood|10.0.0.5");
        assertThat(f.attackClass()).isEqualTo("DDoS-SYN_Flood");
        assertThat(f.group()).isEqualTo("DDoS");
        assertThat(f.dstIp()).isEqualTo("10.0.0.5");
        assertThat(f.srcIp()).as("several sources").isNull();
        assertThat(f.level()).isEqualTo(ThreatLevel.CRITICAL);
        assertThat(f.confidence()).isEqualTo(0.95);
        assertThat(f.mitre()).isEqualTo("T1498.001");
        assertThat(f.count()).isEqualTo(2);
        assertThat(f.evidence()).containsEntry("rows", 2L).containsEntry("model", "default@00")
                .containsEntry("mean_confidence", 0.9).containsEntry("sample_flows", List.of("1:flow1=", "1:flow2="));
    }

    @Test
    void dosAndDdosVariantsAreOneIncidentNamedByHowManySourcesItHas() {
        verdict(0, "DoS-HTTP_Flood", "DoS", 0.8, "198.51.100.1", "10.0.0.5");
        verdict(1, "DDoS-HTTP_Flood", "DDoS", 0.8, "198.51.100.1", "10.0.0.5");
        verdict(2, "DDoS-HTTP_Flood", "DDoS", 0.8, "198.51.100.2", "10.0.0.5");
        detector.advance(T0.plusSeconds(120), findings::add);

        assertThat(findings).extracting(Finding::attackClass).containsExactly("DoS-HTTP_Flood", "DDoS-HTTP_Flood");
        assertThat(findings).extracting(Finding::group).containsExactly("DoS", "DDoS");
        assertThat(findings).extracting(Finding::incidentKey).containsOnly("HTTP_Flood|10.0.0.5");
        assertThat(findings.get(1).evidence()).containsEntry("rows_by_class", List.of("DoS-HTTP_Flood=1", "DDoS-HTTP_Flood=2"));
    }

    @Test
    void theVictimsAnswersToItsAttackersJoinItsIncidentAndIcmpErrorsEvenWhenTheyComeFirst() {
        verdict(0, "Mirai-greip_flood", "Mirai", 0.95, "icmp", "10.0.0.5", "198.51.100.1");
        verdict(0, "Mirai-greip_flood", "Mirai", 0.95, "udp", "198.51.100.1", "10.0.0.5");
        verdict(1, "Mirai-greip_flood", "Mirai", 0.95, "udp", "198.51.100.2", "10.0.0.5");
        verdict(1, "Mirai-greip_flood", "Mirai", 0.95, "udp", "10.0.0.5", "198.51.100.2");
        verdict(1, "DDoS-ICMP_Flood", "DDoS", 0.95, "icmp", "198.51.100.3", "10.0.0.6");
        verdict(1, "DDoS-ICMP_Flood", "DDoS", 0.95, "icmp", "198.51.100.4", "10.0.0.6");
        detector.advance(T0.plusSeconds(120), findings::add);

        assertThat(findings).extracting(Finding::incidentKey)
                .containsExactly("Mirai-greip_flood|10.0.0.5", "ICMP_Flood|10.0.0.6", "Mirai-greip_flood|10.0.0.5");
        assertThat(findings).extracting(Finding::count).containsExactly(2L, 2L, 2L);
        assertThat(findings.getFirst().srcIp()).as("the victim's answer names no source").isEqualTo("198.51.100.1");
        assertThat(findings.getLast().srcIp()).as("two bots").isNull();
    }

    @Test
    void othersAreKeyedByTheirSourceAndLevelComesFromTheClass() {
        verdict(0, "Recon-PortScan", "Recon", 0.99, "10.0.0.66", "10.0.0.10");
        verdict(0, "Recon-OSScan", "Recon", 0.99, "10.0.0.66", "10.0.0.11");
        verdict(0, "Recon-PortScan", "Recon", 0.99, "10.0.0.66", "10.0.0.12");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.incidentKey()).isEqualTo("Recon|10.0.0.66");
            assertThat(f.srcIp()).isEqualTo("10.0.0.66");
            assertThat(f.dstIp()).as("several targets").isNull();
            assertThat(f.level()).isEqualTo(ThreatLevel.LOW);
        });
    }

    @Test
    void verdictsFurtherApartThanTheWindowMakeNoIncident() {
        verdict(0, "SqlInjection", "Web", 0.8, "10.0.0.66", "10.0.0.10");
        verdict(61, "SqlInjection", "Web", 0.8, "10.0.0.66", "10.0.0.10");
        detector.advance(T0.plusSeconds(200), findings::add);

        assertThat(findings).isEmpty();
    }

    @Test
    void anOngoingIncidentIsBroughtUpToDateWithWhatItAdded() {
        verdict(0, "DDoS-UDP_Flood", "DDoS", 0.8, "198.51.100.1", "10.0.0.5");
        verdict(1, "DDoS-UDP_Flood", "DDoS", 0.8, "198.51.100.1", "10.0.0.5");
        verdict(30, "DDoS-UDP_Flood", "DDoS", 0.8, "198.51.100.1", "10.0.0.5");
        verdict(31, "DDoS-UDP_Flood", "DDoS", 0.8, "198.51.100.1", "10.0.0.5");
        verdict(90, "DDoS-UDP_Flood", "DDoS", 0.8, "198.51.100.1", "10.0.0.5");
        detector.advance(T0.plusSeconds(120), findings::add);
        detector.advance(T0.plusSeconds(300), findings::add);

        assertThat(findings).extracting(Finding::count).containsExactly(2L, 3L);
        assertThat(findings.get(1).srcIp()).isEqualTo("198.51.100.1");
        assertThat(findings.get(1).level()).isEqualTo(ThreatLevel.HIGH);
    }

    @Test
    void forgedDnsAnswersComeFromTheServerTheyImpersonateToTheDeviceThatAsked() {
        verdict(0, "DNS_Spoofing", "Spoofing", 0.9, "10.0.0.41", "10.0.0.1");
        verdict(1, "DNS_Spoofing", "Spoofing", 0.9, "10.0.0.41", "10.0.0.1");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.srcIp()).isEqualTo("10.0.0.1");
            assertThat(f.dstIp()).isEqualTo("10.0.0.41");
            assertThat(f.incidentKey()).isEqualTo("DNS_Spoofing|10.0.0.1");
        });
    }

    @Test
    void classesTheTaxonomyDoesNotKnowAreMedium() {
        verdict(0, "Cryptomining", "Cryptomining", 0.99, "10.0.0.7", "203.0.113.1");
        verdict(1, "Cryptomining", "Cryptomining", 0.99, "10.0.0.7", "203.0.113.1");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.level()).isEqualTo(ThreatLevel.MEDIUM);
            assertThat(f.mitre()).isEmpty();
            assertThat(f.dstIp()).isEqualTo("203.0.113.1");
        });
    }
}
