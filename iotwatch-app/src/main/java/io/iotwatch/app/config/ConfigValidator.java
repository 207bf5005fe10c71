package io.iotwatch.app.config;

import io.iotwatch.detect.Suppression;
import io.iotwatch.report.render.ReportFormat;
import io.iotwatch.report.schedule.Cadence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** Range and format checks that the types alone don't express. */
final class ConfigValidator {

    private static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error");
    /** Rates and counts above this are no threshold at all. */
    private static final long MAX_RATE = 100_000_000;
    /** Tracked keys: 10 million at a few hundred bytes each is already gigabytes. */
    private static final long MAX_KEYS = 10_000_000;
    private static final String[] JDBC_PREFIXES = {"jdbc:sqlite:", "jdbc:postgresql:", "jdbc:mariadb:", "jdbc:mysql:"};

    private ConfigValidator() {}

    static void validate(IotwatchConfig c, Function<String, String> origin) {
        Check check = new Check(origin);
        check.that("data-dir", !c.dataDir().isBlank(), c.dataDir(), "a folder path");
        String url = c.database().url();
        check.that("database.url", url.isEmpty() || startsWithAny(url), url,
                "empty (embedded SQLite) or a JDBC URL starting with " + String.join(", ", JDBC_PREFIXES));
        check.range("ingest.batch-size", c.ingest().batchSize(), 1, 1_000_000);
        check.range("ingest.queue-batches", c.ingest().queueBatches(), 1, 4096);
        check.range("ingest.max-line-bytes", c.ingest().maxLineBytes(), 1024, 256 * 1024 * 1024);
        check.range("flow.max-flows", c.flow().maxFlows(), 1, 1 << 26);
        check.range("flow.idle-timeout-seconds", c.flow().idleTimeoutSeconds(), 1, 86_400);
        check.range("flow.unanswered-timeout-seconds", c.flow().unansweredTimeoutSeconds(), 1, 86_400);
        check.range("flow.tcp-attempt-timeout-seconds", c.flow().tcpAttemptTimeoutSeconds(), 1, 86_400);
        check.range("flow.tcp-idle-timeout-seconds", c.flow().tcpIdleTimeoutSeconds(), 1, 86_400);
        check.range("flow.closed-timeout-seconds", c.flow().closedTimeoutSeconds(), 1, 86_400);
        check.range("flow.active-timeout-seconds", c.flow().activeTimeoutSeconds(), 1, 7 * 86_400);
        checkNames(check, "capture.interfaces", c.capture().interfaces(), "network interface names such as eth0");
        check.that("syslog.bind", !c.syslog().bind().isBlank(), c.syslog().bind(), "an address to listen on, e.g. 0.0.0.0");
        check.range("syslog.udp-port", c.syslog().udpPort(), 0, 65535);
        check.range("syslog.tcp-port", c.syslog().tcpPort(), 0, 65535);
        check.range("syslog.max-message-bytes", c.syslog().maxMessageBytes(), 480, 16 * 1024 * 1024);
        check.range("syslog.udp-receive-buffer-bytes", c.syslog().udpReceiveBufferBytes(), 65_536, 1 << 30);
        check.range("syslog.udp-queue-bytes", c.syslog().udpQueueBytes(), 65_536, 1 << 30);
        check.range("syslog.max-tcp-connections", c.syslog().maxTcpConnections(), 1, 100_000);
        check.range("syslog.batch-size", c.syslog().batchSize(), 1, 1_000_000);
        check.range("syslog.batch-delay-ms", c.syslog().batchDelayMs(), 1, 60_000);
        checkNames(check, "watch.folders", c.watch().folders(), "folder paths");
        check.range("watch.interval-seconds", c.watch().intervalSeconds(), 1, 3600);
        check.range("detect.incident-gap-minutes", c.detect().incidentGapMinutes(), 1, 10_080);
        checkFloods(check, c.detect());
        for (int i = 0; i < c.detect().suppress().size(); i++) {
            IotwatchConfig.Suppress rule = c.detect().suppress().get(i);
            String problem = suppressionProblem(rule);
            check.that("detect.suppress", problem == null, "rule " + (i + 1) + " " + rule,
                    "rules with a detector name, a cidr and/or a domain, each valid (" + problem + ")");
        }
        IotwatchConfig.Model model = c.model();
        check.that("model.path", !model.path().isBlank(), model.path(), "default, none, or a model directory");
        check.that("model.threshold", model.threshold() >= 0 && model.threshold() <= 1, Double.toString(model.threshold()),
                "0 (the model's own) or a probability up to 1");
        check.range("model.min-rows", model.minRows(), 1, MAX_RATE);
        check.range("model.window-seconds", model.windowSeconds(), 1, 86_400);
        check.range("model.max-keys", model.maxKeys(), 1, MAX_KEYS);

        IotwatchConfig.Web web = c.web();
        check.that("web.bind", !web.bind().isBlank(), web.bind(), "an address to listen on, e.g. 127.0.0.1 or 0.0.0.0");
        check.range("web.port", web.port(), 1, 65_535);
        check.that("web.tls-keystore", web.tlsKeystore().isBlank() || Files.isReadable(Path.of(web.tlsKeystore())),
                web.tlsKeystore(), "empty (plain HTTP) or a readable PKCS#12 keystore file");
        check.range("web.session-idle-minutes", web.sessionIdleMinutes(), 1, 10_080);
        check.range("web.session-max-hours", web.sessionMaxHours(), 1, 720);
        check.range("audit.block-entries", c.audit().blockEntries(), 1, 100_000);
        check.range("audit.block-seconds", c.audit().blockSeconds(), 1, 86_400);
        checkChoices(check, "reports.schedule", c.reports().schedule(), Cadence::parse, Cadence.names(), false);
        checkChoices(check, "reports.formats", c.reports().formats(), ReportFormat::parse, ReportFormat.names(), true);
        check.that("log.level", LOG_LEVELS.contains(c.log().level().toLowerCase(Locale.ROOT)), c.log().level(),
                "one of trace, debug, info, warn, error");
    }

    private static void checkFloods(Check check, IotwatchConfig.Detect d) {
        List<Integer> ports = d.webPorts();
        check.that("detect.web-ports", !ports.isEmpty() && ports.stream().allMatch(p -> p != null && p >= 1 && p <= 65535),
                String.valueOf(ports), "a list of one or more ports from 1 to 65535");
        IotwatchConfig.Flood flood = d.flood();
        check.range("detect.flood.window-seconds", flood.windowSeconds(), 1, 3600);
        check.range("detect.flood.syn-packets-per-second", flood.synPacketsPerSecond(), 1, MAX_RATE);
        check.range("detect.flood.tcp-packets-per-second", flood.tcpPacketsPerSecond(), 1, MAX_RATE);
        check.range("detect.flood.udp-packets-per-second", flood.udpPacketsPerSecond(), 1, MAX_RATE);
        check.range("detect.flood.icmp-packets-per-second", flood.icmpPacketsPerSecond(), 1, MAX_RATE);
        check.range("detect.flood.min-flows", flood.minFlows(), 1, MAX_RATE);
        check.range("detect.flood.max-victims", flood.maxVictims(), 1, MAX_KEYS);
        IotwatchConfig.HttpFlood http = d.httpFlood();
        check.range("detect.http-flood.window-seconds", http.windowSeconds(), 1, 3600);
        check.range("detect.http-flood.connections-per-second", http.connectionsPerSecond(), 1, MAX_RATE);
        check.range("detect.http-flood.max-duration-seconds", http.maxDurationSeconds(), 1, 86_400);
        check.range("detect.http-flood.max-keys", http.maxKeys(), 1, MAX_KEYS);
        IotwatchConfig.SlowHttp slow = d.slowhttp();
        check.range("detect.slowhttp.window-seconds", slow.windowSeconds(), 60, 86_400);
        check.range("detect.slowhttp.concurrent-connections", slow.concurrentConnections(), 2, MAX_RATE);
        check.range("detect.slowhttp.min-duration-seconds", slow.minDurationSeconds(), 1, slow.windowSeconds());
        check.range("detect.slowhttp.max-bytes-per-second", slow.maxBytesPerSecond(), 1, MAX_RATE);
        check.range("detect.slowhttp.max-keys", slow.maxKeys(), 1, MAX_KEYS);
    }

    /** A list of names: each given, none blank, none twice. */
    private static void checkNames(Check check, String key, List<String> names, String what) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            check.that(key, name != null && !name.isBlank() && names.indexOf(name) == i, "entry " + (i + 1) + " " + name,
                    "a list of " + what + ", each given once and none empty");
        }
    }

    /** A list of names each {@code parse} takes, none twice (as parsed: {@code PDF} and {@code pdf} are one). */
    private static void checkChoices(Check check, String key, List<String> names, Function<String, ?> parse, String allowed,
            boolean required) {
        String rule = "a list of " + allowed + ", each at most once" + (required ? ", at least one" : "");
        check.that(key, !required || !names.isEmpty(), "[]", rule);
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            Object parsed;
            try {
                parsed = names.get(i) == null ? null : parse.apply(names.get(i));
            } catch (IllegalArgumentException e) {
                parsed = null;
            }
            check.that(key, parsed != null && seen.add(parsed), "entry " + (i + 1) + " " + names.get(i), rule);
        }
    }

    private static String suppressionProblem(IotwatchConfig.Suppress rule) {
        if (rule == null) {
            return "an empty rule";
        }
        try {
            new Suppression(rule.detector(), rule.cidr(), rule.domain());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static boolean startsWithAny(String url) {
        for (String prefix : JDBC_PREFIXES) {
            if (url.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private record Check(Function<String, String> origin) {
        void range(String key, long value, long min, long max) {
            that(key, value >= min && value <= max, Long.toString(value), "a whole number from " + min + " to " + max);
        }

        void that(String key, boolean ok, String value, String allowed) {
            if (!ok) {
                throw new ConfigException("configuration key '" + key + "' (from " + origin.apply(key) + "): '" + value
                        + "' is not allowed; allowed: " + allowed);
            }
        }
    }
}
