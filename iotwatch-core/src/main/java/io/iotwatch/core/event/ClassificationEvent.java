package io.iotwatch.core.event;

import java.time.Duration;
import java.util.Objects;

/**
 * A machine-learning model's verdict on one feature row: a flow (or, for models of CICIoT2023's own windows,
 * a window of packets) that the model puts in an attack class with at least its alert threshold's confidence.
 * Benign and unsure rows make no event.
 *
 * @param model       which model: its directory's name and a short hash of its file
 * @param attackClass the class, as the model names it (a CICIoT2023 label where it has one)
 * @param group       the class's group
 * @param confidence  the model's probability of that class, 0 to 1
 * @param protocol    transport as in {@link ConnectionEvent#protocol()}, empty for a window of mixed traffic
 * @param source      the flow's initiator, {@link Endpoint#UNKNOWN} for a window of mixed traffic
 * @param destination the flow's responder, likewise
 * @param duration    time from the row's first to its last packet
 * @param communityId the flow's Community ID v1, {@link CommunityId#NONE} for a window
 */
public record ClassificationEvent(
        EventHeader header,
        String model,
        String attackClass,
        String group,
        double confidence,
        String protocol,
        Endpoint source,
        Endpoint destination,
        Duration duration,
        CommunityId communityId)
        implements Event {

    public ClassificationEvent {
        Objects.requireNonNull(header, "header");
        model = Text.orEmpty(model);
        Objects.requireNonNull(attackClass, "attackClass");
        Objects.requireNonNull(group, "group");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
        protocol = Text.orEmpty(protocol);
        source = source == null ? Endpoint.UNKNOWN : source;
        destination = destination == null ? Endpoint.UNKNOWN : destination;
        duration = duration == null ? Duration.ZERO : duration;
        communityId = communityId == null ? CommunityId.NONE : communityId;
    }

    @Override
    public EventType type() {
        return EventType.CLASSIFICATION;
    }
}
