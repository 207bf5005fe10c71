package io.iotwatch.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.iotwatch.packet.flow.FlowConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The whole configuration, as read from {@code iotwatch.yml}. Every key and its default is documented
 * in the {@code iotwatch.yml} at the repository root; a test keeps that file and these defaults equal.
 */
public record IotwatchConfig(
        @JsonProperty("data-dir") String dataDir,
        @JsonProperty("database") Database database,
        @JsonProperty("ingest") Ingest ingest,
        @JsonProperty("flow") Flow flow,
        @JsonProperty("syslog") Syslog syslog,
        @JsonProperty("detect") Detect detect,
        @JsonProperty("log") Log log) {

    public static IotwatchConfig defaults() {
        return new IotwatchConfig("./data", Database.defaults(), Ingest.defaults(), Flow.defaults(), Syslog.defaults(),
                Detect.defaults(), Log.defaults());
    }

    public Path dataPath() {
        return Path.of(dataDir);
    }

    /** Where events are stored. An empty URL means the embedded SQLite file in the data directory. */
    public record Database(
            @JsonProperty("url") String url,
            @JsonProperty("user") String user,
            @JsonProperty("password") String password) {
        static Database defaults() {
            return new Database("", "", "");
        }
    }

    /** File ingestion. */
    public record Ingest(
            @JsonProperty("batch-size") int batchSize,
            @JsonProperty("queue-batches") int queueBatches,
            @JsonProperty("max-line-bytes") int maxLineBytes) {
        static Ingest defaults() {
            return new Ingest(4096, 16, 16 * 1024 * 1024);
        }
    }

    /** Flow tracking in the packet path; the defaults are explained in {@link FlowConfig#defaults()}. */
    public record Flow(
            @JsonProperty("max-flows") int maxFlows,
            @JsonProperty("idle-timeout-seconds") int idleTimeoutSeconds,
            @JsonProperty("tcp-attempt-timeout-seconds") int tcpAttemptTimeoutSeconds,
            @JsonProperty("tcp-idle-timeout-seconds") int tcpIdleTimeoutSeconds,
            @JsonProperty("closed-timeout-seconds") int closedTimeoutSeconds,
            @JsonProperty("active-timeout-seconds") int activeTimeoutSeconds) {
        static Flow defaults() {
            FlowConfig d = FlowConfig.defaults();
            return new Flow(d.maxFlows(), (int) d.idleTimeout().toSeconds(), (int) d.tcpAttemptTimeout().toSeconds(),
                    (int) d.tcpIdleTimeout().toSeconds(), (int) d.closedTimeout().toSeconds(),
                    (int) d.activeTimeout().toSeconds());
        }

        public FlowConfig toFlowConfig() {
            return new FlowConfig(maxFlows, Duration.ofSeconds(idleTimeoutSeconds),
                    Duration.ofSeconds(tcpAttemptTimeoutSeconds), Duration.ofSeconds(tcpIdleTimeoutSeconds),
                    Duration.ofSeconds(closedTimeoutSeconds), Duration.ofSeconds(activeTimeoutSeconds));
        }
    }

    /** Syslog listeners; a port of 0 leaves that listener off unless the command line enables it. */
    public record Syslog(
            @JsonProperty("bind") String bind,
            @JsonProperty("udp-port") int udpPort,
            @JsonProperty("tcp-port") int tcpPort,
            @JsonProperty("max-message-bytes") int maxMessageBytes,
            @JsonProperty("udp-receive-buffer-bytes") int udpReceiveBufferBytes,
            @JsonProperty("udp-queue-bytes") int udpQueueBytes,
            @JsonProperty("max-tcp-connections") int maxTcpConnections,
            @JsonProperty("batch-size") int batchSize,
            @JsonProperty("batch-delay-ms") int batchDelayMs) {
        static Syslog defaults() {
            return new Syslog("0.0.0.0", 0, 0, 64 * 1024, 8 * 1024 * 1024, 16 * 1024 * 1024, 1024, 1000, 500);
        }
    }

    /** Rule detection on what is ingested; each detector's thresholds are documented in its config record. */
    public record Detect(
            @JsonProperty("enabled") boolean enabled,
            @JsonProperty("incident-gap-minutes") int incidentGapMinutes,
            @JsonProperty("suppress") List<Suppress> suppress) {
        public Detect {
            suppress = suppress == null ? List.of() : List.copyOf(suppress);
        }

        static Detect defaults() {
            return new Detect(true, 30, List.of());
        }
    }

    /**
     * A rule that keeps matching findings from becoming alerts; every part given must match, at least one
     * must be given.
     */
    public record Suppress(
            @JsonProperty("detector") String detector,
            @JsonProperty("cidr") String cidr,
            @JsonProperty("domain") String domain) {}

    /** Logging: the level of iotwatch's own messages in the log file under the data directory. */
    public record Log(@JsonProperty("level") String level) {
        static Log defaults() {
            return new Log("info");
        }
    }
}
