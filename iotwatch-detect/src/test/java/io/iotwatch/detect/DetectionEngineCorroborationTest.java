package io.iotwatch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventHeader;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.event.EventType;
import io.iotwatch.core.event.GenericEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One attack seen by a rule and by the model is one alert carrying both pieces of evidence. */
class DetectionEngineCorroborationTest {

    private static final Instant T0 = Instant.parse("2025-05-12T10:00:00Z");
    private static final String MODEL = "model";

    /** Reports the finding an event of kind {@code name} describes: group, class, src, dst, level. */
    private record Scripted(String name) implements Detector {
        @Override
        public Set<EventType> eventTypes() {
            return Set.of(EventType.GENERIC);
        }

        @Override
        public void onEvent(Event event, FindingSink out) {
            if (event instanceof GenericEvent g && g.kind().equals(name)) {
                Map<String, String> f = g.fields();
                out.report(new Finding(name, f.get("key"), f.get("class"), f.get("group"),
                        ThreatLevel.of(f.getOrDefault("level", "high")), Double.parseDouble(f.getOrDefault("confidence", "0.8")),
                        event.time(), event.time(), f.get("src"), f.get("dst"), null, "T1498", 1,
                        Map.of("seen", f.get("key"))));
            }
        }
    }

    private final DetectionEngine engine = new DetectionEngine(
            List.of(new Scripted("flood"), new Scripted("scan"), new Scripted(MODEL)), List.of(), Duration.ofMinutes(30),
            Set.of(MODEL));
    private long position;

    private void see(String detector, int second, String... fields) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            map.put(fields[i], fields[i + 1]);
        }
        engine.accept(new GenericEvent(new EventHeader(new EventId(1, position++), T0.plusSeconds(second), "test", "",
                new byte[0]), detector, map));
    }

    private List<Alert> alerts() {
        engine.finish();
        Map<String, Alert> latest = new LinkedHashMap<>();
        engine.drainChanged().forEach(a -> latest.put(a.id(), a));
        return new ArrayList<>(latest.values());
    }

    @Test
    void theModelJoinsTheRulesAlertAboutTheSameVictim() {
        see("flood", 0, "key", "v", "class", "DDoS-SYN_Flood", "group", "DDoS", "dst", "10.0.0.5");
        see(MODEL, 20, "key", "DDoS-SYN_Flood|10.0.0.5", "class", "DDoS-SYN_Flood", "group", "DDoS", "dst", "10.0.0.5",
                "src", "198.51.100.9", "confidence", "0.97", "level", "critical");
        see(MODEL, 40, "key", "DDoS-SYN_Flood|10.0.0.5", "class", "DDoS-SYN_Flood", "group", "DDoS", "dst", "10.0.0.5",
                "confidence", "0.93");

        List<Alert> alerts = alerts();

        assertThat(alerts).hasSize(1);
        Alert alert = alerts.getFirst();
        assertThat(alert.detector()).isEqualTo("flood");
        assertThat(alert.evidence()).containsEntry(DetectionEngine.CORROBORATED_BY, List.of(MODEL))
                .containsEntry("model.class", "DDoS-SYN_Flood").containsEntry("model.seen", "DDoS-SYN_Flood|10.0.0.5")
                .containsEntry("seen", "v");
        assertThat(alert.level()).isEqualTo(ThreatLevel.CRITICAL);
        assertThat(alert.confidence()).isEqualTo(0.97);
        assertThat(alert.count()).isEqualTo(1);
        assertThat(alert.lastSeen()).isEqualTo(T0.plusSeconds(40));
        assertThat(engine.alertTotal()).isEqualTo(1);
    }

    @Test
    void doSAndDdosOfOneKindAgreeButOtherFloodsOnTheSameVictimAreOtherAttacks() {
        see("flood", 0, "key", "v", "class", "DoS-HTTP_Flood", "group", "DoS", "src", "10.0.0.66", "dst", "10.0.0.5");
        see(MODEL, 5, "key", "m", "class", "DDoS-HTTP_Flood", "group", "DDoS", "dst", "10.0.0.5");
        see(MODEL, 6, "key", "g", "class", "Mirai-greip_flood", "group", "Mirai", "dst", "10.0.0.5");

        List<Alert> alerts = alerts();
        assertThat(alerts).extracting(Alert::attackClass).containsExactly("DoS-HTTP_Flood", "Mirai-greip_flood");
        assertThat(alerts.getFirst().evidence()).containsEntry("model.class", "DDoS-HTTP_Flood");
    }

    @Test
    void theRulesClassNamesTheAlertUnlessTheModelsRefinesIt() {
        see(MODEL, 0, "key", "r", "class", "Recon-OSScan", "group", "Recon", "src", "10.0.0.66");
        see("scan", 5, "key", "s", "class", "Recon-PortScan", "group", "Recon", "src", "10.0.0.66");
        see("flood", 10, "key", "u", "class", "DDoS-UDP_Flood", "group", "DDoS", "dst", "10.0.0.5");
        see(MODEL, 15, "key", "g", "class", "Mirai-greeth_flood", "group", "Mirai", "dst", "10.0.0.5");
        see(MODEL, 20, "key", "f", "class", "DDoS-ICMP_Fragmentation", "group", "DDoS", "dst", "10.0.0.9");
        see("flood", 25, "key", "i", "class", "DDoS-ICMP_Flood", "group", "DDoS", "dst", "10.0.0.9");

        assertThat(alerts()).extracting(Alert::attackClass)
                .containsExactly("Recon-PortScan", "Mirai-greeth_flood", "DDoS-ICMP_Fragmentation");
    }

    @Test
    void aRuleJoinsTheModelsAlertWhenTheModelSawItFirst() {
        see(MODEL, 0, "key", "Recon-PortScan|10.0.0.66", "class", "Recon-PortScan", "group", "Recon", "src", "10.0.0.66",
                "level", "low");
        see("scan", 5, "key", "10.0.0.66", "class", "Recon-PortScan", "group", "Recon", "src", "10.0.0.66",
                "dst", "10.0.0.10", "level", "medium");
        see("scan", 50, "key", "10.0.0.66", "class", "Recon-PortScan", "group", "Recon", "src", "10.0.0.66",
                "dst", "10.0.0.10", "level", "medium");

        List<Alert> alerts = alerts();

        assertThat(alerts).hasSize(1);
        assertThat(alerts.getFirst().detector()).isEqualTo(MODEL);
        assertThat(alerts.getFirst().evidence()).containsEntry(DetectionEngine.CORROBORATED_BY, List.of("scan"))
                .containsEntry("scan.seen", "10.0.0.66");
        assertThat(alerts.getFirst().level()).isEqualTo(ThreatLevel.MEDIUM);
        assertThat(alerts.getFirst().lastSeen()).isEqualTo(T0.plusSeconds(50));
    }

    @Test
    void otherGroupsOtherAddressesAndRulesAmongThemselvesStayApart() {
        see("flood", 0, "key", "v", "class", "DDoS-SYN_Flood", "group", "DDoS", "dst", "10.0.0.5");
        see(MODEL, 1, "key", "a", "class", "Recon-PortScan", "group", "Recon", "dst", "10.0.0.5");
        see(MODEL, 2, "key", "b", "class", "DDoS-UDP_Flood", "group", "DDoS", "dst", "10.0.0.6");
        see("scan", 3, "key", "c", "class", "DDoS-SYN_Flood", "group", "DDoS", "dst", "10.0.0.5");

        assertThat(alerts()).extracting(Alert::detector).containsExactly("flood", MODEL, MODEL, "scan");
    }

    @Test
    void findingsMoreThanAMinuteApartAreOtherAttacks() {
        see("flood", 0, "key", "v", "class", "DDoS-SYN_Flood", "group", "DDoS", "dst", "10.0.0.5");
        see(MODEL, 121, "key", "k", "class", "DDoS-SYN_Flood", "group", "DDoS", "dst", "10.0.0.5");

        assertThat(alerts()).extracting(Alert::detector).containsExactly("flood", MODEL);
    }

    @Test
    void withoutCorroboratorsEveryDetectorKeepsItsOwnAlerts() {
        DetectionEngine plain = new DetectionEngine(List.of(new Scripted("flood"), new Scripted(MODEL)), List.of(),
                Duration.ofMinutes(30));
        plain.accept(new GenericEvent(new EventHeader(new EventId(1, 0), T0, "test", "", new byte[0]), "flood",
                Map.of("key", "v", "class", "C", "group", "DDoS", "dst", "10.0.0.5")));
        plain.accept(new GenericEvent(new EventHeader(new EventId(1, 1), T0, "test", "", new byte[0]), MODEL,
                Map.of("key", "m", "class", "C", "group", "DDoS", "dst", "10.0.0.5")));
        plain.finish();
        assertThat(plain.drainChanged()).hasSize(2);
    }
}
