package io.iotwatch.app.sources;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;

/**
 * A generator writing, on a thread of its own, into a pipe that this side reads. The operating system's pipe
 * buffer (64 KiB on Linux) is all that lies between them: the generator runs only as far ahead as the reader
 * lets it, so a generated run of any length takes no more memory than that and the generator's own state.
 */
final class GeneratorPipe implements AutoCloseable {

    /** Writes a generated run to {@code out}. */
    @FunctionalInterface
    interface Generator {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Pipe pipe;
    private final InputStream input;
    private final Thread thread;
    private volatile boolean closing;
    private volatile Throwable failure;

    private GeneratorPipe(String threadName, Generator generator) throws IOException {
        this.pipe = Pipe.open();
        this.input = Channels.newInputStream(pipe.source());
        this.thread = Thread.ofPlatform().name(threadName).daemon().start(() -> write(generator));
    }

    static GeneratorPipe start(String threadName, Generator generator) throws IOException {
        return new GeneratorPipe(threadName, generator);
    }

    /** What the generator writes; it ends when the generator has written everything. */
    InputStream input() {
        return input;
    }

    private void write(Generator generator) {
        try (OutputStream out = Channels.newOutputStream(pipe.sink())) {
            generator.writeTo(out);
        } catch (IOException | RuntimeException | Error e) {
            if (!closing) {
                failure = e;
            }
        }
    }

    /**
     * Closes the reading side (a generator still writing then fails, which is expected and not reported), waits
     * for the generator's thread, and throws what the generator failed with before.
     */
    @Override
    public void close() throws IOException {
        closing = true;
        input.close();
        RunningSource.awaitEnd(thread);
        Throwable cause = failure;
        if (cause != null) {
            throw new IOException("the generator failed: " + SourceState.message(cause), cause);
        }
    }
}
