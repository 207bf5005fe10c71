-- Alerts: one row per incident (see io.iotwatch.core.alert.Alert), replaced as the incident grows.
-- Times are epoch nanoseconds; evidence is a JSON object; src_ip, dst_ip and domain are NULL when the
-- alert names none. The index serves listing the latest alerts, which every reader of alerts does.
CREATE TABLE alerts (
    id             VARCHAR(32)      NOT NULL,
    detector       VARCHAR(64)      NOT NULL,
    incident_key   ${text}          NOT NULL,
    attack_class   VARCHAR(64)      NOT NULL,
    attack_group   VARCHAR(64)      NOT NULL,
    level          VARCHAR(16)      NOT NULL,
    confidence     DOUBLE PRECISION NOT NULL,
    first_seen_ns  BIGINT           NOT NULL,
    last_seen_ns   BIGINT           NOT NULL,
    src_ip         VARCHAR(64),
    dst_ip         VARCHAR(64),
    domain         VARCHAR(255),
    mitre          VARCHAR(32)      NOT NULL,
    alert_count    BIGINT           NOT NULL,
    evidence       ${text}          NOT NULL,
    updated_at_ms  BIGINT           NOT NULL,
    PRIMARY KEY (id)
) ${table_options};

CREATE INDEX alerts_last_seen ON alerts (last_seen_ns);
