package io.iotwatch.sim.packets.lan;

import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Packets;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.packets.net.Stack;
import io.iotwatch.sim.packets.proto.Ntp;
import io.iotwatch.sim.packets.wire.Bytes;
import java.util.SplittableRandom;

/**
 * NTP: a lookup of the pool and a request soon after the device joins, then polls at its client's interval
 * (SNTP on lwIP hourly, Linux and phones every 17 to 34 minutes), from one of the pool's servers.
 */
final class NtpHabit extends Habit {

    private final Endpoint pool;
    private final int port;

    NtpHabit(Device device, Endpoint pool, SplittableRandom rnd, long boot) {
        super(device, rnd, boot + Micros.seconds(1 + rnd.nextInt(8)));
        this.pool = pool;
        this.port = device.host().stack() == Stack.LWIP ? device.ephemeralPort() : 123;
    }

    @Override
    protected void plan(long now, Scheduler scheduler) {
        long t = device.resolver().lookup(this, now, pool, rnd);
        Host server = pool.hosts().get(rnd.nextInt(pool.hosts().size()));
        int poll = device.host().stack() == Stack.LWIP ? 12 : 10;
        Bytes request = new Bytes(48);
        Ntp.request(request, t, poll);
        at(t, Packets.udp(device.host(), port, server, 123, device.nextIpId(), request.toArray()));
        long reply = t + server.rtt() + 100 + rnd.nextLong(400);
        Bytes answer = new Bytes(48);
        Ntp.reply(answer, 2, 0x11_22_33_44 ^ server.ip(), poll, t, t + server.rtt() / 2, reply - server.rtt() / 2);
        at(reply, Packets.udp(server, 123, device.host(), port, rnd.nextInt(1 << 16), answer.toArray()));
        wakeAt(reply + jitter(Micros.seconds(device.host().stack() == Stack.LWIP ? 3600 : 1024 + rnd.nextInt(1024)), 0.05));
    }
}
