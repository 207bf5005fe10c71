package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.lan.Device;
import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.truth.AttackKind;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A flood from attack machines at one Linux web host of the LAN: each machine sends its share of the packets at its
 * share of the rate, starting within 300 ms of the others, after its kernel has asked for the victim's MAC.
 */
abstract class BotFlood extends Attack {

    protected final List<Host> bots;
    protected final Device victim;
    protected final SplittableRandom rnd;

    BotFlood(AttackKind kind, AttackContext ctx, int machines) {
        super(kind);
        this.bots = ctx.attackers(machines);
        this.victim = ctx.victim(AttackContext.linuxWeb());
        this.rnd = ctx.random();
    }

    /** One machine's part: {@code units} and {@code perSecond} are the whole flood's, shared among the machines. */
    protected abstract class BotSource extends FloodSource {

        protected final Host bot;

        protected BotSource(Host bot, long start, int units, int perSecond) {
            super(BotFlood.this.origin, BotFlood.this.rnd.split(), start + BotFlood.this.rnd.nextLong(Micros.millis(300)),
                    units / bots.size(), (double) perSecond / bots.size());
            this.bot = bot;
        }

        @Override
        protected final long prepare(long now) {
            return resolve(now, bot, victim.host(), victim.gateway());
        }
    }

    @Override
    protected List<String> attackers() {
        return AttackContext.texts(bots);
    }

    @Override
    protected String victim() {
        return AttackContext.text(victim.host());
    }
}
