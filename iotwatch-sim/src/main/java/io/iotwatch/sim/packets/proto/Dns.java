package io.iotwatch.sim.packets.proto;

import io.iotwatch.sim.packets.wire.Bytes;

/**
 * DNS messages (RFC 1035): queries, and responses built answer by answer with the owner names compressed
 * into pointers to the question or to the CNAME target before them, as resolvers write them.
 */
public final class Dns {

    public static final int TYPE_A = 1;
    public static final int TYPE_CNAME = 5;
    public static final int TYPE_NULL = 10;
    public static final int TYPE_PTR = 12;
    public static final int TYPE_AAAA = 28;
    public static final int NOERROR = 0;
    public static final int NXDOMAIN = 3;

    private static final int HEADER = 12;
    private static final int CLASS_IN = 1;
    private static final int RECURSION_DESIRED = 0x0100;
    private static final int RESPONSE_FLAGS = 0x8180;

    private final Bytes out;
    private int answers;
    private int owner = HEADER;

    private Dns(Bytes out) {
        this.out = out;
    }

    /** Writes a recursive query for one name. */
    public static void query(Bytes out, int id, String name, int type) {
        out.u16(id).u16(RECURSION_DESIRED).u16(1).u16(0).u16(0).u16(0);
        name(out, name);
        out.u16(type).u16(CLASS_IN);
    }

    /** Starts a recursive resolver's response to a query; add answers, then {@link #finish()}. */
    public static Dns response(Bytes out, int id, String name, int type, int rcode) {
        out.u16(id).u16(RESPONSE_FLAGS | rcode).u16(1).u16(0).u16(0).u16(0);
        name(out, name);
        out.u16(type).u16(CLASS_IN);
        return new Dns(out);
    }

    public Dns a(int ttl, int address) {
        record(TYPE_A, ttl, 4);
        out.u32(address);
        return this;
    }

    /** A CNAME to {@code target}; later answers are about the target. */
    public Dns cname(int ttl, String target) {
        record(TYPE_CNAME, ttl, 0);
        int lengthAt = out.length() - 2;
        int start = out.length();
        name(out, target);
        out.patch16(lengthAt, out.length() - start);
        owner = start;
        return this;
    }

    public Dns nullRecord(int ttl, byte[] data, int offset, int length) {
        record(TYPE_NULL, ttl, length);
        out.bytes(data, offset, length);
        return this;
    }

    /** Sets the answer count. */
    public void finish() {
        out.patch16(6, answers);
    }

    private void record(int type, int ttl, int length) {
        out.u16(0xC000 | owner).u16(type).u16(CLASS_IN).u32(ttl).u16(length);
        answers++;
    }

    private static void name(Bytes out, String name) {
        int start = 0;
        while (start < name.length()) {
            int dot = name.indexOf('.', start);
            int end = dot < 0 ? name.length() : dot;
            if (end - start > 63) {
                throw new IllegalArgumentException("DNS label longer than 63 bytes in " + name);
            }
            out.u8(end - start).ascii(name.substring(start, end));
            start = end + 1;
        }
        out.u8(0);
    }
}
