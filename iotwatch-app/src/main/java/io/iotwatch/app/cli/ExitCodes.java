package io.iotwatch.app.cli;

/** Exit statuses of every command, as documented in the top-level help. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;
    /** The run finished, but an input was damaged: everything valid in it was processed. */
    static final int DAMAGED_INPUT = 3;

    private ExitCodes() {}
}
