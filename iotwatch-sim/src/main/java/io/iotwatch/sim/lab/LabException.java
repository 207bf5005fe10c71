package io.iotwatch.sim.lab;

/** The lab cannot run, for a reason the user can act on; the message is meant to be shown as it is. */
public final class LabException extends Exception {

    public LabException(String message) {
        super(message);
    }

    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
