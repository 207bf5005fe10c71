package io.iotwatch.sim.lab;

import io.iotwatch.sim.truth.AttackKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One attack as the lab runs it and checks it: helpers started first and stopped at the end (a poisoner, a
 * tunnel client), then the attack's own commands, all at once, each with its bound; and what the capture must
 * show of it afterwards.
 *
 * @param attackers  the addresses its packets come from, as the ground truth lists them; a prefix for forged
 *                   sources
 * @param victim     the address attacked, or the tunnel's domain
 * @param packages   the Debian packages whose programs make its packets, for the tool column and its version
 * @param background started first, in order, and stopped once the foreground has ended
 * @param settle     how long the background runs alone before the foreground starts
 * @param foreground run at the same time; the attack ends when the last of them has
 * @param criteria   what {@code all.pcap} must show of it; every one must hold
 */
public record AttackPlan(AttackKind kind, List<String> attackers, String victim, List<String> packages,
        List<NsCommand> background, Duration settle, List<NsCommand> foreground, List<Criterion> criteria) {

    public AttackPlan {
        Objects.requireNonNull(kind, "kind");
        attackers = List.copyOf(attackers);
        Objects.requireNonNull(victim, "victim");
        packages = List.copyOf(packages);
        background = List.copyOf(background);
        Objects.requireNonNull(settle, "settle");
        foreground = List.copyOf(foreground);
        criteria = List.copyOf(criteria);
        if (foreground.isEmpty() || criteria.isEmpty()) {
            throw new IllegalArgumentException(kind.id + " needs a command and a check");
        }
        for (NsCommand command : foreground) {
            if (command.bound() == null) {
                throw new IllegalArgumentException(kind.id + ": every attack command needs a bound: " + command.display());
            }
        }
    }

    /** A plan without background helpers. */
    static AttackPlan simple(AttackKind kind, List<String> attackers, String victim, List<String> packages,
            List<NsCommand> foreground, List<Criterion> criteria) {
        return new AttackPlan(kind, attackers, victim, packages, List.of(), Duration.ZERO, foreground, criteria);
    }

    /**
     * Every command as the ground truth shows it: {@code [host] command}, background ones marked with a
     * trailing {@code &}, separated by {@code ; }.
     */
    public String command() {
        List<String> shown = new ArrayList<>();
        background.forEach(c -> shown.add("[" + c.host().name() + "] " + c.display() + " &"));
        foreground.forEach(c -> shown.add("[" + c.host().name() + "] " + c.display()));
        return String.join("; ", shown);
    }

    /** The longest the foreground may take, its commands' kill time included. */
    public Duration longest() {
        return foreground.stream().map(NsCommand::bound).max(Duration::compareTo).orElseThrow().plus(NsCommand.KILL_AFTER);
    }
}
