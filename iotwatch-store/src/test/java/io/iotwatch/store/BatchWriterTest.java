package io.iotwatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventType;
import io.iotwatch.core.event.Reject;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.core.sink.Checkpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// the timeout only keeps a broken writer from hanging the build; nothing here measures speed
@Timeout(60)
class BatchWriterTest {

    @Test
    void acceptBlocksWhileTheQueueIsFull() throws Exception {
        GatedStore store = new GatedStore();
        try (BatchWriter writer = new BatchWriter(store, 1)) {
            writer.accept(batch(1));
            store.entered.await(); // the writer holds batch 1, the queue is empty again
            writer.accept(batch(2));

            Thread producer = Thread.ofPlatform().start(() -> accept(writer, batch(3)));
            awaitWaiting(producer);
            assertThat(producer.isAlive()).isTrue();
            assertThat(store.stored).isEmpty();

            store.open();
            producer.join();
            writer.flush();
            assertThat(store.positions()).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void flushWaitsUntilEverythingAcceptedIsStored() throws Exception {
        GatedStore store = new GatedStore();
        try (BatchWriter writer = new BatchWriter(store, 8)) {
            for (int i = 1; i <= 3; i++) {
                writer.accept(batch(i));
            }
            AtomicReference<List<Long>> seenAfterFlush = new AtomicReference<>();
            Thread flusher = Thread.ofPlatform().start(() -> {
                try {
                    writer.flush();
                    seenAfterFlush.set(store.positions());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            awaitWaiting(flusher);
            assertThat(seenAfterFlush.get()).isNull();

            store.open();
            flusher.join();
            assertThat(seenAfterFlush.get()).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void aFailureReachesTheProducerAndNothingAfterItIsStored() throws Exception {
        IllegalStateException diskFull = new IllegalStateException("disk full");
        GatedStore store = new GatedStore();
        store.failAt = 2;
        store.failure = diskFull;
        BatchWriter writer = new BatchWriter(store, 8);
        for (int i = 1; i <= 3; i++) {
            writer.accept(batch(i));
        }
        store.open();

        assertThatThrownBy(writer::flush).isInstanceOf(StoreException.class).hasCause(diskFull)
                .hasMessageContaining("disk full");
        assertThat(store.positions()).containsExactly(1L);
        assertThatThrownBy(() -> writer.accept(batch(4))).isInstanceOf(StoreException.class).hasCause(diskFull);
        assertThatThrownBy(writer::close).isInstanceOf(StoreException.class).hasCause(diskFull);
        assertThat(store.positions()).containsExactly(1L);
    }

    @Test
    void closeStoresEverythingAcceptedThenRefusesMore() throws Exception {
        GatedStore store = new GatedStore();
        store.open();
        BatchWriter writer = new BatchWriter(store, 2);
        for (int i = 1; i <= 5; i++) {
            writer.accept(batch(i));
        }

        writer.close();
        writer.close();

        assertThat(store.positions()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThatThrownBy(() -> writer.accept(batch(6))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anInterruptedProducerDoesNotHandItsBatchOver() throws Exception {
        GatedStore store = new GatedStore();
        try (BatchWriter writer = new BatchWriter(store, 1)) {
            writer.accept(batch(1));
            store.entered.await();
            writer.accept(batch(2));
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread producer = Thread.ofPlatform().start(() -> {
                try {
                    writer.accept(batch(3));
                } catch (Throwable e) {
                    thrown.set(e);
                }
            });
            awaitWaiting(producer);

            producer.interrupt();
            producer.join();
            store.open();
            writer.flush();

            assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
            assertThat(store.positions()).containsExactly(1L, 2L);
        }
    }

    @Test
    void keepsTheOrderOfEachProducer() throws Exception {
        GatedStore store = new GatedStore();
        store.open();
        int producers = 4;
        int batchesEach = 200;
        try (BatchWriter writer = new BatchWriter(store, 3)) {
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                long base = p * 1_000_000L;
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int b = 0; b < batchesEach; b++) {
                        accept(writer, batch(base + b));
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            writer.flush();
        }
        List<Long> positions = store.positions();
        assertThat(positions).hasSize(producers * batchesEach);
        for (int p = 0; p < producers; p++) {
            long base = p * 1_000_000L;
            assertThat(positions.stream().filter(x -> x >= base && x < base + batchesEach).toList()).isSorted();
        }
    }

    @Test
    void rejectsAQueueWithoutRoom() {
        assertThatThrownBy(() -> new BatchWriter(new GatedStore(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Batch batch(long position) {
        return new Batch(List.of(SampleEvents.dns(position)), List.of(), Optional.empty());
    }

    private static void accept(BatchWriter writer, Batch batch) {
        try {
            writer.accept(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the thread is parked: blocked in a full queue or waiting for the writer. */
    private static void awaitWaiting(Thread thread) {
        while (thread.getState() != Thread.State.WAITING) {
            if (!thread.isAlive()) {
                fail("the thread ended instead of waiting");
            }
            Thread.onSpinWait();
        }
    }

    /** Records the batches it stores; holds every batch until {@link #open()}; can fail at a given batch. */
    private static final class GatedStore implements EventStore {
        final List<Batch> stored = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch gate = new CountDownLatch(1);
        int failAt;
        RuntimeException failure;
        private int calls;

        void open() {
            gate.countDown();
        }

        List<Long> positions() {
            synchronized (stored) {
                return stored.stream().map(b -> b.events().getFirst().id().position()).toList();
            }
        }

        @Override
        public void accept(Batch batch) {
            entered.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (++calls == failAt) {
                throw failure;
            }
            stored.add(batch);
        }

        @Override
        public Optional<Checkpoint> checkpoint(long stream) {
            throw readFromAWriter();
        }

        @Override
        public StoreSummary summary() {
            throw readFromAWriter();
        }

        @Override
        public List<Alert> alerts(AlertQuery query) {
            throw readFromAWriter();
        }

        @Override
        public List<Reject> rejects(int limit) {
            throw readFromAWriter();
        }

        @Override
        public List<Event> events(EventType type, int limit) {
            throw readFromAWriter();
        }

        @Override
        public List<Event> events(Instant from, Instant to, Set<String> ips, int limit) {
            throw readFromAWriter();
        }

        @Override
        public TrafficQueries traffic() {
            throw readFromAWriter();
        }

        @Override
        public AlertQueries alertQueries() {
            throw readFromAWriter();
        }

        @Override
        public TriageStore triage() {
            throw readFromAWriter();
        }

        @Override
        public UserStore users() {
            throw readFromAWriter();
        }

        @Override
        public AuditTrail audit() {
            throw readFromAWriter();
        }

        @Override
        public void close() {}

        /** BatchWriter only stores: a read reaching this store would be a bug in it. */
        private static UnsupportedOperationException readFromAWriter() {
            return new UnsupportedOperationException("BatchWriter only stores: a read here would be a bug");
        }
    }
}
