package io.iotwatch.sim.lab;

import io.iotwatch.sim.truth.AttackKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The compromised plug calling its C2 server: one small HTTP request every {@link LabSettings#BEACON_INTERVAL},
 * each sleep off by up to {@link LabSettings#BEACON_JITTER} of it, as implants' "jitter" settings do, for the
 * run's beacon duration. The sleeps are drawn from the run's seed, so the same seed beacons alike.
 */
final class BeaconAttack {

    private BeaconAttack() {}

    static AttackPlan plan(LabSettings settings) {
        String plug = Topology.PLUG.address();
        List<String> sleeps = sleeps(settings);
        String call = "curl -s -m 5 -o /dev/null -A 'Mozilla/5.0' http://" + Topology.C2 + "/beacon";
        String script = call + "; for s in " + String.join(" ", sleeps) + "; do sleep $s; " + call + "; done";
        Duration bound = settings.beacon().plus(LabSettings.BEACON_INTERVAL.multipliedBy(2));
        return AttackPlan.simple(AttackKind.C2_BEACON, List.of(plug), Topology.C2, List.of("curl"),
                List.of(NsCommand.script(Topology.PLUG, bound, script)),
                List.of(Criterion.count("connections from " + plug + " to the C2 server " + Topology.C2 + ":80",
                        sleeps.size(), p -> p.from(plug) && p.to(Topology.C2) && p.syn())));
    }

    /** The seconds slept between two requests: the beacon's duration, in intervals. */
    static List<String> sleeps(LabSettings settings) {
        Random random = new Random(settings.seed());
        double interval = LabSettings.BEACON_INTERVAL.toMillis() / 1000.0;
        long count = settings.beacon().toMillis() / LabSettings.BEACON_INTERVAL.toMillis();
        List<String> sleeps = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            double jitter = (random.nextDouble() * 2 - 1) * LabSettings.BEACON_JITTER;
            sleeps.add(String.format(Locale.ROOT, "%.2f", interval * (1 + jitter)));
        }
        return sleeps;
    }
}
