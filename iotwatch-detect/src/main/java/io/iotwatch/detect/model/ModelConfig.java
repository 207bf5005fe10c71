package io.iotwatch.detect.model;

import java.time.Duration;

/**
 * Thresholds of {@link ModelDetector}. The model's own alert threshold (the least probability that makes a
 * verdict) is applied on the packet thread and lives in the model's {@code model.json}.
 *
 * @param minRows rows of one class about one key (victim for floods, source otherwise) within {@code window}
 *                that make an incident
 * @param window  how long rows count towards {@code minRows}, and how often an ongoing incident is brought up to
 *                date
 * @param maxKeys keys tracked at once; the stalest give way, counted
 */
public record ModelConfig(int minRows, Duration window, int maxKeys) {

    public ModelConfig {
        if (minRows < 1) {
            throw new IllegalArgumentException("minRows must be at least 1: " + minRows);
        }
        if (window == null || window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("window must be 1 s to 1 day: " + window);
        }
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be positive: " + maxKeys);
        }
    }

    /**
     * The defaults:
     * <ul>
     * <li>{@code minRows} 2: one flow the model calls an attack is as likely a benign oddity as an attack; a
     *     second about the same victim or from the same source within the window makes it an incident. Even
     *     the smallest attacks of the lab (one web shell upload and its use, a few probes) make two flows.</li>
     * <li>{@code window} 1 min: longer than the unanswered-flow timeout (10 s) after which a flood's flows end
     *     and reach the model, so rows of one attack meet within it.</li>
     * <li>{@code maxKeys} 100,000: bounded memory, about 200 bytes a key (20 MB at most).</li>
     * </ul>
     */
    public static ModelConfig defaults() {
        return new ModelConfig(2, Duration.ofMinutes(1), 100_000);
    }
}
