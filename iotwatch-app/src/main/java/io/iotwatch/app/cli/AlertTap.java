package io.iotwatch.app.cli;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.core.sink.EventSink;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hands each batch on unchanged, and its alerts (the versions the detectors raised or updated with it) to a
 * listener once the next sink has taken the batch: the dashboard's live stream, the lab's timing table.
 */
final class AlertTap implements EventSink {

    private final EventSink next;
    private final Consumer<List<Alert>> listener;

    AlertTap(EventSink next, Consumer<List<Alert>> listener) {
        this.next = next;
        this.listener = listener;
    }

    @Override
    public void accept(Batch batch) throws InterruptedException {
        next.accept(batch);
        if (!batch.alerts().isEmpty()) {
            listener.accept(batch.alerts());
        }
    }
}
