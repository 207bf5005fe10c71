package io.iotwatch.sim.logs;

import java.util.random.RandomGenerator;

/**
 * {@code host-sweep}: a compromised device probes 50-254 addresses of another VLAN's /24 on one port
 * (ICMP echo, telnet or SSH) in 1-10 minutes; most get no answer, a few existing hosts reply.
 */
final class HostSweepAttack extends Attack {

    private final AttackContext ctx;
    private final RandomGenerator rnd;
    private final DeviceClass swept;
    private final Device attacker;
    private final int hosts;
    private final int proto;
    private final int port;
    private final String service;
    private final long span;
    private final long start;

    HostSweepAttack(AttackContext ctx, RandomGenerator rnd) {
        super("host-sweep");
        this.ctx = ctx;
        this.rnd = rnd;
        swept = DeviceClass.values()[rnd.nextInt(DeviceClass.values().length)];
        attacker = ctx.compromised(rnd, swept);
        hosts = rnd.nextInt(50, 255);
        int kind = rnd.nextInt(3);
        proto = kind == 0 ? 1 : 6;
        port = kind == 0 ? 2048 : kind == 1 ? 23 : 22;
        service = kind == 0 ? "PING" : kind == 1 ? "TELNET" : "SSH";
        span = Timeline.seconds(rnd.nextDouble(60, 600));
        start = ctx.startFor(rnd, span);
    }

    @Override
    protected void generate() {
        long request = proto == 1 ? 84 : 44;
        for (int i = 0; i < hosts; i++) {
            String dst = Addresses.ip(10, 0, swept.subnet, 1 + i);
            boolean reply = ctx.network().device(dst) != null && rnd.nextInt(10) == 0;
            String action = reply ? (proto == 1 ? "accept" : "close") : rnd.nextBoolean() ? "deny" : "timeout";
            int srcPort = proto == 1 ? rnd.nextInt(1, 65536) : AttackContext.ephemeralPort(rnd);
            emit(start + span * i / hosts, ctx.logs().traffic(new Session(attacker.ip(), srcPort, dst, port, proto, service, "",
                    action, 0, request, reply ? request : 0, "Reserved"), rnd));
        }
        describe(attacker.ip(), "many", "subnet=10.0." + swept.subnet + ".0/24;hosts=" + hosts + ";proto=" + proto + ";port=" + port
                + ";minutes=" + fmt(span / (double) Timeline.MINUTE));
    }
}
