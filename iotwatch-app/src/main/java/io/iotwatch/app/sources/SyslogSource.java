package io.iotwatch.app.sources;

import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.core.sink.EventSink;
import io.iotwatch.logs.fortigate.FortiGateParser;
import io.iotwatch.logs.syslog.SyslogListener;
import io.iotwatch.logs.syslog.TcpStats;
import io.iotwatch.logs.syslog.UdpStats;
import io.iotwatch.web.monitor.SourceStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * One syslog listener, UDP or TCP, as {@code listen} runs it: one each, so that a port that cannot be bound leaves
 * the other listening.
 */
final class SyslogSource implements RunningSource {

    enum Protocol { UDP, TCP }

    private final Protocol protocol;
    private final SourceState state;
    private final SyslogListener listener;

    private SyslogSource(Protocol protocol, SourceState state, SyslogListener listener) {
        this.protocol = protocol;
        this.state = state;
        this.listener = listener;
    }

    /** Starts listening on {@code port}; a port that cannot be bound gives a source that says why. */
    static SyslogSource start(Protocol protocol, int port, IotwatchConfig.Syslog syslog, EventSink sink,
            SourceListener sourceListener) {
        String scheme = protocol.name().toLowerCase(java.util.Locale.ROOT);
        SourceState state = new SourceState("syslog " + scheme + "/" + port, "syslog", sourceListener);
        Optional<InetSocketAddress> address = Optional.of(new InetSocketAddress(syslog.bind(), port));
        try {
            SyslogListener listener = SyslogListener.start(
                    protocol == Protocol.UDP ? address : Optional.empty(),
                    protocol == Protocol.TCP ? address : Optional.empty(),
                    FortiGateParser::new, state.tap(sink), syslog.toSyslogOptions());
            state.online();
            return new SyslogSource(protocol, state, listener);
        } catch (IOException | RuntimeException e) {
            state.offline("cannot listen on " + scheme + "://" + syslog.bind() + ":" + port + ": " + SourceState.message(e));
            return new SyslogSource(protocol, state, null);
        }
    }

    @Override
    public SourceStatus status() {
        if (listener == null) {
            return state.status(0, 0, 0, "");
        }
        if (protocol == Protocol.UDP) {
            UdpStats u = listener.stats().udp().orElseThrow();
            long kernel = u.kernelDropped().orElse(0);
            // Every datagram read is decoded, rejected or dropped in the end; the rest waits in the queue.
            long queued = Math.max(0, u.received() - u.events() - u.rejects() - u.appDropped());
            return state.status(0, u.appDropped() + kernel, queued, String.format(
                    "%,d received, %,d rejected (%,d oversize); dropped %,d by iotwatch and %s by the kernel; receive buffer %,d bytes",
                    u.received(), u.rejects(), u.oversize(), u.appDropped(),
                    u.kernelDropped().isPresent() ? String.format("%,d", kernel) : "an unknown number", u.receiveBufferBytes()));
        }
        TcpStats t = listener.stats().tcp().orElseThrow();
        return state.status(0, 0, 0, String.format("%,d connections open (%,d in total, %,d refused), %,d frames, %,d rejected (%,d oversize)",
                t.connectionsOpen(), t.connectionsTotal(), t.connectionsRefused(), t.frames(), t.rejects(), t.oversize()));
    }

    /** Stops listening once everything received has been handed to the sink. */
    @Override
    public void close() {
        if (listener != null) {
            try {
                listener.close();
            } catch (IOException e) {
                state.failed(SourceState.message(e), e);
            }
        }
        state.stopped();
    }
}
