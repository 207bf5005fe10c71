package io.iotwatch.packet.capture;

/**
 * Converts pcapng timestamps to epoch nanoseconds for one interface: the tick length of if_tsresol (a
 * negative power of 10, or of 2 with the high bit set; 10^-6 by default) and the if_tsoffset seconds.
 * Arithmetic wraps rather than throws, since a damaged file may hold any tick count.
 */
final class TimestampUnit {

    static final int DEFAULT_RESOLUTION = 6;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long[] POWERS_OF_TEN = powersOfTen();

    private final boolean powerOfTwo;
    private final int exponent;
    private final long offsetNanos;

    TimestampUnit(int tsresol, long offsetSeconds) {
        this.powerOfTwo = (tsresol & 0x80) != 0;
        this.exponent = tsresol & 0x7F;
        this.offsetNanos = offsetSeconds * NANOS_PER_SECOND;
    }

    /** {@code ticks} is unsigned, as the two 32-bit halves of the block make it. */
    long toNanos(long ticks) {
        return (powerOfTwo ? binaryToNanos(ticks) : decimalToNanos(ticks)) + offsetNanos;
    }

    private long decimalToNanos(long ticks) {
        if (exponent <= 9) {
            return ticks * POWERS_OF_TEN[9 - exponent];
        }
        int divisorExponent = exponent - 9;
        return divisorExponent < POWERS_OF_TEN.length ? Long.divideUnsigned(ticks, POWERS_OF_TEN[divisorExponent]) : 0;
    }

    private long binaryToNanos(long ticks) {
        if (exponent >= 64) {
            return fractionToNanos(ticks, exponent);
        }
        long whole = ticks >>> exponent;
        long fraction = exponent == 0 ? 0 : ticks & ((1L << exponent) - 1);
        return whole * NANOS_PER_SECOND + fractionToNanos(fraction, exponent);
    }

    /** {@code fraction / 2^bits} seconds in nanoseconds, without overflowing: 10^9 needs 30 bits of the 63. */
    private static long fractionToNanos(long fraction, int bits) {
        if (bits <= 33) {
            return fraction * NANOS_PER_SECOND >>> bits;
        }
        return bits - 33 >= 64 ? 0 : (fraction >>> (bits - 33)) * NANOS_PER_SECOND >>> 33;
    }

    private static long[] powersOfTen() {
        long[] powers = new long[19];
        powers[0] = 1;
        for (int i = 1; i < powers.length; i++) {
            powers[i] = powers[i - 1] * 10;
        }
        return powers;
    }
}
