package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Origin;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.truth.AttackKind;
import io.iotwatch.sim.truth.AttackTruth;
import java.time.Instant;
import java.util.List;

/**
 * One planted attack: its sources of packets, started in its slot, and its ground truth, whose window runs from
 * its first packet written to its last (the victims' answers included).
 */
public abstract class Attack {

    /** The tool column of the ground truth. */
    public static final String TOOL = "iotwatch generate";

    protected final AttackKind kind;
    protected final Origin origin;

    protected Attack(AttackKind kind) {
        this.kind = kind;
        this.origin = new Origin(kind);
    }

    public AttackKind kind() {
        return kind;
    }

    /** Starts the attack's sources at {@code start}; all its packets fall within {@link Attacks#slot} of it. */
    public abstract void start(long start, Scheduler scheduler);

    /** The addresses (or the prefix) its packets come from. */
    protected abstract List<String> attackers();

    /** The address attacked, the tunnel's domain, or the networks swept. */
    protected abstract String victim();

    /** Its parameters, as the truth's command column shows them. */
    protected abstract String command();

    /** Whether any of its packets was written (it may lie beyond the end of a cut-short run). */
    public boolean planted() {
        return origin.packets() > 0;
    }

    public AttackTruth truth() {
        return new AttackTruth(kind.id, kind.attackClass, instant(origin.first()), instant(origin.last()), attackers(),
                victim(), TOOL, command());
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, Micros.SECOND), Math.floorMod(micros, Micros.SECOND) * 1_000);
    }
}
