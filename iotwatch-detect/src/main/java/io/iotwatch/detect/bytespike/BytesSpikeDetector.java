package io.iotwatch.detect.bytespike;

import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventType;
import io.iotwatch.detect.Addresses;
import io.iotwatch.detect.Detector;
import io.iotwatch.detect.EventTime;
import io.iotwatch.detect.FindingSink;
import io.iotwatch.detect.LruMap;
import io.iotwatch.detect.Prevalence;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Exfiltration as a spike in an internal device's bytes out to external addresses: the bytes of a bucket
 * against the device's own history of buckets (quiet buckets within its active span count as zero), by
 * median and MAD, which a few earlier spikes do not move. Traffic to internal addresses never counts: a
 * nightly backup to the NAS is the device's business; nor does a spike whose main destination many
 * internal hosts contact (a cloud endpoint its kind shares), see {@link Prevalence}. The bucket's threshold is set when it opens, so each
 * event costs a comparison; a late event counts into the open bucket. One finding per spiking bucket, and
 * one more when the bucket grows past {@code criticalBytes}.
 */
public final class BytesSpikeDetector implements Detector {

    public static final String NAME = "anomaly-bytes";

    /** MAD times this estimates the standard deviation of normal data (Rousseeuw and Croux 1993). */
    static final double MAD_SCALE = 1.4826;

    private final BytesSpikeConfig config;
    private final long bucketMs;
    private final LruMap<String, Device> devices;
    private final Prevalence prevalence;

    public BytesSpikeDetector(BytesSpikeConfig config) {
        this(config, new Prevalence(config.prevalenceWindow(), config.maxDevices()));
    }

    /** A detector that notes and reads destinations' prevalence in a table other detectors share. */
    public BytesSpikeDetector(BytesSpikeConfig config, Prevalence prevalence) {
        this.config = config;
        this.bucketMs = config.bucket().toMillis();
        this.devices = new LruMap<>(config.maxDevices());
        this.prevalence = prevalence;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<EventType> eventTypes() {
        return Set.of(EventType.CONNECTION);
    }

    @Override
    public void onEvent(Event event, FindingSink out) {
        if (!(event instanceof ConnectionEvent c)) {
            return;
        }
        String src = c.source().ip();
        String dst = c.destination().ip();
        if (!Addresses.isInternal(src) || !Addresses.isExternal(dst)) {
            return;
        }
        long time = EventTime.millis(c.time());
        prevalence.touch(dst, src, time);
        long start = Math.floorDiv(time, bucketMs) * bucketMs;
        Device device = devices.get(src);
        if (device == null) {
            device = new Device(config.baselineBuckets(), start);
            devices.put(src, device);
        } else if (start > device.bucketStart) {
            device.roll(start);
        }
        device.lastSeen = Math.max(device.lastSeen, time);
        device.add(Math.max(0, c.bytesOut()), dst);
        if (device.ready && device.sum > device.threshold && device.sum >= config.minBytes()
                && prevalence.of(device.topDestination, time) <= config.maxPrevalence()) {
            ThreatLevel level = device.sum >= config.criticalBytes() ? ThreatLevel.CRITICAL : ThreatLevel.HIGH;
            if (device.reportedLevel == null || level.compareTo(device.reportedLevel) > 0) {
                report(src, device, level, device.reportedLevel == null ? 1 : 0, out);
                device.reportedLevel = level;
            }
        }
    }

    @Override
    public void advance(Instant now, FindingSink out) {
        prevalence.expire(EventTime.millis(now));
        long horizon = EventTime.millis(now) - bucketMs * config.baselineBuckets();
        devices.removeSeenBefore(horizon, v -> v.lastSeen);
    }

    /** Devices removed because {@code maxDevices} was reached. */
    public long evictions() {
        return devices.evictions();
    }

    /** Devices tracked now. */
    public int trackedDevices() {
        return devices.size();
    }

    private void report(String src, Device device, ThreatLevel level, long count, FindingSink out) {
        String top = device.topDestination;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("bucket_bytes", device.sum);
        evidence.put("baseline_median", device.median);
        evidence.put("baseline_mad", device.mad);
        evidence.put("k", config.k());
        evidence.put("threshold_bytes", Math.max((long) Math.ceil(device.threshold), config.minBytes()));
        evidence.put("history_buckets", device.historySize);
        evidence.put("top_destination", top);
        evidence.put("bucket_start", Instant.ofEpochMilli(device.bucketStart).toString());
        Instant first = Instant.ofEpochMilli(device.bucketStart);
        Instant last = Instant.ofEpochMilli(Math.max(device.bucketStart, device.lastSeen));
        double confidence = level == ThreatLevel.CRITICAL ? 0.9 : 0.7;
        out.report(new Finding(NAME, src, "Exfiltration", "Exfiltration", level, confidence, first, last, src, top, null,
                "T1048", count, evidence));
    }

    /** One device: its bucket history as a ring, the open bucket and that bucket's threshold. */
    private final class Device {
        final long[] history;
        int historyHead;
        int historySize;
        long bucketStart;
        long sum;
        // Where the bucket's largest transfer went: a bulk transfer out is its largest, and keeping the one
        // destination costs a comparison per connection where summing every destination costs a map.
        String topDestination;
        long topBytes = -1;
        boolean ready;
        double median;
        double mad;
        double threshold;
        ThreatLevel reportedLevel;
        long lastSeen = Long.MIN_VALUE;

        Device(int capacity, long bucketStart) {
            this.history = new long[capacity];
            this.bucketStart = bucketStart;
        }

        void add(long bytes, String dst) {
            sum = bytes > Long.MAX_VALUE - sum ? Long.MAX_VALUE : sum + bytes;
            if (bytes > topBytes) {
                topBytes = bytes;
                topDestination = dst;
            }
        }

        /** Closes the open bucket into the history, with zero buckets for the quiet time since, and opens one. */
        void roll(long start) {
            push(sum);
            long quiet = Math.min((start - bucketStart) / bucketMs - 1, history.length);
            for (long i = 0; i < quiet; i++) {
                push(0);
            }
            bucketStart = start;
            sum = 0;
            topDestination = null;
            topBytes = -1;
            reportedLevel = null;
            ready = historySize >= config.minBuckets();
            if (ready) {
                double[] values = new double[historySize];
                for (int i = 0; i < historySize; i++) {
                    values[i] = history[i];
                }
                Arrays.sort(values);
                median = middle(values);
                for (int i = 0; i < values.length; i++) {
                    values[i] = Math.abs(values[i] - median);
                }
                Arrays.sort(values);
                mad = middle(values);
                threshold = median + config.k() * MAD_SCALE * mad;
            }
        }

        private void push(long value) {
            history[historyHead] = value;
            historyHead = (historyHead + 1) % history.length;
            historySize = Math.min(historySize + 1, history.length);
        }

        private static double middle(double[] sorted) {
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }
}
