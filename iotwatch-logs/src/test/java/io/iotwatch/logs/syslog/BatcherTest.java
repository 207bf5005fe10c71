package io.iotwatch.logs.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.core.event.EventHeader;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.event.GenericEvent;
import io.iotwatch.core.event.Reject;
import io.iotwatch.core.sink.Batch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatcherTest {

    private final List<Batch> batches = new ArrayList<>();

    @Test
    void handsOverAFullBatchOfEventsAndRejects() throws Exception {
        Batcher batcher = new Batcher(batches::add, 3, Duration.ofHours(1).toNanos());
        batcher.add(event(1));
        batcher.add(new Reject(new EventId(1, 2), "udp://x", 2, new byte[0], "bad"));
        assertThat(batches).isEmpty();
        batcher.add(event(3));
        assertThat(batches).singleElement().satisfies(b -> {
            assertThat(b.events()).hasSize(2);
            assertThat(b.rejects()).hasSize(1);
            assertThat(b.checkpoint()).isEmpty();
        });
    }

    @Test
    void handsOverAPartialBatchOnceDueAndNotBefore() throws Exception {
        Batcher waiting = new Batcher(batches::add, 100, Duration.ofHours(1).toNanos());
        assertThat(waiting.nanosUntilDue()).isEqualTo(Long.MAX_VALUE);
        assertThat(waiting.timeoutMillis()).isZero();
        waiting.add(event(1));
        waiting.flushIfDue();
        assertThat(batches).isEmpty();
        assertThat(waiting.timeoutMillis()).isPositive();

        Batcher due = new Batcher(batches::add, 100, 1);
        due.add(event(2));
        while (due.nanosUntilDue() > 0) {
            Thread.onSpinWait();
        }
        due.flushIfDue();
        assertThat(batches).singleElement().satisfies(b -> assertThat(b.events()).hasSize(1));
        due.flush();
        assertThat(batches).hasSize(1);
    }

    private static GenericEvent event(long position) {
        return new GenericEvent(new EventHeader(new EventId(1, position), Instant.EPOCH, "test", "", "x"), "line", Map.of());
    }
}
