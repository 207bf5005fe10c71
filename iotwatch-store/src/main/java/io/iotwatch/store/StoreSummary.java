package io.iotwatch.store;

import io.iotwatch.core.event.EventType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a store holds.
 *
 * @param totalEvents  events stored, of every type
 * @param eventsByType events stored per type; every type is present, with 0 when none is stored
 * @param rejects      rejects stored
 */
public record StoreSummary(long totalEvents, Map<EventType, Long> eventsByType, long rejects) {

    public StoreSummary {
        EnumMap<EventType, Long> all = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            all.put(type, eventsByType.getOrDefault(type, 0L));
        }
        eventsByType = Collections.unmodifiableMap(all);
    }
}
