package io.iotwatch.detect.vendor;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of the observing device's own alerts the {@link VendorAlertDetector} passes on.
 *
 * @param categories vendor alert categories to report, matched without regard to case ({@code ips},
 *                   {@code anomaly}, {@code virus}, {@code webfilter}, {@code app-ctrl} ...); empty reports none
 */
public record VendorAlertConfig(Set<String> categories) {

    public VendorAlertConfig {
        if (categories == null) {
            throw new IllegalArgumentException("categories must not be null");
        }
        for (String category : categories) {
            if (category == null || category.isBlank()) {
                throw new IllegalArgumentException("categories must not hold a blank name: " + categories);
            }
        }
        categories = categories.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The defaults: {@code ips} (intrusion prevention signatures), {@code anomaly} (floods and scans the
     * device's DoS policy saw) and {@code virus} (malware in a transfer), the categories that report attacks.
     * {@code webfilter} and {@code app-ctrl} are left out: they log that traffic met a policy (a blocked site
     * category, an application someone chose to forbid), on every page view, not that anyone attacked.
     */
    public static VendorAlertConfig defaults() {
        return new VendorAlertConfig(Set.of("ips", "anomaly", "virus"));
    }
}
