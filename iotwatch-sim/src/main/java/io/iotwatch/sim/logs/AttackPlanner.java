package io.iotwatch.sim.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides which attacks a run gets: one of each profile, plus more on larger networks and longer runs
 * (two of the short network attacks at 200 devices × 24 h). Each attack draws from its own random stream.
 */
final class AttackPlanner {

    private AttackPlanner() {
    }

    static List<Attack> plan(AttackContext ctx, int devices, SplittableRandom rnd) {
        Timeline timeline = ctx.timeline();
        double hours = (timeline.end() - timeline.start()) / (double) Timeline.HOUR;
        int extra = (int) Math.round(devices / 200.0 * hours / 24.0);
        List<Attack> attacks = new ArrayList<>();
        for (int i = 0; i < 1 + extra; i++) {
            // Alternate directions so a run with two of a profile has both an inside and an outside attacker.
            attacks.add(new BruteforceAttack(ctx, rnd.split(), false, i % 2 == 0));
            attacks.add(new BruteforceAttack(ctx, rnd.split(), true, i % 2 == 1));
            attacks.add(new C2BeaconAttack(ctx, rnd.split()));
            attacks.add(new UnusualPortAttack(ctx, rnd.split()));
            attacks.add(new PortScanAttack(ctx, rnd.split(), i % 2 == 1));
            attacks.add(new HostSweepAttack(ctx, rnd.split()));
        }
        for (int i = 0; i < Math.max(1, extra); i++) {
            attacks.add(new AdminBruteforceAttack(ctx, rnd.split()));
            attacks.add(new DnsTunnelAttack(ctx, rnd.split(), false));
            attacks.add(new DnsTunnelAttack(ctx, rnd.split(), true));
            attacks.add(new ExfiltrationAttack(ctx, rnd.split()));
        }
        return attacks;
    }
}
