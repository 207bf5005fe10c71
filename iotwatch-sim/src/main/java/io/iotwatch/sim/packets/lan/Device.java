package io.iotwatch.sim.packets.lan;

import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Ports;
import io.iotwatch.sim.packets.net.Stack;
import io.iotwatch.sim.packets.wire.Ip;
import java.util.random.RandomGenerator;

/** One host on the LAN: its kind, its address, the gateway of its subnet, its DNS stub and its port numbers. */
public final class Device {

    private final DeviceKind kind;
    private final Host host;
    private final Host gateway;
    private final Resolver resolver;
    private final Ports ports;
    private int nextPort;
    private int ipId;

    Device(DeviceKind kind, Host host, Host gateway, RandomGenerator rnd) {
        this.kind = kind;
        this.host = host;
        this.gateway = gateway;
        this.resolver = new Resolver(this);
        this.ports = new Ports(rnd);
        this.nextPort = 49_152 + rnd.nextInt(4_000);
        this.ipId = rnd.nextInt(1 << 16);
    }

    public DeviceKind kind() {
        return kind;
    }

    public Host host() {
        return host;
    }

    /** The gateway of its subnet, which is also its DNS resolver. */
    public Host gateway() {
        return gateway;
    }

    public Resolver resolver() {
        return resolver;
    }

    /** A name as its firmware would call itself: the kind's prefix and the end of its MAC. */
    public String name() {
        String mac = Ip.macText(host.mac()).replace(":", "");
        return kind.prefix + "-" + mac.substring(6);
    }

    /**
     * The source port of its next connection: lwIP counts up from 49152, the others as {@link Ports} says.
     */
    public int ephemeralPort() {
        if (host.stack() == Stack.LWIP) {
            nextPort = nextPort >= 65_535 ? 49_152 : nextPort + 1;
            return nextPort;
        }
        return ports.next();
    }

    /** The IP identification of its next datagram without a connection. */
    public int nextIpId() {
        ipId = ipId + 1 & 0xFFFF;
        return ipId;
    }
}
