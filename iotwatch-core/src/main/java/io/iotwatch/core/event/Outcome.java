package io.iotwatch.core.event;

/** Outcome of an attempt, named as ECS {@code event.outcome} names it. */
public enum Outcome {
    SUCCESS("success"),
    FAILURE("failure"),
    UNKNOWN("unknown");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
