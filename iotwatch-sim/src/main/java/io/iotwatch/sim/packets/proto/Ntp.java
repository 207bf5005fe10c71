package io.iotwatch.sim.packets.proto;

import io.iotwatch.sim.packets.wire.Bytes;

/** NTPv4 client and server packets (RFC 5905), 48 bytes without extensions. */
public final class Ntp {

    /** Seconds from the NTP era (1900) to the Unix epoch. */
    private static final long ERA_OFFSET = 2_208_988_800L;

    private Ntp() {
    }

    /** A client request (mode 3) as SNTP clients send it: only the transmit timestamp set. */
    public static void request(Bytes out, long transmitMicros, int pollExponent) {
        out.u8(0 << 6 | 4 << 3 | 3).u8(0).u8(pollExponent).u8(0xEC);
        out.u32(0).u32(0).u32(0);
        out.u64(0).u64(0).u64(0);
        out.u64(timestamp(transmitMicros));
    }

    /** A server reply (mode 4) to a request sent at {@code originMicros}. */
    public static void reply(Bytes out, int stratum, int referenceId, int pollExponent, long originMicros,
            long receiveMicros, long transmitMicros) {
        out.u8(0 << 6 | 4 << 3 | 4).u8(stratum).u8(pollExponent).u8(0xE9);
        // Root delay and dispersion in 16.16 seconds: a few milliseconds.
        out.u32(0x0000_0180).u32(0x0000_0260).u32(referenceId);
        out.u64(timestamp(receiveMicros - 17 * 1_000_000L));
        out.u64(timestamp(originMicros));
        out.u64(timestamp(receiveMicros));
        out.u64(timestamp(transmitMicros));
    }

    /** An NTP timestamp: seconds since 1900 and a 32-bit binary fraction. */
    static long timestamp(long micros) {
        long seconds = Math.floorDiv(micros, 1_000_000L) + ERA_OFFSET;
        long fraction = (Math.floorMod(micros, 1_000_000L) << 32) / 1_000_000L;
        return seconds << 32 | fraction;
    }
}
