package io.iotwatch.web.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.iotwatch.core.alert.Alert;
import io.iotwatch.store.StoredAlert;
import java.time.Instant;

/** An alert as the API lists it and the live stream sends it (docs/API.md). */
record AlertItem(String id, Instant firstSeen, Instant lastSeen, String detector, @JsonProperty("class") String attackClass,
        String group, String level, double confidence, String src, String dst, String domain, Mitre.Technique mitre,
        long count, String status) {

    static AlertItem of(StoredAlert stored) {
        Alert a = stored.alert();
        return new AlertItem(a.id(), a.firstSeen(), a.lastSeen(), a.detector(), a.attackClass(), a.group(), a.level().id(),
                a.confidence(), a.srcIp(), a.dstIp(), a.domain(), Mitre.technique(a.mitre()), a.count(), stored.status().id());
    }
}
