package io.iotwatch.sim.logs;

import java.util.random.RandomGenerator;

/**
 * {@code admin-bruteforce}: 20-200 failed administrator logins on the firewall from one public address,
 * 1-10 s apart, cycling through a small user-name dictionary; 40% end in a successful login.
 */
final class AdminBruteforceAttack extends Attack {

    private static final String[] USERS = {"admin", "root", "fortinet", "user", "test", "administrator", "support", "guest"};

    private final RandomGenerator rnd;
    private final String attacker;
    private final int attempts;
    private final boolean success;
    private final String method;
    private final long start;

    AdminBruteforceAttack(AttackContext ctx, RandomGenerator rnd) {
        super("admin-bruteforce");
        this.rnd = rnd;
        attacker = ctx.network().freshPublicIp(rnd);
        attempts = rnd.nextInt(20, 201);
        success = rnd.nextDouble() < 0.4;
        method = rnd.nextInt(3) == 0 ? "ssh" : "https";
        start = ctx.startFor(rnd, attempts * 11L * Timeline.SECOND);
    }

    @Override
    protected void generate() {
        long t = start;
        for (int i = 0; i < attempts; i++) {
            emit(t, FortiLogs.adminLogin(attacker, USERS[rnd.nextInt(USERS.length)], method, false));
            t += Timeline.seconds(rnd.nextDouble(1, 10));
        }
        if (success) {
            emit(t, FortiLogs.adminLogin(attacker, "admin", method, true));
        }
        describe(attacker, Network.FIREWALL_WAN, "attempts=" + attempts + ";method=" + method + ";success=" + success);
    }
}
