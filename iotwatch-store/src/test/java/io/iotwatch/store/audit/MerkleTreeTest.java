package io.iotwatch.store.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.store.audit.MerkleTree.Frontier;
import io.iotwatch.store.audit.MerkleTree.Range;
import io.iotwatch.store.audit.MerkleTree.RangeHashes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final MessageDigest SHA = MerkleTree.sha256();

    // the reference tree of RFC 6962's Certificate Transparency implementation: its leaves and the roots of its prefixes
    private static final List<String> LEAVES = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");
    private static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private static List<byte[]> referenceLeaves() {
        return LEAVES.stream().map(hex -> MerkleTree.leafHash(SHA, HEX.parseHex(hex))).toList();
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleTree.leafHash(SHA, ("entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    /** The proof's hashes, computed by the class under test from the leaves. */
    private static List<byte[]> hashes(List<Range> ranges, List<byte[]> leaves) {
        RangeHashes hashes = new RangeHashes(ranges);
        for (int i = 0; i < leaves.size(); i++) {
            hashes.accept(i, leaves.get(i));
        }
        return ranges.stream().map(hashes::hash).toList();
    }

    /** RFC 9162's MTH written as the RFC states it, to check the streaming computations against. */
    private static byte[] mth(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        if (leaves.size() == 1) {
            return leaves.getFirst();
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return MerkleTree.nodeHash(MerkleTree.sha256(), mth(leaves.subList(0, k)), mth(leaves.subList(k, leaves.size())));
    }

    @Test
    void rootsMatchTheReferenceTree() {
        List<byte[]> leaves = referenceLeaves();
        assertThat(HEX.formatHex(MerkleTree.root(List.of()))).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        for (int n = 1; n <= leaves.size(); n++) {
            assertThat(HEX.formatHex(MerkleTree.root(leaves.subList(0, n)))).as("root of %d leaves", n).isEqualTo(ROOTS.get(n - 1));
        }
    }

    @Test
    void proofsMatchTheReferenceProofs() {
        List<byte[]> leaves = referenceLeaves();
        assertThat(hashes(MerkleTree.inclusionRanges(0, 8), leaves)).extracting(HEX::formatHex).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(MerkleTree.inclusionRanges(0, 1)).isEmpty();
        assertThat(hashes(MerkleTree.consistencyRanges(1, 8), leaves)).extracting(HEX::formatHex).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hashes(MerkleTree.consistencyRanges(6, 8), leaves.subList(0, 8))).extracting(HEX::formatHex).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hashes(MerkleTree.consistencyRanges(2, 5), leaves.subList(0, 5))).extracting(HEX::formatHex).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    @Test
    void everyInclusionProofVerifiesAndNoneForAnotherLeafIndexOrRoot() {
        List<byte[]> all = leaves(71);
        for (int n = 1; n < all.size(); n++) {
            List<byte[]> leaves = all.subList(0, n);
            byte[] root = mth(leaves);
            assertThat(MerkleTree.root(leaves)).isEqualTo(root);
            for (int i = 0; i < n; i++) {
                List<byte[]> path = hashes(MerkleTree.inclusionRanges(i, n), leaves);
                assertThat(MerkleTree.verifyInclusion(i, n, leaves.get(i), path, root)).as("leaf %d of %d", i, n).isTrue();
                if (n > 1) {
                    assertThat(MerkleTree.verifyInclusion((i + 1) % n, n, leaves.get(i), path, root)).isFalse();
                    assertThat(MerkleTree.verifyInclusion(i, n, leaves.get((i + 1) % n), path, root)).isFalse();
                }
                // the root binds the size: the path does not prove the leaf in the next larger tree
                assertThat(MerkleTree.verifyInclusion(i, n + 1, leaves.get(i), path, mth(all.subList(0, n + 1)))).isFalse();
                assertThat(MerkleTree.verifyInclusion(i, n, leaves.get(i), path, mth(all.subList(0, n + 1)))).isFalse();
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndNoneForOtherRoots() {
        List<byte[]> all = leaves(40);
        for (int m = 1; m <= all.size(); m++) {
            for (int n = m; n <= all.size(); n++) {
                byte[] first = mth(all.subList(0, m));
                byte[] second = mth(all.subList(0, n));
                List<byte[]> proof = m == n ? List.of() : hashes(MerkleTree.consistencyRanges(m, n), all.subList(0, n));
                assertThat(MerkleTree.verifyConsistency(m, n, first, second, proof)).as("%d to %d", m, n).isTrue();
                if (m < n) {
                    byte[] other = mth(all.subList(1, n));
                    assertThat(MerkleTree.verifyConsistency(m, n, first, other, proof)).isFalse();
                    assertThat(MerkleTree.verifyConsistency(m, n, other, second, proof)).isFalse();
                    assertThat(MerkleTree.verifyConsistency(m, n, first, second, proof.subList(1, proof.size()))).isFalse();
                }
            }
        }
    }

    @Test
    void aTamperedProofNeverVerifies() {
        Random random = new Random(9162);
        List<byte[]> all = leaves(300);
        for (int round = 0; round < 2000; round++) {
            int n = 2 + random.nextInt(all.size() - 1);
            int i = random.nextInt(n);
            List<byte[]> leaves = all.subList(0, n);
            List<byte[]> path = new ArrayList<>(hashes(MerkleTree.inclusionRanges(i, n), leaves));
            switch (random.nextInt(3)) {
                case 0 -> {
                    int at = random.nextInt(path.size());
                    byte[] flipped = path.get(at).clone();
                    flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
                    path.set(at, flipped);
                }
                case 1 -> path.remove(random.nextInt(path.size()));
                default -> path.add(random.nextInt(path.size() + 1), all.get(random.nextInt(all.size())));
            }
            assertThat(MerkleTree.verifyInclusion(i, n, leaves.get(i), path, mth(leaves))).as("round %d", round).isFalse();
        }
    }

    @Test
    void aFrontierRoundTripsAndGrowsAsTheTreeDoes() {
        List<byte[]> leaves = leaves(100);
        Frontier frontier = new Frontier();
        for (int i = 0; i < leaves.size(); i++) {
            frontier.add(leaves.get(i));
            Frontier copy = Frontier.of(frontier.size(), frontier.bytes());
            assertThat(copy.root()).isEqualTo(mth(leaves.subList(0, i + 1)));
            frontier = copy;
        }
        assertThatThrownBy(() -> Frontier.of(3, new byte[32])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void alignedSubtreesGrowTheRunsTreeAndTheLargerTreeAsTheirLeavesWould() {
        Random random = new Random(9162);
        List<byte[]> all = leaves(700);
        for (int round = 0; round < 300; round++) {
            int offset = round % 3 == 0 ? 8 * random.nextInt(40) : random.nextInt(300);
            int n = 1 + random.nextInt(all.size() - offset);
            List<byte[]> run = all.subList(offset, offset + n);
            byte[] packed = new byte[n * MerkleTree.HASH_BYTES];
            for (int i = 0; i < n; i++) {
                System.arraycopy(run.get(i), 0, packed, i * MerkleTree.HASH_BYTES, MerkleTree.HASH_BYTES);
            }
            Frontier larger = new Frontier();
            all.subList(0, offset).forEach(larger::add);
            Frontier alone = new Frontier();
            long covered = 0;
            for (MerkleTree.Subtree subtree : MerkleTree.alignedSubtrees(SHA, packed, offset)) {
                larger.add(subtree.hash(), subtree.level());
                alone.add(subtree.hash(), subtree.level());
                covered += 1L << subtree.level();
            }
            assertThat(covered).as("round %d", round).isEqualTo(n);
            assertThat(alone.root()).as("round %d: the run's own tree", round).isEqualTo(mth(run));
            assertThat(larger.root()).as("round %d: the larger tree", round).isEqualTo(mth(all.subList(0, offset + n)));
        }
    }

    @Test
    void alignedSubtreesShareEveryNodeWhenTheRunStartsOnALargeBoundary() {
        byte[] packed = new byte[1000 * MerkleTree.HASH_BYTES];
        assertThat(MerkleTree.alignedSubtrees(SHA, packed, 1024).stream().map(MerkleTree.Subtree::level))
                .containsExactly(9, 8, 7, 6, 5, 3);
        assertThat(MerkleTree.alignedSubtrees(SHA, packed, 1000)).hasSize(125).allMatch(subtree -> subtree.level() == 3);
    }

    @Test
    void aSubtreeOutOfPlaceIsRefused() {
        Frontier frontier = new Frontier();
        frontier.add(leaves(1).getFirst());
        assertThatThrownBy(() -> frontier.add(new byte[32], 1)).hasMessageContaining("cannot follow 1 leaves");
    }

    @Test
    void rangeHashesRefuseLeavesOutOfOrderOrSkipped() {
        RangeHashes hashes = new RangeHashes(List.of(new Range(2, 4)));
        hashes.accept(2, leaves(1).getFirst());
        assertThatThrownBy(() -> hashes.accept(1, leaves(1).getFirst())).isInstanceOf(IllegalArgumentException.class);
        RangeHashes skipping = new RangeHashes(List.of(new Range(0, 3)));
        skipping.accept(0, leaves(1).getFirst());
        assertThatThrownBy(() -> skipping.accept(2, leaves(1).getFirst())).hasMessageContaining("leaf 1 was skipped");
    }
}
