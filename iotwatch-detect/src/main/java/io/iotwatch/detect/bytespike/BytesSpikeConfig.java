package io.iotwatch.detect.bytespike;

import java.time.Duration;

/**
 * Thresholds of {@link BytesSpikeDetector}.
 *
 * @param bucket          the time bucket bytes out are summed over
 * @param baselineBuckets buckets of a device's history its baseline holds
 * @param minBuckets      history a device needs before it is judged
 * @param k               how many scaled MADs above the median a bucket must be
 * @param minBytes        the least bytes out in a bucket that can be a spike
 * @param criticalBytes   bytes out in a bucket from which a spike is critical
 * @param maxPrevalence   the most distinct internal hosts that may have contacted the spike's top
 *                        destination within {@code prevalenceWindow} for it to count
 * @param prevalenceWindow how far back those hosts are counted
 * @param maxDevices      devices tracked; the stalest give way, counted
 */
public record BytesSpikeConfig(
        Duration bucket, int baselineBuckets, int minBuckets, double k, long minBytes, long criticalBytes,
        int maxPrevalence, Duration prevalenceWindow, int maxDevices) {

    public BytesSpikeConfig {
        if (bucket == null || bucket.isNegative() || bucket.isZero()) {
            throw new IllegalArgumentException("bucket must be a positive duration: " + bucket);
        }
        if (baselineBuckets < 1) {
            throw new IllegalArgumentException("baselineBuckets must be positive: " + baselineBuckets);
        }
        if (minBuckets < 1 || minBuckets > baselineBuckets) {
            throw new IllegalArgumentException("minBuckets must be within 1..baselineBuckets: " + minBuckets);
        }
        if (!(k > 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("k must be a positive number: " + k);
        }
        if (minBytes < 1) {
            throw new IllegalArgumentException("minBytes must be positive: " + minBytes);
        }
        if (criticalBytes < minBytes) {
            throw new IllegalArgumentException("criticalBytes must be at least minBytes: " + criticalBytes);
        }
        if (maxPrevalence < 1) {
            throw new IllegalArgumentException("maxPrevalence must be at least 1: " + maxPrevalence);
        }
        if (prevalenceWindow == null || prevalenceWindow.isNegative() || prevalenceWindow.isZero()) {
            throw new IllegalArgumentException("prevalenceWindow must be a positive duration: " + prevalenceWindow);
        }
        if (maxDevices < 1) {
            throw new IllegalArgumentException("maxDevices must be positive: " + maxDevices);
        }
    }

    /**
     * The defaults:
     * <ul>
     * <li>{@code bucket} 15 min and {@code baselineBuckets} 96: one day of history, so the baseline holds a
     *     device's daily cycle. A quarter of an hour holds enough of a transfer that is spread over several
     *     sessions minutes apart to pass {@code minBytes} (50 MB in four sessions six minutes apart fill no
     *     5-minute bucket past 20 MB).</li>
     * <li>{@code minBuckets} 4: an hour of history before anything is judged.</li>
     * <li>{@code k} 10: the median plus 10 MADs scaled by 1.4826 (the MAD's consistency constant for normal
     *     data, Rousseeuw and Croux 1993); far beyond the 3 to 3.5 usual for outliers (Leys et al. 2013),
     *     since IoT traffic is bursty and an alert should mean a real change.</li>
     * <li>{@code minBytes} 20 MB: below it a camera's or sensor's burst is no exfiltration worth waking
     *     anyone for.</li>
     * <li>{@code criticalBytes} 200 MB, ten times {@code minBytes}: a bulk transfer out.</li>
     * <li>{@code maxPrevalence} 2 within {@code prevalenceWindow} 24 h: cameras upload clips and gateways
     *     sync to the cloud endpoints their kind shares, which many devices contact; data carried off goes
     *     where next to nobody else goes (the prevalence of RITA's threat scoring).</li>
     * <li>{@code maxDevices} 100,000: bounded memory; as many destinations for prevalence.</li>
     * </ul>
     */
    public static BytesSpikeConfig defaults() {
        return new BytesSpikeConfig(Duration.ofMinutes(15), 96, 4, 10, 20_000_000L, 200_000_000L, 2, Duration.ofHours(24),
                100_000);
    }
}
