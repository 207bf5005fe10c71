package io.iotwatch.bench;

import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventId;
import io.iotwatch.logs.file.LineReader;
import io.iotwatch.logs.fortigate.FortiGateLine;
import io.iotwatch.logs.fortigate.FortiGateParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parsing FortiGate lines into normalized events on one thread. The workload is the first
 * {@link #LINES} lines of the file named by {@code -p file=...} (gen_fortigate.py output), held in
 * memory so the figure is the parser's, not the disk's. One operation is one line.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class FortiGateParseBenchmark {

    static final int LINES = 200_000;

    @Param("/tmp/bench/fgt_full.log")
    public String file;

    private byte[] content;
    private int[] starts;
    private int[] lengths;
    private final FortiGateParser parser = new FortiGateParser();
    private final FortiGateLine line = new FortiGateLine();

    @Setup(Level.Trial)
    public void load() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        starts = new int[LINES];
        lengths = new int[LINES];
        try (InputStream in = Files.newInputStream(Path.of(file));
                LineReader reader = new LineReader(in, 1 << 20)) {
            int n = 0;
            while (n < LINES && reader.next()) {
                starts[n] = out.size();
                lengths[n] = reader.lineLength();
                out.write(reader.buffer(), reader.lineStart(), reader.lineLength());
                n++;
            }
            if (n < LINES) {
                starts = Arrays.copyOf(starts, n);
                lengths = Arrays.copyOf(lengths, n);
            }
        }
        content = out.toByteArray();
        if (starts.length != LINES) {
            throw new IllegalStateException(file + " has fewer than " + LINES + " lines");
        }
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void parseToEvents(Blackhole sink) {
        for (int i = 0; i < LINES; i++) {
            Event event = parser.decode(content, starts[i], lengths[i], new EventId(1, starts[i]));
            sink.consume(event);
        }
    }

    /** The key=value scan alone, without building events: how the parse time splits. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public void scanOnly(Blackhole sink) {
        for (int i = 0; i < LINES; i++) {
            sink.consume(line.scan(content, starts[i], lengths[i]));
        }
    }
}
