package io.iotwatch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.AuthEvent;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventHeader;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.event.EventType;
import io.iotwatch.core.event.GenericEvent;
import io.iotwatch.core.event.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DetectionEngineTest {

    private static final Instant T0 = Instant.parse("2025-05-12T10:00:00Z");

    /** Reports one finding per event whose kind is "hit", keyed by the event's "key" field. */
    private static final class Echo implements Detector {
        final List<Instant> advances = new ArrayList<>();
        int seen;

        @Override
        public String name() {
            return "echo";
        }

        @Override
        public Set<EventType> eventTypes() {
            return Set.of(EventType.GENERIC);
        }

        @Override
        public void onEvent(Event event, FindingSink out) {
            seen++;
            if (event instanceof GenericEvent g && g.kind().equals("hit")) {
                String level = g.fields().getOrDefault("level", "low");
                out.report(new Finding("echo", g.fields().get("key"), "Class-" + level, "Group", ThreatLevel.of(level), 0.5,
                        event.time(), event.time(), g.fields().get("src"), null, g.fields().get("domain"), "T0000", 1,
                        Map.of("last", g.fields().get("key") + "@" + event.time())));
            }
        }

        @Override
        public void advance(Instant now, FindingSink out) {
            advances.add(now);
        }
    }

    private final Echo echo = new Echo();
    private long position;

    @Test
    void findingsOfOneIncidentMergeIntoOneAlertThatGrows() {
        DetectionEngine engine = engine(List.of());
        engine.accept(hit(0, "k", "low", "10.0.0.5"));
        Alert first = engine.drainChanged().getFirst();
        engine.accept(hit(60, "k", "high", "10.0.0.5"));
        engine.accept(hit(120, "k", "medium", "10.0.0.5"));

        List<Alert> changed = engine.drainChanged();
        assertThat(changed).hasSize(1);
        Alert alert = changed.getFirst();
        assertThat(alert.id()).isEqualTo(first.id());
        assertThat(alert.count()).isEqualTo(3);
        assertThat(alert.level()).isEqualTo(ThreatLevel.HIGH);
        assertThat(alert.attackClass()).isEqualTo("Class-high");
        assertThat(alert.firstSeen()).isEqualTo(T0);
        assertThat(alert.lastSeen()).isEqualTo(T0.plusSeconds(120));
        assertThat(alert.evidence()).containsEntry("last", "k@" + T0.plusSeconds(120));
        assertThat(engine.alertCounts()).containsEntry("echo", Map.of(ThreatLevel.LOW, 0L, ThreatLevel.HIGH, 1L));
        assertThat(engine.drainChanged()).isEmpty();
    }

    @Test
    void anIncidentWhoseFindingsNameSeveralSourcesNamesNone() {
        DetectionEngine engine = engine(List.of());
        engine.accept(hit(0, "k", "low", null));
        engine.accept(hit(1, "k", "low", "10.0.0.5"));
        assertThat(engine.drainChanged().getFirst().srcIp()).isEqualTo("10.0.0.5");
        engine.accept(hit(2, "k", "low", "10.0.0.6"));
        engine.accept(hit(3, "k", "low", "10.0.0.5"));

        assertThat(engine.drainChanged()).singleElement().satisfies(alert -> {
            assertThat(alert.srcIp()).isNull();
            assertThat(alert.count()).isEqualTo(4);
        });
    }

    @Test
    void aQuietGapLongerThanTheIncidentGapStartsANewAlert() {
        DetectionEngine engine = engine(List.of());
        engine.accept(hit(0, "k", "low", null));
        engine.accept(hit(31 * 60, "k", "low", null));
        engine.accept(hit(0, "other", "low", null));

        assertThat(engine.drainChanged()).extracting(Alert::incidentKey).containsExactly("k", "k", "other");
        assertThat(engine.alertCounts().get("echo")).containsEntry(ThreatLevel.LOW, 3L);
    }

    @Test
    void idsAreTheSameWhenTheSameEventsAreReadAgain() {
        DetectionEngine once = engine(List.of());
        once.accept(hit(5, "k", "low", null));
        position = 0;
        DetectionEngine again = engine(List.of());
        again.accept(hit(5, "k", "low", null));
        assertThat(again.drainChanged()).isEqualTo(once.drainChanged());
    }

    @Test
    void suppressionRulesKeepFindingsFromBecomingAlertsAndCountThem() {
        DetectionEngine engine = engine(List.of(
                new Suppression(null, "10.0.5.0/24", null),
                new Suppression("echo", null, "example.com")));
        engine.accept(hit(0, "a", "high", "10.0.5.9"));
        engine.accept(domainHit(1, "b", "x.y.example.com"));
        engine.accept(domainHit(2, "c", "example.com."));
        engine.accept(domainHit(3, "d", "notexample.com"));
        engine.accept(hit(4, "e", "high", "10.0.6.9"));

        assertThat(engine.drainChanged()).extracting(Alert::incidentKey).containsExactly("d", "e");
        assertThat(engine.suppressedCounts()).containsEntry("echo", 3L);
    }

    @Test
    void rulesAddedWhileRunningSuppressFromThenOnAndRemovedOnesStop() {
        DetectionEngine engine = engine(List.of());
        Suppression rule = new Suppression("echo", "10.0.5.9/32", null);
        engine.accept(hit(0, "a", "high", "10.0.5.9"));
        engine.suppress(rule);
        engine.accept(hit(1, "b", "high", "10.0.5.9"));
        engine.unsuppress(new Suppression("echo", "10.0.5.9/32", null));
        engine.accept(hit(2, "c", "high", "10.0.5.9"));

        assertThat(engine.drainChanged()).extracting(Alert::incidentKey).containsExactly("a", "c");
        assertThat(engine.suppressedCounts()).containsEntry("echo", 1L);
    }

    @Test
    void detectorsAreToldOncePerMinuteOfEventTimeAndAtTheEnd() {
        DetectionEngine engine = engine(List.of());
        for (int s = 0; s <= 150; s += 10) {
            engine.accept(hit(s, "k", "low", null));
        }
        engine.accept(hit(20, "late", "low", null));
        engine.finish();
        assertThat(echo.advances).containsExactly(T0.plusSeconds(60), T0.plusSeconds(120), T0.plusSeconds(150));
    }

    @Test
    void aDetectorSeesOnlyTheEventTypesItAsksFor() {
        DetectionEngine engine = engine(List.of());
        engine.accept(new AuthEvent(new EventHeader(new EventId(1, 1), T0, "test", "", ""), null, null, "u", "ssh", "ssh",
                Outcome.FAILURE, ""));
        assertThat(echo.seen).isZero();
        engine.accept(hit(1, "k", "low", null));
        assertThat(echo.seen).isOne();
    }

    @Test
    void suppressionRulesAreCheckedWhenMade() {
        assertThatThrownBy(() -> new Suppression(null, null, " ")).hasMessageContaining("needs a detector, a cidr or a domain");
        assertThatThrownBy(() -> new Suppression(null, "10.0.0.0/33", null)).hasMessageContaining("0 to 32");
        assertThatThrownBy(() -> new Suppression(null, "example.com/8", null)).hasMessageContaining("not an IP address");
        assertThat(new Suppression(null, "2001:db8::/32", null).matches(finding("2001:db8:0:1::5"))).isTrue();
        assertThat(new Suppression(null, "2001:db8::/32", null).matches(finding("10.0.0.1"))).isFalse();
        assertThat(new Suppression(null, "10.1.2.3", null).matches(finding("10.1.2.3"))).isTrue();
        assertThat(new Suppression(null, "10.1.2.0/25", null).matches(finding("10.1.2.200"))).isFalse();
        assertThat(new Suppression(null, "0.0.0.0/0", null).matches(finding("not an address"))).isFalse();
    }

    private DetectionEngine engine(List<Suppression> suppressions) {
        return new DetectionEngine(List.of(echo), suppressions, Duration.ofMinutes(30));
    }

    private Event hit(long second, String key, String level, String src) {
        Map<String, String> fields = new HashMap<>(Map.of("key", key, "level", level));
        if (src != null) {
            fields.put("src", src);
        }
        return event(second, fields);
    }

    private Event domainHit(long second, String key, String domain) {
        return event(second, Map.of("key", key, "level", "low", "domain", domain));
    }

    private Event event(long second, Map<String, String> fields) {
        return new GenericEvent(new EventHeader(new EventId(1, position++), T0.plusSeconds(second), "test", "", ""),
                "hit", fields);
    }

    private static Finding finding(String src) {
        return new Finding("echo", "k", "C", "G", ThreatLevel.LOW, 0.5, T0, T0, src, null, null, "T0000", 1, Map.of());
    }
}
