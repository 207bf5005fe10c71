package io.iotwatch.detect;

import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventType;
import java.time.Instant;
import java.util.Set;

/**
 * One detection rule over normalized events, in its own package with its thresholds in one config record.
 * It runs on event time (the time in the events, never the wall clock), so replayed logs and live traffic
 * give the same findings, and keeps bounded state per key, evicting what its window no longer needs.
 * The engine calls a detector from one thread; detectors are not thread-safe.
 */
public interface Detector {

    /** Short stable name, the {@code detector} of its findings: {@code bruteforce}, {@code dns-tunnel} ... */
    String name();

    /** The event types it looks at; the engine gives it no others (most detectors need one or two). */
    Set<EventType> eventTypes();

    /**
     * Looks at one event and reports what it finds. Events come in roughly ascending time; one may be a
     * little older than the last (sources interleave), and a detector must not fail on that.
     */
    void onEvent(Event event, FindingSink out);

    /**
     * Event time has reached {@code now}: evaluate patterns that need time to pass (beacons, baselines) and
     * evict state older than the window. Called at least once per minute of event time, and at the end of
     * input with the time of the last event.
     */
    default void advance(Instant now, FindingSink out) {}

    /**
     * The input ended at event time {@code now}: evaluate everything still pending, even where a periodic
     * evaluation is not yet due, so a short capture or log file gets the findings its data supports.
     */
    default void finish(Instant now, FindingSink out) {
        advance(now, out);
    }
}
