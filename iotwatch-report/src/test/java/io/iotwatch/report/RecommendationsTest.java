package io.iotwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.core.taxonomy.AttackGroup;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendationsTest {

    @Test
    void everyAttackGroupOfTheTaxonomyAndOfTheRuleDetectorsHasAdvice() {
        List<String> groups = Arrays.stream(AttackGroup.values()).filter(g -> g != AttackGroup.BENIGN).map(AttackGroup::label).toList();
        for (String group : groups) {
            assertThat(Recommendations.advice(group)).as(group).isPresent();
        }
        for (String ruleGroup : List.of("Vendor", "Anomaly", "Exfiltration")) {
            assertThat(Recommendations.advice(ruleGroup)).as(ruleGroup).isPresent();
        }
    }

    @Test
    void adviceHasTwoToFourActionsAndAttackMitigationIds() {
        for (String group : List.of("DDoS", "DoS", "Mirai", "Recon", "Spoofing", "Web", "BruteForce", "C2", "Vendor", "Anomaly", "Exfiltration")) {
            Recommendations.Advice advice = Recommendations.advice(group).orElseThrow();
            assertThat(advice.actions()).as(group).hasSizeBetween(2, 4);
            assertThat(advice.mitigations()).as(group).isNotEmpty()
                    .allSatisfy(m -> assertThat(m.id()).matches("M1\\d{3}"));
        }
    }

    @Test
    void anUnknownGroupGetsGenericAdviceNamingIt() {
        Recommendation recommendation = Recommendations.recommend("Quantum", List.of("Quantum-Tunnel"));
        assertThat(Recommendations.advice("Quantum")).isEmpty();
        assertThat(recommendation.classes()).containsExactly("Quantum-Tunnel");
        assertThat(recommendation.actions()).anySatisfy(action -> assertThat(action).contains("Quantum"));
        assertThat(recommendation.mitigations()).isNotEmpty();
    }
}
