package io.iotwatch.sim.packets.lan;

import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.packets.net.TlsConnection;
import io.iotwatch.sim.packets.proto.Tls;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A person on a phone: idle for minutes, then a burst of visits, each a lookup and a TLS 1.3 connection with a
 * few requests and responses of very different sizes, closed by the phone after a few seconds of quiet.
 */
final class BrowsingHabit extends Habit {

    private final List<Endpoint> sites;
    private final Instant notBefore;
    private int burst;

    BrowsingHabit(Device device, List<Endpoint> sites, Instant notBefore, SplittableRandom rnd, long boot) {
        super(device, rnd, boot + Micros.seconds(5 + rnd.nextInt(120)));
        this.sites = sites;
        this.notBefore = notBefore;
    }

    @Override
    protected void plan(long now, Scheduler scheduler) {
        if (burst == 0) {
            burst = 2 + rnd.nextInt(8);
        }
        // A few sites are visited far more often than the rest.
        Endpoint site = sites.get(Math.min(sites.size() - 1, (int) (-Math.log(1 - rnd.nextDouble()) * 6)));
        long t = device.resolver().lookup(this, now, site, rnd);
        Tls tls = new Tls(rnd, Tls.Client.BROWSER, site.name(), site.tls13(), site.certificate(notBefore));
        TlsConnection visit = new TlsConnection(connection(site.host(), 443), tls, rnd, Micros.millis(1));
        t = visit.open(t);
        for (int i = 1 + rnd.nextInt(4); i > 0; i--) {
            int response = (int) (1_500 * Math.exp(rnd.nextDouble(4.5)));
            t = visit.request(t + Micros.millis(rnd.nextInt(400)), 300 + rnd.nextInt(700), Micros.millis(20 + rnd.nextInt(150)),
                    response);
        }
        t = visit.close(true, t + Micros.seconds(2 + rnd.nextInt(10)));
        burst--;
        long pause = burst > 0 ? Micros.seconds(3 + rnd.nextInt(40)) : Micros.seconds(Math.max(30, -Math.log(1 - rnd.nextDouble()) * 300));
        wakeAt(t + pause);
    }
}
