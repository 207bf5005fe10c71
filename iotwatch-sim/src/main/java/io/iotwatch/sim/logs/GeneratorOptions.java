package io.iotwatch.sim.logs;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Settings of one generator run. Equal options always produce byte-identical output.
 *
 * @param devices  number of simulated devices on the internal network, {@value #MIN_DEVICES} to {@value #MAX_DEVICES}
 * @param duration length of the simulated period, at least {@link #MIN_DURATION} so that every attack
 *                 profile fits between the quiet first two hours and the end of the run
 * @param seed     seed of every random choice: network layout, traffic and planted attacks
 * @param start    event time of the beginning of the run
 * @param format   layout of the written lines
 */
public record GeneratorOptions(int devices, Duration duration, long seed, Instant start, Format format) {

    /** Smallest network with at least two devices per vendor, so every cloud endpoint is shared. */
    public static final int MIN_DEVICES = 40;
    /** Largest network the per-class /24 blocks of 10.0.0.0/16 can address. */
    public static final int MAX_DEVICES = 10_000;
    /** Shortest run: two quiet hours, the longest-lived attack (a two-hour C2 beacon) and a margin. */
    public static final Duration MIN_DURATION = Duration.ofHours(5);

    /** Layout of the written lines. */
    public enum Format {
        /** FortiOS 7.x "default" syslog layout: {@code key=value} pairs, text values double-quoted. */
        SYSLOG,
        /** One JSON object per line with the same keys; numbers as JSON numbers, everything else as strings. */
        JSON
    }

    /** Validates the options. */
    public GeneratorOptions {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(format, "format");
        if (devices < MIN_DEVICES || devices > MAX_DEVICES) {
            throw new IllegalArgumentException("devices must be between " + MIN_DEVICES + " and " + MAX_DEVICES + ": " + devices);
        }
        if (duration.compareTo(MIN_DURATION) < 0) {
            throw new IllegalArgumentException("duration must be at least " + MIN_DURATION + ": " + duration);
        }
    }

    /** 200 devices, 24 hours, seed 42, starting 2025-05-12T00:00:00Z, syslog layout. */
    public static GeneratorOptions defaults() {
        return new GeneratorOptions(200, Duration.ofHours(24), 42, Instant.parse("2025-05-12T00:00:00Z"), Format.SYSLOG);
    }

    /** These options with another device count. */
    public GeneratorOptions withDevices(int newDevices) {
        return new GeneratorOptions(newDevices, duration, seed, start, format);
    }

    /** These options with another duration. */
    public GeneratorOptions withDuration(Duration newDuration) {
        return new GeneratorOptions(devices, newDuration, seed, start, format);
    }

    /** These options with another seed. */
    public GeneratorOptions withSeed(long newSeed) {
        return new GeneratorOptions(devices, duration, newSeed, start, format);
    }

    /** These options with another start time. */
    public GeneratorOptions withStart(Instant newStart) {
        return new GeneratorOptions(devices, duration, seed, newStart, format);
    }

    /** These options with another output format. */
    public GeneratorOptions withFormat(Format newFormat) {
        return new GeneratorOptions(devices, duration, seed, start, newFormat);
    }
}
