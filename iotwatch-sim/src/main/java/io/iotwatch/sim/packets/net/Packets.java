package io.iotwatch.sim.packets.net;

import io.iotwatch.sim.packets.wire.Frame;
import io.iotwatch.sim.packets.wire.Ip;
import java.util.Arrays;

/** Packets that need no connection state: ARP, UDP datagrams, ICMP messages. */
public final class Packets {

    private Packets() {
    }

    /** An ARP request from {@code sender} asking for {@code targetIp}, broadcast. */
    public static Packet arpRequest(Host sender, int targetIp) {
        return f -> f.ethernet(Ip.BROADCAST_MAC, sender.mac(), Frame.ETHERTYPE_ARP)
                .arp(Frame.ARP_REQUEST, sender.mac(), sender.ip(), 0, targetIp).finish();
    }

    /** A unicast ARP request, as Linux sends to refresh an entry it already has. */
    public static Packet arpRefresh(Host sender, Host target) {
        return f -> f.ethernet(target.mac(), sender.mac(), Frame.ETHERTYPE_ARP)
                .arp(Frame.ARP_REQUEST, sender.mac(), sender.ip(), 0, target.ip()).finish();
    }

    /** A gratuitous ARP announcement of the sender's own address (RFC 5227). */
    public static Packet arpAnnouncement(Host sender) {
        return f -> f.ethernet(Ip.BROADCAST_MAC, sender.mac(), Frame.ETHERTYPE_ARP)
                .arp(Frame.ARP_REQUEST, sender.mac(), sender.ip(), 0, sender.ip()).finish();
    }

    /** An ARP reply from {@code etherSource} telling {@code to} that {@code claimedIp} is at {@code claimedMac}. */
    public static Packet arpReply(long etherSource, long claimedMac, int claimedIp, Host to) {
        return f -> f.ethernet(to.mac(), etherSource, Frame.ETHERTYPE_ARP)
                .arp(Frame.ARP_REPLY, claimedMac, claimedIp, to.mac(), to.ip()).finish();
    }

    /** A UDP datagram between two hosts, without the don't-fragment bit. */
    public static Packet udp(Host from, int sourcePort, Host to, int destinationPort, int ipId, byte[] payload) {
        return f -> f.ethernet(to.mac(), from.mac(), Frame.ETHERTYPE_IPV4)
                .ipv4(from.ip(), to.ip(), Frame.PROTO_UDP, from.ttl(), ipId, 0)
                .udp(sourcePort, destinationPort).bytes(payload).finish();
    }

    /** An ICMP echo request or reply with {@code payload} bytes of data, sent with {@code ttl}. */
    public static Packet echo(Host from, Host to, int ttl, boolean request, int id, int sequence, int ipId, byte[] payload) {
        return f -> f.ethernet(to.mac(), from.mac(), Frame.ETHERTYPE_IPV4)
                .ipv4(from.ip(), to.ip(), Frame.PROTO_ICMP, ttl, ipId, 0)
                .icmp(request ? Frame.ICMP_ECHO : Frame.ICMP_ECHO_REPLY, 0, id << 16 | sequence & 0xFFFF)
                .bytes(payload).finish();
    }

    /**
     * An ICMP destination unreachable from {@code from} about a datagram it got, quoting the datagram's IP header
     * and first 8 bytes as RFC 792 asks; {@code offending} is the quoted part, already built.
     */
    public static Packet unreachable(Host from, Host to, int code, int ipId, byte[] offending) {
        return f -> f.ethernet(to.mac(), from.mac(), Frame.ETHERTYPE_IPV4)
                .ipv4(0xC0, from.ip(), to.ip(), Frame.PROTO_ICMP, from.ttl(), ipId, 0)
                .icmp(Frame.ICMP_UNREACHABLE, code, 0).bytes(offending).finish();
    }

    /**
     * What an ICMP error quotes of {@code original} (a packet that starts with Ethernet and IPv4 headers): its IP
     * header and the first 8 bytes after it, built in {@code scratch}.
     */
    public static byte[] quote(Frame scratch, Packet original) {
        original.write(scratch.start());
        return Arrays.copyOfRange(scratch.buffer(), Frame.ETHERNET, Frame.ETHERNET + Frame.IPV4 + 8);
    }
}
