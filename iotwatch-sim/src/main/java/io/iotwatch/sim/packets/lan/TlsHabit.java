package io.iotwatch.sim.packets.lan;

import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.packets.net.TlsConnection;
import io.iotwatch.sim.packets.proto.Tls;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A device's long-lived TLS connection to its cloud (a plug's control channel, a camera's, the hub's, a
 * phone's push service): handshake and login, then a small heartbeat each way every period, and now and then
 * the cloud pushes a command or the device reports a change.
 */
final class TlsHabit extends Habit {

    private final Endpoint endpoint;
    private final int port;
    private final Tls.Client client;
    private final long period;
    private final Instant notBefore;
    private TlsConnection connection;

    TlsHabit(Device device, Endpoint endpoint, int port, Tls.Client client, long period, Instant notBefore,
            SplittableRandom rnd, long boot) {
        super(device, rnd, boot + Micros.seconds(3 + rnd.nextInt(10)));
        this.endpoint = endpoint;
        this.port = port;
        this.client = client;
        this.period = period;
        this.notBefore = notBefore;
    }

    @Override
    protected void plan(long now, Scheduler scheduler) {
        long t;
        if (connection == null) {
            t = device.resolver().lookup(this, now, endpoint, rnd);
            Tls tls = new Tls(rnd, client, endpoint.name(), endpoint.tls13(), endpoint.certificate(notBefore));
            long crypto = client == Tls.Client.EMBEDDED ? Micros.millis(150 + rnd.nextInt(250)) : Micros.millis(2 + rnd.nextInt(8));
            connection = new TlsConnection(connection(endpoint.host(), port), tls, rnd, crypto);
            t = connection.open(t);
            t = connection.request(t, 180 + rnd.nextInt(200), Micros.millis(20 + rnd.nextInt(60)), 120 + rnd.nextInt(300));
        } else if (rnd.nextInt(12) == 0) {
            t = connection.push(now, 60 + rnd.nextInt(120), Micros.millis(5 + rnd.nextInt(40)), 40 + rnd.nextInt(200));
        } else if (rnd.nextInt(8) == 0) {
            t = connection.request(now, 100 + rnd.nextInt(300), Micros.millis(10 + rnd.nextInt(40)), 30 + rnd.nextInt(60));
        } else {
            t = connection.request(now, 20 + rnd.nextInt(30), Micros.millis(1 + rnd.nextInt(10)), 20 + rnd.nextInt(30));
        }
        wakeAt(Math.max(t, now + jitter(period, 0.1)));
    }
}
