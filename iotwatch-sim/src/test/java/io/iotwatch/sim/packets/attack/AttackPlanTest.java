package io.iotwatch.sim.packets.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.truth.AttackKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttackPlanTest {

    private static final List<AttackKind> SCAN_THEN_FLOOD = List.of(AttackKind.SYN_FLOOD, AttackKind.PORT_SCAN);

    @Test
    void theStandardScheduleRunsAttacksInKindOrderAfterNinetySecondsWithFiveSecondGaps() {
        List<AttackPlan.Slot> slots = AttackPlan.slots(SCAN_THEN_FLOOD, AttackPlan.Schedule.STANDARD, 1_000);

        assertThat(slots).containsExactly(
                new AttackPlan.Slot(AttackKind.PORT_SCAN, 1_000 + Micros.seconds(90), 1_000 + Micros.seconds(96)),
                new AttackPlan.Slot(AttackKind.SYN_FLOOD, 1_000 + Micros.seconds(101), 1_000 + Micros.seconds(109)));
        assertThat(AttackPlan.required(SCAN_THEN_FLOOD, AttackPlan.Schedule.STANDARD)).isEqualTo(Micros.seconds(129));
        assertThat(AttackPlan.required(List.of(), AttackPlan.Schedule.STANDARD)).isZero();
    }

    @Test
    void aScheduleMayShortenTheWarmUpWidenTheGapsAndKeepTheGivenOrder() {
        AttackPlan.Schedule demo = new AttackPlan.Schedule(Duration.ofSeconds(30), Duration.ofSeconds(40), true);

        List<AttackPlan.Slot> slots = AttackPlan.slots(SCAN_THEN_FLOOD, demo, 0);

        assertThat(slots).containsExactly(
                new AttackPlan.Slot(AttackKind.SYN_FLOOD, Micros.seconds(30), Micros.seconds(38)),
                new AttackPlan.Slot(AttackKind.PORT_SCAN, Micros.seconds(78), Micros.seconds(84)));
        assertThat(AttackPlan.required(SCAN_THEN_FLOOD, demo)).isEqualTo(Micros.seconds(104));
    }

    @Test
    void aNegativeOrSubMicrosecondSpacingIsRejected() {
        assertThatThrownBy(() -> new AttackPlan.Schedule(Duration.ofSeconds(-1), Duration.ZERO, false))
                .hasMessageContaining("not negative");
        assertThatThrownBy(() -> new AttackPlan.Schedule(Duration.ZERO, Duration.ofNanos(1), false))
                .hasMessageContaining("whole microseconds");
    }
}
