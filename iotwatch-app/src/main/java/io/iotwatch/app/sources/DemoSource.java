package io.iotwatch.app.sources;

import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.event.Reject;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.core.sink.EventSink;
import io.iotwatch.logs.file.LineReader;
import io.iotwatch.logs.fortigate.FortiGateParser;
import io.iotwatch.packet.capture.CaptureFiles;
import io.iotwatch.packet.capture.CaptureReader;
import io.iotwatch.packet.features.RowClassifier;
import io.iotwatch.packet.pipeline.PacketPipeline;
import io.iotwatch.sim.logs.GeneratorOptions;
import io.iotwatch.sim.logs.LogGenerator;
import io.iotwatch.sim.packets.PacketGenerator;
import io.iotwatch.sim.packets.PacketGeneratorOptions;
import io.iotwatch.sim.packets.attack.AttackPlan;
import io.iotwatch.sim.truth.AttackKind;
import io.iotwatch.web.monitor.SourceStatus;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generated traffic played in real time, forever, attacks included, for trying iotwatch without a network to
 * watch. Two streams run side by side, each on a thread of its own and each fed by its generator through a
 * {@link GeneratorPipe}:
 * <ul>
 *   <li>packets of an IoT LAN of {@value #DEVICES} devices from the packet generator, through the packet path with
 *       the classifier, as a live interface's would be. Each run of {@link #PACKET_RUN} plants the attacks of
 *       {@link #ATTACKS} in that order, on {@link #SCHEDULE}: the first 30 s after the run starts, then one about
 *       every minute;</li>
 *   <li>FortiGate log lines of a network of {@value #LOG_DEVICES} devices from the log generator, parsed as
 *       {@code ingest} parses them, in runs of five hours whose first two are quiet.</li>
 * </ul>
 * Each run starts where the one before ended (the first at the wall clock's now, a later one at now if playing
 * fell behind) with the next seed, and every packet and line is released when the {@link DemoClock} reaches its
 * time, never before, so at speed 1 events carry the times they are released at.
 */
public final class DemoSource implements RunningSource {

    private static final Logger log = LoggerFactory.getLogger(DemoSource.class);

    /**
     * How the demo plays.
     *
     * @param speed how many times as fast as real time, from 1 to {@value #MAX_SPEED}; above 1 events run ahead of
     *              the clock
     * @param seed  the seed of the first run of each stream; each later run takes the next
     */
    public record Options(double speed, long seed) {
        public static final double MAX_SPEED = 1000;

        public Options {
            if (!(speed >= 1 && speed <= MAX_SPEED)) {
                throw new IllegalArgumentException("speed must be from 1 to " + (int) MAX_SPEED + ": " + speed);
            }
        }

        /** Real time, seed 1. */
        public static Options defaults() {
            return new Options(1, 1);
        }
    }

    /** Devices on the generated LAN. */
    static final int DEVICES = 30;
    /**
     * The attacks of each packet run, in the order they come: kinds mixed, so that the first minutes show a scan, a
     * flood, a brute force, a web attack and spoofing. The C2 beacon is left out: it needs 15 minutes on its own,
     * and the log stream plants beacons of its own.
     */
    static final List<AttackKind> ATTACKS = List.of(
            AttackKind.PORT_SCAN, AttackKind.SYN_FLOOD, AttackKind.SSH_DICTIONARY, AttackKind.SQL_INJECTION,
            AttackKind.ARP_SPOOFING, AttackKind.UDP_FLOOD, AttackKind.PING_SWEEP, AttackKind.HTTP_FLOOD, AttackKind.XSS,
            AttackKind.DNS_TUNNEL, AttackKind.ICMP_FLOOD, AttackKind.TELNET_DICTIONARY, AttackKind.HOST_DISCOVERY,
            AttackKind.GREETH_FLOOD, AttackKind.COMMAND_INJECTION, AttackKind.SLOWLORIS, AttackKind.OS_SCAN,
            AttackKind.PSHACK_FLOOD, AttackKind.DNS_SPOOFING, AttackKind.UDPPLAIN_FLOOD, AttackKind.UPLOADING,
            AttackKind.ACK_FRAGMENTATION, AttackKind.VULNERABILITY_SCAN, AttackKind.RSTFIN_FLOOD,
            AttackKind.DDOS_HTTP_FLOOD, AttackKind.UDP_FRAGMENTATION, AttackKind.GREIP_FLOOD,
            AttackKind.SYNONYMOUS_IP_FLOOD, AttackKind.ICMP_FRAGMENTATION);
    /**
     * 30 s for the devices to start talking (instead of the standard 90 s, so that the first attack comes within a
     * minute), then the attacks in the order given with 40 s between them: one starts about every minute.
     */
    static final AttackPlan.Schedule SCHEDULE = new AttackPlan.Schedule(Duration.ofSeconds(30), Duration.ofSeconds(40), true);
    /** A packet run: as long as its attacks need, 29 minutes. */
    static final Duration PACKET_RUN = Duration.ofMinutes(PacketGeneratorOptions.minimumMinutes(ATTACKS, SCHEDULE));
    /** Devices of the logged network: the least the log generator makes. */
    static final int LOG_DEVICES = GeneratorOptions.MIN_DEVICES;
    /** A log run: the shortest the log generator makes, two quiet hours and then its attacks. */
    static final Duration LOG_RUN = GeneratorOptions.MIN_DURATION;

    private static final long DELIVER_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final Options options;
    private final IotwatchConfig config;
    private final EventSink sink;
    private final Supplier<? extends RowClassifier> classifiers;
    private final DemoClock clock;
    private final SourceState state;
    private final Thread packetThread;
    private final Thread logThread;
    private volatile boolean stopping;
    private volatile PacketRun packetRun;
    private volatile long logRun;
    private volatile long packets;

    /** The packet run playing, for the status page. */
    private record PacketRun(long number, long seed, long start, long end, List<AttackPlan.Slot> slots) {}

    private DemoSource(Options options, IotwatchConfig config, EventSink sink, Supplier<? extends RowClassifier> classifiers,
            SourceListener listener) {
        this.state = new SourceState("demo", "demo", listener);
        this.options = options;
        this.config = config;
        this.sink = state.tap(sink);
        this.classifiers = classifiers;
        this.clock = new DemoClock(options.speed());
        state.online();
        this.packetThread = Thread.ofPlatform().name("iotwatch-demo-packets").daemon().start(this::playPackets);
        this.logThread = Thread.ofPlatform().name("iotwatch-demo-logs").daemon().start(this::playLogs);
    }

    /**
     * Starts playing at the wall clock's now.
     *
     * @param config      the flow table's settings and the batch size
     * @param classifiers makes the classifier for the packet thread (null from it: none)
     * @param listener    told when it starts and stops, or fails
     */
    public static DemoSource start(Options options, IotwatchConfig config, EventSink sink,
            Supplier<? extends RowClassifier> classifiers, SourceListener listener) {
        return new DemoSource(options, config, sink, classifiers, listener);
    }

    private void playPackets() {
        try {
            PacketPipeline pipeline = new PacketPipeline(config.flow().toFlowConfig(), sink, config.ingest().batchSize(),
                    List.of(), classifiers.get());
            long start = TimeUnit.NANOSECONDS.toMicros(clock.now());
            long before = 0;
            for (long run = 0; !stopping; run++) {
                PacketGeneratorOptions generated = new PacketGeneratorOptions(DEVICES, PACKET_RUN, options.seed() + run,
                        Instant.EPOCH.plus(start, ChronoUnit.MICROS), ATTACKS, SCHEDULE);
                long end = start + TimeUnit.NANOSECONDS.toMicros(PACKET_RUN.toNanos());
                packetRun = new PacketRun(run + 1, generated.seed(), start, end, AttackPlan.slots(ATTACKS, SCHEDULE, start));
                log.info("demo: packet run {} (seed {}) from {}", run + 1, generated.seed(), generated.start());
                try (GeneratorPipe pipe = GeneratorPipe.start("iotwatch-demo-packet-generator",
                                out -> new PacketGenerator(generated).generate(out));
                        CaptureReader paced = new PacedCaptureReader(CaptureFiles.open(pipe.input()), clock, () -> stopping)) {
                    long earlier = before;
                    before += pipeline.run(paced, "demo", (n, bytes) -> packets = earlier + n).packets();
                }
                start = Math.max(end, TimeUnit.NANOSECONDS.toMicros(clock.now()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException | Error e) {
            fail(e);
        }
    }

    private void playLogs() {
        try {
            long start = clock.now();
            for (long run = 0; !stopping; run++) {
                GeneratorOptions generated = new GeneratorOptions(LOG_DEVICES, LOG_RUN, options.seed() + run,
                        Instant.EPOCH.plusNanos(start), GeneratorOptions.Format.SYSLOG);
                logRun = run + 1;
                log.info("demo: FortiGate log run {} (seed {}) from {}", run + 1, generated.seed(), generated.start());
                try (GeneratorPipe pipe = GeneratorPipe.start("iotwatch-demo-log-generator",
                        out -> new LogGenerator(generated).generate(out))) {
                    playLines(pipe.input());
                }
                start = Math.max(start + LOG_RUN.toNanos(), clock.now());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException | Error e) {
            fail(e);
        }
    }

    /**
     * Parses the lines of one log run as {@code ingest} does, each released at its time, and hands them on in
     * batches at least every {@link #DELIVER_EVERY_NANOS}. A run is a stream of its own, under a random id, as a
     * syslog session is.
     */
    private void playLines(InputStream lines) throws IOException, InterruptedException {
        long stream = ThreadLocalRandom.current().nextLong();
        String origin = "demo:fortigate";
        FortiGateParser parser = new FortiGateParser();
        List<Event> events = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        long lastDelivery = System.nanoTime();
        try (LineReader reader = new LineReader(lines, config.ingest().maxLineBytes())) {
            while (!stopping && reader.next()) {
                if (reader.lineLength() == 0) {
                    continue;
                }
                EventId id = new EventId(stream, reader.lineOffset());
                Event event = parser.decode(reader.buffer(), reader.lineStart(), reader.lineLength(), id);
                if (event == null) {
                    rejects.add(new Reject(id, origin, reader.lineNumber(), Arrays.copyOfRange(reader.buffer(),
                            reader.lineStart(), reader.lineStart() + reader.lineLength()), parser.rejectReason()));
                    continue;
                }
                long due = TimeUnit.SECONDS.toNanos(event.time().getEpochSecond()) + event.time().getNano();
                while (!stopping && !clock.awaitUntil(due, DELIVER_EVERY_NANOS - (System.nanoTime() - lastDelivery))) {
                    if (System.nanoTime() - lastDelivery >= DELIVER_EVERY_NANOS) {
                        lastDelivery = deliver(events, rejects);
                    }
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                }
                if (stopping) {
                    break;
                }
                events.add(event);
                if (events.size() + rejects.size() >= config.ingest().batchSize()) {
                    lastDelivery = deliver(events, rejects);
                }
            }
        }
        deliver(events, rejects);
    }

    private long deliver(List<Event> events, List<Reject> rejects) throws InterruptedException {
        if (!events.isEmpty() || !rejects.isEmpty()) {
            sink.accept(new Batch(events, rejects, Optional.empty()));
            events.clear();
            rejects.clear();
        }
        return System.nanoTime();
    }

    /** A failure of either stream stops both: the demo is one source. */
    private void fail(Throwable e) {
        if (!stopping) {
            state.failed(SourceState.message(e), e);
            stopping = true;
            LockSupport.unpark(packetThread);
            LockSupport.unpark(logThread);
        }
    }

    @Override
    public SourceStatus status() {
        PacketRun run = packetRun;
        StringBuilder detail = new StringBuilder();
        if (run != null) {
            long now = TimeUnit.NANOSECONDS.toMicros(clock.now());
            detail.append(String.format("packet run %d (seed %d) %s to %s", run.number(), run.seed(), time(run.start()),
                    time(run.end())));
            run.slots().stream().filter(s -> s.start() <= now && now < s.end()).findFirst()
                    .ifPresent(s -> detail.append("; now: ").append(s.kind().id));
            run.slots().stream().filter(s -> s.start() > now).findFirst()
                    .ifPresent(s -> detail.append("; next: ").append(s.kind().id).append(" at ").append(time(s.start())));
        }
        if (logRun > 0) {
            detail.append(detail.isEmpty() ? "" : "; ").append("FortiGate log run ").append(logRun);
        }
        if (options.speed() != 1) {
            detail.append("; speed ").append(options.speed());
        }
        return state.status(packets, 0, 0, detail.toString());
    }

    /** The next attack of the packet run playing, and when it starts; empty between runs. */
    Optional<AttackPlan.Slot> nextAttack() {
        PacketRun run = packetRun;
        long now = TimeUnit.NANOSECONDS.toMicros(clock.now());
        return run == null ? Optional.empty() : run.slots().stream().filter(s -> s.start() > now).findFirst();
    }

    private static String time(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Stops both streams; what was released is handed on, flows still open included. */
    @Override
    public void close() {
        stopping = true;
        LockSupport.unpark(packetThread);
        LockSupport.unpark(logThread);
        RunningSource.awaitEnd(packetThread);
        RunningSource.awaitEnd(logThread);
        state.stopped();
    }
}
