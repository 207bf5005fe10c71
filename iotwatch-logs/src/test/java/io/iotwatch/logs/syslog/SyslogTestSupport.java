package io.iotwatch.logs.syslog;

import static org.assertj.core.api.Assertions.fail;

import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventHeader;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.event.GenericEvent;
import io.iotwatch.core.event.Reject;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.core.sink.EventSink;
import io.iotwatch.logs.RecordDecoder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** A decoder, a sink and waiting helpers for the listener tests. */
final class SyslogTestSupport {

    /** Generous: the machine running the tests may be busy with other work. */
    static final Duration PATIENCE = Duration.ofSeconds(120);

    static final InetSocketAddress LOOPBACK_ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private SyslogTestSupport() {}

    /** Decodes any message into an event holding its text, except those starting with '!', which it rejects. */
    static final class BangRejecter implements RecordDecoder {
        @Override
        public Event decode(byte[] buf, int off, int len, EventId id) {
            if (buf[off] == '!') {
                return null;
            }
            String text = new String(buf, off, len, StandardCharsets.UTF_8);
            return new GenericEvent(new EventHeader(id, Instant.EPOCH, "test", "", text), "message", Map.of());
        }

        @Override
        public String rejectReason() {
            return "starts with !";
        }
    }

    /** Keeps every batch; can be held shut, and can be slowed down. */
    static final class CollectingSink implements EventSink {
        private final List<Event> events = new ArrayList<>();
        private final List<Reject> rejects = new ArrayList<>();
        private final long millisPerBatch;
        private volatile CountDownLatch gate = new CountDownLatch(0);
        private int largestBatch;

        CollectingSink() {
            this(0);
        }

        CollectingSink(long millisPerBatch) {
            this.millisPerBatch = millisPerBatch;
        }

        @Override
        public void accept(Batch batch) throws InterruptedException {
            if (!gate.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the test never opened the sink");
            }
            if (millisPerBatch > 0) {
                Thread.sleep(millisPerBatch);
            }
            synchronized (this) {
                events.addAll(batch.events());
                rejects.addAll(batch.rejects());
                largestBatch = Math.max(largestBatch, batch.size());
            }
        }

        void shut() {
            gate = new CountDownLatch(1);
        }

        void open() {
            gate.countDown();
        }

        synchronized List<Event> events() {
            return List.copyOf(events);
        }

        synchronized List<Reject> rejects() {
            return List.copyOf(rejects);
        }

        synchronized List<String> texts() {
            return events.stream().map(e -> e.header().rawText()).toList();
        }

        synchronized int largestBatch() {
            return largestBatch;
        }

        synchronized int total() {
            return events.size() + rejects.size();
        }

        void awaitTotal(int expected) throws InterruptedException {
            await(() -> total() >= expected, () -> "the sink to hold " + expected + " events and rejects; it holds " + total());
        }
    }

    static SyslogOptions options(int batchSize, Duration delay, int maxMessageSize) {
        return new SyslogOptions(batchSize, delay, maxMessageSize, 4 << 20, 4 << 20, 64);
    }

    static SyslogListener startUdp(CollectingSink sink, SyslogOptions options) throws Exception {
        return SyslogListener.start(Optional.of(LOOPBACK_ANY_PORT), Optional.empty(), BangRejecter::new, sink, options);
    }

    static SyslogListener startTcp(CollectingSink sink, SyslogOptions options) throws Exception {
        return SyslogListener.start(Optional.empty(), Optional.of(LOOPBACK_ANY_PORT), BangRejecter::new, sink, options);
    }

    static void await(BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up waiting for " + what.get());
            }
            Thread.sleep(5);
        }
    }
}
