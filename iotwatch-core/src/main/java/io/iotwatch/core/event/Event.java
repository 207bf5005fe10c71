package io.iotwatch.core.event;

import java.time.Instant;

/** A normalized event: the seam between sources and detectors. Detectors never see raw text. */
public sealed interface Event
        permits ConnectionEvent, DnsEvent, AuthEvent, ArpEvent, VendorAlertEvent, GenericEvent, ClassificationEvent {

    EventHeader header();

    EventType type();

    default EventId id() {
        return header().id();
    }

    default Instant time() {
        return header().time();
    }
}
