package io.iotwatch.sim.packets.proto;

import io.iotwatch.sim.packets.wire.Bytes;
import java.nio.charset.StandardCharsets;

/**
 * CoAP messages (RFC 7252): the 4-byte header, the token, options in ascending number with delta encoding,
 * and the payload after the 0xFF marker.
 */
public final class Coap {

    public static final int CONFIRMABLE = 0;
    public static final int ACKNOWLEDGEMENT = 2;

    public static final int GET = 1;
    public static final int POST = 2;
    public static final int CREATED = 0x41;
    public static final int CHANGED = 0x44;
    public static final int CONTENT = 0x45;

    public static final int URI_PATH = 11;
    public static final int CONTENT_FORMAT = 12;
    public static final int URI_QUERY = 15;
    public static final int LOCATION_PATH = 8;

    public static final int FORMAT_LINK = 40;

    private final Bytes out;
    private int lastOption;

    private Coap(Bytes out) {
        this.out = out;
    }

    /** Starts a message with an 8-byte-or-shorter token; add options in ascending order, then the payload. */
    public static Coap message(Bytes out, int type, int code, int messageId, long token, int tokenLength) {
        out.u8(1 << 6 | type << 4 | tokenLength).u8(code).u16(messageId);
        for (int i = tokenLength - 1; i >= 0; i--) {
            out.u8((int) (token >>> 8 * i));
        }
        return new Coap(out);
    }

    public Coap option(int number, String value) {
        return option(number, value.getBytes(StandardCharsets.UTF_8));
    }

    /** An unsigned-integer option in its shortest form (zero has no bytes). */
    public Coap option(int number, int value) {
        int length = value == 0 ? 0 : value < 0x100 ? 1 : value < 0x10000 ? 2 : 4;
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (value >>> 8 * (length - 1 - i));
        }
        return option(number, bytes);
    }

    public Coap option(int number, byte[] value) {
        if (number < lastOption) {
            throw new IllegalArgumentException("CoAP options must come in ascending order: " + number + " after " + lastOption);
        }
        int delta = number - lastOption;
        lastOption = number;
        int length = value.length;
        out.u8(nibble(delta) << 4 | nibble(length));
        extended(delta);
        extended(length);
        out.bytes(value);
        return this;
    }

    public void payload(byte[] payload) {
        if (payload.length > 0) {
            out.u8(0xFF).bytes(payload);
        }
    }

    private static int nibble(int value) {
        return value < 13 ? value : value < 269 ? 13 : 14;
    }

    private void extended(int value) {
        if (value >= 269) {
            out.u16(value - 269);
        } else if (value >= 13) {
            out.u8(value - 13);
        }
    }
}
