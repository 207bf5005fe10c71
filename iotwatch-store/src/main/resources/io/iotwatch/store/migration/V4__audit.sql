-- The audit log (see io.iotwatch.store.JdbcAuditTrail and docs/AUDIT.md): entries, the leaves of one
-- Merkle tree, numbered from 0, each written in the transaction of the change it records; blocks seal
-- runs of entries under a hash chain and an Ed25519 signature. Times are epoch milliseconds, hashes
-- lowercase hex, signatures and keys base64.

-- The key that signs the blocks: one row, written when the log begins.
CREATE TABLE audit_key (
    id            INTEGER      NOT NULL,
    public_key    VARCHAR(255) NOT NULL,
    created_at_ms BIGINT       NOT NULL,
    PRIMARY KEY (id)
) ${table_options};

-- entry is the entry's canonical text (AuditEntry, docs/AUDIT.md): exactly the bytes its leaf hash covers,
-- kind, subject, time and data included, so that nothing beside it can disagree with it and verifying reads
-- one text per entry. previous_about is the entry before it about the same subject (NULL for the first):
-- with audit_subjects, which holds each subject's latest entry, it finds an alert's or a user's entries.
-- An index on subject would do the same at the cost of one random B-tree page written per entry, which
-- measured halved the rate of appending; the subjects are far fewer than the entries, so their table
-- stays in cache.
CREATE TABLE audit_entries (
    entry_index    BIGINT  NOT NULL,
    block_index    BIGINT  NOT NULL,
    entry          ${text} NOT NULL,
    previous_about BIGINT,
    PRIMARY KEY (entry_index)
) ${table_options};

CREATE TABLE audit_subjects (
    subject      VARCHAR(255) NOT NULL,
    latest_entry BIGINT       NOT NULL,
    PRIMARY KEY (subject)
) ${clustered_table_options};

-- leaf_hashes: the block's entries' leaf hashes, 32 bytes each, in order; the block's merkle_root is
-- their tree hash, so verification can name the one entry that no longer matches. frontier: the hashes
-- of the perfect subtrees of the whole tree after this block, which appending continues from; verify
-- recomputes everything and trusts neither.
CREATE TABLE audit_blocks (
    block_index   BIGINT      NOT NULL,
    time_ms       BIGINT      NOT NULL,
    first_entry   BIGINT      NOT NULL,
    entry_count   INTEGER     NOT NULL,
    previous_hash VARCHAR(64) NOT NULL,
    previous_signature VARCHAR(128) NOT NULL,
    merkle_root   VARCHAR(64) NOT NULL,
    tree_size     BIGINT      NOT NULL,
    tree_root     VARCHAR(64) NOT NULL,
    block_hash    VARCHAR(64) NOT NULL,
    signature     VARCHAR(128) NOT NULL,
    leaf_hashes   ${bytes}    NOT NULL,
    frontier      ${bytes}    NOT NULL,
    PRIMARY KEY (block_index)
) ${table_options};
