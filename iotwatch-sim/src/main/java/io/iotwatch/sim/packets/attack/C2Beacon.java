package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.lan.Device;
import io.iotwatch.sim.packets.lan.DeviceKind;
import io.iotwatch.sim.packets.lan.Endpoint;
import io.iotwatch.sim.packets.lan.Lan;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.packets.net.TcpFlow;
import io.iotwatch.sim.packets.net.TlsConnection;
import io.iotwatch.sim.packets.proto.Tls;
import io.iotwatch.sim.packets.wire.Ip;
import io.iotwatch.sim.truth.AttackKind;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * An implant on a compromised camera checking in with its controller: every 45 seconds, give or take 1.5, a
 * lookup when the answer has expired, a new TLS connection to one address no other host uses, a check-in of
 * nearly the same size each time, a short answer ("no tasks") and the close. It runs for 15 minutes (21
 * check-ins: the beacon detector wants 20 over at least 10 minutes).
 */
final class C2Beacon extends Attack {

    static final int CHECK_INS = 21;
    static final long INTERVAL = Micros.seconds(45);
    static final long JITTER = Micros.millis(1_500);
    static final long SLOT = (CHECK_INS - 1) * (INTERVAL + JITTER) + Micros.seconds(5);
    private static final String[][] CONTROLLERS = {
        {"update.firmware-cdn.net", "45.137.21."}, {"api.telemetry-sync.com", "91.215.85."},
        {"cdn.cloudstatic-srv.com", "193.42.33."}, {"ota.device-metrics.net", "5.252.178."}};

    private final Device device;
    private final Endpoint controller;
    private final Instant notBefore;
    private final SplittableRandom rnd;

    C2Beacon(AttackContext ctx) {
        super(AttackKind.C2_BEACON);
        this.device = ctx.compromise(DeviceKind.CAMERA);
        this.rnd = ctx.random();
        this.notBefore = ctx.notBefore();
        String[] pick = CONTROLLERS[rnd.nextInt(CONTROLLERS.length)];
        Lan lan = ctx.lan();
        this.controller = new Endpoint(pick[0], List.of(lan.internet(Ip.parse(pick[1] + (2 + rnd.nextInt(250))), 13, 48)), null,
                300, false);
    }

    @Override
    public void start(long start, Scheduler scheduler) {
        scheduler.add(new ToolSource(origin, rnd, start) {
            private int done;

            @Override
            protected void plan(long now, Scheduler s) {
                long t = device.resolver().lookup(this, now, controller, rnd);
                Tls tls = new Tls(rnd, Tls.Client.OPENSSL, controller.name(), controller.tls13(), controller.certificate(notBefore));
                TlsConnection checkIn = new TlsConnection(new TcpFlow(this, device.host(),
                        device.ephemeralPort(), controller.host(), 443, rnd), tls, rnd, Micros.millis(3));
                t = checkIn.open(t);
                t = checkIn.request(t, 290 + rnd.nextInt(16), Micros.millis(40 + rnd.nextInt(50)), 160 + rnd.nextInt(12));
                checkIn.close(true, t + Micros.millis(2));
                if (++done < CHECK_INS) {
                    wakeAt(now + INTERVAL - JITTER + rnd.nextLong(2 * JITTER + 1));
                }
            }
        });
    }

    @Override
    protected List<String> attackers() {
        return List.of(AttackContext.text(device.host()));
    }

    @Override
    protected String victim() {
        return AttackContext.text(controller.host());
    }

    @Override
    protected String command() {
        return String.format(Locale.ROOT, "implant check-in to https://%s/ (%s): every %d s +-%.1f s, %d times", controller.name(),
                victim(), INTERVAL / Micros.SECOND, JITTER / (double) Micros.SECOND, CHECK_INS);
    }
}
