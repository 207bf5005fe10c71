package io.iotwatch.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.iotwatch.detect.Flows;
import io.iotwatch.detect.flood.FloodConfig;
import io.iotwatch.detect.httpflood.HttpFloodConfig;
import io.iotwatch.detect.model.ModelConfig;
import io.iotwatch.detect.slowhttp.SlowHttpConfig;
import io.iotwatch.packet.flow.FlowConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

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
        @JsonProperty("model") Model model,
        @JsonProperty("log") Log log) {

    public static IotwatchConfig defaults() {
        return new IotwatchConfig("./data", Database.defaults(), Ingest.defaults(), Flow.defaults(), Syslog.defaults(),
                Detect.defaults(), Model.defaults(), Log.defaults());
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
            @JsonProperty("unanswered-timeout-seconds") int unansweredTimeoutSeconds,
            @JsonProperty("tcp-attempt-timeout-seconds") int tcpAttemptTimeoutSeconds,
            @JsonProperty("tcp-idle-timeout-seconds") int tcpIdleTimeoutSeconds,
            @JsonProperty("closed-timeout-seconds") int closedTimeoutSeconds,
            @JsonProperty("active-timeout-seconds") int activeTimeoutSeconds) {
        static Flow defaults() {
            FlowConfig d = FlowConfig.defaults();
            return new Flow(d.maxFlows(), (int) d.idleTimeout().toSeconds(), (int) d.unansweredTimeout().toSeconds(),
                    (int) d.tcpAttemptTimeout().toSeconds(),
                    (int) d.tcpIdleTimeout().toSeconds(), (int) d.closedTimeout().toSeconds(),
                    (int) d.activeTimeout().toSeconds());
        }

        public FlowConfig toFlowConfig() {
            return new FlowConfig(maxFlows, Duration.ofSeconds(idleTimeoutSeconds), Duration.ofSeconds(unansweredTimeoutSeconds),
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

    /**
     * Rule detection on what is ingested; each detector's thresholds are documented in its config record, and those
     * of the flood detectors can be set here.
     */
    public record Detect(
            @JsonProperty("enabled") boolean enabled,
            @JsonProperty("incident-gap-minutes") int incidentGapMinutes,
            @JsonProperty("suppress") List<Suppress> suppress,
            @JsonProperty("web-ports") List<Integer> webPorts,
            @JsonProperty("flood") Flood flood,
            @JsonProperty("http-flood") HttpFlood httpFlood,
            @JsonProperty("slowhttp") SlowHttp slowhttp) {
        public Detect {
            suppress = suppress == null ? List.of() : List.copyOf(suppress);
            // Kept as given, nulls included, so that the validator can name a bad entry.
            webPorts = webPorts == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(webPorts));
        }

        static Detect defaults() {
            return new Detect(true, 30, List.of(), Flows.WEB_PORTS.stream().sorted().toList(), Flood.defaults(),
                    HttpFlood.defaults(), SlowHttp.defaults());
        }

        public HttpFloodConfig httpFloodConfig() {
            return new HttpFloodConfig(Duration.ofSeconds(httpFlood.windowSeconds()), httpFlood.connectionsPerSecond(),
                    Duration.ofSeconds(httpFlood.maxDurationSeconds()), Set.copyOf(webPorts), httpFlood.maxKeys());
        }

        public SlowHttpConfig slowHttpConfig() {
            return new SlowHttpConfig(Duration.ofSeconds(slowhttp.windowSeconds()), slowhttp.concurrentConnections(),
                    Duration.ofSeconds(slowhttp.minDurationSeconds()), slowhttp.maxBytesPerSecond(), Set.copyOf(webPorts),
                    slowhttp.maxKeys());
        }
    }

    /** Volumetric floods; the defaults are explained in {@link FloodConfig#defaults()}. */
    public record Flood(
            @JsonProperty("window-seconds") int windowSeconds,
            @JsonProperty("syn-packets-per-second") int synPacketsPerSecond,
            @JsonProperty("tcp-packets-per-second") int tcpPacketsPerSecond,
            @JsonProperty("udp-packets-per-second") int udpPacketsPerSecond,
            @JsonProperty("icmp-packets-per-second") int icmpPacketsPerSecond,
            @JsonProperty("min-flows") int minFlows,
            @JsonProperty("max-victims") int maxVictims) {
        static Flood defaults() {
            FloodConfig d = FloodConfig.defaults();
            return new Flood((int) d.window().toSeconds(), d.synPerSecond(), d.tcpPerSecond(), d.udpPerSecond(), d.icmpPerSecond(),
                    d.minFlows(), d.maxVictims());
        }

        public FloodConfig toFloodConfig() {
            return new FloodConfig(Duration.ofSeconds(windowSeconds), synPacketsPerSecond, tcpPacketsPerSecond,
                    udpPacketsPerSecond, icmpPacketsPerSecond, minFlows, maxVictims);
        }
    }

    /** HTTP floods; the defaults are explained in {@link HttpFloodConfig#defaults()}. */
    public record HttpFlood(
            @JsonProperty("window-seconds") int windowSeconds,
            @JsonProperty("connections-per-second") int connectionsPerSecond,
            @JsonProperty("max-duration-seconds") int maxDurationSeconds,
            @JsonProperty("max-keys") int maxKeys) {
        static HttpFlood defaults() {
            HttpFloodConfig d = HttpFloodConfig.defaults();
            return new HttpFlood((int) d.window().toSeconds(), d.connectionsPerSecond(), (int) d.maxDuration().toSeconds(),
                    d.maxKeys());
        }
    }

    /** Slow HTTP attacks (slowloris); the defaults are explained in {@link SlowHttpConfig#defaults()}. */
    public record SlowHttp(
            @JsonProperty("window-seconds") int windowSeconds,
            @JsonProperty("concurrent-connections") int concurrentConnections,
            @JsonProperty("min-duration-seconds") int minDurationSeconds,
            @JsonProperty("max-bytes-per-second") int maxBytesPerSecond,
            @JsonProperty("max-keys") int maxKeys) {
        static SlowHttp defaults() {
            SlowHttpConfig d = SlowHttpConfig.defaults();
            return new SlowHttp((int) d.window().toSeconds(), d.concurrentConnections(), (int) d.minDuration().toSeconds(),
                    d.maxBytesPerSecond(), d.maxKeys());
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

    /**
     * The machine-learning classifier in the packet path; the incident thresholds are explained in
     * {@link ModelConfig#defaults()}.
     *
     * @param path      the model directory, {@code default} for the model that ships with iotwatch, or
     *                  {@code none} for no classifier
     * @param threshold the least probability of an attack class that makes a verdict; 0 takes the model's own
     *                  (model.json, 0.7 unless it says otherwise)
     */
    public record Model(
            @JsonProperty("path") String path,
            @JsonProperty("threshold") double threshold,
            @JsonProperty("min-rows") int minRows,
            @JsonProperty("window-seconds") int windowSeconds,
            @JsonProperty("max-keys") int maxKeys) {

        public static final String DEFAULT = "default";
        public static final String NONE = "none";

        static Model defaults() {
            ModelConfig d = ModelConfig.defaults();
            return new Model(DEFAULT, 0, d.minRows(), (int) d.window().toSeconds(), d.maxKeys());
        }

        public ModelConfig toModelConfig() {
            return new ModelConfig(minRows, Duration.ofSeconds(windowSeconds), maxKeys);
        }
    }

    /** Logging: the level of iotwatch's own messages in the log file under the data directory. */
    public record Log(@JsonProperty("level") String level) {
        static Log defaults() {
            return new Log("info");
        }
    }
}
