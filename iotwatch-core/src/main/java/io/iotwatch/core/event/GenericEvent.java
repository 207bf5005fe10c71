package io.iotwatch.core.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A record no specific mapping claimed. It keeps every key and value in the order received.
 *
 * @param kind   what the source called it, for example {@code event/system} for a FortiGate log
 * @param fields every key of the record with its value, unchanged
 */
public record GenericEvent(EventHeader header, String kind, Map<String, String> fields) implements Event {

    public GenericEvent {
        Objects.requireNonNull(header, "header");
        kind = Text.orEmpty(kind);
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public EventType type() {
        return EventType.GENERIC;
    }
}
