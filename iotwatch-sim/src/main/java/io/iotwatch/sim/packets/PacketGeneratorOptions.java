package io.iotwatch.sim.packets;

import io.iotwatch.sim.packets.attack.AttackPlan;
import io.iotwatch.sim.packets.lan.Lan;
import io.iotwatch.sim.truth.AttackKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Settings of one packet generator run. Equal options always produce byte-identical captures.
 *
 * @param devices  devices on the LAN besides the gateway and the hub, {@value #MIN_DEVICES} to {@value #MAX_DEVICES}
 * @param duration length of the capture, whole minutes from 1 to {@value #MAX_MINUTES}, long enough for the attacks
 * @param seed     seed of every random choice
 * @param start    time of the capture's start
 * @param attacks  the attacks to plant (each once; their order matters only with a schedule that keeps it)
 * @param schedule when the attacks run: {@link AttackPlan.Schedule#STANDARD} unless a demo wants them sooner
 */
public record PacketGeneratorOptions(int devices, Duration duration, long seed, Instant start, List<AttackKind> attacks,
        AttackPlan.Schedule schedule) {

    /** Fewest devices: two of each kind, so that no cloud is one device's private peer. */
    public static final int MIN_DEVICES = Lan.MIN_DEVICES;
    /** Most devices, in six /24 subnets. */
    public static final int MAX_DEVICES = Lan.MAX_DEVICES;
    /** A day: the generator writes tens of megabytes per half hour. */
    public static final int MAX_MINUTES = 1_440;

    /** Validates the options; the message of a duration too short for the attacks names the minimum. */
    public PacketGeneratorOptions {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(schedule, "schedule");
        attacks = List.copyOf(attacks);
        if (devices < MIN_DEVICES || devices > MAX_DEVICES) {
            throw new IllegalArgumentException("devices must be " + MIN_DEVICES + " to " + MAX_DEVICES + ": " + devices);
        }
        if (duration.isNegative() || duration.toMinutes() < 1 || duration.toMinutes() > MAX_MINUTES
                || duration.toSeconds() % 60 != 0 || duration.toNanosPart() != 0) {
            throw new IllegalArgumentException("minutes must be a whole number from 1 to " + MAX_MINUTES + ": " + duration);
        }
        long minimum = minimumMinutes(attacks, schedule);
        if (duration.toMinutes() < minimum) {
            throw new IllegalArgumentException(duration.toMinutes() + " minutes are too short for " + (attacks.size() == 1
                    ? "the attack" : "the " + attacks.size() + " attacks") + ": they need at least " + minimum + " minutes");
        }
    }

    /** Options with the standard schedule. */
    public PacketGeneratorOptions(int devices, Duration duration, long seed, Instant start, List<AttackKind> attacks) {
        this(devices, duration, seed, start, attacks, AttackPlan.Schedule.STANDARD);
    }

    /** 50 devices, 30 minutes, seed 42, from 2025-05-12T00:00:00Z, every attack. */
    public static PacketGeneratorOptions defaults() {
        return new PacketGeneratorOptions(50, Duration.ofMinutes(30), 42, Instant.parse("2025-05-12T00:00:00Z"),
                List.of(AttackKind.values()));
    }

    /** The shortest run, in whole minutes, that has room for {@code attacks} on the standard schedule: 1 for none. */
    public static long minimumMinutes(List<AttackKind> attacks) {
        return minimumMinutes(attacks, AttackPlan.Schedule.STANDARD);
    }

    /** The shortest run, in whole minutes, that has room for {@code attacks} on {@code schedule}: 1 for none. */
    public static long minimumMinutes(List<AttackKind> attacks, AttackPlan.Schedule schedule) {
        long micros = AttackPlan.required(attacks, schedule);
        return Math.max(1, (micros + 59_999_999) / 60_000_000);
    }

    public PacketGeneratorOptions withDevices(int n) {
        return new PacketGeneratorOptions(n, duration, seed, start, attacks, schedule);
    }

    public PacketGeneratorOptions withDuration(Duration d) {
        return new PacketGeneratorOptions(devices, d, seed, start, attacks, schedule);
    }

    public PacketGeneratorOptions withSeed(long s) {
        return new PacketGeneratorOptions(devices, duration, s, start, attacks, schedule);
    }

    public PacketGeneratorOptions withAttacks(List<AttackKind> a) {
        return new PacketGeneratorOptions(devices, duration, seed, start, a, schedule);
    }

    public PacketGeneratorOptions withStart(Instant t) {
        return new PacketGeneratorOptions(devices, duration, seed, t, attacks, schedule);
    }

    public PacketGeneratorOptions withSchedule(AttackPlan.Schedule s) {
        return new PacketGeneratorOptions(devices, duration, seed, start, attacks, s);
    }
}
