package io.iotwatch.report;

import io.iotwatch.store.audit.SignedHead;

/**
 * The audit log's state when the report was made: {@code iotwatch audit verify} in short.
 *
 * @param valid        whether everything verified: entries, blocks, chain, signatures and alert rows
 * @param blocks       sealed blocks checked
 * @param entries      entries checked, sealed and not
 * @param problems     failures found (0 when valid)
 * @param firstProblem the first failure, located (block, entry), or null when valid
 * @param head         the signed head of the newest block sealed at or before the period's end, exactly as
 *                     {@code iotwatch audit head} writes it (so it can be kept and given to
 *                     {@code audit verify --head}); null when no block was sealed by then
 */
public record AuditCheck(boolean valid, long blocks, long entries, int problems, String firstProblem, SignedHead head) {}
