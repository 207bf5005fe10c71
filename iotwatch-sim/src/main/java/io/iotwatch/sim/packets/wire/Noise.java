package io.iotwatch.sim.packets.wire;

import java.util.SplittableRandom;

/**
 * A fixed block of random bytes that stands in for encrypted data and random payloads: frames copy slices of
 * it at random positions instead of drawing every byte, which keeps bulk data cheap and still looks random.
 */
public final class Noise {

    /** 64 KiB, the same in every run. */
    public static final byte[] BLOCK = block(1 << 16);

    private Noise() {
    }

    private static byte[] block(int size) {
        byte[] b = new byte[size];
        new SplittableRandom(0x6E6F697365L).nextBytes(b);
        return b;
    }
}
