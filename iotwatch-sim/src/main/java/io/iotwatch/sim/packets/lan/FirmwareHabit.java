package io.iotwatch.sim.packets.lan;

import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.packets.net.TcpFlow;
import io.iotwatch.sim.packets.proto.Http;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A firmware check over plain HTTP, as many devices still make it: soon after joining and then about hourly,
 * at irregular times (a retry timer, a check at each reconnection), GET the vendor's manifest with
 * {@code Connection: close}, get a small JSON answer, and the server closes.
 */
final class FirmwareHabit extends Habit {

    private final Endpoint server;
    private final String path;
    private final String userAgent;
    private final String version;

    FirmwareHabit(Device device, Endpoint server, String path, String userAgent, SplittableRandom rnd, long boot) {
        super(device, rnd, boot + Micros.seconds(20 + rnd.nextInt(90)));
        this.server = server;
        this.path = path;
        this.userAgent = userAgent;
        this.version = String.format(Locale.ROOT, "%d.%d.%d", 1 + rnd.nextInt(4), rnd.nextInt(10), rnd.nextInt(30));
    }

    @Override
    protected void plan(long now, Scheduler scheduler) {
        long t = device.resolver().lookup(this, now, server, rnd);
        TcpFlow flow = connection(server.host(), 80);
        t = flow.connect(t) + 200;
        byte[] request = Http.request("GET", path + "?model=" + device.kind().prefix + "&ver=" + version, "HTTP/1.1",
                new byte[0], "Host: " + server.name(), "User-Agent: " + userAgent, "Accept: */*", "Connection: close");
        String json = String.format(Locale.ROOT, "{\"model\":\"%s\",\"latest\":\"%s\",\"url\":\"http://%s/fw/%s-%s.bin\","
                + "\"sha256\":\"%016x%016x%016x%016x\",\"size\":%d,\"mandatory\":false}", device.kind().prefix, version,
                server.name(), device.kind().prefix, version, rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong(),
                900_000 + rnd.nextInt(3_000_000));
        byte[] response = Http.response("HTTP/1.1", 200, "OK", Http.text(json), "Server: nginx",
                "Date: " + HttpDates.format(t), "Content-Type: application/json", "Connection: close");
        t = flow.exchange(true, t, request, Micros.millis(20 + rnd.nextInt(60)), response);
        t = flow.close(false, t + 100);
        wakeAt(t + Micros.seconds(Math.max(600, -Math.log(1 - rnd.nextDouble()) * 3_600)));
    }
}
