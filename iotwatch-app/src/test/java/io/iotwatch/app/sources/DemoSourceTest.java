package io.iotwatch.app.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.app.cli.Detection;
import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventType;
import io.iotwatch.detect.DetectionEngine;
import io.iotwatch.ml.model.ModelDirectory;
import io.iotwatch.ml.model.ModelRowClassifier;
import io.iotwatch.sim.packets.attack.AttackPlan;
import io.iotwatch.sim.truth.AttackKind;
import io.iotwatch.web.monitor.SourceStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo: generated packets and FortiGate logs played in real time, or faster, into a sink. */
class DemoSourceTest {

    private static final IotwatchConfig CONFIG = IotwatchConfig.defaults();

    @Test
    void atSpeedOneNothingIsReleasedBeforeItsTimeAndEventsCarryTheTimeTheyAreReleasedAt() throws Exception {
        // The demo reads the wall clock in milliseconds.
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CollectingSink sink = new CollectingSink();
        DemoSource demo = DemoSource.start(new DemoSource.Options(1, 7), CONFIG, sink, () -> null, SourceListener.NONE);
        try {
            Eventually.await("the first run planned", Duration.ofSeconds(10), () -> demo.nextAttack().isPresent());
            AttackPlan.Slot next = demo.nextAttack().orElseThrow();
            assertThat(next.kind()).isEqualTo(AttackKind.PORT_SCAN);
            assertThat(Instant.EPOCH.plusNanos(next.start() * 1_000)).isBetween(started.plusSeconds(29), started.plusSeconds(31));
            Eventually.await("events from both streams", Duration.ofSeconds(30), () -> sink.events().stream()
                    .map(e -> e.header().source()).distinct().count() == 2 && sink.events().size() >= 10);
        } finally {
            demo.close();
        }

        List<CollectingSink.Delivered> delivered = sink.delivered();
        for (CollectingSink.Delivered d : delivered) {
            assertThat(d.batch().events()).allSatisfy(e -> assertThat(e.time()).isBetween(started, d.at()));
        }
        assertThat(delivered).anySatisfy(d -> assertThat(d.batch().events())
                .anySatisfy(e -> assertThat(Duration.between(e.time(), d.at())).isLessThan(Duration.ofSeconds(1))));
        SourceStatus status = demo.status();
        assertThat(status.kind()).isEqualTo("demo");
        assertThat(status.events()).isEqualTo(sink.events().size());
        assertThat(status.packets()).isPositive();
        assertThat(status.detail()).contains("packet run 1 (seed 7)", "next: port-scan at", "FortiGate log run 1");
    }

    @Test
    void atFiftyTimesTheSpeedThePortScanComesWithinSecondsAndTheDetectorsFindIt() throws Exception {
        CollectingSink sink = new CollectingSink();
        DemoSource demo = DemoSource.start(new DemoSource.Options(50, 3), CONFIG, sink, DemoSourceTest::defaultModel, SourceListener.NONE);
        try {
            Eventually.await("a host scanned on 100 ports", Duration.ofSeconds(60), () -> mostPortsScanned(sink.events()) >= 100);
            assertThat(demo.status().online()).isTrue();
        } finally {
            demo.close();
        }

        List<Event> events = sink.events();
        Map<EventType, Long> byType = events.stream().collect(Collectors.groupingBy(Event::type, Collectors.counting()));
        assertThat(byType).containsKeys(EventType.CONNECTION, EventType.DNS, EventType.ARP);
        assertThat(events).anySatisfy(e -> assertThat(e.header().source()).isEqualTo("fortigate"));
        DetectionEngine engine = new DetectionEngine(Detection.detectors(), List.of(), Duration.ofMinutes(30));
        List<Alert> alerts = new ArrayList<>();
        for (Event event : events) {
            engine.accept(event);
            alerts.addAll(engine.drainChanged());
        }
        assertThat(alerts).extracting(Alert::attackClass).contains("Recon-PortScan");
    }

    @Test
    void theFirstAttackComesWithinAMinuteAndThenOneAboutEveryMinute() {
        List<AttackPlan.Slot> slots = AttackPlan.slots(DemoSource.ATTACKS, DemoSource.SCHEDULE, 0);

        assertThat(slots.getFirst().start()).isEqualTo(Duration.ofSeconds(30).toNanos() / 1_000);
        long[] between = new long[slots.size() - 1];
        for (int i = 1; i < slots.size(); i++) {
            between[i - 1] = slots.get(i).start() - slots.get(i - 1).start();
        }
        assertThat(Arrays.stream(between).max().orElseThrow()).isLessThanOrEqualTo(Duration.ofSeconds(110).toNanos() / 1_000);
        assertThat(Arrays.stream(between).average().orElseThrow()).isBetween(50e6, 70e6);
        Set<AttackKind> all = new HashSet<>(List.of(AttackKind.values()));
        all.remove(AttackKind.C2_BEACON);
        assertThat(DemoSource.ATTACKS).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
        assertThat(DemoSource.PACKET_RUN).isEqualTo(Duration.ofMinutes(29));
    }

    @Test
    void speedsSlowerThanRealTimeOrAboveAThousandAreRefused() {
        assertThatThrownBy(() -> new DemoSource.Options(0.5, 1)).hasMessageContaining("speed must be from 1 to 1000: 0.5");
        assertThatThrownBy(() -> new DemoSource.Options(1001, 1)).hasMessageContaining("speed must be from 1 to 1000");
        assertThatThrownBy(() -> new DemoSource.Options(Double.NaN, 1)).hasMessageContaining("speed must be");
        assertThat(DemoSource.Options.defaults()).isEqualTo(new DemoSource.Options(1, 1));
    }

    /** The most destination ports one source reached on one host, over the connections. */
    private static long mostPortsScanned(List<Event> events) {
        return events.stream()
                .filter(e -> e instanceof ConnectionEvent)
                .map(e -> (ConnectionEvent) e)
                .collect(Collectors.groupingBy(c -> c.source().ip() + ">" + c.destination().ip(),
                        Collectors.mapping(c -> c.destination().port(), Collectors.toSet())))
                .values().stream().mapToLong(Set::size).max().orElse(0);
    }

    private static ModelRowClassifier defaultModel() {
        try {
            return new ModelRowClassifier(ModelDirectory.load("default"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
