package io.iotwatch.app.sources;

import java.util.ArrayList;
import java.util.List;

/** Keeps what it is told, each change as {@code "NAME KIND STATE"} and the reason if there is one. */
final class RecordingListener implements SourceListener {

    private final List<String> told = new ArrayList<>();

    @Override
    public synchronized void changed(String name, String kind, State state, String reason) {
        told.add(name + " " + kind + " " + state + (reason == null ? "" : " " + reason));
    }

    synchronized List<String> told() {
        return List.copyOf(told);
    }
}
