package io.iotwatch.app.cli;

import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.app.sources.DemoSource;
import io.iotwatch.app.sources.Sources;
import io.iotwatch.detect.DetectionEngine;
import io.iotwatch.detect.Detector;
import io.iotwatch.detect.Suppression;
import io.iotwatch.report.archive.ReportArchive;
import io.iotwatch.report.schedule.ReportScheduler;
import io.iotwatch.store.AllowRule;
import io.iotwatch.store.BatchWriter;
import io.iotwatch.store.EventStore;
import io.iotwatch.web.monitor.Monitor;
import io.iotwatch.web.WebServer;
import io.iotwatch.web.monitor.Source;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * The running monitor of {@code serve} and {@code demo}: the store, the detectors on their own thread, the
 * dashboard, the scheduled reports, and the traffic sources feeding them, until Ctrl-C. Alerts reach the dashboard's
 * live stream as the detectors hand them to the store; allow-list rules written by triage reach the running detectors.
 */
final class MonitorRun {

    private MonitorRun() {}

    /**
     * Runs the sources the configuration enables, and the demo unless {@code demo} is null, until the process is
     * interrupted (or {@code stop} counts down, for tests); then stops the sources, lets everything they read reach
     * the store, and closes. {@code configFile} is the file the configuration was read from, shown to admins with it.
     */
    static int run(IotwatchConfig config, Optional<Path> configFile, PrintWriter out, DemoSource.Options demo, CountDownLatch stop)
            throws Exception {
        Clock clock = Clock.systemUTC();
        List<Source> running = new CopyOnWriteArrayList<>();
        try (EventStore store = Stores.open(config);
                BatchWriter writer = new BatchWriter(store, config.ingest().queueBatches())) {
            DetectionEngine engine = Detection.engine(config);
            List<AllowRule> configRules = configRules(config, clock);
            store.triage().allowRules().forEach(rule -> engine.suppress(suppression(rule)));
            ReportArchive reports = reports(config, clock);
            Monitor monitor = new Monitor(version(), clock.instant(), database(config), () -> List.copyOf(running),
                    detectorNames(config), Models.enabled(config) ? config.model().path() : null, configRules,
                    new Monitor.AllowListener() {
                        @Override
                        public void added(AllowRule rule) {
                            engine.suppress(suppression(rule));
                        }

                        @Override
                        public void removed(AllowRule rule) {
                            engine.unsuppress(suppression(rule));
                        }
                    }, reports, config.reports().toSchedule(), ConfigAudit.flatten(config),
                    configFile.map(Path::toAbsolutePath).orElse(null));
            try (WebServer web = WebServer.start(config.web().toSettings(), store, monitor, clock);
                    ReportScheduler schedule = ReportScheduler.start(config.reports().toSchedule(), reports, store, clock,
                            ReportScheduler.grace(Duration.ofSeconds(config.audit().blockSeconds())));
                    DetectingSink detecting = new DetectingSink(engine, new AlertTap(writer, web::alertsChanged),
                            DetectingSink.QUEUE_BATCHES)) {
                String host = config.web().bind().equals("0.0.0.0") ? "127.0.0.1" : config.web().bind();
                out.printf("dashboard: %s%n", web.url(host));
                web.firstAdminPassword().ifPresentOrElse(
                        password -> out.printf("log in as admin with the password %s%n"
                                + "(made now, shown this once and stored only as a slow hash: keep it somewhere safe, or change it on the "
                                + "Access page)%n", password),
                        () -> out.println("log in with your account (the first start printed the admin's password)"));
                out.flush();
                Sources sources = Sources.start(config, new Sources.Wiring(detecting, store::checkpoint,
                        () -> Models.classifier(config), new SourceAudit(store.audit())), demo);
                running.addAll(sources.list());
                try (OnInterrupt onInterrupt = new OnInterrupt("monitor", stop::countDown)) {
                    stop.await();
                    out.println("stopping: storing what the sources read");
                    out.flush();
                    sources.close();
                    detecting.finish();
                    writer.flush();
                }
            }
        }
        return ExitCodes.OK;
    }

    private static ReportArchive reports(IotwatchConfig config, Clock clock) {
        try {
            return ReportArchive.open(config.reportsFolder(), clock);
        } catch (IOException e) {
            throw new UserFacingException("cannot use the reports folder " + config.reportsFolder() + " (reports.folder): " + e, e);
        }
    }

    private static List<AllowRule> configRules(IotwatchConfig config, Clock clock) {
        List<AllowRule> rules = new ArrayList<>();
        for (IotwatchConfig.Suppress rule : config.detect().suppress()) {
            rules.add(new AllowRule(null, rule.detector(), rule.cidr(), rule.domain(), "iotwatch.yml detect.suppress",
                    "configuration", clock.instant()));
        }
        return rules;
    }

    private static Suppression suppression(AllowRule rule) {
        return new Suppression(rule.detector(), rule.cidr(), rule.domain());
    }

    private static List<String> detectorNames(IotwatchConfig config) {
        List<String> names = new ArrayList<>(Detection.detectors(config.detect()).stream().map(Detector::name).toList());
        if (Models.enabled(config)) {
            names.add("model");
        }
        return names;
    }

    private static String database(IotwatchConfig config) {
        String url = Stores.settings(config).jdbcUrl().toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:postgresql:")) {
            return "postgresql";
        }
        return url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:") ? "mariadb" : "sqlite";
    }

    private static String version() {
        String version = MonitorRun.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
