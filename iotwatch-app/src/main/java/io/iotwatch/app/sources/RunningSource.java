package io.iotwatch.app.sources;

import io.iotwatch.web.monitor.Source;

/** A source whose threads run until it is closed. */
interface RunningSource extends Source, AutoCloseable {

    /**
     * Stops the source and waits until its threads have handed what they read to the sink; never throws, a
     * failure to stop cleanly is logged.
     */
    @Override
    void close();

    /** Waits for {@code thread} to end, even when interrupted, and keeps the interrupt for the caller. */
    static void awaitEnd(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
