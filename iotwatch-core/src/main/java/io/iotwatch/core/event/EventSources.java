package io.iotwatch.core.event;

/** Names of the kinds of source an {@link EventHeader} says an event came from. */
public final class EventSources {

    /** Decoded packets, from a capture file or a live interface. */
    public static final String PACKET = "packet";

    private EventSources() {}
}
