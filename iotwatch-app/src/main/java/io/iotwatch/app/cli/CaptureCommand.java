package io.iotwatch.app.cli;

import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.core.event.EventType;
import io.iotwatch.core.sink.EventSink;
import io.iotwatch.packet.live.CaptureException;
import io.iotwatch.packet.live.CaptureStats;
import io.iotwatch.packet.live.LiveCapture;
import io.iotwatch.packet.live.LiveOptions;
import io.iotwatch.packet.live.NetworkNamespace;
import io.iotwatch.packet.pipeline.PacketPipeline;
import io.iotwatch.store.BatchWriter;
import io.iotwatch.store.EventStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
        name = "capture",
        mixinStandardHelpOptions = true,
        description = {
            "Captures packets live from a network interface and stores their events until stopped (Ctrl-C).",
            "Packets become the same events as from a capture file (connections with their Community ID, DNS, "
                    + "ARP, inferred logins, the classifier's verdicts), the detectors run on them and their alerts "
                    + "are stored (unless detect.enabled is false). Capturing needs libpcap and root or the CAP_NET_RAW capability; "
                    + "without them the command says what is missing.",
            "Counters are printed every --stats-every seconds and when stopping: packets, flows, events, and "
                    + "packets dropped by the kernel (iotwatch did not keep up: the packet thread waits for the "
                    + "detectors and the database rather than losing events, and the kernel's buffer absorbs "
                    + "bursts) and by the interface."
        })
final class CaptureCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = {"-i", "--interface"}, paramLabel = "IFACE", description = "Network interface to capture on.")
    String interfaceName;

    @Option(names = "--bpf", paramLabel = "FILTER", defaultValue = "",
            description = "Capture filter in tcpdump's syntax, applied in the kernel, e.g. 'not port 22'.")
    String filter;

    @Option(names = "--list-interfaces", description = "List the interfaces libpcap can capture on, and exit.")
    boolean listInterfaces;

    @Option(names = "--netns", paramLabel = "NAME",
            description = "Capture inside the network namespace NAME, as 'ip netns add NAME' makes it (needs root "
                    + "or CAP_SYS_ADMIN besides CAP_NET_RAW); -i names an interface of that namespace.")
    String netns;

    @Option(names = "--snaplen", paramLabel = "BYTES", defaultValue = "262144",
            description = "Bytes kept of each packet (default: ${DEFAULT-VALUE}).")
    int snapLength;

    @Option(names = "--no-promiscuous", description = "Capture only traffic to and from this host.")
    boolean notPromiscuous;

    @Option(names = "--stats-every", paramLabel = "SECONDS", defaultValue = "10",
            description = "Seconds between counter lines (default: ${DEFAULT-VALUE}).")
    int statsEverySeconds;

    @Option(names = "--stop-after", paramLabel = "SECONDS",
            description = "Stop by itself after this many seconds (default: run until interrupted).")
    Integer stopAfterSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (listInterfaces) {
            interfaces().forEach(out::println);
            out.flush();
            return ExitCodes.OK;
        }
        if (interfaceName == null || interfaceName.isBlank()) {
            throw new ParameterException(spec.commandLine(),
                    "give the interface to capture on with -i IFACE (--list-interfaces lists them)");
        }
        if (statsEverySeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--stats-every must be at least 1 second");
        }
        if (snapLength < 64) {
            throw new ParameterException(spec.commandLine(), "--snaplen must be at least 64 bytes to hold the headers");
        }
        IotwatchConfig config = common.load(Map.of());
        LiveOptions options = new LiveOptions(interfaceName, filter, snapLength, !notPromiscuous,
                LiveOptions.DEFAULT_BUFFER_SIZE, LiveOptions.DEFAULT_READ_TIMEOUT, false);
        try (LiveCapture capture = open(options);
                EventStore store = Stores.open(config);
                BatchWriter writer = new BatchWriter(store, config.ingest().queueBatches());
                DetectingSink detecting = config.detect().enabled()
                        ? new DetectingSink(Detection.engine(config), writer, DetectingSink.QUEUE_BATCHES)
                        : null) {
            try (OnInterrupt onInterrupt = new OnInterrupt("capture", capture::stop)) {
                capture.warnings().forEach(warning -> out.println("libpcap: " + warning));
                out.printf("capturing on %s%s%s; storing in %s; Ctrl-C stops%n", interfaceName,
                        netns == null ? "" : " in network namespace " + netns,
                        filter.isBlank() ? "" : " (filter: " + filter + ")", Stores.settings(config).jdbcUrl());
                out.flush();
                EventSink sink = detecting != null ? detecting : writer;
                Ticker ticker = new Ticker(capture, out);
                PacketPipeline.Result result = new PacketPipeline(config.flow().toFlowConfig(), sink,
                        config.ingest().batchSize(), List.of(), Models.classifier(config)).run(capture, "live:" + interfaceName, ticker);
                if (detecting != null) {
                    detecting.finish();
                }
                writer.flush();
                out.printf("stopped: %s%n", ticker.describe(result.packets()));
                out.printf("flows: %,d (%,d ended early: the flow table was full); events:", result.flows(),
                        result.evictions());
                for (EventType type : EventType.values()) {
                    out.printf(" %s %,d", type.label(), result.events().getOrDefault(type, 0L));
                }
                out.println();
                result.damage().forEach(damage -> out.println(damage.problem()));
                if (detecting != null) {
                    out.printf("alerts raised: %,d (list them with 'iotwatch alerts')%n", detecting.engine().alertTotal());
                }
                out.flush();
                return result.damage().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
            }
        }
    }

    /** Prints the counters every --stats-every seconds and stops the capture at --stop-after. */
    private final class Ticker implements PacketPipeline.Progress {
        private final LiveCapture capture;
        private final PrintWriter out;
        private final long deadline;
        private long nextPrint;

        Ticker(LiveCapture capture, PrintWriter out) {
            this.capture = capture;
            this.out = out;
            long now = System.nanoTime();
            this.deadline = stopAfterSeconds == null ? Long.MAX_VALUE : now + TimeUnit.SECONDS.toNanos(stopAfterSeconds);
            this.nextPrint = now + TimeUnit.SECONDS.toNanos(statsEverySeconds);
        }

        @Override
        public void advanced(long packets, long bytes) {
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                capture.stop();
            }
            if (now - nextPrint >= 0) {
                nextPrint = now + TimeUnit.SECONDS.toNanos(statsEverySeconds);
                out.println(describe(packets));
                out.flush();
            }
        }

        String describe(long packets) {
            try {
                CaptureStats stats = capture.stats();
                return String.format("%,d packets read; libpcap: %,d received, %,d dropped by the kernel, %,d dropped"
                        + " by the interface", packets, stats.received(), stats.droppedByKernel(),
                        stats.droppedByInterface());
            } catch (CaptureException e) {
                return String.format("%,d packets read; %s", packets, e.getMessage());
            }
        }
    }

    private LiveCapture open(LiveOptions options) throws InterruptedException {
        try {
            return netns == null ? LiveCapture.open(options) : NetworkNamespace.callIn(netns, () -> LiveCapture.open(options));
        } catch (CaptureException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }

    private List<String> interfaces() throws InterruptedException {
        try {
            return netns == null ? LiveCapture.interfaces() : NetworkNamespace.callIn(netns, LiveCapture::interfaces);
        } catch (CaptureException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }
}
