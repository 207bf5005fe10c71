package io.iotwatch.store;

import io.iotwatch.store.audit.AuditBlock;
import io.iotwatch.store.audit.AuditEntry;
import io.iotwatch.store.audit.AuditRecord;
import io.iotwatch.store.audit.ConsistencyProof;
import io.iotwatch.store.audit.InclusionProof;
import io.iotwatch.store.audit.SignedHead;
import io.iotwatch.store.audit.Verification;
import java.security.PublicKey;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The store's tamper-evident audit log (docs/AUDIT.md): every alert as raised or updated, every triage,
 * login and change of users, allow rules or configuration, every change of a traffic source's state, appended
 * in the transaction of the change it records, sealed in signed blocks over one Merkle tree. Thread-safe;
 * failures are {@link StoreException}s.
 */
public interface AuditTrail {

    /** Appends one record in a transaction of its own, for what changes nothing else in the store (a login). */
    void record(AuditRecord record);

    /** Appends the records, in order, in one transaction of their own: all of them or none. */
    void record(List<AuditRecord> records);

    /** Entries in the log, sealed or not. */
    long size();

    /** The newest sealed block, signed; empty while no block is sealed. */
    Optional<SignedHead> head();

    /** Up to {@code limit} sealed blocks with indexes below {@code before}, newest first. */
    List<AuditBlock> blocks(long before, int limit);

    Optional<AuditBlock> block(long index);

    /** The entries of the block, in order; the entries not yet sealed for the index after the newest block. */
    List<AuditEntry> entries(long block);

    /**
     * Every entry of the log, sealed or not, oldest first, read in one query: for what needs many subjects' histories
     * at once (a report's response times), where following each subject's links would take a query per entry.
     */
    void eachEntry(Consumer<AuditEntry> action);

    /** Up to {@code limit} entries about {@code subject} (an alert id, a user name), newest first. */
    List<AuditEntry> entriesAbout(String subject, int limit);

    /**
     * Up to {@code limit} subjects with entries that begin with {@code prefix} (such as {@code source:}), in the order
     * of their code points; every subject for an empty prefix.
     */
    List<String> subjects(String prefix, int limit);

    /**
     * The proof that entry {@code entry} is in the log that block {@code block}'s signed head covers.
     *
     * @throws NoSuchElementException if there is no such block or entry, or the block does not cover the entry
     */
    InclusionProof inclusionProof(long entry, long block);

    /**
     * The proof that the log block {@code second}'s head covers extends the one block {@code first}'s covers.
     *
     * @throws NoSuchElementException if either block is missing
     * @throws IllegalArgumentException if {@code first} is after {@code second}
     */
    ConsistencyProof consistencyProof(long first, long second);

    /** The key the log is signed with; empty for a log that has not begun. */
    Optional<PublicKey> publicKey();

    /** Seals the entries not yet in a block, if any, now. */
    void seal();

    /**
     * Recomputes and checks everything: entries against their blocks, Merkle roots, the hash chain,
     * signatures, alert rows against their latest entries and, given a head kept from earlier, that the
     * log still extends it.
     *
     * @param anchor a head kept elsewhere, null for none
     */
    Verification verify(SignedHead anchor);
}
