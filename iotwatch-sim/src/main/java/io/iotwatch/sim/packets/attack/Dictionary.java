package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.lan.Device;
import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Ports;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.packets.net.TcpFlow;
import io.iotwatch.sim.truth.AttackKind;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * hydra guessing passwords with {@code -t 4}: four tasks, each trying one user and password per connection, the
 * next connection as soon as the last was refused. Subclasses write one attempt of their protocol.
 */
abstract class Dictionary extends Attack {

    /** The passwords Mirai and the common word lists try first. */
    static final List<String> PASSWORDS = List.of("123456", "admin", "password", "12345", "root", "xc3511", "vizxv",
            "888888", "xmhdipc", "default", "juantech", "54321", "support", "1234", "pass", "admin1234", "1111",
            "smcadmin", "666666", "ikwb", "dreambox", "realtek", "00000000", "1111111", "klv123", "klv1234", "Zte521",
            "hi3518", "jvbzd", "anko", "zlxx.", "7ujMko0vizxv", "7ujMko0admin", "system", "meinsm", "tech", "qwerty",
            "12345678", "123456789", "letmein", "changeme", "raspberry", "ubnt", "toor", "guest", "user", "iloveyou",
            "abc123", "111111", "000000", "1q2w3e4r", "welcome", "passw0rd", "admin123", "master", "hikvision", "camera",
            "Admin@123", "P@ssw0rd", "openelec", "alpine", "synology");
    private static final int TASKS = 4;

    private final int attempts;
    private final int port;
    private final Host attacker;
    protected final Device victim;
    private final SplittableRandom rnd;

    Dictionary(AttackKind kind, AttackContext ctx, int port, int attempts) {
        super(kind);
        this.port = port;
        this.attempts = attempts;
        this.attacker = ctx.attacker();
        this.victim = ctx.victim(AttackContext.listening(port));
        this.rnd = ctx.random();
    }

    /** The user tried in attempt {@code n}. */
    protected abstract String user(int n);

    /** Plans one refused login on a fresh connection from {@code t}; returns when the attacker has closed it. */
    protected abstract long attempt(TcpFlow flow, long t, String user, String password, SplittableRandom rnd);

    @Override
    public void start(long start, Scheduler scheduler) {
        Host target = victim.host();
        scheduler.add(new ToolSource(origin, rnd.split(), start) {
            @Override
            protected void plan(long now, Scheduler s) {
                long t = resolve(now, attacker, target, victim.gateway());
                Ports ports = new Ports(rnd);
                for (int task = 0; task < TASKS; task++) {
                    s.add(task(target, ports, task, t + task * Micros.millis(3)));
                }
            }
        });
    }

    private ToolSource task(Host target, Ports ports, int first, long start) {
        return new ToolSource(origin, rnd.split(), start) {
            private int next = first;

            @Override
            protected void plan(long now, Scheduler s) {
                TcpFlow flow = connection(attacker, ports.next(), target, port);
                long t = attempt(flow, now, user(next), PASSWORDS.get(next % PASSWORDS.size()), rnd);
                next += TASKS;
                if (next < attempts) {
                    wakeAt(t + Micros.millis(1 + rnd.nextInt(10)));
                }
            }
        };
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
        return String.format(Locale.ROOT, "hydra %s -P passwords.txt -t %d %s://%s: attempts=%d target=%s port=%d", users(), TASKS,
                kind == AttackKind.SSH_DICTIONARY ? "ssh" : "telnet", victim(), attempts, victim(), port);
    }

    /** hydra's user option for the users tried. */
    protected abstract String users();
}
