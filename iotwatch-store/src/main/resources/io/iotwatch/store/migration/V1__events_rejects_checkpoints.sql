-- One set of migrations for SQLite, PostgreSQL and MariaDB. The column types that differ come from
-- Flyway placeholders set by Dialect: text (unbounded text), bytes (binary) and table_options.
-- Times are epoch nanoseconds (events) or milliseconds (bookkeeping) in BIGINT, the same everywhere.
-- Only primary keys: every extra index slows ingest down, and the store's own reads need none.

-- Columns that only some event types have are NULL for the others; an empty text is NULL too.
-- attributes: a JSON object with the type's other fields. raw: the original line, UTF-8.
CREATE TABLE events (
    stream      BIGINT      NOT NULL,
    position    BIGINT      NOT NULL,
    type        VARCHAR(16) NOT NULL,
    time_ns     BIGINT      NOT NULL,
    source      ${text},
    observer    ${text},
    src_ip      ${text},
    src_port    INTEGER,
    dst_ip      ${text},
    dst_port    INTEGER,
    protocol    ${text},
    action      ${text},
    user_name   ${text},
    query_name  ${text},
    outcome     VARCHAR(16),
    bytes_out   BIGINT,
    bytes_in    BIGINT,
    packets_out BIGINT,
    packets_in  BIGINT,
    duration_ns BIGINT,
    attributes  ${text},
    raw         ${bytes}    NOT NULL,
    PRIMARY KEY (stream, position)
) ${table_options};

-- Records that could not be parsed, with their bytes exactly as received.
CREATE TABLE rejects (
    stream         BIGINT   NOT NULL,
    position       BIGINT   NOT NULL,
    origin         ${text}  NOT NULL,
    line_number    BIGINT   NOT NULL,
    raw            ${bytes} NOT NULL,
    reason         ${text}  NOT NULL,
    received_at_ms BIGINT   NOT NULL,
    PRIMARY KEY (stream, position)
) ${table_options};

-- How far each input stream has been stored: reading resumes at byte_offset.
CREATE TABLE checkpoints (
    stream        BIGINT  NOT NULL,
    origin        ${text} NOT NULL,
    byte_offset   BIGINT  NOT NULL,
    line_number   BIGINT  NOT NULL,
    updated_at_ms BIGINT  NOT NULL,
    PRIMARY KEY (stream)
) ${table_options};
