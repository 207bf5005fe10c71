package io.iotwatch.store.audit;

import java.util.List;

/**
 * That the log signed by {@code first} is a prefix of the log signed by {@code second} (RFC 9162 section
 * 2.1.4): nothing was changed or removed between the two heads, only appended.
 *
 * @param proof the RFC's consistency proof, hex; empty when both heads cover the same tree
 */
public record ConsistencyProof(SignedHead first, SignedHead second, List<String> proof) {}
