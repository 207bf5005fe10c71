package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.lan.Lan;
import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Packets;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.truth.AttackKind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code nmap -sn -PE 192.168.60.0/24} from an attack machine on the LAN: an ICMP echo request (no data, random
 * identifier and TTL) to each of the office network's 254 addresses through the gateway, a second try to those
 * that stayed silent, echo replies from the live ones, and reverse lookups of those.
 */
final class PingSweep extends Attack {

    static final long SLOT = Micros.seconds(12);
    private static final long PROBE_GAP = 3_500;

    private final Lan lan;
    private final Host scanner;
    private final SplittableRandom rnd;

    PingSweep(AttackContext ctx) {
        super(AttackKind.PING_SWEEP);
        this.lan = ctx.lan();
        this.scanner = ctx.attacker();
        this.rnd = ctx.random();
    }

    @Override
    public void start(long start, Scheduler scheduler) {
        scheduler.add(new ToolSource(origin, rnd, start) {
            @Override
            protected void plan(long now, Scheduler s) {
                long t = resolve(now, scanner, lan.internet(Lan.OFFICE, 1, 1), lan.gateway());
                Responders office = new Responders(lan);
                List<Integer> up = new ArrayList<>();
                long last = t;
                for (int attempt = 0; attempt < 2; attempt++) {
                    for (int host = 1; host < 255; host++) {
                        Host target = office.at(Lan.OFFICE | host);
                        if (attempt == 1 && target != null) {
                            continue;
                        }
                        Host to = target != null ? target : lan.internet(Lan.OFFICE | host, 1, 1);
                        int id = rnd.nextInt(1 << 16);
                        at(t, Packets.echo(scanner, to, nmapTtl(), true, id, 0, rnd.nextInt(1 << 16), new byte[0]));
                        if (target != null) {
                            at(t + target.rtt(), Packets.echo(target, scanner, target.ttl(), false, id, 0, rnd.nextInt(1 << 16),
                                    new byte[0]));
                            up.add(target.ip());
                        }
                        last = t;
                        t += PROBE_GAP + rnd.nextLong(1_000);
                    }
                    t = last + Micros.seconds(1);
                }
                ReverseLookups.plan(this, t, scanner, lan.gateway(), up, rnd);
            }
        });
    }

    @Override
    protected List<String> attackers() {
        return List.of(AttackContext.text(scanner));
    }

    @Override
    protected String victim() {
        return "192.168.60.0/24";
    }

    @Override
    protected String command() {
        return "nmap -sn -PE 192.168.60.0/24 (254 echo requests, a second try to the silent ones, reverse lookups)";
    }
}
