package io.iotwatch.packet.decode;

import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_ARP;
import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_ERSPAN;
import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_ERSPAN_III;
import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_IPV4;
import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_IPV6;
import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_QINQ;
import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_QINQ_OLD;
import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_TRANSPARENT_ETHERNET;
import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_VLAN;
import static io.iotwatch.packet.decode.Protocols.IP_DESTINATION_OPTIONS;
import static io.iotwatch.packet.decode.Protocols.IP_FRAGMENT;
import static io.iotwatch.packet.decode.Protocols.IP_GRE;
import static io.iotwatch.packet.decode.Protocols.IP_HOP_BY_HOP;
import static io.iotwatch.packet.decode.Protocols.IP_ICMP;
import static io.iotwatch.packet.decode.Protocols.IP_ICMPV6;
import static io.iotwatch.packet.decode.Protocols.IP_ROUTING;
import static io.iotwatch.packet.decode.Protocols.IP_TCP;
import static io.iotwatch.packet.decode.Protocols.IP_UDP;
import static io.iotwatch.packet.decode.Protocols.LINK_BSD_LOOPBACK;
import static io.iotwatch.packet.decode.Protocols.LINK_ETHERNET;
import static io.iotwatch.packet.decode.Protocols.LINK_LINUX_SLL;
import static io.iotwatch.packet.decode.Protocols.LINK_LINUX_SLL2;
import static io.iotwatch.packet.decode.Protocols.LINK_RAW_IP;

/**
 * Decodes the link, network and transport headers of one packet into reusable fields: a flyweight meant to
 * be kept per capture thread and fed every packet, so it allocates nothing and never throws per packet.
 *
 * <p>Every read is checked against the captured bytes. A header cut short by the capture sets
 * {@link #truncated()}; a header that contradicts itself (a length below its minimum, a length beyond the
 * enclosing header's length) sets {@link #malformedReason()} to one of the constants of this class. Decoding
 * stops at the first such problem; the fields decoded before it stay valid.
 *
 * <p>Tunnels are opened, because flows and events are about the traffic inside them: GRE (RFC 2784, with the
 * key and sequence number fields of RFC 2890) carrying IPv4, IPv6 or Ethernet (transparent Ethernet
 * bridging, protocol type 0x6558, as Mirai's greeth flood sends it), and Cisco's ERSPAN port mirroring
 * (draft-foschiano-erspan): type I (protocol type 0x88BE without a sequence number: the mirrored frame right
 * after the GRE header), type II (0x88BE with a sequence number: an 8-byte ERSPAN header, then the frame) and
 * type III (0x22EB: a 12-byte header, 8 more for the platform-specific subheader when its O bit is set, then
 * an Ethernet frame or an IP packet as its frame type says). The checksum, key and sequence number fields
 * are stepped over, not checked.
 *
 * <ul>
 *   <li>The layer getters ({@link #etherType()}, the MAC addresses and VLAN tags, ARP, IP, transport and
 *       payload) describe the innermost packet. Entering a tunnel clears them all, so they report what was
 *       decoded inside it, exactly as for a packet that is not tunneled: a tunnel carrying IP has no MAC
 *       addresses, and a packet cut short inside a tunnel reports what came before the cut.</li>
 *   <li>{@link #tunnelDepth()}, {@link #tunnelType()}, {@link #erspanSessionId()} and the {@code outer*}
 *       getters describe the tunnels and the outermost IP header (what a tool that does not open tunnels
 *       sees). Outside tunnels the {@code outer*} getters equal their inner twins.</li>
 *   <li>A header cut short or contradicting itself inside a tunnel is flagged as outside one; the tunnel
 *       fields stay valid. Headers reaching past the enclosing IP packet's stated length are malformed
 *       ({@link #TUNNEL_BEYOND_IP}), past the capture's end truncated. ERSPAN's T bit (the mirroring switch cut
 *       the frame) counts as truncation.</li>
 *   <li>A GRE packet's content is left undecoded, with {@link #transportProtocol()} GRE and nothing flagged,
 *       when its version is not 0 (version 1 is PPTP's enhanced GRE, RFC 2637), when its routing bit is set
 *       (RFC 1701 source routing, not supported), when the IP packet carrying it is a fragment (its content
 *       is incomplete without reassembly), when its protocol type is none of the above, or when it lies
 *       {@link #MAX_TUNNEL_DEPTH} tunnels deep already ({@link #tunnelDepthExceeded()} is then set).</li>
 * </ul>
 *
 * <p>The getters describe the last decoded packet and are valid until the next {@link #decode}. Fields of
 * layers that were not decoded hold 0 (or -1 for {@link #transportProtocol()} and
 * {@link #erspanSessionId()}). Not thread-safe.
 */
public final class PacketDecoder {

    public static final String BAD_IP_VERSION = "IP version does not match the link's protocol";
    public static final String BAD_IPV4_HEADER_LENGTH = "IPv4 header length below 20 bytes";
    public static final String BAD_IPV4_TOTAL_LENGTH = "IPv4 total length below its header length";
    public static final String IPV6_EXTENSION_BEYOND_IP = "IPv6 extension header beyond the payload length";
    public static final String TRANSPORT_BEYOND_IP = "transport header beyond the IP length";
    public static final String BAD_TCP_DATA_OFFSET = "TCP data offset below 20 bytes";
    public static final String BAD_UDP_LENGTH = "UDP length below 8 bytes";
    public static final String UDP_LENGTH_BEYOND_IP = "UDP length beyond the IP length";
    public static final String TUNNEL_BEYOND_IP = "tunneled header or length beyond the enclosing IP length";
    public static final String BAD_ERSPAN_VERSION = "ERSPAN version does not match the GRE protocol type";

    /** Tunnels opened at most; a tunnel deeper than that is left undecoded (see {@link #tunnelDepthExceeded()}). */
    public static final int MAX_TUNNEL_DEPTH = 4;

    /** {@link #tunnelType()} of a packet that is not tunneled. */
    public static final int TUNNEL_NONE = 0;
    /** GRE carrying IPv4, IPv6 or an Ethernet frame. */
    public static final int TUNNEL_GRE = 1;
    public static final int TUNNEL_ERSPAN_I = 2;
    public static final int TUNNEL_ERSPAN_II = 3;
    public static final int TUNNEL_ERSPAN_III = 4;

    private static final int ETHERNET_HEADER = 14;
    private static final int SLL_HEADER = 16;
    private static final int SLL2_HEADER = 20;
    private static final int LOOPBACK_HEADER = 4;
    private static final int IPV4_MIN_HEADER = 20;
    private static final int IPV6_HEADER = 40;
    private static final int TCP_MIN_HEADER = 20;
    private static final int UDP_HEADER = 8;
    private static final int ICMP_HEADER = 8;
    private static final int GRE_MIN_HEADER = 4;
    private static final int ARP_ETHERNET_IPV4 = 28;
    private static final int VLAN_TAG = 4;
    private static final int MAX_STORED_VLAN_TAGS = 2;

    // The first 16 bits of a GRE header, RFC 1701 naming; the acknowledgement bit is PPTP's (version 1).
    private static final int GRE_CHECKSUM = 0x8000;
    private static final int GRE_ROUTING = 0x4000;
    private static final int GRE_KEY = 0x2000;
    private static final int GRE_SEQUENCE = 0x1000;
    private static final int GRE_ACKNOWLEDGEMENT = 0x0080;
    private static final int GRE_VERSION = 0x0007;

    private static final int ERSPAN_II_HEADER = 8;
    private static final int ERSPAN_III_HEADER = 12;
    private static final int ERSPAN_III_SUBHEADER = 8;
    private static final int ERSPAN_TRUNCATED = 0x0400;
    private static final int ERSPAN_SESSION = 0x03FF;
    private static final int ERSPAN_III_FRAME_ETHERNET = 0;
    private static final int ERSPAN_III_FRAME_IP = 2;

    private int linkType;
    private int etherType;
    private long sourceMac;
    private long destinationMac;
    private int vlanCount;
    private int outerVlanId;
    private int innerVlanId;
    private boolean extraVlanTags;
    private int networkOffset;

    private boolean arp;
    private int arpOperation;
    private long arpSenderMac;
    private int arpSenderIp;
    private long arpTargetMac;
    private int arpTargetIp;

    private int ipVersion;
    private int ipProtocol;
    private int ttl;
    private int ipv4Source;
    private int ipv4Destination;
    private int ipv4TotalLength;
    private long ipv6SourceHi;
    private long ipv6SourceLo;
    private long ipv6DestinationHi;
    private long ipv6DestinationLo;
    private int ipv6PayloadLength;
    private boolean fragmented;
    private int fragmentOffset;

    private int transportProtocol;
    private int sourcePort;
    private int destinationPort;
    private long tcpSequence;
    private long tcpAcknowledgement;
    private int tcpFlags;
    private int tcpHeaderLength;
    private int udpLength;
    private int icmpType;
    private int icmpCode;
    private int greProtocol;

    private int tunnelDepth;
    private int tunnelType;
    private boolean tunnelDepthExceeded;
    private int erspanSessionId;
    // The outermost IP header, saved on entering the first tunnel; outside tunnels the getters read the live fields.
    private int outerIpVersion;
    private int outerIpProtocol;
    private int outerTtl;
    private int outerIpv4Source;
    private int outerIpv4Destination;
    private long outerIpv6SourceHi;
    private long outerIpv6SourceLo;
    private long outerIpv6DestinationHi;
    private long outerIpv6DestinationLo;
    private int outerIpLength;
    private int outerLinkLength;
    private int packetStart;

    private int payloadOffset;
    private int payloadLength;
    private boolean truncated;
    private String malformedReason;

    /**
     * Decodes the packet in {@code b[off, off + len)} captured on link type {@code linkType}. Returns false,
     * with no header decoded, only when the link type is unknown, the packet is shorter than its link header
     * or the arguments do not describe a range of {@code b}; otherwise true, with problems noted in
     * {@link #truncated()} and {@link #malformedReason()}.
     */
    public boolean decode(byte[] b, int off, int len, int linkType) {
        reset(off, linkType);
        if (b == null || off < 0 || len < 0 || off > b.length - len) {
            return false;
        }
        int end = off + len;
        switch (linkType) {
            case LINK_ETHERNET -> {
                if (len < ETHERNET_HEADER) {
                    return false;
                }
                ethernet(b, off, end);
            }
            case LINK_LINUX_SLL -> {
                if (len < SLL_HEADER) {
                    return false;
                }
                etherType = u16(b, off + 14);
                network(b, off + SLL_HEADER, end);
            }
            case LINK_LINUX_SLL2 -> {
                if (len < SLL2_HEADER) {
                    return false;
                }
                etherType = u16(b, off);
                network(b, off + SLL2_HEADER, end);
            }
            case LINK_RAW_IP -> {
                if (len < 1) {
                    return false;
                }
                ipByVersion(b, off, end);
            }
            case LINK_BSD_LOOPBACK -> {
                if (len < LOOPBACK_HEADER) {
                    return false;
                }
                etherType = loopbackEtherType(b, off);
                network(b, off + LOOPBACK_HEADER, end);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void reset(int off, int link) {
        packetStart = Math.max(off, 0);
        linkType = link;
        resetLink();
        resetNetwork();
        resetTransport();
        greProtocol = 0;
        tunnelDepth = 0;
        tunnelType = TUNNEL_NONE;
        tunnelDepthExceeded = false;
        erspanSessionId = -1;
        payloadOffset = Math.max(off, 0);
        payloadLength = 0;
        truncated = false;
        malformedReason = null;
    }

    private void resetLink() {
        etherType = 0;
        sourceMac = 0;
        destinationMac = 0;
        vlanCount = 0;
        outerVlanId = 0;
        innerVlanId = 0;
        extraVlanTags = false;
    }

    private void resetNetwork() {
        networkOffset = 0;
        arp = false;
        arpOperation = 0;
        arpSenderMac = 0;
        arpSenderIp = 0;
        arpTargetMac = 0;
        arpTargetIp = 0;
        ipVersion = 0;
        ipProtocol = 0;
        ttl = 0;
        ipv4Source = 0;
        ipv4Destination = 0;
        ipv4TotalLength = 0;
        ipv6SourceHi = 0;
        ipv6SourceLo = 0;
        ipv6DestinationHi = 0;
        ipv6DestinationLo = 0;
        ipv6PayloadLength = 0;
        fragmented = false;
        fragmentOffset = 0;
    }

    private void resetTransport() {
        transportProtocol = -1;
        sourcePort = 0;
        destinationPort = 0;
        tcpSequence = 0;
        tcpAcknowledgement = 0;
        tcpFlags = 0;
        tcpHeaderLength = 0;
        udpLength = 0;
        icmpType = 0;
        icmpCode = 0;
    }

    /** An Ethernet header of at least 14 bytes at {@code p}, and what it carries. */
    private void ethernet(byte[] b, int p, int end) {
        destinationMac = u48(b, p);
        sourceMac = u48(b, p + 6);
        etherType = u16(b, p + 12);
        int q = vlanTags(b, p + ETHERNET_HEADER, end);
        if (q >= 0) {
            network(b, q, end);
        }
    }

    /** Steps over VLAN tags from {@code p}; returns the offset after them, or -1 when a tag is cut short. */
    private int vlanTags(byte[] b, int p, int end) {
        while (etherType == ETHERTYPE_VLAN || etherType == ETHERTYPE_QINQ || etherType == ETHERTYPE_QINQ_OLD) {
            if (end - p < VLAN_TAG) {
                cutShort();
                payload(p, end);
                return -1;
            }
            int vlanId = u16(b, p) & 0x0FFF;
            if (vlanCount == MAX_STORED_VLAN_TAGS) {
                extraVlanTags = true;
            } else {
                if (vlanCount == 0) {
                    outerVlanId = vlanId;
                } else {
                    innerVlanId = vlanId;
                }
                vlanCount++;
            }
            etherType = u16(b, p + 2);
            p += VLAN_TAG;
        }
        return p;
    }

    /** The loopback family is in the capturing host's byte order, which the file does not record. */
    private static int loopbackEtherType(byte[] b, int off) {
        int family = (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
        if ((family & 0xFFFF0000) != 0) {
            family = Integer.reverseBytes(family);
        }
        return switch (family) {
            case 2 -> ETHERTYPE_IPV4;
            // AF_INET6 is 24 on NetBSD/OpenBSD, 28 on FreeBSD, 30 on macOS.
            case 24, 28, 30 -> ETHERTYPE_IPV6;
            default -> 0;
        };
    }

    /** An IP packet of at least 1 byte without a link header: the version nibble alone tells IPv4 from IPv6. */
    private void ipByVersion(byte[] b, int p, int end) {
        int version = (b[p] & 0xFF) >>> 4;
        if (version == 4 || version == 6) {
            etherType = version == 4 ? ETHERTYPE_IPV4 : ETHERTYPE_IPV6;
            network(b, p, end);
        } else {
            malformedReason = BAD_IP_VERSION;
        }
    }

    private void network(byte[] b, int p, int end) {
        networkOffset = p;
        payload(p, end);
        switch (etherType) {
            case ETHERTYPE_IPV4 -> ipv4(b, p, end);
            case ETHERTYPE_IPV6 -> ipv6(b, p, end);
            case ETHERTYPE_ARP -> arp(b, p, end);
            default -> { }
        }
    }

    private void arp(byte[] b, int p, int end) {
        if (end - p < ARP_ETHERNET_IPV4) {
            cutShort();
            return;
        }
        // Only Ethernet/IPv4 ARP carries addresses worth reporting; other kinds are left undecoded.
        if (u16(b, p) != 1 || u16(b, p + 2) != ETHERTYPE_IPV4 || b[p + 4] != 6 || b[p + 5] != 4) {
            return;
        }
        arp = true;
        arpOperation = u16(b, p + 6);
        arpSenderMac = u48(b, p + 8);
        arpSenderIp = i32(b, p + 14);
        arpTargetMac = u48(b, p + 18);
        arpTargetIp = i32(b, p + 24);
        payload(p + ARP_ETHERNET_IPV4, p + ARP_ETHERNET_IPV4);
    }

    private void ipv4(byte[] b, int p, int end) {
        if (end - p < IPV4_MIN_HEADER) {
            cutShort();
            return;
        }
        int versionAndLength = b[p] & 0xFF;
        if (versionAndLength >>> 4 != 4) {
            malformedReason = BAD_IP_VERSION;
            return;
        }
        int headerLength = (versionAndLength & 0x0F) * 4;
        if (headerLength < IPV4_MIN_HEADER) {
            malformedReason = BAD_IPV4_HEADER_LENGTH;
            return;
        }
        ipVersion = 4;
        ipv4TotalLength = u16(b, p + 2);
        int fragment = u16(b, p + 6);
        fragmentOffset = (fragment & 0x1FFF) * 8;
        fragmented = (fragment & 0x2000) != 0 || fragmentOffset != 0;
        ttl = b[p + 8] & 0xFF;
        ipProtocol = b[p + 9] & 0xFF;
        ipv4Source = i32(b, p + 12);
        ipv4Destination = i32(b, p + 16);
        if (end - p < headerLength) {
            cutShort();
            return;
        }
        if (ipv4TotalLength < headerLength) {
            malformedReason = BAD_IPV4_TOTAL_LENGTH;
            return;
        }
        int ipEnd = limit(p, ipv4TotalLength, end);
        if (malformed()) {
            return;
        }
        payload(p + headerLength, ipEnd);
        // Only the first fragment starts with the transport header.
        if (fragmentOffset == 0) {
            transport(b, p + headerLength, ipEnd);
        }
    }

    private void ipv6(byte[] b, int p, int end) {
        if (end - p < IPV6_HEADER) {
            cutShort();
            return;
        }
        if ((b[p] & 0xFF) >>> 4 != 6) {
            malformedReason = BAD_IP_VERSION;
            return;
        }
        ipVersion = 6;
        ipv6PayloadLength = u16(b, p + 4);
        int next = b[p + 6] & 0xFF;
        ttl = b[p + 7] & 0xFF;
        ipv6SourceHi = i64(b, p + 8);
        ipv6SourceLo = i64(b, p + 16);
        ipv6DestinationHi = i64(b, p + 24);
        ipv6DestinationLo = i64(b, p + 32);
        int q = p + IPV6_HEADER;
        int ipEnd = limit(q, ipv6PayloadLength, end);
        if (malformed()) {
            return;
        }
        boolean extension = true;
        while (extension) {
            ipProtocol = next;
            int size = switch (next) {
                case IP_HOP_BY_HOP, IP_ROUTING, IP_DESTINATION_OPTIONS -> ipEnd - q < 2 ? 8 : ((b[q + 1] & 0xFF) + 1) * 8;
                case IP_FRAGMENT -> 8;
                default -> 0;
            };
            extension = size > 0;
            if (extension) {
                if (size > ipEnd - q) {
                    beyond(IPV6_EXTENSION_BEYOND_IP);
                    payload(q, ipEnd);
                    return;
                }
                if (next == IP_FRAGMENT) {
                    int field = u16(b, q + 2);
                    fragmentOffset = field & 0xFFF8;
                    fragmented = (field & 1) != 0 || fragmentOffset != 0;
                }
                next = b[q] & 0xFF;
                q += size;
            }
        }
        payload(q, ipEnd);
        if (fragmentOffset == 0) {
            transport(b, q, ipEnd);
        }
    }

    private void transport(byte[] b, int p, int end) {
        switch (ipProtocol) {
            case IP_TCP -> tcp(b, p, end);
            case IP_UDP -> udp(b, p, end);
            case IP_ICMP, IP_ICMPV6 -> icmp(b, p, end);
            case IP_GRE -> gre(b, p, end);
            default -> { }
        }
    }

    private void tcp(byte[] b, int p, int end) {
        if (end - p < TCP_MIN_HEADER) {
            beyond(TRANSPORT_BEYOND_IP);
            return;
        }
        int headerLength = ((b[p + 12] & 0xFF) >>> 4) * 4;
        if (headerLength < TCP_MIN_HEADER) {
            malformedReason = BAD_TCP_DATA_OFFSET;
            return;
        }
        if (end - p < headerLength) {
            beyond(TRANSPORT_BEYOND_IP);
            return;
        }
        transportProtocol = IP_TCP;
        sourcePort = u16(b, p);
        destinationPort = u16(b, p + 2);
        tcpSequence = i32(b, p + 4) & 0xFFFFFFFFL;
        tcpAcknowledgement = i32(b, p + 8) & 0xFFFFFFFFL;
        tcpFlags = b[p + 13] & 0xFF;
        tcpHeaderLength = headerLength;
        payload(p + headerLength, end);
    }

    private void udp(byte[] b, int p, int end) {
        if (end - p < UDP_HEADER) {
            beyond(TRANSPORT_BEYOND_IP);
            return;
        }
        udpLength = u16(b, p + 4);
        if (udpLength < UDP_HEADER) {
            malformedReason = BAD_UDP_LENGTH;
            return;
        }
        transportProtocol = IP_UDP;
        sourcePort = u16(b, p);
        destinationPort = u16(b, p + 2);
        // A first fragment carries the length of the whole datagram, which the later fragments complete.
        if (udpLength > end - p && !fragmented) {
            beyond(UDP_LENGTH_BEYOND_IP);
        }
        payload(p + UDP_HEADER, p + Math.min(udpLength, end - p));
    }

    private void icmp(byte[] b, int p, int end) {
        if (end - p < ICMP_HEADER) {
            beyond(TRANSPORT_BEYOND_IP);
            return;
        }
        transportProtocol = ipProtocol;
        icmpType = b[p] & 0xFF;
        icmpCode = b[p + 1] & 0xFF;
        payload(p + ICMP_HEADER, end);
    }

    private void gre(byte[] b, int p, int end) {
        if (end - p < GRE_MIN_HEADER) {
            beyond(TRANSPORT_BEYOND_IP);
            return;
        }
        int flags = u16(b, p);
        int headerLength = greHeaderLength(flags);
        if (end - p < headerLength) {
            beyond(TRANSPORT_BEYOND_IP);
            return;
        }
        transportProtocol = IP_GRE;
        greProtocol = u16(b, p + 2);
        int inner = p + headerLength;
        payload(inner, end);
        int type = tunnelType(greProtocol, flags);
        // Version 1 is PPTP's, routing RFC 1701's source routing; a fragment's content is incomplete.
        boolean decodable = type != TUNNEL_NONE && (flags & (GRE_VERSION | GRE_ROUTING)) == 0 && !fragmented;
        if (decodable && enterTunnel(type)) {
            tunnelContent(b, inner, end, type);
        }
    }

    private void tunnelContent(byte[] b, int p, int end, int type) {
        switch (type) {
            case TUNNEL_GRE -> {
                if (greProtocol == ETHERTYPE_TRANSPARENT_ETHERNET) {
                    innerEthernet(b, p, end);
                } else {
                    etherType = greProtocol;
                    network(b, p, end);
                }
            }
            case TUNNEL_ERSPAN_I -> innerEthernet(b, p, end);
            case TUNNEL_ERSPAN_II -> erspanII(b, p, end);
            case TUNNEL_ERSPAN_III -> erspanIII(b, p, end);
        }
    }

    /**
     * The GRE header's fixed fields: RFC 1701 has the checksum and offset word when either the checksum or the
     * routing bit is set (RFC 2784 dropped routing), PPTP's version 1 an acknowledgement number after the
     * sequence number. Routing information, when present, follows and is not counted.
     */
    private static int greHeaderLength(int flags) {
        return GRE_MIN_HEADER
                + ((flags & (GRE_CHECKSUM | GRE_ROUTING)) != 0 ? 4 : 0)
                + ((flags & GRE_KEY) != 0 ? 4 : 0)
                + ((flags & GRE_SEQUENCE) != 0 ? 4 : 0)
                + ((flags & GRE_VERSION) == 1 && (flags & GRE_ACKNOWLEDGEMENT) != 0 ? 4 : 0);
    }

    /** What a GRE packet of this protocol type carries, as a tunnel type; TUNNEL_NONE when it is not decoded. */
    private static int tunnelType(int protocol, int flags) {
        return switch (protocol) {
            case ETHERTYPE_IPV4, ETHERTYPE_IPV6, ETHERTYPE_TRANSPARENT_ETHERNET -> TUNNEL_GRE;
            // Types I and II share the protocol type; only type II, with its ERSPAN header, numbers its packets.
            case ETHERTYPE_ERSPAN -> (flags & GRE_SEQUENCE) != 0 ? TUNNEL_ERSPAN_II : TUNNEL_ERSPAN_I;
            case ETHERTYPE_ERSPAN_III -> TUNNEL_ERSPAN_III;
            default -> TUNNEL_NONE;
        };
    }

    /**
     * Steps into a tunnel, keeping the outermost IP header on the way into the first, and clears the layer
     * fields its content sets; false, with {@link #tunnelDepthExceeded}, when it is one too deep.
     */
    private boolean enterTunnel(int type) {
        if (tunnelDepth == MAX_TUNNEL_DEPTH) {
            tunnelDepthExceeded = true;
            return false;
        }
        if (tunnelDepth == 0) {
            tunnelType = type;
            outerIpVersion = ipVersion;
            outerIpProtocol = ipProtocol;
            outerTtl = ttl;
            outerIpv4Source = ipv4Source;
            outerIpv4Destination = ipv4Destination;
            outerIpv6SourceHi = ipv6SourceHi;
            outerIpv6SourceLo = ipv6SourceLo;
            outerIpv6DestinationHi = ipv6DestinationHi;
            outerIpv6DestinationLo = ipv6DestinationLo;
            outerIpLength = ipLength();
            outerLinkLength = networkOffset - packetStart;
        }
        tunnelDepth++;
        resetLink();
        resetNetwork();
        resetTransport();
        return true;
    }

    private void innerEthernet(byte[] b, int p, int end) {
        if (end - p < ETHERNET_HEADER) {
            cutShort();
            return;
        }
        ethernet(b, p, end);
    }

    private void erspanII(byte[] b, int p, int end) {
        if (end - p < ERSPAN_II_HEADER) {
            cutShort();
            return;
        }
        if (erspanHeader(b, p, 1)) {
            payload(p + ERSPAN_II_HEADER, end);
            innerEthernet(b, p + ERSPAN_II_HEADER, end);
        }
    }

    private void erspanIII(byte[] b, int p, int end) {
        if (end - p < ERSPAN_III_HEADER) {
            cutShort();
            return;
        }
        if (!erspanHeader(b, p, 2)) {
            return;
        }
        // After the timestamp and the security group tag: P, frame type (5 bits), hardware id, D, Gra, O.
        int word = u16(b, p + 10);
        int headerLength = ERSPAN_III_HEADER + ((word & 1) != 0 ? ERSPAN_III_SUBHEADER : 0);
        if (end - p < headerLength) {
            cutShort();
            return;
        }
        int frame = p + headerLength;
        payload(frame, end);
        switch (word >>> 10 & 0x1F) {
            case ERSPAN_III_FRAME_ETHERNET -> innerEthernet(b, frame, end);
            case ERSPAN_III_FRAME_IP -> {
                if (frame == end) {
                    cutShort();
                } else {
                    ipByVersion(b, frame, end);
                }
            }
            default -> { }
        }
    }

    /**
     * The first word of an ERSPAN type II or III header, the same in both: version, VLAN, class of service,
     * En or BSO (2 bits), T (truncated by the mirroring switch) and the session id. False when the version is wrong.
     */
    private boolean erspanHeader(byte[] b, int p, int version) {
        if ((b[p] & 0xFF) >>> 4 != version) {
            malformedReason = BAD_ERSPAN_VERSION;
            return false;
        }
        int word = u16(b, p + 2);
        if (erspanSessionId < 0) {
            erspanSessionId = word & ERSPAN_SESSION;
        }
        if ((word & ERSPAN_TRUNCATED) != 0) {
            truncated = true;
        }
        return true;
    }

    /**
     * A network-layer header (or a VLAN tag) cut short at the end of what encloses it: the capture's end
     * outside tunnels, the enclosing IP packet's inside one (see {@link #beyond}).
     */
    private void cutShort() {
        if (tunnelDepth == 0) {
            truncated = true;
        } else {
            beyond(TUNNEL_BEYOND_IP);
        }
    }

    /**
     * A header reaching past the end of the IP packet: expected when the capture cut the IP packet short
     * (already flagged as truncated), a contradiction otherwise.
     */
    private void beyond(String reason) {
        if (!truncated) {
            malformedReason = reason;
        }
    }

    /** The end of a {@code length}-byte span from {@code p}, cut at {@code end} (see {@link #cutShort}). */
    private int limit(int p, int length, int end) {
        if (length > end - p) {
            cutShort();
            return end;
        }
        return p + length;
    }

    /** The IP packet's length as its header states it; 0 when no IP header was decoded. */
    private int ipLength() {
        return switch (ipVersion) {
            case 4 -> ipv4TotalLength;
            case 6 -> IPV6_HEADER + ipv6PayloadLength;
            default -> 0;
        };
    }

    private void payload(int from, int to) {
        payloadOffset = from;
        payloadLength = to - from;
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF);
    }

    private static int i32(byte[] b, int p) {
        return u16(b, p) << 16 | u16(b, p + 2);
    }

    private static long u48(byte[] b, int p) {
        return (long) u16(b, p) << 32 | (i32(b, p + 2) & 0xFFFFFFFFL);
    }

    private static long i64(byte[] b, int p) {
        return (long) i32(b, p) << 32 | (i32(b, p + 4) & 0xFFFFFFFFL);
    }

    /** Dotted decimal, e.g. {@code 192.0.2.1}. */
    public static String ipv4ToString(int address) {
        return (address >>> 24) + "." + (address >>> 16 & 0xFF) + "." + (address >>> 8 & 0xFF) + "." + (address & 0xFF);
    }

    /**
     * The RFC 5952 text form: lower-case hex without leading zeros, the longest run of two or more zero
     * groups (the first of equal runs) as {@code ::}. IPv4-mapped addresses use the dotted form RFC 5952
     * section 5 recommends, e.g. {@code ::ffff:192.0.2.1}.
     */
    public static String ipv6ToString(long hi, long lo) {
        if (hi == 0 && lo >>> 32 == 0xFFFF) {
            return "::ffff:" + ipv4ToString((int) lo);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 4; i++) {
            groups[i] = (int) (hi >>> (48 - 16 * i)) & 0xFFFF;
            groups[i + 4] = (int) (lo >>> (48 - 16 * i)) & 0xFFFF;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(j, i + 1);
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
            } else {
                if (i > 0 && i != bestStart + bestLength) {
                    text.append(':');
                }
                text.append(Integer.toHexString(groups[i]));
            }
        }
        return text.toString();
    }

    /** Colon-separated lower-case hex, e.g. {@code 00:1a:2b:3c:4d:5e}. */
    public static String macToString(long mac) {
        StringBuilder text = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            int octet = (int) (mac >>> shift) & 0xFF;
            if (shift < 40) {
                text.append(':');
            }
            text.append(Character.forDigit(octet >>> 4, 16)).append(Character.forDigit(octet & 0xF, 16));
        }
        return text.toString();
    }


    /** The LINKTYPE_* number given to the last {@link #decode}. */
    public int linkType() {
        return linkType;
    }

    /**
     * The innermost packet's network protocol as an EtherType: after any VLAN tags, and inside a tunnel the
     * protocol the tunnel or its frame carries. Links without an EtherType (raw IP, BSD loopback) report the
     * equivalent value; 0 when unknown.
     */
    public int etherType() {
        return etherType;
    }

    /**
     * The 48-bit source MAC address of the innermost packet's Ethernet header: inside a tunnel the bridged or
     * mirrored frame's; 0 without Ethernet (a tunnel carrying IP has none).
     */
    public long sourceMac() {
        return sourceMac;
    }

    /** The 48-bit destination MAC address of the innermost packet's Ethernet header; see {@link #sourceMac()}. */
    public long destinationMac() {
        return destinationMac;
    }

    /** VLAN tags decoded in the innermost Ethernet header, at most 2; see {@link #extraVlanTags()}. */
    public int vlanCount() {
        return vlanCount;
    }

    /** The VLAN id of the innermost Ethernet header's first (outer) tag. */
    public int outerVlanId() {
        return outerVlanId;
    }

    /** The VLAN id of the innermost Ethernet header's second tag. */
    public int innerVlanId() {
        return innerVlanId;
    }

    /** True when more than 2 VLAN tags were stepped over; only the first 2 are reported. */
    public boolean extraVlanTags() {
        return extraVlanTags;
    }

    /** Offset in the buffer of the innermost network header (after its link header and VLAN tags). */
    public int networkOffset() {
        return networkOffset;
    }

    /** True when an Ethernet/IPv4 ARP packet was decoded (inside a tunnel: a bridged or mirrored one). */
    public boolean arp() {
        return arp;
    }

    /** 1 request, 2 reply. */
    public int arpOperation() {
        return arpOperation;
    }

    public long arpSenderMac() {
        return arpSenderMac;
    }

    public int arpSenderIp() {
        return arpSenderIp;
    }

    public long arpTargetMac() {
        return arpTargetMac;
    }

    public int arpTargetIp() {
        return arpTargetIp;
    }

    /** 4 or 6 when the innermost IP header was decoded, 0 otherwise; see {@link #outerIpVersion()}. */
    public int ipVersion() {
        return ipVersion;
    }

    /** The innermost IPv4 protocol, or IPv6 next header after the extension headers stepped over. */
    public int ipProtocol() {
        return ipProtocol;
    }

    /** The innermost IPv4 TTL or IPv6 hop limit. */
    public int ttl() {
        return ttl;
    }

    /** The innermost IPv4 header's source address; see {@link #outerIpv4Source()}. */
    public int ipv4Source() {
        return ipv4Source;
    }

    /** The innermost IPv4 header's destination address. */
    public int ipv4Destination() {
        return ipv4Destination;
    }

    /** The innermost IPv4 header's total length field, as stated (see {@link #truncated()}). */
    public int ipv4TotalLength() {
        return ipv4TotalLength;
    }

    /** The high 64 bits of the innermost IPv6 header's source address. */
    public long ipv6SourceHi() {
        return ipv6SourceHi;
    }

    public long ipv6SourceLo() {
        return ipv6SourceLo;
    }

    public long ipv6DestinationHi() {
        return ipv6DestinationHi;
    }

    public long ipv6DestinationLo() {
        return ipv6DestinationLo;
    }

    /** The innermost IPv6 header's payload length field, as stated. */
    public int ipv6PayloadLength() {
        return ipv6PayloadLength;
    }

    /** True for a fragment of a larger datagram: more fragments follow, or the offset is not 0. */
    public boolean fragmented() {
        return fragmented;
    }

    /** Fragment offset in bytes; the transport header is decoded only when it is 0. */
    public int fragmentOffset() {
        return fragmentOffset;
    }

    /**
     * The IP protocol whose header was decoded in the innermost packet (TCP, UDP, ICMP, ICMPv6, or GRE when
     * the GRE packet's content was left undecoded: see the class comment), or -1.
     */
    public int transportProtocol() {
        return transportProtocol;
    }

    /** TCP or UDP source port. */
    public int sourcePort() {
        return sourcePort;
    }

    /** TCP or UDP destination port. */
    public int destinationPort() {
        return destinationPort;
    }

    /** Unsigned 32-bit TCP sequence number. */
    public long tcpSequence() {
        return tcpSequence;
    }

    /** Unsigned 32-bit TCP acknowledgement number. */
    public long tcpAcknowledgement() {
        return tcpAcknowledgement;
    }

    /** TCP flags byte: CWR ECE URG ACK PSH RST SYN FIN from high bit to low. */
    public int tcpFlags() {
        return tcpFlags;
    }

    /** TCP header length in bytes, options included. */
    public int tcpHeaderLength() {
        return tcpHeaderLength;
    }

    /** The UDP length field, as stated. */
    public int udpLength() {
        return udpLength;
    }

    public int icmpType() {
        return icmpType;
    }

    public int icmpCode() {
        return icmpCode;
    }

    /**
     * The protocol type (an EtherType) of the innermost GRE header: what the tunnel carries when it was opened,
     * or what the GRE packet carries when its content was left undecoded ({@link #transportProtocol()} is
     * then GRE); 0 without GRE.
     */
    public int greProtocol() {
        return greProtocol;
    }

    /** Tunnels opened to reach the innermost packet, 0 to {@link #MAX_TUNNEL_DEPTH}. */
    public int tunnelDepth() {
        return tunnelDepth;
    }

    /** The outermost tunnel's kind: one of the {@code TUNNEL_*} constants, {@link #TUNNEL_NONE} outside tunnels. */
    public int tunnelType() {
        return tunnelType;
    }

    /** True when a tunnel lay deeper than {@link #MAX_TUNNEL_DEPTH}: it and what it carries were left undecoded. */
    public boolean tunnelDepthExceeded() {
        return tunnelDepthExceeded;
    }

    /** The session id (0 to 1023) of the outermost ERSPAN type II or III header, -1 when there is none. */
    public int erspanSessionId() {
        return erspanSessionId;
    }

    /** 4 or 6 when the outermost IP header was decoded, 0 otherwise; the same as {@link #ipVersion()} outside tunnels. */
    public int outerIpVersion() {
        return tunnelDepth == 0 ? ipVersion : outerIpVersion;
    }

    /** The outermost IP header's protocol (47, GRE, for a tunnel), as {@link #ipProtocol()} reports it. */
    public int outerIpProtocol() {
        return tunnelDepth == 0 ? ipProtocol : outerIpProtocol;
    }

    /** The outermost IPv4 TTL or IPv6 hop limit. */
    public int outerTtl() {
        return tunnelDepth == 0 ? ttl : outerTtl;
    }

    public int outerIpv4Source() {
        return tunnelDepth == 0 ? ipv4Source : outerIpv4Source;
    }

    public int outerIpv4Destination() {
        return tunnelDepth == 0 ? ipv4Destination : outerIpv4Destination;
    }

    public long outerIpv6SourceHi() {
        return tunnelDepth == 0 ? ipv6SourceHi : outerIpv6SourceHi;
    }

    public long outerIpv6SourceLo() {
        return tunnelDepth == 0 ? ipv6SourceLo : outerIpv6SourceLo;
    }

    public long outerIpv6DestinationHi() {
        return tunnelDepth == 0 ? ipv6DestinationHi : outerIpv6DestinationHi;
    }

    public long outerIpv6DestinationLo() {
        return tunnelDepth == 0 ? ipv6DestinationLo : outerIpv6DestinationLo;
    }

    /**
     * Bytes before the outermost network header: the link header with its VLAN tags, as captured; 0 when no
     * network header was reached.
     */
    public int outerLinkLength() {
        if (tunnelDepth > 0) {
            return outerLinkLength;
        }
        return networkOffset == 0 ? 0 : networkOffset - packetStart;
    }

    /**
     * The outermost IP packet's length as its header states it: the IPv4 total length, or 40 plus the IPv6
     * payload length; 0 when no IP header was decoded.
     */
    public int outerIpLength() {
        return tunnelDepth == 0 ? ipLength() : outerIpLength;
    }

    /**
     * Offset in the buffer of the bytes after the deepest header decoded: the transport payload when a
     * transport header was decoded. It and {@link #payloadLength()} always lie within the captured bytes and
     * within the lengths the IP and UDP headers state.
     */
    public int payloadOffset() {
        return payloadOffset;
    }

    public int payloadLength() {
        return payloadLength;
    }

    /** True when the capture (or, for ERSPAN, the mirroring switch) cut a header or a stated length short. */
    public boolean truncated() {
        return truncated;
    }

    /** True when a header contradicts itself; see {@link #malformedReason()}. */
    public boolean malformed() {
        return malformedReason != null;
    }

    /** One of the reason constants of this class, or null when nothing was malformed. */
    public String malformedReason() {
        return malformedReason;
    }
}
