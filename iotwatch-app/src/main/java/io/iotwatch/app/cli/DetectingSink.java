package io.iotwatch.app.cli;

import io.iotwatch.core.sink.Batch;
import io.iotwatch.core.sink.EventSink;
import io.iotwatch.detect.DetectionEngine;
import java.util.List;
import java.util.Optional;

/**
 * Runs the detectors on each batch on its way to the store and sends the alerts raised or updated by it
 * along with it, so that a batch's alerts are stored in the same transaction as its events and checkpoint.
 */
final class DetectingSink implements EventSink {

    private final DetectionEngine engine;
    private final EventSink next;

    DetectingSink(DetectionEngine engine, EventSink next) {
        this.engine = engine;
        this.next = next;
    }

    @Override
    public void accept(Batch batch) throws InterruptedException {
        batch.events().forEach(engine::accept);
        next.accept(batch.withAlerts(engine.drainChanged()));
    }

    /** End of input: what the detectors still had pending becomes alerts too. */
    void finish() throws InterruptedException {
        engine.finish();
        next.accept(new Batch(List.of(), List.of(), engine.drainChanged(), Optional.empty()));
    }

    DetectionEngine engine() {
        return engine;
    }
}
