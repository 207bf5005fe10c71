package io.iotwatch.sim.logs;

import java.util.random.RandomGenerator;

/**
 * {@code c2-beacon}: one device calls home to an address no other device uses and nothing resolves to,
 * on 443, 8443 or 4444, every 30-300 s with 0-20% jitter, a near-constant 200-2000 byte payload and a
 * small reply, for 2-8 hours and at least 40 connections.
 */
final class C2BeaconAttack extends Attack {

    private static final int[] PORTS = {443, 8443, 4444};

    private final AttackContext ctx;
    private final RandomGenerator rnd;
    private final Device device;
    private final String server;
    private final int port;
    private final long span;
    private final double interval;
    private final double jitter;
    private final long payload;
    private final long start;

    C2BeaconAttack(AttackContext ctx, RandomGenerator rnd) {
        super("c2-beacon");
        this.ctx = ctx;
        this.rnd = rnd;
        device = ctx.pick(rnd, false);
        server = ctx.network().freshPublicIp(rnd);
        port = PORTS[rnd.nextInt(PORTS.length)];
        Timeline timeline = ctx.timeline();
        long maxSpan = Math.min(8 * Timeline.HOUR, timeline.attackUntil() - timeline.attackFrom());
        span = Timeline.between(rnd, 2 * Timeline.HOUR, maxSpan);
        // Capped so that even the maximum jitter leaves more than 40 connections in the span.
        interval = rnd.nextDouble(30, Math.min(300, span / (double) Timeline.SECOND / 45));
        jitter = rnd.nextDouble(0, 0.2);
        payload = rnd.nextLong(200, 2001);
        start = ctx.startFor(rnd, span);
    }

    @Override
    protected void generate() {
        int connections = 0;
        for (long t = start; t < start + span; t += Timeline.seconds(interval * (1 + rnd.nextDouble(-jitter, jitter + 1e-9)))) {
            long duration = rnd.nextLong(0, 3);
            long sent = payload + rnd.nextLong(-payload / 20, payload / 20 + 1);
            emit(t + Timeline.seconds(duration), ctx.logs().traffic(new Session(device.ip(), AttackContext.ephemeralPort(rnd), server, port, 6,
                    port == 443 ? "HTTPS" : "tcp/" + port, "", "close", duration, sent, rnd.nextLong(100, 400), Addresses.country(server)), rnd));
            connections++;
        }
        describe(device.ip(), server, "port=" + port + ";interval=" + fmt(interval) + ";jitter=" + fmt(jitter)
                + ";payload=" + payload + ";connections=" + connections);
    }
}
