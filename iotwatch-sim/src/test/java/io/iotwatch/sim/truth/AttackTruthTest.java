package io.iotwatch.sim.truth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttackTruthTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private static AttackTruth attack(List<String> attackers, String victim) {
        return new AttackTruth("x", "C", T0, T1, attackers, victim, "t", "c");
    }

    @Test
    void aFlowBetweenAnAttackerAndTheVictimInTheWindowIsCarriedEitherWay() {
        AttackTruth flood = attack(List.of("10.9.0.2", "10.9.0.3"), "10.9.0.10");

        assertThat(flood.carries("10.9.0.2", 40000, "10.9.0.10", 80, T0)).isTrue();
        assertThat(flood.carries("10.9.0.3", 40000, "10.9.0.10", 80, T1)).isTrue();
        // The victim's ICMP error to an attacker starts a flow of its own.
        assertThat(flood.carries("10.9.0.10", 3, "10.9.0.2", 3, T0.plusSeconds(5))).isTrue();
    }

    @Test
    void otherEndpointsAndOtherTimesAreNotCarried() {
        AttackTruth scan = attack(List.of("10.9.0.2"), "10.9.0.10");

        assertThat(scan.carries("10.9.0.2", 40000, "10.9.0.1", 53, T0)).as("attacker to another host").isFalse();
        assertThat(scan.carries("10.9.0.10", 40000, "52.1.2.3", 443, T0)).as("the victim's own traffic").isFalse();
        assertThat(scan.carries("10.9.0.2", 40000, "10.9.0.10", 80, T0.minusNanos(1))).as("before").isFalse();
        assertThat(scan.carries("10.9.0.2", 40000, "10.9.0.10", 80, T1.plus(AttackTruth.TAIL).plusNanos(1)))
                .as("after the tail").isFalse();
    }

    @Test
    void flowsStartingWithinTheTailAfterTheLastPacketStillCount() {
        AttackTruth scan = attack(List.of("10.9.0.2"), "10.9.0.10");

        assertThat(scan.carries("10.9.0.2", 40000, "10.9.0.10", 80, T1.plus(AttackTruth.TAIL))).isTrue();
    }

    @Test
    void aSweptNetworkIsAVictimOfPrefixes() {
        AttackTruth discovery = attack(List.of("192.168.50.191"), "192.168.50.0/24 192.168.60.0/24");

        assertThat(discovery.carries("192.168.50.191", 40000, "192.168.60.77", 80, T0)).isTrue();
        assertThat(discovery.carries("192.168.50.191", 40000, "192.168.50.1", 53, T0)).isTrue();
        assertThat(discovery.carries("192.168.50.191", 40000, "8.8.8.8", 53, T0)).isFalse();
    }

    @Test
    void manyVictimsMeansAnyOtherEnd() {
        AttackTruth sweep = attack(List.of("10.0.0.5"), "many");

        assertThat(sweep.carries("10.0.0.5", 40000, "10.0.3.9", 23, T0)).isTrue();
        assertThat(sweep.carries("10.0.0.6", 40000, "10.0.3.9", 23, T0)).isFalse();
    }

    @Test
    void aTunnelsDomainVictimCarriesTheHostsDnsFlowsOnly() {
        AttackTruth tunnel = attack(List.of("192.168.50.51"), "metrics-relay.net");

        assertThat(tunnel.carries("192.168.50.51", 51000, "192.168.50.1", 53, T0)).as("through the resolver").isTrue();
        assertThat(tunnel.carries("192.168.50.51", 51000, "203.0.113.9", 53, T0)).as("to the server").isTrue();
        assertThat(tunnel.carries("192.168.50.51", 51000, "52.57.201.36", 80, T0)).as("its own web traffic").isFalse();
        assertThat(tunnel.carries("192.168.50.52", 51000, "192.168.50.1", 53, T0)).as("another host").isFalse();
    }

    @Test
    void theVictimsOwnAddressForgedAsSourceIsCarried() {
        // As the generator and the lab write a SynonymousIP flood: the victim's address as a /32.
        AttackTruth synonymous = attack(List.of("192.168.50.51/32"), "192.168.50.51");

        assertThat(synonymous.forgedSources()).isTrue();
        assertThat(synonymous.carries("192.168.50.51", 1234, "192.168.50.51", 80, T0)).isTrue();
        assertThat(synonymous.carries("192.168.50.51", 50000, "52.1.2.3", 443, T0)).as("the victim's own").isFalse();
        assertThat(synonymous.carries("192.168.50.20", 50000, "192.168.50.51", 80, T0)).as("its other inbound").isFalse();
    }

    @Test
    void forgedSourcesFromAPrefixAreAttackerEnds() {
        AttackTruth prefix = attack(List.of("198.51.100.0/24"), "10.9.0.10");

        assertThat(prefix.forgedSources()).isTrue();
        assertThat(prefix.carries("198.51.100.77", 1, "10.9.0.10", 80, T0)).isTrue();
        assertThat(prefix.carries("10.9.0.10", 80, "198.51.100.77", 1, T0)).as("either way").isTrue();
        assertThat(prefix.carries("203.0.113.4", 1, "10.9.0.10", 80, T0)).as("from outside the prefix").isFalse();
    }

    @Test
    void sourcesForgedAtRandomCountByVictim() {
        AttackTruth unlisted = attack(List.of(), "10.9.0.10");

        assertThat(unlisted.forgedSources()).isTrue();
        assertThat(unlisted.carries("203.0.113.4", 1, "10.9.0.10", 80, T0)).isTrue();
        assertThat(unlisted.carries("10.9.0.10", 80, "203.0.113.4", 1, T0)).as("started by the victim").isFalse();
        assertThat(unlisted.carries("203.0.113.4", 1, "10.9.0.11", 80, T0)).as("to another host").isFalse();
    }

    @Test
    void forgedAnswersFromTheGatewayCarryTheVictimsQueries() {
        // DNS spoofing as the generator writes it: the attacker, and the gateway whose address the answers forge.
        AttackTruth spoofing = attack(List.of("192.168.50.239", "192.168.50.1/32"), "192.168.50.32");

        assertThat(spoofing.carries("192.168.50.32", 41000, "192.168.50.1", 53, T0)).isTrue();
        assertThat(spoofing.carries("192.168.50.33", 41000, "192.168.50.1", 53, T0)).as("another device's").isFalse();
    }

    @Test
    void aListedAttackerIsNoForgery() {
        assertThat(attack(List.of("10.9.0.2", "10.9.0.3"), "10.9.0.10").forgedSources()).isFalse();
    }
}
