package io.iotwatch.sim.lab;

import io.iotwatch.packet.capture.CaptureDamage;
import io.iotwatch.packet.capture.CaptureFiles;
import io.iotwatch.packet.capture.CaptureReader;
import io.iotwatch.packet.decode.PacketDecoder;
import io.iotwatch.sim.truth.AttackTruth;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks, in one pass over a capture, that each attack left the packets it should have inside its window: from
 * {@link #BEFORE} its start to {@link #AFTER} its end (the capture's clock and the runner's are the same
 * machine's, but a packet may wait in a buffer).
 */
public final class CaptureChecker {

    static final Duration BEFORE = Duration.ofSeconds(1);
    static final Duration AFTER = Duration.ofSeconds(3);

    /** An attack as it ran, with what its capture must show. */
    public record Subject(AttackTruth attack, List<Criterion> criteria) {
        public Subject {
            criteria = List.copyOf(criteria);
        }
    }

    /** What was counted for one criterion. */
    public record Observed(Criterion criterion, long count) {
        public boolean holds() {
            return count >= criterion.minimum();
        }
    }

    /** One attack's criteria with their counts. */
    public record Result(AttackTruth attack, List<Observed> observed) {
        public Result {
            observed = List.copyOf(observed);
        }

        public boolean passed() {
            return observed.stream().allMatch(Observed::holds);
        }
    }

    /** The results, in the subjects' order, and any damage the capture had. */
    public record Report(List<Result> results, List<CaptureDamage> damage, long packets) {
        public Report {
            results = List.copyOf(results);
            damage = List.copyOf(damage);
        }

        public boolean passed() {
            return results.stream().allMatch(Result::passed);
        }
    }

    private CaptureChecker() {}

    public static Report check(Path capture, List<Subject> subjects) throws IOException {
        List<Tally> tallies = subjects.stream().map(Tally::new).toList();
        PacketDecoder decoder = new PacketDecoder();
        try (CaptureReader reader = CaptureFiles.open(new BufferedInputStream(Files.newInputStream(capture), 1 << 16))) {
            while (reader.next()) {
                long time = reader.timestampNanos();
                LabPacket packet = null;
                for (Tally tally : tallies) {
                    if (time < tally.from || time > tally.until) {
                        continue;
                    }
                    if (packet == null) {
                        if (!decoder.decode(reader.buffer(), reader.offset(), reader.capturedLength(), reader.linkType())) {
                            break;
                        }
                        packet = LabPacket.of(decoder, time, reader.buffer());
                    }
                    tally.add(packet);
                }
            }
            return new Report(tallies.stream().map(Tally::result).toList(), reader.damage(), reader.packets());
        }
    }

    /** The counts of one subject. */
    private static final class Tally {
        final Subject subject;
        final long from;
        final long until;
        final long[] counts;
        final List<Set<Object>> keys = new ArrayList<>();

        Tally(Subject subject) {
            this.subject = subject;
            this.from = nanos(subject.attack().start().minus(BEFORE));
            this.until = nanos(subject.attack().end().plus(AFTER));
            this.counts = new long[subject.criteria().size()];
            subject.criteria().forEach(c -> keys.add(new HashSet<>()));
        }

        void add(LabPacket packet) {
            List<Criterion> criteria = subject.criteria();
            for (int i = 0; i < criteria.size(); i++) {
                Criterion criterion = criteria.get(i);
                if (criterion.matches().test(packet)) {
                    if (criterion.key() == null) {
                        counts[i]++;
                    } else {
                        keys.get(i).add(criterion.key().apply(packet));
                    }
                }
            }
        }

        Result result() {
            List<Observed> observed = new ArrayList<>();
            List<Criterion> criteria = subject.criteria();
            for (int i = 0; i < criteria.size(); i++) {
                observed.add(new Observed(criteria.get(i), criteria.get(i).key() == null ? counts[i] : keys.get(i).size()));
            }
            return new Result(subject.attack(), observed);
        }

        private static long nanos(Instant t) {
            return t.getEpochSecond() * 1_000_000_000L + t.getNano();
        }
    }
}
