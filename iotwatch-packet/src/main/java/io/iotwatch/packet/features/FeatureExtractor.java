package io.iotwatch.packet.features;

import io.iotwatch.packet.flow.FlowObserver;

/** A feature extractor fed by the flow table; it hands its rows to a {@link FeatureRowSink}. */
public interface FeatureExtractor extends FlowObserver {

    /** Emits the rows still pending at the end of the input (a partial window, flows not yet ended). */
    void finish();
}
