package io.iotwatch.sim.lab;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One thing {@code all.pcap} must show of an attack, within its window: at least {@code minimum} packets that
 * match, or, with a key, at least {@code minimum} distinct keys among them (ports scanned, hosts swept).
 *
 * @param description what is counted, in words, for the report ("SYNs from the attackers to 10.77.0.10:80")
 */
public record Criterion(String description, Predicate<LabPacket> matches, Function<LabPacket, Object> key, long minimum) {

    public Criterion {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(matches, "matches");
        if (minimum < 1) {
            throw new IllegalArgumentException("a criterion needs a minimum of at least 1: " + minimum);
        }
    }

    /** At least {@code minimum} packets matching. */
    static Criterion count(String description, long minimum, Predicate<LabPacket> matches) {
        return new Criterion(description, matches, null, minimum);
    }

    /** At least {@code minimum} distinct values of {@code key} among the packets matching. */
    static Criterion distinct(String description, long minimum, Predicate<LabPacket> matches, Function<LabPacket, Object> key) {
        return new Criterion(description, matches, Objects.requireNonNull(key, "key"), minimum);
    }
}
