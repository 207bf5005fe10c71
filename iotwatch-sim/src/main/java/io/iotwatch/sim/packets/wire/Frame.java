package io.iotwatch.sim.packets.wire;

import java.util.Arrays;

/**
 * One Ethernet frame, built header by header into a buffer that is reused for every frame: {@link #start()},
 * the headers from the outside in ({@link #ethernet}, {@link #ipv4}, {@link #tcp} ...), the payload, then
 * {@link #finish()}, which fills in every length and checksum (the IPv4 headers, and the TCP, UDP or ICMP
 * checksum of the innermost transport header) and pads the frame to Ethernet's 60-byte minimum, as a switch's
 * mirror port delivers it. Headers may nest, as GRE carries IP or Ethernet.
 */
public final class Frame {

    public static final int ETHERNET = 14;
    public static final int IPV4 = 20;
    public static final int TCP = 20;
    public static final int UDP = 8;
    public static final int ICMP = 8;
    public static final int GRE = 4;
    public static final int ARP = 28;
    /** Shortest Ethernet frame without its check sequence; shorter ones are padded with zeros. */
    public static final int MIN_LENGTH = 60;
    /** Longest frame: an Ethernet header and the longest IPv4 datagram. */
    public static final int CAPACITY = ETHERNET + 65_535;

    public static final int ETHERTYPE_IPV4 = 0x0800;
    public static final int ETHERTYPE_ARP = 0x0806;
    public static final int ETHERTYPE_TRANSPARENT_ETHERNET = 0x6558;

    public static final int PROTO_ICMP = 1;
    public static final int PROTO_TCP = 6;
    public static final int PROTO_UDP = 17;
    public static final int PROTO_GRE = 47;

    public static final int DONT_FRAGMENT = 0x4000;
    public static final int MORE_FRAGMENTS = 0x2000;

    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;
    public static final int URG = 0x20;
    public static final int ECE = 0x40;
    public static final int CWR = 0x80;

    public static final int ICMP_ECHO_REPLY = 0;
    public static final int ICMP_UNREACHABLE = 3;
    public static final int ICMP_ECHO = 8;
    public static final int ARP_REQUEST = 1;
    public static final int ARP_REPLY = 2;

    private static final int MAX_DEPTH = 4;

    private final byte[] b = new byte[CAPACITY];
    private int length;
    private final int[] ipStarts = new int[MAX_DEPTH];
    private int ips;
    private int transportStart;
    private int transportProtocol;
    private int transportIp;
    private boolean finished;

    /** Begins a new frame, forgetting the last one. */
    public Frame start() {
        length = 0;
        ips = 0;
        transportStart = -1;
        finished = false;
        return this;
    }

    public Frame ethernet(long destination, long source, int etherType) {
        mac(destination);
        mac(source);
        return u16(etherType);
    }

    /** An ARP packet for IPv4 over Ethernet (RFC 826). */
    public Frame arp(int operation, long senderMac, int senderIp, long targetMac, int targetIp) {
        u16(1).u16(ETHERTYPE_IPV4).u8(6).u8(4).u16(operation);
        mac(senderMac);
        u32(senderIp);
        mac(targetMac);
        return u32(targetIp);
    }

    /** An IPv4 header without options; {@code flagsAndOffset} holds the flags and the fragment offset in 8-byte units. */
    public Frame ipv4(int source, int destination, int protocol, int ttl, int id, int flagsAndOffset) {
        return ipv4(0, source, destination, protocol, ttl, id, flagsAndOffset);
    }

    public Frame ipv4(int tos, int source, int destination, int protocol, int ttl, int id, int flagsAndOffset) {
        if (ips == MAX_DEPTH) {
            throw new IllegalStateException("more than " + MAX_DEPTH + " nested IP headers");
        }
        ipStarts[ips++] = length;
        u8(0x45).u8(tos).u16(0).u16(id).u16(flagsAndOffset).u8(ttl).u8(protocol).u16(0);
        return u32(source).u32(destination);
    }

    public Frame tcp(int sourcePort, int destinationPort, long seq, long ack, int flags, int window) {
        return tcp(sourcePort, destinationPort, seq, ack, flags, window, null, 0);
    }

    /** A TCP header with {@code optionsLength} (a multiple of 4) bytes of options. */
    public Frame tcp(int sourcePort, int destinationPort, long seq, long ack, int flags, int window, byte[] options,
            int optionsLength) {
        if (optionsLength % 4 != 0 || optionsLength > 40) {
            throw new IllegalArgumentException("TCP options must be a multiple of 4 bytes, at most 40: " + optionsLength);
        }
        transport(PROTO_TCP);
        u16(sourcePort).u16(destinationPort).u32((int) seq).u32((int) ack);
        u8((TCP + optionsLength) / 4 << 4).u8(flags).u16(window).u16(0).u16(0);
        return optionsLength == 0 ? this : bytes(options, 0, optionsLength);
    }

    public Frame udp(int sourcePort, int destinationPort) {
        transport(PROTO_UDP);
        return u16(sourcePort).u16(destinationPort).u16(0).u16(0);
    }

    /** An ICMP header; {@code rest} is its second word (identifier and sequence number of an echo). */
    public Frame icmp(int type, int code, int rest) {
        transport(PROTO_ICMP);
        return u8(type).u8(code).u16(0).u32(rest);
    }

    /** A GRE header (RFC 2784) without checksum, key or sequence number. */
    public Frame gre(int protocolType) {
        return u16(0).u16(protocolType);
    }

    public Frame u8(int v) {
        b[length++] = (byte) v;
        return this;
    }

    public Frame u16(int v) {
        b[length++] = (byte) (v >>> 8);
        b[length++] = (byte) v;
        return this;
    }

    public Frame u32(int v) {
        u16(v >>> 16);
        return u16(v);
    }

    public Frame bytes(byte[] source, int offset, int count) {
        System.arraycopy(source, offset, b, length, count);
        length += count;
        return this;
    }

    public Frame bytes(byte[] source) {
        return bytes(source, 0, source.length);
    }

    /** {@code count} bytes of {@code source} from {@code position} on, wrapping around at its end. */
    public Frame cycle(byte[] source, int position, int count) {
        int from = Math.floorMod(position, source.length);
        while (count > 0) {
            int n = Math.min(count, source.length - from);
            bytes(source, from, n);
            count -= n;
            from = 0;
        }
        return this;
    }

    public Frame fill(int value, int count) {
        Arrays.fill(b, length, length + count, (byte) value);
        length += count;
        return this;
    }

    /**
     * Fills in lengths and checksums, innermost first, and pads the frame to {@link #MIN_LENGTH}. A second call
     * changes nothing.
     */
    public Frame finish() {
        if (finished) {
            return this;
        }
        finished = true;
        if (transportStart >= 0) {
            int segment = length - transportStart;
            int checksumAt = switch (transportProtocol) {
                case PROTO_TCP -> transportStart + 16;
                case PROTO_UDP -> transportStart + 6;
                default -> transportStart + 2;
            };
            if (transportProtocol == PROTO_UDP) {
                put16(transportStart + 4, segment);
            }
            put16(checksumAt, 0);
            long sum = transportProtocol == PROTO_ICMP ? 0
                    : Checksum.pseudoHeader(get32(ipStarts[transportIp] + 12), get32(ipStarts[transportIp] + 16),
                            transportProtocol, segment);
            int checksum = Checksum.finish(Checksum.add(sum, b, transportStart, segment));
            // RFC 768: a computed zero is sent as all ones, since zero means "no checksum".
            put16(checksumAt, transportProtocol == PROTO_UDP && checksum == 0 ? 0xFFFF : checksum);
        }
        for (int i = ips - 1; i >= 0; i--) {
            closeIp(ipStarts[i], length - ipStarts[i]);
        }
        if (length < MIN_LENGTH) {
            fill(0, MIN_LENGTH - length);
        }
        return this;
    }

    /**
     * Makes this frame fragment {@code index} of {@code datagram}, a finished frame holding one IPv4 datagram
     * right after its Ethernet header, cut so that no fragment's IP packet exceeds {@code mtu} bytes.
     */
    public Frame fragment(Frame datagram, int index, int mtu) {
        int ipStart = datagram.ipStarts[0];
        int payload = datagram.get16(ipStart + 2) - IPV4;
        int size = fragmentSize(mtu);
        int offset = index * size;
        if (index < 0 || offset >= payload) {
            throw new IllegalArgumentException("datagram has no fragment " + index);
        }
        int count = Math.min(size, payload - offset);
        start();
        bytes(datagram.b, 0, ipStart + IPV4);
        ips = 1;
        ipStarts[0] = ipStart;
        int flags = datagram.get16(ipStart + 6) & DONT_FRAGMENT | (offset + count < payload ? MORE_FRAGMENTS : 0);
        put16(ipStart + 6, flags | offset / 8);
        bytes(datagram.b, ipStart + IPV4 + offset, count);
        return finish();
    }

    /** Fragments a datagram with {@code payload} bytes after its IP header needs at this MTU. */
    public static int fragments(int payload, int mtu) {
        int size = fragmentSize(mtu);
        return (payload + size - 1) / size;
    }

    private static int fragmentSize(int mtu) {
        return (mtu - IPV4) / 8 * 8;
    }

    public byte[] buffer() {
        return b;
    }

    public int length() {
        return length;
    }

    private void transport(int protocol) {
        if (ips == 0) {
            throw new IllegalStateException("a transport header needs an IP header first");
        }
        transportStart = length;
        transportProtocol = protocol;
        transportIp = ips - 1;
    }

    private void closeIp(int start, int total) {
        put16(start + 2, total);
        put16(start + 10, 0);
        put16(start + 10, Checksum.finish(Checksum.add(0, b, start, IPV4)));
    }

    private void mac(long mac) {
        u16((int) (mac >>> 32));
        u32((int) mac);
    }

    private void put16(int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    private int get16(int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    private int get32(int at) {
        return get16(at) << 16 | get16(at + 2);
    }
}
