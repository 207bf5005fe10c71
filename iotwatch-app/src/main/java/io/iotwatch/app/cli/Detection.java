package io.iotwatch.app.cli;

import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.detect.DetectionEngine;
import io.iotwatch.detect.Detector;
import io.iotwatch.detect.Prevalence;
import io.iotwatch.detect.Suppression;
import io.iotwatch.detect.arp.ArpSpoofConfig;
import io.iotwatch.detect.arp.ArpSpoofDetector;
import io.iotwatch.detect.beacon.BeaconConfig;
import io.iotwatch.detect.beacon.BeaconDetector;
import io.iotwatch.detect.bruteforce.BruteForceConfig;
import io.iotwatch.detect.bruteforce.BruteForceDetector;
import io.iotwatch.detect.bytespike.BytesSpikeConfig;
import io.iotwatch.detect.bytespike.BytesSpikeDetector;
import io.iotwatch.detect.dnstunnel.DnsTunnelConfig;
import io.iotwatch.detect.dnstunnel.DnsTunnelDetector;
import io.iotwatch.detect.flood.FloodDetector;
import io.iotwatch.detect.httpflood.HttpFloodDetector;
import io.iotwatch.detect.model.ModelDetector;
import io.iotwatch.detect.newport.NewPortConfig;
import io.iotwatch.detect.newport.NewPortDetector;
import io.iotwatch.detect.scan.ScanConfig;
import io.iotwatch.detect.scan.ScanDetector;
import io.iotwatch.detect.slowhttp.SlowHttpDetector;
import io.iotwatch.detect.vendor.VendorAlertConfig;
import io.iotwatch.detect.vendor.VendorAlertDetector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rule detectors, each with its documented default thresholds (those of the flood detectors set in
 * {@code detect.*}), the model's detector when {@code model.path} names a model, and the engine that runs them;
 * the model corroborates the rules (one alert when both see an attack); public for the benchmarks, which run the product's detector set.
 */
public final class Detection {

    private Detection() {}

    static DetectionEngine engine(IotwatchConfig config) {
        List<Suppression> suppressions = config.detect().suppress().stream()
                .map(rule -> new Suppression(rule.detector(), rule.cidr(), rule.domain()))
                .toList();
        List<Detector> detectors = new ArrayList<>(detectors(config.detect()));
        if (Models.enabled(config)) {
            detectors.add(new ModelDetector(config.model().toModelConfig()));
        }
        return new DetectionEngine(detectors, suppressions, Duration.ofMinutes(config.detect().incidentGapMinutes()),
                Set.of(ModelDetector.NAME));
    }

    /** New detectors with empty state and the default thresholds. */
    public static List<Detector> detectors() {
        return detectors(IotwatchConfig.defaults().detect());
    }

    /**
     * New detectors with empty state: they are not thread-safe, so each engine gets its own. Beaconing and
     * byte spikes share one table of how many internal hosts use each external destination, with the
     * beacon detector's window and size (both 24 hours and 100,000 by default, as the byte-spike defaults).
     * The flood detectors take their thresholds from {@code detect}, the others use their defaults.
     */
    public static List<Detector> detectors(IotwatchConfig.Detect detect) {
        BeaconConfig beacon = BeaconConfig.defaults();
        Prevalence prevalence = new Prevalence(beacon.prevalenceWindow(), beacon.maxDestinations());
        return List.of(
                new BruteForceDetector(BruteForceConfig.defaults()),
                new DnsTunnelDetector(DnsTunnelConfig.defaults()),
                new BeaconDetector(beacon, prevalence),
                new ScanDetector(ScanConfig.defaults()),
                new BytesSpikeDetector(BytesSpikeConfig.defaults(), prevalence),
                new NewPortDetector(NewPortConfig.defaults()),
                new VendorAlertDetector(VendorAlertConfig.defaults()),
                new ArpSpoofDetector(ArpSpoofConfig.defaults()),
                new FloodDetector(detect.flood().toFloodConfig()),
                new HttpFloodDetector(detect.httpFloodConfig()),
                new SlowHttpDetector(detect.slowHttpConfig()));
    }
}
