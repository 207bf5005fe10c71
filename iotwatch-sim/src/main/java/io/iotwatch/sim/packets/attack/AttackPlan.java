package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.truth.AttackKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When each attack runs: one after another in the order of {@link AttackKind} (so a run with a few attacks puts
 * them where a run with all would), each in its own slot after a quiet warm-up, a gap between slots, and a
 * quiet tail, so that no two ground-truth windows overlap.
 */
public final class AttackPlan {

    /** Quiet time at the start: every device has joined and settled. */
    public static final long WARM_UP = Micros.seconds(90);
    /** Quiet time between two attacks. */
    public static final long GAP = Micros.seconds(5);
    /** Quiet time after the last attack. */
    public static final long TAIL = Micros.seconds(20);

    private AttackPlan() {
    }

    /** The attacks in the order they run. */
    public static List<AttackKind> order(List<AttackKind> kinds) {
        return kinds.stream().distinct().sorted(Comparator.naturalOrder()).toList();
    }

    /** Microseconds a run needs for {@code kinds}; 0 for none. */
    public static long required(List<AttackKind> kinds) {
        if (kinds.isEmpty()) {
            return 0;
        }
        long total = WARM_UP + TAIL - GAP;
        for (AttackKind kind : order(kinds)) {
            total += Attacks.slot(kind) + GAP;
        }
        return total;
    }

    /** Creates the attacks and adds their sources to {@code scheduler}, the first slot starting after the warm-up. */
    public static List<Attack> start(List<AttackKind> kinds, AttackContext ctx, long runStart, Scheduler scheduler) {
        List<Attack> attacks = new ArrayList<>();
        long slot = runStart + WARM_UP;
        for (AttackKind kind : order(kinds)) {
            Attack attack = Attacks.create(kind, ctx);
            attack.start(slot, scheduler);
            attacks.add(attack);
            slot += Attacks.slot(kind) + GAP;
        }
        return attacks;
    }
}
