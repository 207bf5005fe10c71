package io.iotwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.core.event.AuthEvent;
import io.iotwatch.core.event.Endpoint;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventHeader;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.event.Outcome;
import io.iotwatch.core.sink.Batch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DetectingSinkTest {

    private final List<Batch> stored = Collections.synchronizedList(new ArrayList<>());

    @Test
    void batchesPassInOrderWithTheAlertsTheyRaisedAndTheRestComeAtTheEnd() throws Exception {
        try (DetectingSink sink = new DetectingSink(Detection.engine(IotwatchConfig.defaults()), stored::add, 2)) {
            for (int b = 0; b < 20; b++) {
                List<Event> failures = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    failures.add(failedLogin(b * 5 + i));
                }
                sink.accept(new Batch(failures, List.of(), Optional.empty()));
            }
            sink.finish();

            assertThat(stored).hasSize(21);
            assertThat(stored.subList(0, 20)).flatExtracting(Batch::events)
                    .extracting(e -> e.id().position()).isSorted().hasSize(100);
            assertThat(stored.get(1).alerts()).singleElement()
                    .satisfies(alert -> assertThat(alert.detector()).isEqualTo("bruteforce"));
            assertThat(sink.engine().alertCounts()).containsKey("bruteforce");
        }
    }

    @Test
    void aFailureBehindTheSinkReachesTheReader() throws Exception {
        RuntimeException broken = new IllegalStateException("database gone");
        try (DetectingSink sink = new DetectingSink(Detection.engine(IotwatchConfig.defaults()), batch -> {
            throw broken;
        }, 1)) {
            assertThatThrownBy(() -> {
                for (int i = 0; i < 100; i++) {
                    sink.accept(new Batch(List.of(failedLogin(i)), List.of(), Optional.empty()));
                }
                sink.finish();
            }).isSameAs(broken);
        }
    }

    private static Event failedLogin(int n) {
        EventHeader header = new EventHeader(new EventId(1, n), Instant.parse("2025-05-12T10:00:00Z").plusSeconds(n),
                "test", "", "");
        return new AuthEvent(header, new Endpoint("203.0.113.9", 0), new Endpoint("10.0.0.1", 443), "admin", "https",
                "https", Outcome.FAILURE, "passwd_invalid");
    }
}
