package io.iotwatch.sim.truth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One attack in a capture, as the packet generator planted it or the lab ran it: the ground truth that
 * detections are checked against and that labels a capture's flows for training.
 *
 * @param attack      short name of what was done, e.g. {@code syn-flood} or {@code ssh-dictionary}
 * @param attackClass the CICIoT2023 class its traffic belongs to ({@code SYN_Flood}), or iotwatch's own
 *                    where the dataset has none ({@code DNS-Tunneling}, {@code C2-Beaconing})
 * @param start       time of the attack's first packet
 * @param end         time of its last packet
 * @param attackers   the addresses its packets come from; for spoofed sources, the addresses used or the
 *                    prefix they were drawn from
 * @param victim      the address attacked, the tunnel's domain, or {@code many} when there is no one victim
 * @param tool        what produced the packets, with its version where known ({@code hping3 3.0.0-alpha-2},
 *                    {@code iotwatch generate})
 * @param command     the command line the lab ran, or the generator's parameters for the attack
 */
public record AttackTruth(String attack, String attackClass, Instant start, Instant end, List<String> attackers,
        String victim, String tool, String command) {

    /** Rejects missing values and an end before the start. */
    public AttackTruth {
        Objects.requireNonNull(attack, "attack");
        Objects.requireNonNull(attackClass, "attackClass");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        attackers = List.copyOf(attackers);
        Objects.requireNonNull(victim, "victim");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(command, "command");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException(attack + ": end " + end + " is before start " + start);
        }
    }

    /** Whether {@code time} falls in the attack, both ends included. */
    public boolean covers(Instant time) {
        return !time.isBefore(start) && !time.isAfter(end);
    }
}
