package io.iotwatch.sim.logs;

import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * {@code port-scan}: 100-1000 distinct TCP ports of one target in 1-10 minutes, nearly all refused
 * (deny or server-rst, nothing received). From outside the target is the firewall's WAN address; from
 * inside, a compromised device scans a device in another VLAN.
 */
final class PortScanAttack extends Attack {

    private final AttackContext ctx;
    private final RandomGenerator rnd;
    private final boolean outside;
    private final String attacker;
    private final String target;
    private final int ports;
    private final long span;
    private final long start;

    PortScanAttack(AttackContext ctx, RandomGenerator rnd, boolean outside) {
        super("port-scan");
        this.ctx = ctx;
        this.rnd = rnd;
        this.outside = outside;
        Device victim = ctx.pick(rnd, false);
        attacker = outside ? ctx.network().freshPublicIp(rnd) : ctx.compromised(rnd, victim.cls()).ip();
        target = outside ? Network.FIREWALL_WAN : victim.ip();
        ports = rnd.nextInt(100, 1001);
        span = Timeline.seconds(rnd.nextDouble(60, 600));
        start = ctx.startFor(rnd, span);
    }

    @Override
    protected void generate() {
        Set<Integer> scanned = new HashSet<>();
        for (int i = 0; i < ports; i++) {
            // Well-known ports first, as scanners do, then random ones.
            int port = i < 100 ? i + 1 : rnd.nextInt(101, 65536);
            while (!scanned.add(port)) {
                port = rnd.nextInt(101, 65536);
            }
            boolean open = !outside && rnd.nextInt(50) == 0;
            String action = open ? "close" : outside || rnd.nextBoolean() ? "deny" : "server-rst";
            emit(start + span * i / ports, ctx.logs().traffic(new Session(attacker, AttackContext.ephemeralPort(rnd), target, port, 6,
                    "tcp/" + port, "", action, 0, 44, open ? 44 : 0, Addresses.country(target)), rnd));
        }
        describe(attacker, target, "direction=" + (outside ? "outside" : "inside") + ";ports=" + ports
                + ";minutes=" + fmt(span / (double) Timeline.MINUTE));
    }
}
