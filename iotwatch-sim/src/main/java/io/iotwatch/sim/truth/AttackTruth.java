package io.iotwatch.sim.truth;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

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
 * @param victim      the address attacked, the networks swept (addresses or prefixes separated by spaces), the
 *                    tunnel's domain, or {@code many} when there is no one victim
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

    /**
     * How long after the attack's last packet a flow may start and still be the attack's, in {@link #carries}.
     * The lab's times come from its clock around the tools it runs and a capture's from when the kernel saw each
     * packet, and the last answers (a victim's reset, a rate-limited ICMP error) may trail the recorded end; a
     * second is well below the quiet gap the lab and the generator leave between two attacks (8 and 5 s).
     */
    public static final Duration TAIL = Duration.ofSeconds(1);

    /** The victim column's word for an attack with no one victim. */
    private static final String MANY = "many";

    private static final int DNS_PORT = 53;

    /** Whether {@code time} falls in the attack, both ends included. */
    public boolean covers(Instant time) {
        return !time.isBefore(start) && !time.isAfter(end);
    }

    /**
     * Whether the attack's sources are forged (no attacker listed, or a prefix the sources were drawn from), so
     * that its packets may come from addresses the truth cannot list.
     */
    boolean forgedSources() {
        return attackers.isEmpty() || attackers.stream().anyMatch(a -> a.contains("/"));
    }

    /**
     * Whether a flow between {@code initiator} and {@code responder} (numeric addresses, as the flow table gives
     * them, with their ports) that started at {@code flowStart} is part of this attack. It must start in the
     * attack, from its first packet to {@link #TAIL} after its last, and either
     *
     * <ul>
     * <li>one end is an attacker (an address, or inside an attacker prefix: {@code 192.168.50.51/32} for the
     *     victim's own address forged as the source) and the other is the victim, or inside one of the networks
     *     the victim column lists, or anything when the victim is {@code many}; when the victim is a domain
     *     (a DNS tunnel) the flow must be DNS, port 53 on either end, whatever the other end (a resolver or the
     *     domain's own server): the tunnel's host is a compromised device, and its other traffic is its own; or
     * <li>no attacker is listed (sources forged at random, none known) and the flow goes to the victim: a
     *     forged packet that starts a flow makes its source the initiator; flows the victim starts are its own
     *     habits, not the attack.
     * </ul>
     *
     * <p>Unlike {@link AlertMatcher}, which takes any alert on the victim of an attack from a prefix (an alert
     * about many forged sources may name none), a listed prefix here is only an attacker end: a flow always has
     * its source address, and one from inside the prefix is carried already, so counting every flow to the
     * victim would only add its other traffic (the hub's MQTT clients, when the hub is the victim).
     */
    public boolean carries(String initiator, int initiatorPort, String responder, int responderPort, Instant flowStart) {
        if (flowStart.isBefore(start) || flowStart.isAfter(end.plus(TAIL))) {
            return false;
        }
        if (domainVictim() && initiatorPort != DNS_PORT && responderPort != DNS_PORT) {
            return false;
        }
        return attacker(initiator) && victim(responder) || attacker(responder) && victim(initiator)
                || attackers.isEmpty() && numericVictim() && victim(responder);
    }

    /** Whether {@code address} is one of the attackers or inside an attacker prefix. */
    boolean attacker(String address) {
        return address != null && attackers.stream().anyMatch(a -> Prefix.contains(a, address));
    }

    /** Whether {@code address} is the victim or inside a victim network; any address for a domain or {@code many}. */
    private boolean victim(String address) {
        return !numericVictim() || victims().anyMatch(v -> Prefix.contains(v, address));
    }

    private boolean domainVictim() {
        return !numericVictim() && !victim.strip().equalsIgnoreCase(MANY);
    }

    private boolean numericVictim() {
        return victims().allMatch(Prefix::isNumeric);
    }

    private Stream<String> victims() {
        return Arrays.stream(victim.strip().split("\\s+"));
    }
}
