package io.iotwatch.packet.decode;

import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_ARP;
import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_IPV4;
import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_IPV6;
import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_QINQ;
import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_QINQ_OLD;
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
 * <p>The getters describe the last decoded packet and are valid until the next {@link #decode}. Fields of
 * layers that were not decoded hold 0 (or -1 for {@link #transportProtocol()}). Not thread-safe.
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
                destinationMac = u48(b, off);
                sourceMac = u48(b, off + 6);
                etherType = u16(b, off + 12);
                int p = vlanTags(b, off + ETHERNET_HEADER, end);
                if (p >= 0) {
                    network(b, p, end);
                }
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
                // The version nibble is the only thing telling IPv4 from IPv6 here.
                if (len < 1) {
                    return false;
                }
                int version = (b[off] & 0xFF) >>> 4;
                if (version == 4 || version == 6) {
                    etherType = version == 4 ? ETHERTYPE_IPV4 : ETHERTYPE_IPV6;
                    network(b, off, end);
                } else {
                    malformedReason = BAD_IP_VERSION;
                }
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
        linkType = link;
        etherType = 0;
        sourceMac = 0;
        destinationMac = 0;
        vlanCount = 0;
        outerVlanId = 0;
        innerVlanId = 0;
        extraVlanTags = false;
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
        greProtocol = 0;
        payloadOffset = Math.max(off, 0);
        payloadLength = 0;
        truncated = false;
        malformedReason = null;
    }

    /** Steps over VLAN tags from {@code p}; returns the offset after them, or -1 when a tag is cut short. */
    private int vlanTags(byte[] b, int p, int end) {
        while (etherType == ETHERTYPE_VLAN || etherType == ETHERTYPE_QINQ || etherType == ETHERTYPE_QINQ_OLD) {
            if (end - p < VLAN_TAG) {
                truncated = true;
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
            truncated = true;
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
            truncated = true;
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
            truncated = true;
            return;
        }
        if (ipv4TotalLength < headerLength) {
            malformedReason = BAD_IPV4_TOTAL_LENGTH;
            return;
        }
        int ipEnd = limit(p, ipv4TotalLength, end);
        payload(p + headerLength, ipEnd);
        // Only the first fragment starts with the transport header.
        if (fragmentOffset == 0) {
            transport(b, p + headerLength, ipEnd);
        }
    }

    private void ipv6(byte[] b, int p, int end) {
        if (end - p < IPV6_HEADER) {
            truncated = true;
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
        if (udpLength > end - p) {
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
        // The checksum, key and sequence number bits each add one optional 4-byte field.
        int headerLength = GRE_MIN_HEADER
                + ((flags & 0x8000) != 0 ? 4 : 0)
                + ((flags & 0x2000) != 0 ? 4 : 0)
                + ((flags & 0x1000) != 0 ? 4 : 0);
        if (end - p < headerLength) {
            beyond(TRANSPORT_BEYOND_IP);
            return;
        }
        transportProtocol = IP_GRE;
        greProtocol = u16(b, p + 2);
        payload(p + headerLength, end);
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

    /** The end of a {@code length}-byte span from {@code p}, cut at {@code end} (noted as truncation). */
    private int limit(int p, int length, int end) {
        if (length > end - p) {
            truncated = true;
            return end;
        }
        return p + length;
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
     * The network protocol as an EtherType, after any VLAN tags. Links without an EtherType (raw IP, BSD
     * loopback) report the equivalent value; 0 when unknown.
     */
    public int etherType() {
        return etherType;
    }

    /** Ethernet only: the 48-bit source MAC address. */
    public long sourceMac() {
        return sourceMac;
    }

    /** Ethernet only: the 48-bit destination MAC address. */
    public long destinationMac() {
        return destinationMac;
    }

    /** VLAN tags decoded, at most 2; see {@link #extraVlanTags()}. */
    public int vlanCount() {
        return vlanCount;
    }

    /** The VLAN id of the first (outer) tag. */
    public int outerVlanId() {
        return outerVlanId;
    }

    /** The VLAN id of the second tag. */
    public int innerVlanId() {
        return innerVlanId;
    }

    /** True when more than 2 VLAN tags were stepped over; only the first 2 are reported. */
    public boolean extraVlanTags() {
        return extraVlanTags;
    }

    /** Offset in the buffer of the network header (after link header and VLAN tags). */
    public int networkOffset() {
        return networkOffset;
    }

    /** True when an Ethernet/IPv4 ARP packet was decoded. */
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

    /** 4 or 6 when an IP header was decoded, 0 otherwise. */
    public int ipVersion() {
        return ipVersion;
    }

    /** IPv4 protocol, or the IPv6 next header after the extension headers stepped over. */
    public int ipProtocol() {
        return ipProtocol;
    }

    /** IPv4 TTL or IPv6 hop limit. */
    public int ttl() {
        return ttl;
    }

    public int ipv4Source() {
        return ipv4Source;
    }

    public int ipv4Destination() {
        return ipv4Destination;
    }

    /** The IPv4 total length field, as stated (see {@link #truncated()}). */
    public int ipv4TotalLength() {
        return ipv4TotalLength;
    }

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

    /** The IPv6 payload length field, as stated. */
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

    /** The IP protocol whose header was decoded (TCP, UDP, ICMP, ICMPv6 or GRE), or -1. */
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

    /** The EtherType GRE carries; the packet inside is not decoded. */
    public int greProtocol() {
        return greProtocol;
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

    /** True when the capture cut a header or a stated length short. */
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
