package io.iotwatch.core.event;

import java.util.Objects;

/**
 * An alert the observing device raised itself, for example a FortiGate IPS or anomaly log.
 *
 * @param category  the vendor's kind of alert ({@code ips}, {@code anomaly}, {@code virus} ...)
 * @param signature the vendor's name for what it detected (attack, virus or URL category name)
 * @param severity  the vendor's own severity word, unchanged ({@code critical}, {@code high} ...)
 * @param action    what the device did ({@code dropped}, {@code blocked}, {@code detected} ...)
 * @param message   the vendor's message text, or empty
 */
public record VendorAlertEvent(
        EventHeader header,
        String category,
        String signature,
        String severity,
        String action,
        String protocol,
        Endpoint source,
        Endpoint destination,
        String message)
        implements Event {

    public VendorAlertEvent {
        Objects.requireNonNull(header, "header");
        category = Text.orEmpty(category);
        signature = Text.orEmpty(signature);
        severity = Text.orEmpty(severity);
        action = Text.orEmpty(action);
        protocol = Text.orEmpty(protocol);
        source = source == null ? Endpoint.UNKNOWN : source;
        destination = destination == null ? Endpoint.UNKNOWN : destination;
        message = Text.orEmpty(message);
    }

    @Override
    public EventType type() {
        return EventType.VENDOR_ALERT;
    }
}
