package io.iotwatch.app.cli;

import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.logs.fortigate.FortiGateParser;
import io.iotwatch.logs.syslog.ListenerStats;
import io.iotwatch.logs.syslog.SyslogListener;
import io.iotwatch.store.BatchWriter;
import io.iotwatch.store.EventStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
        name = "listen",
        mixinStandardHelpOptions = true,
        description = {
            "Receives FortiGate logs over syslog and stores their events until stopped (Ctrl-C).",
            "The detectors run on the events and their alerts are stored with them (unless detect.enabled is false).",
            "UDP: RFC 5426, one message per datagram; what the database cannot keep up with is dropped "
                    + "and counted, in iotwatch and in the kernel, because a UDP sender cannot be slowed down.",
            "TCP: RFC 6587, octet counting or newline framing, detected per message; a slow database slows "
                    + "the sender down and nothing is lost.",
            "Counters are printed every --stats-every seconds and when stopping."
        })
final class ListenCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--syslog-udp", paramLabel = "PORT", description = "UDP port to receive syslog on (config key syslog.udp-port).")
    Integer udpPort;

    @Option(names = "--syslog-tcp", paramLabel = "PORT", description = "TCP port to receive syslog on (config key syslog.tcp-port).")
    Integer tcpPort;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (config key syslog.bind, default 0.0.0.0).")
    String bind;

    @Option(names = "--stats-every", paramLabel = "SECONDS", defaultValue = "10",
            description = "Seconds between counter lines (default: ${DEFAULT-VALUE}).")
    int statsEverySeconds;

    @Option(names = "--stop-after", paramLabel = "SECONDS",
            description = "Stop by itself after this many seconds (default: run until interrupted).")
    Integer stopAfterSeconds;

    @Spec
    CommandSpec spec;

    private final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws IOException, InterruptedException {
        Map<String, String> overrides = new LinkedHashMap<>();
        if (udpPort != null) {
            overrides.put("syslog.udp-port", udpPort.toString());
        }
        if (tcpPort != null) {
            overrides.put("syslog.tcp-port", tcpPort.toString());
        }
        if (bind != null) {
            overrides.put("syslog.bind", bind);
        }
        IotwatchConfig config = common.load(overrides);
        IotwatchConfig.Syslog syslog = config.syslog();
        if (syslog.udpPort() == 0 && syslog.tcpPort() == 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "nothing to listen on: give --syslog-udp PORT and/or --syslog-tcp PORT"
                            + " (or syslog.udp-port / syslog.tcp-port in iotwatch.yml)");
        }
        if (statsEverySeconds < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--stats-every must be at least 1 second");
        }
        PrintWriter out = spec.commandLine().getOut();
        Logger log = LoggerFactory.getLogger(ListenCommand.class);
        try (OnInterrupt onInterrupt = new OnInterrupt("listen", stop::countDown);
                EventStore store = Stores.open(config);
                BatchWriter writer = new BatchWriter(store, config.ingest().queueBatches());
                DetectingSink detecting = config.detect().enabled()
                        ? new DetectingSink(Detection.engine(config), writer, DetectingSink.QUEUE_BATCHES)
                        : null) {
            SyslogListener listener;
            try {
                listener = SyslogListener.start(
                        address(syslog.bind(), syslog.udpPort()),
                        address(syslog.bind(), syslog.tcpPort()),
                        FortiGateParser::new,
                        detecting != null ? detecting : writer,
                        syslog.toSyslogOptions());
            } catch (IOException e) {
                throw new UserFacingException("cannot listen for syslog on " + requested(syslog) + ": " + Stores.rootMessage(e), e);
            }
            try (listener) {
                listener.udp().ifPresent(u -> out.printf("listening for syslog on udp://%s:%d (receive buffer %,d bytes)%n",
                        syslog.bind(), u.port(), u.stats().receiveBufferBytes()));
                listener.tcp().ifPresent(t -> out.printf("listening for syslog on tcp://%s:%d%n", syslog.bind(), t.port()));
                out.printf("storing in %s; Ctrl-C stops%n", Stores.settings(config).jdbcUrl());
                out.flush();
                log.info("listening: udp {} tcp {}", syslog.udpPort(), syslog.tcpPort());
                long deadline = stopAfterSeconds == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(stopAfterSeconds);
                while (!stop.await(Math.min(TimeUnit.SECONDS.toNanos(statsEverySeconds), Math.max(deadline - System.nanoTime(), 0)), TimeUnit.NANOSECONDS)
                        && System.nanoTime() < deadline) {
                    out.println(describe(listener.stats()));
                    out.flush();
                }
            }
            if (detecting != null) {
                detecting.finish();
            }
            writer.flush();
            out.println("stopped: " + describe(listener.stats()));
            if (detecting != null) {
                out.printf("alerts raised: %,d (list them with 'iotwatch alerts')%n", detecting.engine().alertTotal());
            }
            out.printf("stored in total: %,d events, %,d rejects%n", store.summary().totalEvents(), store.summary().rejects());
            out.flush();
        }
        return ExitCodes.OK;
    }

    private static String requested(IotwatchConfig.Syslog syslog) {
        List<String> endpoints = new ArrayList<>();
        if (syslog.udpPort() != 0) {
            endpoints.add("udp://" + syslog.bind() + ":" + syslog.udpPort());
        }
        if (syslog.tcpPort() != 0) {
            endpoints.add("tcp://" + syslog.bind() + ":" + syslog.tcpPort());
        }
        return String.join(" and ", endpoints);
    }

    private static Optional<InetSocketAddress> address(String bind, int port) {
        return port == 0 ? Optional.empty() : Optional.of(new InetSocketAddress(bind, port));
    }

    static String describe(ListenerStats stats) {
        StringBuilder line = new StringBuilder();
        stats.udp().ifPresent(u -> line.append(String.format(
                "udp: %,d received, %,d events, %,d rejected (%,d oversize), dropped %,d by iotwatch and %s by the kernel",
                u.received(), u.events(), u.rejects(), u.oversize(), u.appDropped(),
                u.kernelDropped().isPresent() ? String.format("%,d", u.kernelDropped().getAsLong()) : "an unknown number")));
        stats.tcp().ifPresent(t -> line.append(line.isEmpty() ? "" : "; ").append(String.format(
                "tcp: %,d connections open (%,d in total, %,d refused), %,d frames, %,d events, %,d rejected (%,d oversize)",
                t.connectionsOpen(), t.connectionsTotal(), t.connectionsRefused(), t.frames(), t.events(), t.rejects(), t.oversize())));
        return line.toString();
    }
}
