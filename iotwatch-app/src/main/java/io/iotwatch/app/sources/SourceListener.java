package io.iotwatch.app.sources;

/**
 * Told when a source's state changes, for a record of when each source ran ({@code serve} writes it to the audit
 * log). Called on the thread that changed the state, once per change: a source that goes on failing for the same
 * reason, or says again that it receives, is not a change. Changes are rare, so the listener may take its time (a
 * database write); what it throws is logged and otherwise ignored, so it never stops a source.
 */
@FunctionalInterface
public interface SourceListener {

    /** A listener that is told nothing. */
    SourceListener NONE = (name, kind, state, reason) -> { };

    /** What a source is doing. */
    enum State {
        /** Receiving: started, or recovered from a problem. */
        ONLINE,
        /** Not receiving, for a reason: it could not start, or failed. */
        OFFLINE,
        /** Stopped on request, as iotwatch stops. */
        STOPPED
    }

    /**
     * @param name   the source as its status names it: {@code eth0}, {@code syslog udp/5514}, a folder's path, {@code demo}
     * @param kind   {@code interface}, {@code syslog}, {@code folder} or {@code demo}
     * @param state  its new state
     * @param reason why it is offline; null for the other states
     */
    void changed(String name, String kind, State state, String reason);
}
