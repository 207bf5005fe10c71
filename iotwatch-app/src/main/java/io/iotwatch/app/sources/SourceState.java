package io.iotwatch.app.sources;

import io.iotwatch.app.sources.SourceListener.State;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.core.sink.EventSink;
import io.iotwatch.web.monitor.SourceStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a source shows of itself, written by its threads and read by the status page: whether it runs, the
 * problem that stopped it, and the events it handed on, counted by {@link #tap} on their way to the sink. Each
 * change of whether it runs, or of its problem, is told to its {@link SourceListener}.
 */
final class SourceState {

    private static final Logger log = LoggerFactory.getLogger(SourceState.class);

    private final String name;
    private final String kind;
    private final SourceListener listener;
    private final LongAdder events = new LongAdder();
    private volatile boolean online;
    private volatile String problem;
    private volatile long lastActivityMillis;
    // the state and reason the listener was told last (guarded by this): what it is told again is no change
    private State told;
    private String toldReason;

    SourceState(String name, String kind, SourceListener listener) {
        this.name = name;
        this.kind = kind;
        this.listener = listener;
    }

    String name() {
        return name;
    }

    /**
     * The sink as this source uses it: counts its events and records when it last delivered, and takes a failure of
     * the sink for its own (a syslog receiver's thread would otherwise keep it to itself until closed).
     */
    EventSink tap(EventSink sink) {
        return (Batch batch) -> {
            try {
                sink.accept(batch);
            } catch (RuntimeException e) {
                failed("storing what it read failed: " + message(e), e);
                throw e;
            }
            if (batch.size() > 0) {
                events.add(batch.events().size());
                lastActivityMillis = System.currentTimeMillis();
            }
        };
    }

    /** Receiving now; clears an earlier problem. */
    synchronized void online() {
        problem = null;
        online = true;
        tell(State.ONLINE, null);
    }

    /** Not receiving, for a reason the user should see (and that is logged). */
    synchronized void offline(String reason) {
        if (!reason.equals(problem)) {
            log.warn("{}: {}", label(), reason);
        }
        problem = reason;
        online = false;
        tell(State.OFFLINE, reason);
    }

    /** Stopped by a failure: shown, and logged with its cause. */
    synchronized void failed(String reason, Throwable cause) {
        log.error("{} stopped: {}", label(), reason, cause);
        problem = reason;
        online = false;
        tell(State.OFFLINE, reason);
    }

    /** Stopped on request; the problem that stopped it before, if any, is still shown. */
    synchronized void stopped() {
        online = false;
        tell(State.STOPPED, null);
    }

    /** Tells the listener, unless it was told this last; under the lock, so that it is told the changes in order. */
    private void tell(State state, String reason) {
        if (state == told && Objects.equals(reason, toldReason)) {
            return;
        }
        told = state;
        toldReason = reason;
        try {
            listener.changed(name, kind, state, reason);
        } catch (RuntimeException e) {
            log.error("{}: recording that it is {} failed", label(), state.name().toLowerCase(Locale.ROOT), e);
        }
    }

    /** The source as log messages name it: {@code interface eth0}, {@code syslog udp/514}, {@code folder /var/log}. */
    private String label() {
        return name.startsWith(kind) ? name : kind + " " + name;
    }

    /** A snapshot; {@code detail} is shown unless a problem is. */
    SourceStatus status(long packets, long dropped, long queueDepth, String detail) {
        long last = lastActivityMillis;
        String shown = problem;
        return new SourceStatus(name, kind, online, packets, events.sum(), dropped, queueDepth,
                last == 0 ? null : Instant.ofEpochMilli(last), shown != null ? shown : detail);
    }

    /** The message of {@code e}, for people: the exceptions met here say what went wrong in their own words. */
    static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
