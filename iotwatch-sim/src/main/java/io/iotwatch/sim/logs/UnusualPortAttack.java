package io.iotwatch.sim.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code unusual-port}: a camera, sensor, plug or hub starts using a (protocol, port) no device of its
 * class ever uses, 5-50 sessions to 1-3 new external addresses over 2-60 minutes.
 */
final class UnusualPortAttack extends Attack {

    private static final int[][] PAIRS = {{6, 23}, {6, 445}, {6, 6667}, {17, 69}, {6, 5555}};

    private final AttackContext ctx;
    private final RandomGenerator rnd;
    private final Device device;
    private final int proto;
    private final int port;
    private final List<String> destinations = new ArrayList<>();
    private final int sessions;
    private final long span;
    private final long start;

    UnusualPortAttack(AttackContext ctx, RandomGenerator rnd) {
        super("unusual-port");
        this.ctx = ctx;
        this.rnd = rnd;
        device = ctx.pick(rnd, true);
        int[] pair = PAIRS[rnd.nextInt(PAIRS.length)];
        proto = pair[0];
        port = pair[1];
        int destinationCount = rnd.nextInt(1, 4);
        for (int i = 0; i < destinationCount; i++) {
            destinations.add(ctx.network().freshPublicIp(rnd));
        }
        sessions = rnd.nextInt(5, 51);
        span = Timeline.seconds(rnd.nextDouble(2 * 60, 60 * 60));
        start = ctx.startFor(rnd, span);
    }

    @Override
    protected void generate() {
        String protoName = proto == 6 ? "tcp" : "udp";
        for (int i = 0; i < sessions; i++) {
            String dst = destinations.get(i % destinations.size());
            long duration = rnd.nextLong(0, 30);
            emit(start + span * i / sessions + Timeline.seconds(duration), ctx.logs().traffic(new Session(device.ip(),
                    AttackContext.ephemeralPort(rnd), dst, port, proto, protoName + "/" + port, "", proto == 17 ? "accept" : "close",
                    duration, rnd.nextLong(100, 20_000), rnd.nextLong(100, 20_000), Addresses.country(dst)), rnd));
        }
        describe(device.ip(), destinations.size() == 1 ? destinations.getFirst() : "many",
                "proto=" + protoName + ";port=" + port + ";sessions=" + sessions + ";destinations=" + destinations.size());
    }
}
