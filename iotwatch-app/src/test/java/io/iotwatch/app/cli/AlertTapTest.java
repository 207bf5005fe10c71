package io.iotwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.sim.lab.RaisedAlert;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertTapTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:30Z");

    @Test
    void everyAlertVersionIsNotedWithTheTimeItPassedAndTheBatchGoesOnUnchanged() throws InterruptedException {
        List<Batch> passed = new ArrayList<>();
        AlertRecorder recorder = new AlertRecorder(Clock.fixed(NOW, ZoneOffset.UTC));
        AlertTap tap = new AlertTap(passed::add, recorder);
        Alert first = alert(1);
        Alert grown = alert(5);
        Batch quiet = new Batch(List.of(), List.of(), Optional.empty());
        Batch loud = new Batch(List.of(), List.of(), List.of(first, grown), Optional.empty());

        tap.accept(quiet);
        tap.accept(loud);

        assertThat(passed).containsExactly(quiet, loud);
        assertThat(recorder.versions()).containsExactly(new RaisedAlert(first, NOW), new RaisedAlert(grown, NOW));
    }

    private static Alert alert(long count) {
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        return new Alert("id", "scan", "key", "Recon-PortScan", "Recon", ThreatLevel.MEDIUM, 0.8, t, t.plusSeconds(count),
                "10.77.0.66", "10.77.0.10", null, "T1046", count, Map.of());
    }
}
