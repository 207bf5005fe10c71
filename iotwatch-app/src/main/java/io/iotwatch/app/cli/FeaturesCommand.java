package io.iotwatch.app.cli;

import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.logs.file.LogInputs;
import io.iotwatch.packet.capture.CaptureFiles;
import io.iotwatch.packet.capture.CaptureReader;
import io.iotwatch.packet.features.CicIot2023FeatureExtractor;
import io.iotwatch.packet.features.FeatureCsvWriter;
import io.iotwatch.packet.features.FeatureExtractor;
import io.iotwatch.packet.features.FlowFeatureExtractor;
import io.iotwatch.packet.pipeline.PacketPipeline;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
        name = "features",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the 46 CICIoT2023 features of a capture as CSV, with the dataset's header and column order.",
            "Mode ciciot2023 reproduces the dataset's published extractor, quirks included (one row per window of "
                    + "--window packets, flag counters shifted, Header_Length the flow's cumulative bytes, IAT a "
                    + "timestamp), so models trained on the public CSVs can use the rows. Mode flow computes the "
                    + "same columns with clean definitions, one row per flow when it ends. The extraction runs in "
                    + "the packet path, with the same decoding and flow tracking as 'ingest'; nothing is stored."
        })
final class FeaturesCommand implements Callable<Integer> {

    enum Mode { ciciot2023, flow }

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "CAPTURE", description = "A pcap or pcapng file, plain or gzip-compressed.")
    Path capture;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "ciciot2023",
            description = "ciciot2023 or flow (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "CSV file to write.")
    Path out;

    @Option(names = "--window", paramLabel = "PACKETS", defaultValue = "10",
            description = "Packets averaged into one row in mode ciciot2023 (default: ${DEFAULT-VALUE}; the "
                    + "dataset's flood classes used about 100).")
    int window;

    @Option(names = "--label", paramLabel = "LABEL",
            description = "Adds a label column with this value to every row, as the dataset's CSVs have.")
    String label;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (window < 1) {
            throw new ParameterException(spec.commandLine(), "--window must be at least 1 packet");
        }
        IotwatchConfig config = common.load(Map.of());
        PrintWriter console = spec.commandLine().getOut();
        int maxFlows = config.flow().maxFlows();
        PacketPipeline.Result result;
        long rows;
        // The capture is opened first, so that a file that is no capture leaves no CSV behind.
        try (CaptureReader reader = CaptureFiles.open(LogInputs.decompressing(Files.newInputStream(capture)));
                BufferedWriter file = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                FeatureCsvWriter csv = label == null ? new FeatureCsvWriter(file) : new FeatureCsvWriter(file, label)) {
            FeatureExtractor extractor = mode == Mode.flow
                    ? new FlowFeatureExtractor(maxFlows, csv)
                    : new CicIot2023FeatureExtractor(maxFlows, window, csv);
            PacketPipeline pipeline = new PacketPipeline(config.flow().toFlowConfig(), batch -> {},
                    config.ingest().batchSize(), List.of(extractor));
            result = pipeline.run(reader, capture.toString(), (packets, bytes) -> {});
            extractor.finish();
            rows = csv.rows();
        } catch (IOException e) {
            throw new UserFacingException("cannot make features of " + capture + " into " + out + ": "
                    + Stores.rootMessage(e), e);
        }
        console.printf("%,d packets, %,d flows: %,d rows written to %s (mode %s)%n", result.packets(), result.flows(),
                rows, out, mode);
        result.damage().forEach(d -> console.printf("  damaged at byte %,d: %s%n", d.offset(), d.problem()));
        console.flush();
        return result.damage().isEmpty() ? ExitCodes.OK : ExitCodes.DAMAGED_INPUT;
    }
}
