package io.iotwatch.detect;

import io.iotwatch.core.alert.Finding;

/** Where a detector reports its findings; the engine merges them into alerts. */
@FunctionalInterface
public interface FindingSink {
    void report(Finding finding);
}
