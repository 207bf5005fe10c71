package io.iotwatch.sim.packets.lan;

import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.packets.net.TlsConnection;
import io.iotwatch.sim.packets.proto.Tls;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Uploads at irregular times (exponentially distributed gaps): each a new TLS connection that sends a body of
 * random size, gets a short answer and is closed. A camera's motion clips (40 to 400 kB, minutes apart), a
 * phone app's reports to the hub's cloud (a few kB).
 */
final class UploadHabit extends Habit {

    private final Endpoint endpoint;
    private final Tls.Client client;
    private final Instant notBefore;
    private final double meanGapSeconds;
    private final int minBytes;
    private final int maxBytes;

    UploadHabit(Device device, Endpoint endpoint, Tls.Client client, double meanGapSeconds, int minBytes, int maxBytes,
            Instant notBefore, SplittableRandom rnd, long boot) {
        super(device, rnd, 0);
        this.endpoint = endpoint;
        this.client = client;
        this.notBefore = notBefore;
        this.meanGapSeconds = meanGapSeconds;
        this.minBytes = minBytes;
        this.maxBytes = maxBytes;
        wakeAt(boot + gap());
    }

    @Override
    protected void plan(long now, Scheduler scheduler) {
        long t = device.resolver().lookup(this, now, endpoint, rnd);
        Tls tls = new Tls(rnd, client, endpoint.name(), endpoint.tls13(), endpoint.certificate(notBefore));
        TlsConnection upload = new TlsConnection(connection(endpoint.host(), 443), tls, rnd, Micros.millis(3));
        t = upload.open(t);
        t = upload.request(t, minBytes + rnd.nextInt(maxBytes - minBytes), Micros.millis(30 + rnd.nextInt(120)),
                200 + rnd.nextInt(200));
        t = upload.close(true, t + Micros.millis(5));
        wakeAt(t + gap());
    }

    /** Exponential, at least 20 s: nothing about it is regular. */
    private long gap() {
        return Micros.seconds(Math.max(20, -Math.log(1 - rnd.nextDouble()) * meanGapSeconds));
    }
}
