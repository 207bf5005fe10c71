package io.iotwatch.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.iotwatch.detect.Flows;
import io.iotwatch.detect.flood.FloodConfig;
import io.iotwatch.detect.httpflood.HttpFloodConfig;
import io.iotwatch.detect.model.ModelConfig;
import io.iotwatch.detect.slowhttp.SlowHttpConfig;
import io.iotwatch.logs.syslog.SyslogOptions;
import io.iotwatch.packet.flow.FlowConfig;
import io.iotwatch.report.render.ReportFormat;
import io.iotwatch.report.schedule.Cadence;
import io.iotwatch.report.schedule.ReportSchedule;
import io.iotwatch.store.audit.AuditSettings;
import io.iotwatch.web.WebSettings;
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
        @JsonProperty("capture") Capture capture,
        @JsonProperty("syslog") Syslog syslog,
        @JsonProperty("watch") Watch watch,
        @JsonProperty("detect") Detect detect,
        @JsonProperty("model") Model model,
        @JsonProperty("web") Web web,
        @JsonProperty("audit") Audit audit,
        @JsonProperty("reports") Reports reports,
        @JsonProperty("log") Log log) {

    public static IotwatchConfig defaults() {
        return new IotwatchConfig("./data", Database.defaults(), Ingest.defaults(), Flow.defaults(), Capture.defaults(),
                Syslog.defaults(), Watch.defaults(), Detect.defaults(), Model.defaults(), Web.defaults(), Audit.defaults(),
                Reports.defaults(), Log.defaults());
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
            return new Ingest(4096, 4, 16 * 1024 * 1024);
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

    /**
     * Live capture by {@code serve}: each interface named is captured as {@code capture -i} does it, with the filter.
     *
     * @param interfaces network interfaces, as {@code capture --list-interfaces} names them; none by default
     * @param bpf        a capture filter in tcpdump's syntax applied on each of them; empty for everything
     */
    public record Capture(
            @JsonProperty("interfaces") List<String> interfaces,
            @JsonProperty("bpf") String bpf) {
        public Capture {
            // Kept as given, nulls included, so that the validator can name a bad entry.
            interfaces = interfaces == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(interfaces));
        }

        static Capture defaults() {
            return new Capture(List.of(), "");
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

        /** How the receivers batch, bound and buffer. */
        public SyslogOptions toSyslogOptions() {
            return new SyslogOptions(batchSize, Duration.ofMillis(batchDelayMs), maxMessageBytes, udpReceiveBufferBytes,
                    udpQueueBytes, maxTcpConnections);
        }
    }

    /**
     * Folders of log files that {@code serve} reads and then follows.
     *
     * @param folders         the folders, read recursively; none by default
     * @param intervalSeconds how often each folder is looked at for new files and appended lines
     */
    public record Watch(
            @JsonProperty("folders") List<String> folders,
            @JsonProperty("interval-seconds") int intervalSeconds) {
        public Watch {
            // Kept as given, nulls included, so that the validator can name a bad entry.
            folders = folders == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(folders));
        }

        static Watch defaults() {
            return new Watch(List.of(), 5);
        }

        public Duration interval() {
            return Duration.ofSeconds(intervalSeconds);
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

    /**
     * The dashboard and API of {@code serve} and {@code demo}.
     *
     * @param bind                 address to listen on; 127.0.0.1 keeps it to this machine
     * @param port                 TCP port
     * @param tlsKeystore          a PKCS#12 keystore with the key and certificate for HTTPS; empty serves HTTP
     * @param tlsPassword          its password
     * @param sessionIdleMinutes   a login ends after this many minutes without a request
     * @param sessionMaxHours      and this many hours after it began at the latest
     */
    public record Web(
            @JsonProperty("bind") String bind,
            @JsonProperty("port") int port,
            @JsonProperty("tls-keystore") String tlsKeystore,
            @JsonProperty("tls-password") String tlsPassword,
            @JsonProperty("session-idle-minutes") int sessionIdleMinutes,
            @JsonProperty("session-max-hours") int sessionMaxHours) {
        static Web defaults() {
            return new Web("127.0.0.1", 8080, "", "", 120, 12);
        }

        public WebSettings toSettings() {
            return new WebSettings(bind, port, tlsKeystore.isBlank() ? null : Path.of(tlsKeystore), tlsPassword,
                    Duration.ofMinutes(sessionIdleMinutes), Duration.ofHours(sessionMaxHours));
        }
    }

    /**
     * The tamper-evident audit log (docs/AUDIT.md).
     *
     * @param keyFile      the Ed25519 signing key's PEM file, made on first start; empty: DATA_DIR/audit-key.pem
     * @param blockEntries a block is sealed when it holds this many entries
     * @param blockSeconds or this many seconds after its first entry, whichever comes first
     */
    public record Audit(
            @JsonProperty("key-file") String keyFile,
            @JsonProperty("block-entries") int blockEntries,
            @JsonProperty("block-seconds") int blockSeconds) {
        static Audit defaults() {
            return new Audit("", AuditSettings.DEFAULT_BLOCK_ENTRIES, (int) AuditSettings.DEFAULT_BLOCK_INTERVAL.toSeconds());
        }
    }

    /** The audit key file: the configured one, else audit-key.pem in the data directory. */
    public Path auditKeyFile() {
        return audit.keyFile().isBlank() ? dataPath().resolve("audit-key.pem") : Path.of(audit.keyFile());
    }

    /** The audit log's settings, for appending and signing ({@code writable}) or for reading and verifying only. */
    public AuditSettings auditSettings(boolean writable) {
        return new AuditSettings(auditKeyFile(), writable, audit.blockEntries(), Duration.ofSeconds(audit.blockSeconds()));
    }

    /**
     * Reports (docs/REPORTS.md): the folder that keeps the reports made from the dashboard, the API and the schedule,
     * and the schedule.
     *
     * @param folder   the reports folder; empty: DATA_DIR/reports
     * @param schedule {@code daily}, {@code weekly} and/or {@code monthly}; none by default
     * @param formats  {@code pdf}, {@code html} and/or {@code json}: what each scheduled report is written as
     */
    public record Reports(
            @JsonProperty("folder") String folder,
            @JsonProperty("schedule") List<String> schedule,
            @JsonProperty("formats") List<String> formats) {
        public Reports {
            // Kept as given, nulls included, so that the validator can name a bad entry.
            schedule = schedule == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(schedule));
            formats = formats == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(formats));
        }

        static Reports defaults() {
            return new Reports("", List.of(), List.of(ReportFormat.PDF.extension()));
        }

        /** The schedule, of a validated configuration. */
        public ReportSchedule toSchedule() {
            return new ReportSchedule(schedule.stream().map(Cadence::parse).toList(),
                    formats.stream().map(ReportFormat::parse).toList());
        }
    }

    /** The reports folder: the configured one, else reports in the data directory. */
    public Path reportsFolder() {
        return reports.folder().isBlank() ? dataPath().resolve("reports") : Path.of(reports.folder());
    }

    /** Logging: the level of iotwatch's own messages in the log file under the data directory. */
    public record Log(@JsonProperty("level") String level) {
        static Log defaults() {
            return new Log("info");
        }
    }
}
