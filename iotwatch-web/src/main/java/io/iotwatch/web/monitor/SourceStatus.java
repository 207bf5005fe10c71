package io.iotwatch.web.monitor;

import java.time.Instant;
import java.util.Objects;

/**
 * What one traffic source (a live interface, a syslog listener, a watched folder, the demo) reports about
 * itself, for the system status page and {@code /api/v1/system}.
 *
 * @param name         what the user configured, e.g. {@code eth0} or {@code syslog udp/5514}
 * @param kind         {@code interface}, {@code syslog}, {@code folder} or {@code demo}
 * @param online       receiving now; false after a failure or before its start
 * @param packets      packets read (0 for log sources)
 * @param events       events produced
 * @param dropped      records lost where the source cannot wait (kernel drops, full UDP queue), 0 elsewhere
 * @param queueDepth   records read and not yet handed on (0 where nothing queues)
 * @param lastActivity when the source last produced something, or null before the first
 * @param detail       a short human-readable note: the last error, the filter, the folder ...; never null
 */
public record SourceStatus(String name, String kind, boolean online, long packets, long events, long dropped,
        long queueDepth, Instant lastActivity, String detail) {

    public SourceStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }
}
