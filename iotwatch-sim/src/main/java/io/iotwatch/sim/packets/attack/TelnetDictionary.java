package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.TcpFlow;
import io.iotwatch.sim.packets.proto.Telnet;
import io.iotwatch.sim.truth.AttackKind;
import java.util.List;
import java.util.SplittableRandom;

/**
 * hydra against a camera's busybox telnetd: the option negotiation, the login prompt, the user (echoed), the
 * password prompt, the password, and after login's three-second delay "Login incorrect" with a new prompt, at
 * which hydra hangs up.
 */
final class TelnetDictionary extends Dictionary {

    static final long SLOT = Micros.seconds(45);
    private static final int ATTEMPTS = 48;
    private static final List<String> USERS = List.of("root", "admin", "support", "user");

    TelnetDictionary(AttackContext ctx) {
        super(AttackKind.TELNET_DICTIONARY, ctx, 23, ATTEMPTS);
    }

    @Override
    protected String user(int n) {
        return USERS.get(n % USERS.size());
    }

    @Override
    protected String users() {
        return "-L " + String.join(",", USERS);
    }

    @Override
    protected long attempt(TcpFlow flow, long now, String user, String password, SplittableRandom rnd) {
        long t = flow.connect(now);
        t = flow.send(false, t + Micros.millis(2), Telnet.serverNegotiation());
        t = flow.send(true, flow.afterRoundTrip(false, t) + 300, Telnet.clientNegotiation());
        t = flow.send(false, flow.afterRoundTrip(true, t) + Micros.millis(4), Telnet.text("\r\n(none) login: "));
        t = flow.send(true, flow.afterRoundTrip(false, t) + 400, Telnet.text(user + "\r\n"));
        t = flow.send(false, flow.afterRoundTrip(true, t) + 500, Telnet.text(user + "\r\nPassword: "));
        t = flow.send(true, flow.afterRoundTrip(false, t) + 400, Telnet.text(password + "\r\n"));
        t = flow.send(false, flow.afterRoundTrip(true, t) + Micros.millis(3_000 + rnd.nextInt(100)),
                Telnet.text("\r\nLogin incorrect\r\n(none) login: "));
        return flow.close(true, t + Micros.millis(2));
    }
}
