package io.iotwatch.sim.logs;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Generates a deterministic synthetic FortiGate log of an IoT network with planted attacks.
 *
 * <p>Every device, background process and attack is a lazily generated, time-ordered stream; the streams
 * are merged by event time so memory stays bounded by the sessions open at any moment. All randomness
 * comes from one {@link SplittableRandom} seeded from the options, split per stream in a fixed order.
 */
public final class LogGenerator {

    private final GeneratorOptions options;

    /** A generator for these options. */
    public LogGenerator(GeneratorOptions options) {
        this.options = options;
    }

    /**
     * Writes all lines in ascending time order to {@code out} (UTF-8, {@code '\n'} after each line) and
     * returns the planted attacks ordered by start. Flushes but does not close {@code out}.
     */
    public List<TruthRecord> generate(OutputStream out) throws IOException {
        SplittableRandom root = new SplittableRandom(options.seed());
        long start = options.start().getEpochSecond() * Timeline.SECOND + options.start().getNano();
        Timeline timeline = new Timeline(start, start + options.duration().toNanos());
        Network network = new Network(options.devices(), root.split());
        FortiLogs logs = new FortiLogs(network);

        List<EventSource> sources = new ArrayList<>();
        for (Device device : network.devices()) {
            sources.add(new DeviceActivity(device, network, logs, timeline, root.split()));
        }
        sources.add(Background.internetNoise(network, logs, timeline, options.devices(), root.split()));
        sources.add(Background.adminLogins(network, timeline, root.split()));
        sources.add(Background.nightlyBackup(network, logs, timeline, root.split()));
        List<Attack> attacks = AttackPlanner.plan(new AttackContext(network, logs, timeline), options.devices(), root.split());
        sources.addAll(attacks);

        record Head(LogEvent event, int index) {
        }
        PriorityQueue<Head> queue = new PriorityQueue<>(Comparator.comparing(Head::event, LogEvent.ORDER).thenComparingInt(Head::index));
        for (int i = 0; i < sources.size(); i++) {
            LogEvent first = sources.get(i).peek();
            if (first != null) {
                queue.add(new Head(first, i));
            }
        }
        LineWriter writer = new LineWriter(options.format(), out);
        while (!queue.isEmpty()) {
            Head head = queue.poll();
            EventSource source = sources.get(head.index());
            LogEvent event = source.poll();
            if (event.time() >= timeline.start() && event.time() < timeline.end()) {
                writer.write(event);
                source.written(event);
            }
            LogEvent next = source.peek();
            if (next != null) {
                queue.add(new Head(next, head.index()));
            }
        }
        writer.flush();
        return attacks.stream().filter(Attack::planted).map(Attack::truth)
                .sorted(Comparator.comparing(TruthRecord::start).thenComparing(TruthRecord::profile)).toList();
    }
}
