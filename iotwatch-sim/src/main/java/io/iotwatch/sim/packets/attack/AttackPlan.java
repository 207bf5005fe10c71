package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.truth.AttackKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * When each attack runs: one after another, each in its own slot after a quiet warm-up, a gap between slots, and a
 * quiet tail, so that no two ground-truth windows overlap. With the {@linkplain Schedule#STANDARD standard
 * schedule} the order is that of {@link AttackKind}, so a run with a few attacks puts them where a run with all
 * would.
 */
public final class AttackPlan {

    /** Quiet time after the last attack. */
    public static final long TAIL = Micros.seconds(20);

    /**
     * How a run's attacks are laid out in time.
     *
     * @param warmUp  quiet time at the start, before the first attack
     * @param gap     quiet time between two attacks
     * @param asGiven whether the attacks run in the order they are given rather than in that of {@link AttackKind}
     */
    public record Schedule(Duration warmUp, Duration gap, boolean asGiven) {

        /** What {@code generate pcap} uses: 90 s for every device to join and settle, 5 s gaps, AttackKind's order. */
        public static final Schedule STANDARD = new Schedule(Duration.ofSeconds(90), Duration.ofSeconds(5), false);

        public Schedule {
            Objects.requireNonNull(warmUp, "warmUp");
            Objects.requireNonNull(gap, "gap");
            if (warmUp.isNegative() || gap.isNegative() || warmUp.toNanosPart() % 1_000 != 0 || gap.toNanosPart() % 1_000 != 0) {
                throw new IllegalArgumentException("warm-up and gap must be whole microseconds, not negative: " + warmUp + ", " + gap);
            }
        }

        long warmUpMicros() {
            return warmUp.toNanos() / 1_000;
        }

        long gapMicros() {
            return gap.toNanos() / 1_000;
        }
    }

    /**
     * The slot of one attack: all its packets fall from {@code start} (inclusive) to {@code end} (exclusive),
     * microseconds since the epoch.
     */
    public record Slot(AttackKind kind, long start, long end) {}

    private AttackPlan() {
    }

    /** The attacks in the order they run, each once. */
    public static List<AttackKind> order(List<AttackKind> kinds, Schedule schedule) {
        return schedule.asGiven() ? kinds.stream().distinct().toList()
                : kinds.stream().distinct().sorted(Comparator.naturalOrder()).toList();
    }

    /** Microseconds a run needs for {@code kinds}; 0 for none. */
    public static long required(List<AttackKind> kinds, Schedule schedule) {
        List<Slot> slots = slots(kinds, schedule, 0);
        return slots.isEmpty() ? 0 : slots.getLast().end() + TAIL;
    }

    /** Where each attack of a run starting at {@code runStart} runs, in order. */
    public static List<Slot> slots(List<AttackKind> kinds, Schedule schedule, long runStart) {
        List<Slot> slots = new ArrayList<>();
        long start = runStart + schedule.warmUpMicros();
        for (AttackKind kind : order(kinds, schedule)) {
            long end = start + Attacks.slot(kind);
            slots.add(new Slot(kind, start, end));
            start = end + schedule.gapMicros();
        }
        return slots;
    }

    /** Creates the attacks and adds their sources to {@code scheduler}, each starting at its slot. */
    public static List<Attack> start(List<AttackKind> kinds, Schedule schedule, AttackContext ctx, long runStart,
            Scheduler scheduler) {
        List<Attack> attacks = new ArrayList<>();
        for (Slot slot : slots(kinds, schedule, runStart)) {
            Attack attack = Attacks.create(slot.kind(), ctx);
            attack.start(slot.start(), scheduler);
            attacks.add(attack);
        }
        return attacks;
    }
}
