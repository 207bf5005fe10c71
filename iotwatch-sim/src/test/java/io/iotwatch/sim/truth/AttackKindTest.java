package io.iotwatch.sim.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AttackKindTest {

    @Test
    void listsParseInTheGivenOrderWithoutDuplicates() {
        assertThat(AttackKind.parseList(" Port-Scan, syn-flood,port-scan ,"))
                .containsExactly(AttackKind.PORT_SCAN, AttackKind.SYN_FLOOD);
        assertThat(AttackKind.parseList("all")).containsExactly(AttackKind.values());
        assertThat(AttackKind.parseList("none")).isEmpty();
    }

    @Test
    void unknownNamesAreNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> AttackKind.parseList("port-scan,teardrop,smurf"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown attacks teardrop, smurf")
                .hasMessageContaining("known: all, none, ping-sweep");
    }

    @Test
    void namesAndClassesAreDistinctWhereTheyMustBe() {
        assertThat(Arrays.stream(AttackKind.values()).map(k -> k.id).distinct()).hasSize(AttackKind.values().length);
        assertThat(Arrays.stream(AttackKind.values()).map(k -> k.attackClass))
                .allMatch(c -> !c.isBlank() && !c.contains(","));
    }
}
