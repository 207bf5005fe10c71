package io.iotwatch.app.sources;

import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.core.sink.Checkpoint;
import io.iotwatch.core.sink.EventSink;
import io.iotwatch.packet.features.RowClassifier;
import io.iotwatch.web.monitor.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The traffic sources the configuration enables, running: each live interface of {@code capture.interfaces}, the
 * syslog listeners of {@code syslog.udp-port} and {@code syslog.tcp-port}, each folder of {@code watch.folders},
 * and the demo when asked for. Each runs on threads of its own and writes into the one sink. A source that cannot
 * start (no CAP_NET_RAW, a port taken) or fails later is logged and shows the reason in its status, offline; the
 * others run on.
 *
 * <p>{@link #close()} stops them all and returns once they have handed everything they read to the sink: close
 * the sources before finishing the sink (a {@code DetectingSink} takes no batch after its {@code finish()}).
 */
public final class Sources implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Sources.class);

    /**
     * What the sources need from the command that runs them.
     *
     * @param sink        where every source delivers; called from several threads at once
     * @param checkpoints the store's checkpoint of a stream, where a watched file's reading resumes
     * @param classifiers makes a classifier for each packet thread, or null for none (as {@code Models.classifier})
     * @param listener    told of each change of a source's state: started, failed, recovered, stopped
     */
    public record Wiring(EventSink sink, LongFunction<Optional<Checkpoint>> checkpoints,
            Supplier<? extends RowClassifier> classifiers, SourceListener listener) {
        public Wiring {
            Objects.requireNonNull(sink, "sink");
            Objects.requireNonNull(checkpoints, "checkpoints");
            Objects.requireNonNull(classifiers, "classifiers");
            Objects.requireNonNull(listener, "listener");
        }
    }

    private final List<RunningSource> running;

    private Sources(List<RunningSource> running) {
        this.running = List.copyOf(running);
    }

    /** Starts every source the configuration enables. */
    public static Sources start(IotwatchConfig config, Wiring wiring) {
        return start(config, wiring, null);
    }

    /** Starts every source the configuration enables, and the demo with {@code demo}'s options unless it is null. */
    public static Sources start(IotwatchConfig config, Wiring wiring, DemoSource.Options demo) {
        List<RunningSource> started = new ArrayList<>();
        try {
            for (String name : config.capture().interfaces()) {
                started.add(InterfaceSource.start(name, config, wiring.sink(), wiring.classifiers(), wiring.listener()));
            }
            IotwatchConfig.Syslog syslog = config.syslog();
            if (syslog.udpPort() != 0) {
                started.add(SyslogSource.start(SyslogSource.Protocol.UDP, syslog.udpPort(), syslog, wiring.sink(),
                        wiring.listener()));
            }
            if (syslog.tcpPort() != 0) {
                started.add(SyslogSource.start(SyslogSource.Protocol.TCP, syslog.tcpPort(), syslog, wiring.sink(),
                        wiring.listener()));
            }
            for (String folder : config.watch().folders()) {
                started.add(FolderSource.start(Path.of(folder), config.watch().interval(), wiring.sink(),
                        config.ingest().batchSize(), config.ingest().maxLineBytes(), wiring.checkpoints(), wiring.listener()));
            }
            if (demo != null) {
                started.add(DemoSource.start(demo, config, wiring.sink(), wiring.classifiers(), wiring.listener()));
            }
        } catch (RuntimeException | Error e) {
            new Sources(started).close();
            throw e;
        }
        if (started.isEmpty()) {
            log.warn("no traffic source is configured (capture.interfaces, syslog.udp-port, syslog.tcp-port, watch.folders)");
        }
        started.forEach(source -> log.info("source {}: {}", source.status().name(), source.status().online() ? "running"
                : "not running: " + source.status().detail()));
        return new Sources(started);
    }

    /** The sources, in the order started: interfaces, syslog UDP and TCP, folders, the demo. */
    public List<Source> list() {
        return List.copyOf(running);
    }

    /** Stops every source, each after the one before, and waits until they have handed on what they read. */
    @Override
    public void close() {
        for (RunningSource source : running) {
            try {
                source.close();
            } catch (RuntimeException e) {
                log.error("stopping source {} failed", source.status().name(), e);
            }
        }
    }
}
