package io.iotwatch.sim.packets;

import io.iotwatch.sim.truth.AttackTruth;
import java.util.List;

/**
 * What a run wrote.
 *
 * @param packets packets in the capture
 * @param bytes   size of the capture file
 * @param truth   the planted attacks, ordered by start
 */
public record GeneratedCapture(long packets, long bytes, List<AttackTruth> truth) {

    public GeneratedCapture {
        truth = List.copyOf(truth);
    }
}
