package io.iotwatch.core.event;

import java.util.Objects;

/**
 * An authentication attempt.
 *
 * @param service what was logged into ({@code ssh}, {@code telnet}, {@code https}, {@code vpn} ...)
 * @param method  how ({@code password}, {@code certificate}, the VPN or admin access method ...)
 * @param reason  the source's own words for the outcome, or empty
 */
public record AuthEvent(
        EventHeader header,
        Endpoint source,
        Endpoint target,
        String user,
        String service,
        String method,
        Outcome outcome,
        String reason)
        implements Event {

    public AuthEvent {
        Objects.requireNonNull(header, "header");
        source = source == null ? Endpoint.UNKNOWN : source;
        target = target == null ? Endpoint.UNKNOWN : target;
        user = Text.orEmpty(user);
        service = Text.orEmpty(service);
        method = Text.orEmpty(method);
        outcome = outcome == null ? Outcome.UNKNOWN : outcome;
        reason = Text.orEmpty(reason);
    }

    @Override
    public EventType type() {
        return EventType.AUTH;
    }
}
