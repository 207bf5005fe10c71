package io.iotwatch.app.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What a long-running command does on Ctrl-C: asks its main thread to stop, then holds the JVM's exit for
 * up to {@value #GRACE_SECONDS} seconds until the main thread has stored what it read ({@link #close}),
 * so that stopping never loses events.
 */
final class OnInterrupt implements AutoCloseable {

    static final int GRACE_SECONDS = 30;

    private final Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);

    /** Registers the hook; {@code stop} runs on the hook's thread and must return quickly. */
    OnInterrupt(String command, Runnable stop) {
        hook = new Thread(() -> {
            stop.run();
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "iotwatch-" + command + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The main thread is done: lets a running hook end, or removes the hook that never ran. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: the JVM exits once it returns
        }
    }
}
