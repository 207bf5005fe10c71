package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Origin;
import io.iotwatch.sim.packets.net.Packet;
import io.iotwatch.sim.packets.net.Packets;
import io.iotwatch.sim.packets.net.PlanningSource;
import io.iotwatch.sim.packets.net.TcpFlow;
import io.iotwatch.sim.packets.wire.Frame;
import java.util.SplittableRandom;

/** An attack tool at work on one machine: a source of the attack's packets and the answers they draw. */
abstract class ToolSource extends PlanningSource {

    /** MSS 1460, as nmap's SYN probes carry it. */
    static final byte[] MSS_OPTION = {2, 4, 5, (byte) 0xB4};

    protected final SplittableRandom rnd;

    ToolSource(Origin origin, SplittableRandom rnd, long start) {
        super(origin, start);
        this.rnd = rnd;
    }

    /**
     * The attacker's kernel asks for {@code target}'s MAC (or the gateway's, for a target beyond it) before the
     * first packet, and gets the answer; returns when the answer passes.
     */
    protected long resolve(long t, Host attacker, Host target, Host gateway) {
        Host next = target.mac() == gateway.mac() ? gateway : target;
        at(t, Packets.arpRequest(attacker, next.ip()));
        long answered = t + next.rtt() + 60;
        at(answered, Packets.arpReply(next.mac(), next.mac(), next.ip(), attacker));
        return answered + 100;
    }

    /** A new TCP connection through the attacker's own stack. */
    protected TcpFlow connection(Host attacker, int port, Host victim, int victimPort) {
        return new TcpFlow(this, attacker, port, victim, victimPort, rnd);
    }

    /** A hand-made TCP segment, as raw-socket tools send it: no don't-fragment bit. */
    static Packet tcp(Host from, Host to, int sourcePort, int destinationPort, long seq, long ack, int flags, int window,
            int ttl, int ipId, byte[] options) {
        return segment(from, to, sourcePort, destinationPort, seq, ack, flags, window, ttl, ipId, 0, options);
    }

    /** A segment a kernel sends on its own (a SYN-ACK, a RST): don't-fragment set, the host's own TTL. */
    static Packet kernel(Host from, Host to, int sourcePort, int destinationPort, long seq, long ack, int flags, int window,
            int ipId, byte[] options) {
        return segment(from, to, sourcePort, destinationPort, seq, ack, flags, window, from.ttl(), ipId, Frame.DONT_FRAGMENT,
                options);
    }

    private static Packet segment(Host from, Host to, int sourcePort, int destinationPort, long seq, long ack, int flags,
            int window, int ttl, int ipId, int fragmentFlags, byte[] options) {
        int optionsLength = options == null ? 0 : options.length;
        return f -> f.ethernet(to.mac(), from.mac(), Frame.ETHERTYPE_IPV4)
                .ipv4(from.ip(), to.ip(), Frame.PROTO_TCP, ttl, ipId, fragmentFlags)
                .tcp(sourcePort, destinationPort, seq, ack, flags, window, options, optionsLength).finish();
    }

    /** A closed port's answer to a segment: RST, acknowledging a SYN's or FIN's sequence number. */
    static Packet refusal(Host victim, Host to, int victimPort, int port, long seq, long ack, int flags, int ipId) {
        boolean acks = (flags & Frame.ACK) != 0;
        long consumed = (flags & (Frame.SYN | Frame.FIN)) != 0 ? 1 : 0;
        return acks ? kernel(victim, to, victimPort, port, ack, 0, Frame.RST, 0, ipId, null)
                : kernel(victim, to, victimPort, port, 0, seq + consumed, Frame.RST | Frame.ACK, 0, ipId, null);
    }

    /** nmap's raw probes carry a random TTL from 37 to 59. */
    int nmapTtl() {
        return 37 + rnd.nextInt(23);
    }
}
