package io.iotwatch.logs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte searches for the line readers, which look at every byte of every log they read. */
public final class Bytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Bytes() {}

    /**
     * Index of the first LF in {@code b[from, to)}, or -1. Reads eight bytes at a time (SWAR): a byte lane
     * equal to LF gets its high bit set by the bit trick, and only the lowest flag, the one used, is exact.
     */
    public static int indexOfLf(byte[] b, int from, int to) {
        int p = from;
        for (; p + Long.BYTES <= to; p += Long.BYTES) {
            long lfs = (long) LONGS.get(b, p) ^ (ONES * '\n');
            long found = (lfs - ONES) & ~lfs & HIGHS;
            if (found != 0) {
                return p + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; p < to; p++) {
            if (b[p] == '\n') {
                return p;
            }
        }
        return -1;
    }
}
