package io.iotwatch.detect;

/**
 * About how many distinct values were added, in 64 bytes whatever their number: a HyperLogLog of 64 registers
 * (Flajolet et al., 2007), about 13% standard error, exact enough to tell one source from a dozen or from
 * ten thousand forged ones. Values are added as 64-bit hashes; {@link #hash(CharSequence)} makes one of text.
 */
public final class DistinctCounter {

    private static final int REGISTERS = 64;
    private static final int INDEX_BITS = 6;
    private static final double ALPHA = 0.709;

    private final byte[] registers = new byte[REGISTERS];

    /** Adds a value by its hash; the same hash twice counts once. */
    public void add(long hash) {
        long h = mix(hash);
        int index = (int) (h >>> (64 - INDEX_BITS));
        int rank = Math.min(Long.numberOfLeadingZeros(h << INDEX_BITS), 64 - INDEX_BITS) + 1;
        if (rank > registers[index]) {
            registers[index] = (byte) rank;
        }
    }

    /** The estimated number of distinct values added; 0 when none was. */
    public long estimate() {
        double sum = 0;
        int zeros = 0;
        for (byte register : registers) {
            sum += 1.0 / (1L << register);
            if (register == 0) {
                zeros++;
            }
        }
        if (zeros == REGISTERS) {
            return 0;
        }
        double estimate = ALPHA * REGISTERS * REGISTERS / sum;
        if (estimate <= 2.5 * REGISTERS && zeros > 0) {
            // Linear counting is the better estimate while registers are still empty.
            estimate = REGISTERS * Math.log((double) REGISTERS / zeros);
        }
        return Math.round(estimate);
    }

    /** FNV-1a over the characters: a stable 64-bit hash of an address or name, computed without allocating. */
    public static long hash(CharSequence text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /** MurmurHash3's finalizer: spreads every input bit over the register index and the rank. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ h >>> 33;
    }
}
