package io.iotwatch.sim.lab;

import java.time.Duration;

/**
 * How a lab run is paced and sized.
 *
 * @param seed          seeds everything random the lab decides: benign timing, beacon jitter, tunnel data
 * @param floodPackets  packets of each flood, split over the attacker's addresses; every flood also stops
 *                      after {@link #FLOOD_SECONDS} whatever it has sent
 * @param beacon        how long the compromised plug beacons; it runs beside the other attacks, and the run
 *                      lasts at least this long
 * @param warmup        benign traffic alone before the first attack, so the network has a normal to stand out
 *                      from (ARP bindings, DNS, MQTT)
 * @param gap           benign traffic alone between two attacks, so each attack's packets sit in their own window
 * @param cooldown      benign traffic after the last attack, so flows and detectors settle before the sensor stops
 */
public record LabSettings(long seed, int floodPackets, Duration beacon, Duration warmup, Duration gap, Duration cooldown) {

    /** The longest any flood runs, however many packets it has left. */
    public static final Duration FLOOD_SECONDS = Duration.ofSeconds(15);
    /** The beacon's interval; each sleep is this plus or minus {@link #BEACON_JITTER} of it. */
    public static final Duration BEACON_INTERVAL = Duration.ofSeconds(30);
    public static final double BEACON_JITTER = 0.1;
    /**
     * The default beacon: the beacon detector wants 20 connections over at least 10 minutes, so 12 minutes of
     * one every 30 s gives it 24 with room to spare.
     */
    public static final Duration DEFAULT_BEACON = Duration.ofMinutes(12);

    public LabSettings {
        if (floodPackets < 300 || floodPackets > 200_000) {
            throw new IllegalArgumentException("flood packets must be from 300 to 200000: " + floodPackets);
        }
        if (beacon.compareTo(BEACON_INTERVAL.multipliedBy(4)) < 0 || beacon.compareTo(Duration.ofHours(2)) > 0) {
            throw new IllegalArgumentException("the beacon must last from 2 minutes to 2 hours: " + beacon);
        }
        for (Duration pause : new Duration[] {warmup, gap, cooldown}) {
            if (pause.isNegative() || pause.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("pauses must be from 0 to 10 minutes: " + pause);
            }
        }
    }

    public static LabSettings defaults() {
        return new LabSettings(42, 12_000, DEFAULT_BEACON, Duration.ofSeconds(20), Duration.ofSeconds(8),
                Duration.ofSeconds(15));
    }
}
