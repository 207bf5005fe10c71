package io.iotwatch.sim.logs;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What an attack profile needs to plan itself: the network, the log builders and the run's period.
 *
 * @param network  the simulated site
 * @param logs     log line builders
 * @param timeline the run
 */
record AttackContext(Network network, FortiLogs logs, Timeline timeline) {

    /** A random IoT device or gateway; with {@code singlePurposeOnly} a camera, sensor, plug or hub. */
    Device pick(RandomGenerator rnd, boolean singlePurposeOnly) {
        List<Device> candidates = network.devices(d -> singlePurposeOnly ? d.cls().singlePurpose : !d.cls().human);
        return candidates.get(rnd.nextInt(candidates.size()));
    }

    /** A compromised single-purpose device in another VLAN than the victim, so the firewall sees its traffic. */
    Device compromised(RandomGenerator rnd, DeviceClass victimClass) {
        List<Device> candidates = network.devices(d -> d.cls().singlePurpose && d.cls() != victimClass);
        return candidates.get(rnd.nextInt(candidates.size()));
    }

    /** A start time such that an attack lasting {@code span} fits the attack window. */
    long startFor(RandomGenerator rnd, long span) {
        return Timeline.between(rnd, timeline.attackFrom(), timeline.attackUntil() - span);
    }

    static int ephemeralPort(RandomGenerator rnd) {
        return rnd.nextInt(32768, 61000);
    }
}
