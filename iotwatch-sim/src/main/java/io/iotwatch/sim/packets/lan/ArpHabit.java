package io.iotwatch.sim.packets.lan;

import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Packets;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.packets.net.Stack;
import java.util.SplittableRandom;

/**
 * A device's ARP: an announcement when it joins, a request for the gateway then and whenever its entry ages
 * out (lwIP broadcasts after 5 minutes; Linux asks the gateway directly every minute or two), and the
 * gateway's own requests for the device when its entry for it goes stale.
 */
final class ArpHabit extends Habit {

    private long deviceRefresh;
    private long gatewayRefresh;
    private boolean joined;

    ArpHabit(Device device, SplittableRandom rnd, long boot) {
        super(device, rnd, boot);
    }

    @Override
    protected void plan(long now, Scheduler scheduler) {
        if (!joined) {
            joined = true;
            at(now, Packets.arpAnnouncement(device.host()));
            ask(now + Micros.millis(2), true);
            deviceRefresh = now + interval();
            gatewayRefresh = now + Micros.seconds(60 + rnd.nextInt(240));
        } else if (deviceRefresh <= gatewayRefresh) {
            ask(now, device.host().stack() == Stack.LWIP);
            deviceRefresh = now + interval();
        } else {
            at(now, Packets.arpRequest(device.gateway(), device.host().ip()));
            at(now + device.host().rtt() + 80, Packets.arpReply(device.host().mac(), device.host().mac(), device.host().ip(),
                    device.gateway()));
            gatewayRefresh = now + Micros.seconds(240 + rnd.nextInt(360));
        }
        wakeAt(Math.min(deviceRefresh, gatewayRefresh));
    }

    private void ask(long now, boolean broadcast) {
        at(now, broadcast ? Packets.arpRequest(device.host(), device.gateway().ip())
                : Packets.arpRefresh(device.host(), device.gateway()));
        at(now + device.gateway().rtt() + 60, Packets.arpReply(device.gateway().mac(), device.gateway().mac(),
                device.gateway().ip(), device.host()));
    }

    private long interval() {
        return device.host().stack() == Stack.LWIP ? jitter(Micros.seconds(300), 0.05) : Micros.seconds(45 + rnd.nextInt(90));
    }
}
