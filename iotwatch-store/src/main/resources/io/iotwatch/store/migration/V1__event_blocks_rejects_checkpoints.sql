-- One set of migrations for SQLite, PostgreSQL and MariaDB. The column types that differ come from
-- Flyway placeholders set by Dialect: text (unbounded text), bytes (binary) and table_options.
-- Times are epoch nanoseconds (events) or milliseconds (bookkeeping) in BIGINT, the same everywhere.
-- Only primary keys: every extra index slows ingest down, and the store's own reads need none.

-- Events are stored in blocks, one row per stored batch (or part of one) of a stream: storing one row
-- per event costs several times more CPU than parsing it. payload holds the block's events in the
-- binary format named by codec (see EventCodec), raw lines included; first_position and last_position
-- are the positions of its first and last event, time_min_ns and time_max_ns bound its events' times.
-- The blocks of a stream never overlap: positions from first_position to last_position are stored.
CREATE TABLE event_blocks (
    stream         BIGINT      NOT NULL,
    first_position BIGINT      NOT NULL,
    last_position  BIGINT      NOT NULL,
    time_min_ns    BIGINT      NOT NULL,
    time_max_ns    BIGINT      NOT NULL,
    event_count    INTEGER     NOT NULL,
    codec          VARCHAR(32) NOT NULL,
    payload        ${bytes}    NOT NULL,
    PRIMARY KEY (stream, first_position)
) ${table_options};

-- Events stored per type, kept up to date with every block stored, so that counting takes no scan.
CREATE TABLE event_counts (
    type   VARCHAR(16) NOT NULL,
    events BIGINT      NOT NULL,
    PRIMARY KEY (type)
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
