package io.iotwatch.app;

import io.iotwatch.app.cli.IotwatchCommand;

/** Entry point of the {@code iotwatch} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(IotwatchCommand.commandLine().execute(args));
    }
}
