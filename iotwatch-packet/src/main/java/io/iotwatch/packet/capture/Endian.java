package io.iotwatch.packet.capture;

/** Reads fixed-size integers from a byte array in the byte order a capture file declares. */
enum Endian {
    BIG, LITTLE;

    int u16(byte[] b, int i) {
        int b0 = b[i] & 0xFF;
        int b1 = b[i + 1] & 0xFF;
        return this == BIG ? b0 << 8 | b1 : b1 << 8 | b0;
    }

    int i32(byte[] b, int i) {
        int b0 = b[i] & 0xFF;
        int b1 = b[i + 1] & 0xFF;
        int b2 = b[i + 2] & 0xFF;
        int b3 = b[i + 3] & 0xFF;
        return this == BIG
                ? b0 << 24 | b1 << 16 | b2 << 8 | b3
                : b3 << 24 | b2 << 16 | b1 << 8 | b0;
    }

    long u32(byte[] b, int i) {
        return i32(b, i) & 0xFFFF_FFFFL;
    }

    long i64(byte[] b, int i) {
        long first = u32(b, i);
        long second = u32(b, i + 4);
        return this == BIG ? first << 32 | second : second << 32 | first;
    }
}
