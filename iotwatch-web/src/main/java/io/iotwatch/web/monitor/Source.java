package io.iotwatch.web.monitor;

/** A running traffic source, as the dashboard sees it. Implementations are thread-safe. */
public interface Source {

    /** A snapshot of the source's counters and state. */
    SourceStatus status();
}
