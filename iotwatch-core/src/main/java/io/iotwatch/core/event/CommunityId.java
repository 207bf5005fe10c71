package io.iotwatch.core.event;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * A flow's Community ID v1 (https://github.com/corelight/community-id-spec): the flow identifier Zeek, Suricata,
 * Wireshark and Elastic share, so a user can pivot from an iotwatch alert to the same flow in their logs.
 *
 * <p>An id made from a flow's tuple keeps the tuple and hashes it when its text is first asked for: a busy
 * capture ends hundreds of thousands of flows whose connection events the detectors count and the user
 * drops, and hashing each of them as it ended cost the packet path a twentieth of its time. An id read from a
 * log or a store is its text. Ids are equal when their texts are.
 *
 * <p>The text is {@code 1:} and the base64 of a SHA-1 over seed (2 bytes), the two addresses, protocol, a zero
 * byte and, for protocols with ports, the two ports, all big-endian, the endpoints ordered so that both
 * directions give the same id. ICMP and ICMPv6 use the type as the source port and the type of the matching
 * reply (or, for messages without one, the code) as the destination port, as Zeek does; messages without a
 * reply are not reordered.
 */
public abstract sealed class CommunityId {

    /** No id: the source does not give the flow's tuple exactly. */
    public static final CommunityId NONE = new Given("");
    /** The seed Zeek, Suricata and Wireshark use unless told otherwise. */
    public static final int DEFAULT_SEED = 0;

    private static final int IP_ICMP = 1;
    private static final int IP_TCP = 6;
    private static final int IP_UDP = 17;
    private static final int IP_ICMPV6 = 58;
    private static final int IP_SCTP = 132;

    private CommunityId() {}

    /** An id given as text ({@code 1:...}), or {@link #NONE} for null or empty. */
    public static CommunityId of(String text) {
        return text == null || text.isEmpty() ? NONE : new Given(text);
    }

    /**
     * The id of an IPv4 flow. For TCP, UDP and SCTP the ports are the transport ports; for ICMP pass the
     * message type and code; for other protocols they are ignored.
     */
    public static CommunityId ipv4(int seed, int source, int destination, int protocol, int sourcePort,
            int destinationPort) {
        return new Ipv4Flow(checkedSeed(seed), (long) source << 32 | destination & 0xFFFF_FFFFL,
                checkedPort(sourcePort) << 16 | checkedPort(destinationPort), checkedProtocol(protocol));
    }

    /** The id of an IPv6 flow, addresses as two big-endian halves; ports as for {@link #ipv4}, ICMPv6 as ICMP. */
    public static CommunityId ipv6(int seed, long sourceHi, long sourceLo, long destinationHi, long destinationLo,
            int protocol, int sourcePort, int destinationPort) {
        return new Ipv6Flow(checkedSeed(seed), sourceHi, sourceLo, destinationHi, destinationLo,
                checkedPort(sourcePort) << 16 | checkedPort(destinationPort), checkedProtocol(protocol));
    }

    /** The id's text, {@code 1:} and 28 base64 characters; empty for {@link #NONE}. */
    public abstract String text();

    public boolean isEmpty() {
        return false;
    }

    @Override
    public final boolean equals(Object other) {
        return other instanceof CommunityId id && text().equals(id.text());
    }

    @Override
    public final int hashCode() {
        return text().hashCode();
    }

    @Override
    public final String toString() {
        return text();
    }

    /** Zeek's ICMP4_counterpart: the reply type of a request/reply pair, or -1 for a one-way message. */
    public static int icmpCounterpart(int type) {
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
    public static int icmp6Counterpart(int type) {
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

    private static short checkedSeed(int seed) {
        if (seed < 0 || seed > 0xFFFF) {
            throw new IllegalArgumentException("community id seed must be 0 to 65535: " + seed);
        }
        return (short) seed;
    }

    private static int checkedPort(int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("a port (or ICMP type or code) must be 0 to 65535: " + port);
        }
        return port;
    }

    private static byte checkedProtocol(int protocol) {
        if (protocol < 0 || protocol > 0xFF) {
            throw new IllegalArgumentException("an IP protocol must be 0 to 255: " + protocol);
        }
        return (byte) protocol;
    }

    private static final class Given extends CommunityId {
        private final String text;

        Given(String text) {
            this.text = Objects.requireNonNull(text, "text");
        }

        @Override
        public String text() {
            return text;
        }

        @Override
        public boolean isEmpty() {
            return text.isEmpty();
        }
    }

    private abstract static sealed class FromTuple extends CommunityId {
        // Racy single check: a text is immutable, so a thread that sees none computes the same one again.
        private String text;

        @Override
        public final String text() {
            String t = text;
            if (t == null) {
                t = compute(Hasher.CURRENT.get());
                text = t;
            }
            return t;
        }

        abstract String compute(Hasher hasher);
    }

    private static final class Ipv4Flow extends FromTuple {
        private final long addresses;
        private final int ports;
        private final short seed;
        private final byte protocol;

        Ipv4Flow(short seed, long addresses, int ports, byte protocol) {
            this.seed = seed;
            this.addresses = addresses;
            this.ports = ports;
            this.protocol = protocol;
        }

        @Override
        String compute(Hasher hasher) {
            return hasher.text(false, seed & 0xFFFF, 0, addresses >>> 32, 0, addresses & 0xFFFF_FFFFL,
                    protocol & 0xFF, ports >>> 16, ports & 0xFFFF);
        }
    }

    private static final class Ipv6Flow extends FromTuple {
        private final long sourceHi;
        private final long sourceLo;
        private final long destinationHi;
        private final long destinationLo;
        private final int ports;
        private final short seed;
        private final byte protocol;

        Ipv6Flow(short seed, long sourceHi, long sourceLo, long destinationHi, long destinationLo, int ports,
                byte protocol) {
            this.seed = seed;
            this.sourceHi = sourceHi;
            this.sourceLo = sourceLo;
            this.destinationHi = destinationHi;
            this.destinationLo = destinationLo;
            this.ports = ports;
            this.protocol = protocol;
        }

        @Override
        String compute(Hasher hasher) {
            return hasher.text(true, seed & 0xFFFF, sourceHi, sourceLo, destinationHi, destinationLo,
                    protocol & 0xFF, ports >>> 16, ports & 0xFFFF);
        }
    }

    /** A thread's digest and buffers, so that the id's text is the only allocation. */
    private static final class Hasher {
        static final ThreadLocal<Hasher> CURRENT = ThreadLocal.withInitial(Hasher::new);
        private static final int SHA1_LENGTH = 20;
        private static final int BASE64_LENGTH = 28;
        private static final byte[] PREFIX = {'1', ':'};

        private final MessageDigest sha1;
        private final byte[] input = new byte[2 + 16 + 16 + 2 + 4];
        private final byte[] digest = new byte[SHA1_LENGTH];
        private final byte[] encoded = new byte[BASE64_LENGTH];
        private final byte[] text = new byte[PREFIX.length + BASE64_LENGTH];
        private final Base64.Encoder base64 = Base64.getEncoder();

        Hasher() {
            System.arraycopy(PREFIX, 0, text, 0, PREFIX.length);
            try {
                sha1 = MessageDigest.getInstance("SHA-1");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-1", e);
            }
        }

        String text(boolean v6, int seed, long sHi, long sLo, long dHi, long dLo, int protocol, int sourcePort,
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
}
