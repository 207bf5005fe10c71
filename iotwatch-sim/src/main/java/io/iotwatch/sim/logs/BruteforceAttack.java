package io.iotwatch.sim.logs;

import java.util.random.RandomGenerator;

/**
 * {@code ssh-bruteforce} / {@code telnet-bruteforce}: many short login sessions against one IoT device at
 * 0.2-3 attempts/s for 3-20 minutes, from a compromised device inside or a public address outside; half
 * end in a successful login, one long session right after the last attempt.
 */
final class BruteforceAttack extends Attack {

    private final AttackContext ctx;
    private final RandomGenerator rnd;
    private final boolean telnet;
    private final boolean inside;
    private final Device victim;
    private final String attacker;
    private final int port;
    private final double rate;
    private final long span;
    private final boolean success;
    private final long start;

    BruteforceAttack(AttackContext ctx, RandomGenerator rnd, boolean telnet, boolean inside) {
        super(telnet ? "telnet-bruteforce" : "ssh-bruteforce");
        this.ctx = ctx;
        this.rnd = rnd;
        this.telnet = telnet;
        this.inside = inside;
        victim = ctx.pick(rnd, false);
        attacker = inside ? ctx.compromised(rnd, victim.cls()).ip() : ctx.network().freshPublicIp(rnd);
        port = telnet ? (rnd.nextBoolean() ? 23 : 2323) : 22;
        rate = rnd.nextDouble(0.2, 3.0);
        span = Timeline.seconds(rnd.nextDouble(3 * 60, 20 * 60));
        success = rnd.nextBoolean();
        // Room for the 15-minute session a successful login opens.
        start = ctx.startFor(rnd, span + 16 * Timeline.MINUTE);
    }

    @Override
    protected void generate() {
        String service = telnet ? "TELNET" : "SSH";
        long t = start;
        int attempts = 0;
        while (t < start + span) {
            long duration = rnd.nextLong(0, 4);
            String action = switch (rnd.nextInt(3)) {
                case 0 -> "close";
                case 1 -> "client-rst";
                default -> "server-rst";
            };
            long sent = telnet ? rnd.nextLong(60, 400) : rnd.nextLong(800, 3001);
            long rcvd = telnet ? rnd.nextLong(80, 500) : rnd.nextLong(800, 3501);
            emit(t + Timeline.seconds(duration) + rnd.nextLong(Timeline.SECOND / 2), ctx.logs().traffic(new Session(attacker,
                    AttackContext.ephemeralPort(rnd), victim.ip(), port, 6, service, "", action, duration, sent, rcvd, "Reserved"), rnd));
            attempts++;
            t += Timeline.seconds(rnd.nextDouble(0.5, 1.5) / rate);
        }
        if (success) {
            long duration = rnd.nextLong(60, 901);
            emit(t + Timeline.seconds(duration), ctx.logs().traffic(new Session(attacker, AttackContext.ephemeralPort(rnd), victim.ip(), port, 6,
                    service, "", "close", duration, rnd.nextLong(10_000, 90_000), rnd.nextLong(10_000, 90_000), "Reserved"), rnd));
        }
        describe(attacker, victim.ip(), "direction=" + (inside ? "inside" : "outside") + ";port=" + port + ";rate=" + fmt(rate)
                + ";attempts=" + attempts + ";success=" + success);
    }
}
