package io.iotwatch.sim.packets.net;

import io.iotwatch.sim.truth.AttackKind;

/**
 * Which planted attack a source's packets belong to, and the times of the first and last of them that were
 * written: the attack's ground-truth window. Benign sources have none.
 */
public final class Origin {

    private final AttackKind kind;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;
    private long packets;

    public Origin(AttackKind kind) {
        this.kind = kind;
    }

    public AttackKind kind() {
        return kind;
    }

    void written(long micros) {
        first = Math.min(first, micros);
        last = Math.max(last, micros);
        packets++;
    }

    public long first() {
        return first;
    }

    public long last() {
        return last;
    }

    public long packets() {
        return packets;
    }
}
