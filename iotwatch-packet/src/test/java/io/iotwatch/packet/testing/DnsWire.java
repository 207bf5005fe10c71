package io.iotwatch.packet.testing;

import io.iotwatch.packet.dns.DnsMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds DNS messages byte by byte for tests, big-endian; counts and lengths are whatever the test writes. */
public final class DnsWire {

    public static final int QUERY = 0x0100; // RD
    public static final int RESPONSE = 0x8180; // QR, RD, RA
    public static final int TTL = 3600;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public static DnsWire header(int id, int flags, int qdcount, int ancount, int nscount, int arcount) {
        return new DnsWire().u16(id).u16(flags).u16(qdcount).u16(ancount).u16(nscount).u16(arcount);
    }

    /** A piece of a message, such as record data, to be put into a message with {@link #bytes}. */
    public static DnsWire fragment() {
        return new DnsWire();
    }

    public DnsWire u8(int v) {
        out.write(v);
        return this;
    }

    public DnsWire u16(int v) {
        return u8(v >>> 8).u8(v);
    }

    public DnsWire u32(int v) {
        return u16(v >>> 16).u16(v);
    }

    public DnsWire bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    public DnsWire label(byte[] raw) {
        return u8(raw.length).bytes(raw);
    }

    public DnsWire label(String ascii) {
        return label(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    /** A plain dotted name ("." for the root) written out in full, ending with the root label. */
    public DnsWire name(String dotted) {
        if (!dotted.equals(".")) {
            for (String label : dotted.split("\\.")) {
                label(label);
            }
        }
        return root();
    }

    public DnsWire root() {
        return u8(0);
    }

    public DnsWire pointer(int offset) {
        return u16(0xC000 | offset);
    }

    public DnsWire question(String name, int type) {
        return name(name).u16(type).u16(DnsMessage.CLASS_IN);
    }

    /** The type, class IN, TTL, length and data of a record whose owner name was just written. */
    public DnsWire record(int type, byte[] data) {
        return record(type, DnsMessage.CLASS_IN, data);
    }

    public DnsWire record(int type, int recordClass, byte[] data) {
        return u16(type).u16(recordClass).u32(TTL).u16(data.length).bytes(data);
    }

    public int position() {
        return out.size();
    }

    public byte[] build() {
        return out.toByteArray();
    }

    /** The messages as one TCP stream: each after its 2-byte length. */
    public static byte[] tcp(byte[]... messages) {
        DnsWire stream = new DnsWire();
        for (byte[] message : messages) {
            stream.u16(message.length).bytes(message);
        }
        return stream.build();
    }
}
