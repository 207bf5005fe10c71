package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.lan.Device;
import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.truth.AttackKind;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code arpspoof -i eth0 -t VICTIM 192.168.50.1} for 40 seconds (see {@link Poisoning}). The victim's traffic
 * that would then pass through the attacker is not simulated.
 */
final class ArpSpoof extends Attack {

    static final long SLOT = Micros.seconds(46);
    private static final long LENGTH = Micros.seconds(40);

    private final Host attacker;
    private final Device victim;
    private final SplittableRandom rnd;

    ArpSpoof(AttackContext ctx) {
        super(AttackKind.ARP_SPOOFING);
        this.attacker = ctx.attacker();
        this.victim = ctx.victim(d -> true);
        this.rnd = ctx.random();
    }

    @Override
    public void start(long start, Scheduler scheduler) {
        scheduler.add(new ToolSource(origin, rnd, start) {
            @Override
            protected void plan(long now, Scheduler s) {
                Poisoning.plan(this, now, now + LENGTH, attacker, victim.host(), victim.gateway(), rnd);
            }
        });
    }

    @Override
    protected List<String> attackers() {
        return List.of(AttackContext.text(attacker));
    }

    @Override
    protected String victim() {
        return AttackContext.text(victim.host());
    }

    @Override
    protected String command() {
        return "arpspoof -i eth0 -t " + victim() + " " + AttackContext.text(victim.gateway()) + ": replies every "
                + Poisoning.INTERVAL / Micros.SECOND + " s for " + LENGTH / Micros.SECOND + " s, then 3 restoring replies";
    }
}
