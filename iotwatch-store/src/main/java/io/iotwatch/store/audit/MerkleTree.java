package io.iotwatch.store.audit;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 section 2.1 over SHA-256: leaf hashes, tree hashes, and the inclusion and
 * consistency proofs with the RFC's verification algorithms. Proofs are built in two steps: which ranges
 * of leaves the proof's hashes cover ({@link #inclusionRanges}, {@link #consistencyRanges}), then the
 * hashes of those ranges from the leaves read once in order ({@link RangeHashes}), so a proof over a large
 * log needs memory for a few hashes, not for every leaf.
 */
public final class MerkleTree {

    public static final int HASH_BYTES = 32;
    private static final byte LEAF = 0;
    private static final byte NODE = 1;

    private MerkleTree() {}

    /** Leaves {@code from} (included) to {@code to} (excluded). */
    public record Range(long from, long to) {
        public Range {
            if (from < 0 || to <= from) {
                throw new IllegalArgumentException("not a range of leaves: " + from + " to " + to);
            }
        }
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** SHA-256(0x00 || data). */
    public static byte[] leafHash(MessageDigest sha, byte[] data) {
        sha.update(LEAF);
        return sha.digest(data);
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(MessageDigest sha, byte[] left, byte[] right) {
        sha.update(NODE);
        sha.update(left);
        return sha.digest(right);
    }

    /** The hash of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** The largest power of two smaller than {@code n} (n at least 2): where the RFC splits a tree. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** The tree hash of the leaves, which are leaf hashes. */
    public static byte[] root(List<byte[]> leaves) {
        Frontier frontier = new Frontier();
        leaves.forEach(frontier::add);
        return frontier.root();
    }

    /** The ranges whose tree hashes make the audit path of leaf {@code index} in a tree of {@code size}, in path order. */
    public static List<Range> inclusionRanges(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<Range> path = new ArrayList<>();
        inclusion(index, 0, size, path);
        return path;
    }

    private static void inclusion(long index, long from, long to, List<Range> path) {
        long n = to - from;
        if (n == 1) {
            return;
        }
        long k = split(n);
        if (index - from < k) {
            inclusion(index, from, from + k, path);
            path.add(new Range(from + k, to));
        } else {
            inclusion(index, from + k, to, path);
            path.add(new Range(from, from + k));
        }
    }

    /** The ranges whose tree hashes make the consistency proof from a tree of {@code first} leaves to one of {@code second}. */
    public static List<Range> consistencyRanges(long first, long second) {
        if (first <= 0 || first >= second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second + " leaves");
        }
        List<Range> proof = new ArrayList<>();
        subproof(first, 0, second, true, proof);
        return proof;
    }

    private static void subproof(long m, long from, long to, boolean whole, List<Range> proof) {
        long n = to - from;
        if (m == n) {
            if (!whole) {
                proof.add(new Range(from, to));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(m, from, from + k, whole, proof);
            proof.add(new Range(from + k, to));
        } else {
            subproof(m - k, from + k, to, false, proof);
            proof.add(new Range(from, from + k));
        }
    }

    /** RFC 9162 section 2.1.3.2: whether the path proves the leaf hash is leaf {@code index} of the tree with this root. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        MessageDigest sha = sha256();
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(sha, p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(sha, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /**
     * RFC 9162 section 2.1.4.2: whether the proof shows that the tree of {@code first} leaves with root
     * {@code firstRoot} is a prefix of the tree of {@code second} leaves with root {@code secondRoot}.
     * Trees of equal size are consistent when their roots are equal and the proof is empty.
     */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first <= 0 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(first) == 1) {
            path.add(firstRoot);
        }
        path.addAll(proof);
        MessageDigest sha = sha256();
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.getFirst();
        byte[] sr = path.getFirst();
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(sha, c, fr);
                sr = nodeHash(sha, c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sha, sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    /** The hash of a perfect subtree over {@code 2^level} leaves. */
    public record Subtree(byte[] hash, int level) {}

    /**
     * The leaf hashes in {@code leaves} (32 bytes each), which follow {@code offset} leaves of a larger tree,
     * as the fewest perfect subtrees that are nodes both of the larger tree and of a tree of these leaves
     * alone, in order. Added to a {@link Frontier} of either, they grow it as their leaves would, and each
     * inner node they share is hashed once instead of twice.
     */
    public static List<Subtree> alignedSubtrees(MessageDigest sha, byte[] leaves, long offset) {
        int n = leaves.length / HASH_BYTES;
        int offsetAlignment = offset == 0 ? 62 : Long.numberOfTrailingZeros(offset);
        List<Subtree> subtrees = new ArrayList<>();
        for (int first = 0; first < n; ) {
            int placeAlignment = first == 0 ? 62 : Integer.numberOfTrailingZeros(first);
            int level = Math.min(Math.min(offsetAlignment, placeAlignment), 31 - Integer.numberOfLeadingZeros(n - first));
            subtrees.add(new Subtree(perfectSubtreeHash(sha, leaves, first, level), level));
            first += 1 << level;
        }
        return subtrees;
    }

    /** The hash of the perfect subtree over leaves {@code first} to {@code first + 2^level - 1}, level by level in one copy. */
    private static byte[] perfectSubtreeHash(MessageDigest sha, byte[] leaves, int first, int level) {
        byte[] level0 = Arrays.copyOfRange(leaves, first * HASH_BYTES, (first + (1 << level)) * HASH_BYTES);
        for (int nodes = 1 << level; nodes > 1; nodes >>= 1) {
            for (int i = 0; i < nodes / 2; i++) {
                // node i of the level above overwrites only hashes already read
                sha.update(NODE);
                sha.update(level0, 2 * i * HASH_BYTES, 2 * HASH_BYTES);
                try {
                    sha.digest(level0, i * HASH_BYTES, HASH_BYTES);
                } catch (DigestException e) {
                    throw new IllegalStateException("a SHA-256 digest fits in 32 bytes", e);
                }
            }
        }
        return Arrays.copyOf(level0, HASH_BYTES);
    }

    /**
     * The right edge of a growing tree: the hashes of its perfect subtrees, largest first, one for each
     * bit set in its size. Enough to add a leaf and to compute the root, each in O(log n) hashes.
     */
    public static final class Frontier {
        private final MessageDigest sha = sha256();
        private byte[][] hashes = new byte[64][];
        private int count;
        private long size;

        public Frontier() {}

        /** A tree of {@code size} leaves, from {@link #bytes()} of such a tree. */
        public static Frontier of(long size, byte[] bytes) {
            int n = Long.bitCount(size);
            if (size < 0 || bytes.length != n * HASH_BYTES) {
                throw new IllegalArgumentException("not the frontier of a tree of " + size + " leaves: " + bytes.length + " bytes");
            }
            Frontier frontier = new Frontier();
            for (int i = 0; i < n; i++) {
                frontier.hashes[i] = Arrays.copyOfRange(bytes, i * HASH_BYTES, (i + 1) * HASH_BYTES);
            }
            frontier.count = n;
            frontier.size = size;
            return frontier;
        }

        public long size() {
            return size;
        }

        public void add(byte[] leafHash) {
            add(leafHash, 0);
        }

        /**
         * Adds the {@code 2^level} leaves under a perfect subtree at once, by the subtree's hash: the tree is
         * the one adding them one by one would make. Their place must be one where that subtree is a node of
         * the tree, a multiple of its size.
         */
        public void add(byte[] subtreeHash, int level) {
            if (level < 0 || level > 62 || (size & ((1L << level) - 1)) != 0) {
                throw new IllegalArgumentException("a subtree of 2^" + level + " leaves cannot follow " + size + " leaves");
            }
            byte[] h = subtreeHash;
            // each one bit of the size from the subtree's level up is a subtree as large as the one being completed
            for (long s = size >>> level; (s & 1) == 1; s >>= 1) {
                h = nodeHash(sha, hashes[--count], h);
            }
            hashes[count++] = h;
            size += 1L << level;
        }

        public byte[] root() {
            if (count == 0) {
                return emptyRoot();
            }
            byte[] r = hashes[count - 1];
            for (int i = count - 2; i >= 0; i--) {
                r = nodeHash(sha, hashes[i], r);
            }
            return r;
        }

        public byte[] bytes() {
            byte[] out = new byte[count * HASH_BYTES];
            for (int i = 0; i < count; i++) {
                System.arraycopy(hashes[i], 0, out, i * HASH_BYTES, HASH_BYTES);
            }
            return out;
        }

        public Frontier copy() {
            return of(size, bytes());
        }
    }

    /**
     * The tree hashes of sorted, disjoint ranges of leaves, computed as the leaves are given once in
     * order; leaves outside every range are skipped.
     */
    public static final class RangeHashes {
        private final List<Range> ranges;
        private final byte[][] hashes;
        private int current;
        private Frontier frontier;
        private long next;

        public RangeHashes(List<Range> ranges) {
            this.ranges = ranges.stream().sorted((a, b) -> Long.compare(a.from(), b.from())).toList();
            for (int i = 1; i < this.ranges.size(); i++) {
                if (this.ranges.get(i).from() < this.ranges.get(i - 1).to()) {
                    throw new IllegalArgumentException("overlapping ranges: " + this.ranges);
                }
            }
            this.hashes = new byte[this.ranges.size()][];
        }

        /** The index of the next leaf wanted, or -1 when every range is complete. */
        public long next() {
            return current < ranges.size() ? Math.max(next, ranges.get(current).from()) : -1;
        }

        /** Takes leaf {@code index}; leaves must come in increasing order. */
        public void accept(long index, byte[] leafHash) {
            if (index < next) {
                throw new IllegalArgumentException("leaf " + index + " after leaf " + (next - 1));
            }
            next = index + 1;
            if (current == ranges.size() || index < ranges.get(current).from()) {
                return;
            }
            Range range = ranges.get(current);
            long expected = range.from() + (frontier == null ? 0 : frontier.size());
            if (index != expected) {
                throw new IllegalArgumentException("leaf " + expected + " was skipped");
            }
            if (frontier == null) {
                frontier = new Frontier();
            }
            frontier.add(leafHash);
            if (index == range.to() - 1) {
                hashes[current++] = frontier.root();
                frontier = null;
            }
        }

        /** The tree hash of the range, once all its leaves were given. */
        public byte[] hash(Range range) {
            int i = ranges.indexOf(range);
            if (i < 0 || hashes[i] == null) {
                throw new IllegalStateException("the leaves of " + range + " were not all given");
            }
            return hashes[i];
        }
    }
}
