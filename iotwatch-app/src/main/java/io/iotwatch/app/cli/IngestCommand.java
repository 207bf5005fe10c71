package io.iotwatch.app.cli;

import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.core.sink.EventSink;
import io.iotwatch.logs.file.FileIngester;
import io.iotwatch.logs.file.LogInputs;
import io.iotwatch.logs.fortigate.FortiGateParser;
import io.iotwatch.packet.capture.CaptureFiles;
import io.iotwatch.packet.capture.CaptureReader;
import io.iotwatch.packet.pipeline.PacketPipeline;
import io.iotwatch.store.BatchWriter;
import io.iotwatch.store.EventStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.PushbackInputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Reads FortiGate log files and packet captures, stores their events and prints what it found.",
            "Files may be plain or gzip-compressed; folders are read recursively; '-' reads standard input. "
                    + "Every non-empty line of a log becomes an event or a reject (kept raw with its file and line "
                    + "number). A capture (pcap or pcapng, told apart from logs by its first bytes) becomes "
                    + "connections (one per flow, with its Community ID), ARP events, DNS events and login attempts "
                    + "inferred from sessions to login services; damage in a capture is reported with its byte "
                    + "offset, everything valid in it is still read, and the exit status is 3. "
                    + "The classifier (model.path, the default model unless 'none') judges every flow of a capture "
                    + "as it ends, its verdicts becoming classification events. The detectors run on the events and "
                    + "their alerts are stored with them (unless detect.enabled is false). Ingesting the same content again stores nothing twice; an interrupted ingest "
                    + "resumes where it stopped."
        })
final class IngestCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Log files, captures or folders, or '-' for standard input.")
    List<String> paths;

    @Option(names = "--batch-size", paramLabel = "LINES",
            description = "Lines per database transaction (config key ingest.batch-size, default 4096).")
    Integer batchSize;

    enum EventStorage { store, drop }

    @Option(names = "--events", paramLabel = "store|drop", defaultValue = "store",
            description = "store (default) keeps every event; drop runs the detectors on them and stores only "
                    + "their alerts and the rejects, for a sensor that keeps no history.")
    EventStorage events;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Show a progress bar when standard error is a terminal (default: on).")
    boolean progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        IotwatchConfig config = common.load(batchSize == null ? Map.of() : Map.of("ingest.batch-size", batchSize.toString()));
        List<Input> inputs = Input.of(paths);
        PrintWriter out = spec.commandLine().getOut();
        IngestReport report = new IngestReport();
        long started = System.nanoTime();
        try (EventStore store = Stores.open(config);
                BatchWriter writer = new BatchWriter(store, config.ingest().queueBatches());
                IngestProgress bar = IngestProgress.create(progress, inputs.stream().mapToLong(Input::size).sum())) {
            // With detection on, this runs on the detection thread; report.add below stays on this one, and the
            // report is read only after the detection thread has ended.
            EventSink stored = batch -> {
                report.observe(batch);
                writer.accept(events == EventStorage.store ? batch
                        : new Batch(List.of(), batch.rejects(), batch.alerts(), batch.checkpoint()));
            };
            DetectingSink detecting = config.detect().enabled()
                    ? new DetectingSink(Detection.engine(config), stored, DetectingSink.QUEUE_BATCHES)
                    : null;
            try {
                EventSink target = detecting != null ? detecting : stored;
                FileIngester logs = new FileIngester(
                        new FortiGateParser(),
                        target,
                        config.ingest().batchSize(),
                        config.ingest().maxLineBytes(),
                        store::checkpoint);
                PacketPipeline packets = new PacketPipeline(config.flow().toFlowConfig(), target,
                        config.ingest().batchSize(), List.of(), Models.classifier(config));
                for (Input input : inputs) {
                    try (CountingInputStream raw = input.open()) {
                        bar.startInput(input.name());
                        PushbackInputStream content = new PushbackInputStream(LogInputs.decompressing(raw), 4);
                        byte[] head = content.readNBytes(4);
                        content.unread(head);
                        if (CaptureFiles.isCapture(head)) {
                            try (CaptureReader capture = CaptureFiles.open(content)) {
                                report.add(packets.run(capture, input.name(),
                                        (n, bytes) -> bar.advance(n, raw.count())));
                            }
                        } else {
                            report.add(logs.ingest(content, input.name(), (lines, bytes) -> bar.advance(lines, raw.count())));
                        }
                        bar.finishInput(raw.count());
                    } catch (IOException e) {
                        throw new UserFacingException("cannot read " + input.name() + ": " + Stores.rootMessage(e), e);
                    }
                }
                if (detecting != null) {
                    detecting.finish();
                    report.detection(detecting.engine());
                }
            } finally {
                if (detecting != null) {
                    detecting.close();
                }
            }
            writer.flush();
            report.print(out, System.nanoTime() - started, Stores.settings(config).jdbcUrl(), store.summary());
        }
        return report.damaged() ? ExitCodes.DAMAGED_INPUT : ExitCodes.OK;
    }
}
