package io.iotwatch.sim.logs;

import java.util.random.RandomGenerator;

/**
 * {@code exfiltration}: one device uploads 50-500 MB to one new external address over 3-12 consecutive
 * HTTPS sessions within 5-30 minutes, receiving almost nothing back.
 */
final class ExfiltrationAttack extends Attack {

    private final AttackContext ctx;
    private final RandomGenerator rnd;
    private final Device device;
    private final String server;
    private final long total;
    private final long span;
    private final int sessions;
    private final long start;

    ExfiltrationAttack(AttackContext ctx, RandomGenerator rnd) {
        super("exfiltration");
        this.ctx = ctx;
        this.rnd = rnd;
        device = ctx.pick(rnd, false);
        server = ctx.network().freshPublicIp(rnd);
        total = rnd.nextLong(50_000_000, 500_000_001);
        span = Timeline.seconds(rnd.nextDouble(5 * 60, 30 * 60));
        sessions = rnd.nextInt(3, 13);
        start = ctx.startFor(rnd, span);
    }

    @Override
    protected void generate() {
        long duration = span / sessions;
        for (int i = 0; i < sessions; i++) {
            emit(start + duration * (i + 1), ctx.logs().traffic(new Session(device.ip(), AttackContext.ephemeralPort(rnd), server, 443, 6,
                    "HTTPS", "", "close", duration / Timeline.SECOND, total / sessions, rnd.nextLong(2_000, 50_000), Addresses.country(server)), rnd));
        }
        describe(device.ip(), server, "bytes=" + total + ";sessions=" + sessions + ";minutes=" + fmt(span / (double) Timeline.MINUTE));
    }
}
