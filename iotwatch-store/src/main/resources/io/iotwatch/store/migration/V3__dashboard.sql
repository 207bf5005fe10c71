-- What the dashboard reads: traffic aggregates, kept up to date with every block of events stored so that
-- charts and totals never scan events; the triage of alerts and the allow rules it writes; users and
-- their API tokens. Buckets are keyed by whole minutes, hours or days since the epoch (floored, also
-- before 1970); other times are epoch nanoseconds, so that every Instant reads back exactly. Counts of
-- events cover each stored event once: an event skipped as stored already is not counted again.
-- Aggregates are merged into with every batch stored: their tables are clustered by their key
-- (clustered_table_options: SQLite's WITHOUT ROWID, one B-tree instead of a table and its key's index).

-- Stored events per minute of event time. packets and bytes are those of connections, both directions.
CREATE TABLE traffic_minutes (
    epoch_minute  BIGINT NOT NULL,
    events        BIGINT NOT NULL,
    connections   BIGINT NOT NULL,
    packets       BIGINT NOT NULL,
    bytes         BIGINT NOT NULL,
    dns           BIGINT NOT NULL,
    auth          BIGINT NOT NULL,
    auth_failures BIGINT NOT NULL,
    arp           BIGINT NOT NULL,
    PRIMARY KEY (epoch_minute)
) ${clustered_table_options};

-- Connections per minute and protocol (lower-case, "other" when the source named none).
CREATE TABLE protocol_minutes (
    epoch_minute BIGINT      NOT NULL,
    protocol     VARCHAR(32) NOT NULL,
    connections  BIGINT      NOT NULL,
    packets      BIGINT      NOT NULL,
    bytes        BIGINT      NOT NULL,
    PRIMARY KEY (epoch_minute, protocol)
) ${clustered_table_options};

-- One row (id 1) of totals over all stored events, so that the overview reads one row whatever the
-- time span stored; first and last event bound the times of events of every type.
CREATE TABLE traffic_totals (
    id             INTEGER NOT NULL,
    connections    BIGINT  NOT NULL,
    packets        BIGINT  NOT NULL,
    bytes          BIGINT  NOT NULL,
    first_event_ns BIGINT  NOT NULL,
    last_event_ns  BIGINT  NOT NULL,
    PRIMARY KEY (id)
) ${table_options};

-- Hosts with a private address seen in events. bytes_out are the bytes the host sent, as source or as
-- the answering destination; mac is the MAC its latest ARP message (at mac_seen_ns) claimed, NULL if none.
CREATE TABLE hosts (
    ip            VARCHAR(64) NOT NULL,
    mac           VARCHAR(64),
    mac_seen_ns   BIGINT,
    first_seen_ns BIGINT      NOT NULL,
    last_seen_ns  BIGINT      NOT NULL,
    connections   BIGINT      NOT NULL,
    bytes_out     BIGINT      NOT NULL,
    bytes_in      BIGINT      NOT NULL,
    packets       BIGINT      NOT NULL,
    PRIMARY KEY (ip)
) ${clustered_table_options};

-- The device list pages through hosts most recently seen first.
CREATE INDEX hosts_recent ON hosts (last_seen_ns DESC, ip);

-- The connections of each private host per hour and per (UTC) day, for the top talkers of a time range:
-- its whole days are read by the day, only the hours at its ends by the hour, so that a range of days
-- reads about as many rows as a range of one day.
CREATE TABLE host_hours (
    epoch_hour  BIGINT      NOT NULL,
    ip          VARCHAR(64) NOT NULL,
    connections BIGINT      NOT NULL,
    bytes_out   BIGINT      NOT NULL,
    bytes_in    BIGINT      NOT NULL,
    packets     BIGINT      NOT NULL,
    PRIMARY KEY (epoch_hour, ip)
) ${clustered_table_options};

CREATE TABLE host_days (
    epoch_day   BIGINT      NOT NULL,
    ip          VARCHAR(64) NOT NULL,
    connections BIGINT      NOT NULL,
    bytes_out   BIGINT      NOT NULL,
    bytes_in    BIGINT      NOT NULL,
    packets     BIGINT      NOT NULL,
    PRIMARY KEY (epoch_day, ip)
) ${clustered_table_options};

-- The events of an alert are read by time: blocks whose time span overlaps the alert's. One index entry
-- per block of thousands of events costs ingest next to nothing.
CREATE INDEX event_blocks_time ON event_blocks (time_min_ns, time_max_ns);

-- Alerts are listed, counted and grouped from indexes that hold what each of these reads, in the order
-- it groups by, so that neither the rows (with their evidence) nor a sort of them are needed: by the step
-- their incident began; by level (most recent first, with the id that a page of them is sorted by last; with
-- the count, for the total of occurrences); by
-- source and by target address (also for the alerts of a host); by attack class and source (threats).
CREATE INDEX alerts_first_seen ON alerts (first_seen_ns, level);
CREATE INDEX alerts_level ON alerts (level, last_seen_ns, id, alert_count);
CREATE INDEX alerts_src ON alerts (src_ip, last_seen_ns, first_seen_ns, level, alert_count, attack_class);
CREATE INDEX alerts_dst ON alerts (dst_ip, last_seen_ns, first_seen_ns, level, alert_count, attack_class);
CREATE INDEX alerts_threat ON alerts (attack_class, attack_group, src_ip, last_seen_ns, first_seen_ns, level, alert_count);

-- The latest triage of an alert. A table of its own: the alerts row is replaced as its incident grows.
CREATE TABLE alert_triage (
    alert_id VARCHAR(32) NOT NULL,
    status   VARCHAR(16) NOT NULL,
    note     ${text}     NOT NULL,
    actor    VARCHAR(64) NOT NULL,
    at_ns    BIGINT      NOT NULL,
    PRIMARY KEY (alert_id)
) ${table_options};

CREATE INDEX alert_triage_status ON alert_triage (status);

-- Allow rules written by triage (suppress): alerts of the detector (NULL: any) from an address within
-- cidr or about domain are not raised again.
CREATE TABLE allow_rules (
    id            ${identity},
    detector      VARCHAR(64),
    cidr          VARCHAR(64),
    domain        VARCHAR(255),
    reason        ${text}     NOT NULL,
    created_by    VARCHAR(64) NOT NULL,
    created_at_ns BIGINT      NOT NULL
) ${table_options};

-- Users of the dashboard and API. Only hashes of passwords and tokens are stored.
CREATE TABLE users (
    name          VARCHAR(64)  NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    created_at_ns BIGINT       NOT NULL,
    last_login_ns BIGINT,
    PRIMARY KEY (name)
) ${table_options};

CREATE TABLE api_tokens (
    id            VARCHAR(64)  NOT NULL,
    name          VARCHAR(255) NOT NULL,
    user_name     VARCHAR(64)  NOT NULL,
    token_hash    VARCHAR(255) NOT NULL,
    created_at_ns BIGINT       NOT NULL,
    last_used_ns  BIGINT,
    PRIMARY KEY (id)
) ${table_options};

CREATE UNIQUE INDEX api_tokens_hash ON api_tokens (token_hash);
CREATE INDEX api_tokens_user ON api_tokens (user_name);
