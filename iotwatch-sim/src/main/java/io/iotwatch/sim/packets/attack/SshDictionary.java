package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.TcpFlow;
import io.iotwatch.sim.packets.proto.Ssh;
import io.iotwatch.sim.packets.wire.Bytes;
import io.iotwatch.sim.truth.AttackKind;
import java.util.SplittableRandom;

/**
 * hydra against the hub's OpenSSH: per attempt the version exchange, the key exchange (KEXINIT both ways,
 * curve25519, NEWKEYS), then encrypted: the service request, the "none" method, the password (refused after
 * PAM's two-second delay) and hydra's disconnect. Two seconds and under two kilobytes from the server: what the
 * packet path reads as a failed login.
 */
final class SshDictionary extends Dictionary {

    static final long SLOT = Micros.seconds(40);
    private static final int ATTEMPTS = 60;

    SshDictionary(AttackContext ctx) {
        super(AttackKind.SSH_DICTIONARY, ctx, 22, ATTEMPTS);
    }

    @Override
    protected String user(int n) {
        return "root";
    }

    @Override
    protected String users() {
        return "-l root";
    }

    @Override
    protected long attempt(TcpFlow flow, long now, String user, String password, SplittableRandom rnd) {
        long t = flow.connect(now);
        t = flow.send(false, t + Micros.millis(2), Ssh.version("OpenSSH_9.2p1 Debian-2+deb12u3"));
        t = flow.send(true, flow.afterRoundTrip(false, t) + 300, Ssh.version("libssh_0.10.6"));
        t = flow.send(true, t + 200, Ssh.kexinit(rnd, true));
        t = flow.send(false, flow.afterRoundTrip(true, t) + 400, Ssh.kexinit(rnd, false));
        t = flow.send(true, flow.afterRoundTrip(false, t) + 500, Ssh.ecdhInit(rnd));
        t = flow.send(false, flow.afterRoundTrip(true, t) + Micros.millis(3), Ssh.ecdhReplyAndNewKeys(rnd));
        // NEWKEYS and the first encrypted packet (the service request) go out together.
        byte[] newKeys = Ssh.newKeys(rnd);
        byte[] serviceRequest = Ssh.encrypted(rnd, 17);
        t = flow.send(true, flow.afterRoundTrip(false, t) + Micros.millis(1),
                new Bytes(newKeys.length + serviceRequest.length).bytes(newKeys).bytes(serviceRequest).toArray());
        t = flow.send(false, flow.afterRoundTrip(true, t) + 300, Ssh.encrypted(rnd, 17));
        t = flow.exchange(true, t + 200, Ssh.encrypted(rnd, 1 + 8 + user.length() + 18 + 8), 400, Ssh.encrypted(rnd, 24));
        t = flow.exchange(true, t + 200, Ssh.encrypted(rnd, 1 + 8 + user.length() + 18 + 12 + 1 + 4 + password.length()),
                Micros.millis(2_000 + rnd.nextInt(150)), Ssh.encrypted(rnd, 24));
        t = flow.send(true, t + 300, Ssh.encrypted(rnd, 1 + 4 + 4 + 19 + 4));
        return flow.close(true, t + 100);
    }
}
