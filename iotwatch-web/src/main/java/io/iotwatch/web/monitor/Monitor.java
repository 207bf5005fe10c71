package io.iotwatch.web.monitor;

import io.iotwatch.report.archive.ReportArchive;
import io.iotwatch.report.schedule.ReportSchedule;
import io.iotwatch.store.AllowRule;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What the running monitor shows of itself beside the store: its sources, detectors and model, where
 * allow-list rules written by triage go so that the running detectors apply them at once, its reports and
 * its configuration.
 *
 * @param version      iotwatch's version
 * @param startedAt    when the process started
 * @param database     sqlite, postgresql or mariadb
 * @param sources      the traffic sources running now, asked for their status on every request
 * @param detectors    the names of the detectors running
 * @param model        the classifier's name, or null when none runs
 * @param configRules  allow-list rules from the configuration file, listed beside triage's
 * @param allowRules   told of every rule triage adds ({@code true}) or an admin removes ({@code false})
 * @param reports      the reports folder that the Reports page and the API make reports into and serve them from,
 *                     or null for none (benchmarks, tests of other pages): then the reports routes answer 404
 * @param reportSchedule the reports made on a schedule into that folder, shown beside them
 * @param configuration  the configuration in effect, read at start: each key as iotwatch.yml names it ({@code web.port})
 *                       with its value as text, secrets only as {@code (set)} or empty; shown to admins
 * @param configFile     the configuration file read at start, or null when none was (defaults, environment, options)
 */
public record Monitor(String version, Instant startedAt, String database, Supplier<List<Source>> sources,
        List<String> detectors, String model, List<AllowRule> configRules, AllowListener allowRules, ReportArchive reports,
        ReportSchedule reportSchedule, Map<String, String> configuration, Path configFile) {

    /** Applies allow-list rules to the running detectors. */
    public interface AllowListener {
        /** For a monitor without detectors to tell (benchmarks, tests of the pages). */
        AllowListener NONE = new AllowListener() {
            @Override
            public void added(AllowRule rule) {}

            @Override
            public void removed(AllowRule rule) {}
        };

        void added(AllowRule rule);

        void removed(AllowRule rule);
    }

    public Monitor {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(sources, "sources");
        detectors = List.copyOf(detectors);
        configRules = List.copyOf(configRules);
        Objects.requireNonNull(allowRules, "allowRules");
        Objects.requireNonNull(reportSchedule, "reportSchedule");
        configuration = Collections.unmodifiableSortedMap(new TreeMap<>(configuration));
    }
}
