package io.iotwatch.packet.flow;

import static io.iotwatch.packet.decode.Protocols.IP_ICMP;
import static io.iotwatch.packet.decode.Protocols.IP_ICMPV6;
import static io.iotwatch.packet.decode.Protocols.IP_TCP;
import static io.iotwatch.packet.decode.Protocols.IP_UDP;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Community ID v1 (https://github.com/corelight/community-id-spec): the flow identifier Zeek, Suricata,
 * Wireshark and Elastic share, so a user can pivot from an iotwatch alert to the same flow in their logs.
 *
 * <p>SHA-1 over seed (2 bytes), the two addresses, protocol, a zero byte and, for protocols with ports, the two
 * ports, all big-endian, the endpoints ordered so that both directions give the same id; base64 with the
 * prefix {@code 1:}. ICMP and ICMPv6 use the type as the source port and the type of the matching reply (or,
 * for messages without one, the code) as the destination port, as Zeek does; messages without a reply are
 * not reordered. Not thread-safe: one per packet thread, used when a flow ends, not per packet, where the
 * digest and its base64 go through buffers of this instance so that the id's text is the only allocation.
 */
public final class CommunityId {

    /** SCTP carries ports too; the decoder does not decode it, but a caller with its ports may. */
    private static final int IP_SCTP = 132;
    private static final int SHA1_LENGTH = 20;
    private static final int BASE64_LENGTH = 28;
    private static final byte[] PREFIX = {'1', ':'};

    private final int seed;
    private final MessageDigest sha1;
    private final byte[] input = new byte[2 + 16 + 16 + 2 + 4];
    private final byte[] digest = new byte[SHA1_LENGTH];
    private final byte[] encoded = new byte[BASE64_LENGTH];
    private final byte[] text = new byte[PREFIX.length + BASE64_LENGTH];
    private final Base64.Encoder base64 = Base64.getEncoder();

    public CommunityId() {
        this(0);
    }

    public CommunityId(int seed) {
        if (seed < 0 || seed > 0xFFFF) {
            throw new IllegalArgumentException("community id seed must be 0 to 65535: " + seed);
        }
        this.seed = seed;
        System.arraycopy(PREFIX, 0, text, 0, PREFIX.length);
        try {
            this.sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    /**
     * The id of an IPv4 flow. For TCP, UDP and SCTP the ports are the transport ports; for ICMP pass the
     * message type and code; for other protocols they are ignored.
     */
    public String ipv4(int source, int destination, int protocol, int sourcePort, int destinationPort) {
        return compute(false, 0, source & 0xFFFF_FFFFL, 0, destination & 0xFFFF_FFFFL, protocol, sourcePort,
                destinationPort);
    }

    /** The id of an IPv6 flow, addresses as two big-endian halves; ports as for {@link #ipv4}, ICMPv6 as ICMP. */
    public String ipv6(long sourceHi, long sourceLo, long destinationHi, long destinationLo, int protocol,
            int sourcePort, int destinationPort) {
        return compute(true, sourceHi, sourceLo, destinationHi, destinationLo, protocol, sourcePort, destinationPort);
    }

    private String compute(boolean v6, long sHi, long sLo, long dHi, long dLo, int protocol, int sourcePort,
            int destinationPort) {
        boolean hasPorts = protocol == IP_TCP || protocol == IP_UDP || protocol == IP_SCTP
                || protocol == IP_ICMP || protocol == IP_ICMPV6;
        int sPort = sourcePort;
        int dPort = destinationPort;
        boolean oneWay = false;
        if (protocol == IP_ICMP || protocol == IP_ICMPV6) {
            int counterpart = protocol == IP_ICMP ? icmpCounterpart(sourcePort) : icmp6Counterpart(sourcePort);
            oneWay = counterpart < 0;
            dPort = oneWay ? destinationPort : counterpart;
        }
        int addressOrder = v6 ? compareUnsigned(sHi, sLo, dHi, dLo) : Long.compare(sLo, dLo);
        boolean swap = !oneWay && (addressOrder > 0 || (addressOrder == 0 && hasPorts && sPort > dPort));
        int p = 0;
        p = putShort(p, seed);
        p = swap ? putAddress(p, v6, dHi, dLo) : putAddress(p, v6, sHi, sLo);
        p = swap ? putAddress(p, v6, sHi, sLo) : putAddress(p, v6, dHi, dLo);
        input[p++] = (byte) protocol;
        input[p++] = 0;
        if (hasPorts) {
            p = putShort(p, swap ? dPort : sPort);
            p = putShort(p, swap ? sPort : dPort);
        }
        sha1.update(input, 0, p);
        try {
            sha1.digest(digest, 0, SHA1_LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("a SHA-1 digest is 20 bytes", e);
        }
        base64.encode(digest, encoded);
        System.arraycopy(encoded, 0, text, PREFIX.length, BASE64_LENGTH);
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /** Zeek's ICMP4_counterpart: the reply type of a request/reply pair, or -1 for a one-way message. */
    static int icmpCounterpart(int type) {
        return switch (type) {
            case 8 -> 0;
            case 0 -> 8;
            case 13 -> 14;
            case 14 -> 13;
            case 15 -> 16;
            case 16 -> 15;
            case 10 -> 9;
            case 9 -> 10;
            case 17 -> 18;
            case 18 -> 17;
            default -> -1;
        };
    }

    /** The same for ICMPv6: echo, router and neighbour discovery, MLD, node information, home agent discovery. */
    static int icmp6Counterpart(int type) {
        return switch (type) {
            case 128 -> 129;
            case 129 -> 128;
            case 133 -> 134;
            case 134 -> 133;
            case 135 -> 136;
            case 136 -> 135;
            case 130 -> 131;
            case 131 -> 130;
            case 139 -> 140;
            case 140 -> 139;
            case 144 -> 145;
            case 145 -> 144;
            default -> -1;
        };
    }

    private static int compareUnsigned(long aHi, long aLo, long bHi, long bLo) {
        int hi = Long.compareUnsigned(aHi, bHi);
        return hi != 0 ? hi : Long.compareUnsigned(aLo, bLo);
    }

    private int putAddress(int p, boolean v6, long hi, long lo) {
        if (v6) {
            p = putLong(p, hi);
            return putLong(p, lo);
        }
        for (int shift = 24; shift >= 0; shift -= 8) {
            input[p++] = (byte) (lo >>> shift);
        }
        return p;
    }

    private int putLong(int p, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            input[p++] = (byte) (value >>> shift);
        }
        return p;
    }

    private int putShort(int p, int value) {
        input[p] = (byte) (value >>> 8);
        input[p + 1] = (byte) value;
        return p + 2;
    }
}
