package io.iotwatch.sim.logs;

import java.time.Instant;
import java.util.Objects;

/**
 * One planted attack: the ground truth a detector's alerts are scored against.
 *
 * @param profile    attack profile name, e.g. {@code ssh-bruteforce} or {@code c2-beacon}
 * @param source     attacker address
 * @param target     victim address, tunnel domain, or {@code many} when there is no single victim
 * @param start      event time of the first log line of the attack
 * @param end        event time of the last log line of the attack
 * @param parameters the profile's parameters as {@code key=value} pairs joined by {@code ;}
 */
public record TruthRecord(String profile, String source, String target, Instant start, Instant end, String parameters) {

    /** Rejects missing values. */
    public TruthRecord {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(parameters, "parameters");
    }
}
