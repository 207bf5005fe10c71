package io.iotwatch.sim.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the lab's programs and keeps hold of every one it starts, so that a run that ends, fails or is
 * interrupted stops them all. Their output goes to numbered log files; programs find {@code /usr/sbin} tools
 * whatever the caller's {@code PATH}.
 */
final class Processes implements CommandRunner {

    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Path workDir;
    private final Path logs;
    private final List<Process> started = new ArrayList<>();
    private final AtomicInteger logNumber = new AtomicInteger();

    Processes(Path workDir, Path logs) {
        this.workDir = workDir;
        this.logs = logs;
    }

    /** A runner for commands that run to their end and log nothing, in the root folder. */
    static CommandRunner runner() {
        return new Processes(Path.of("/"), null);
    }

    /** Starts {@code command}, its output in a log file named after {@code name}. */
    Process start(NsCommand command, String name) throws IOException {
        if (logs == null) {
            throw new IllegalStateException("this runner keeps no logs; it starts nothing");
        }
        Path log = logs.resolve(String.format("%03d-%s.log", logNumber.incrementAndGet(), name));
        ProcessBuilder builder = builder(command.commandLine()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        synchronized (started) {
            Process process = builder.start();
            started.add(process);
            return process;
        }
    }

    /**
     * Waits for a started program, at most {@code limit}; one that outlives it is stopped. Returns its exit
     * status, or -1 if it had to be stopped.
     */
    int await(Process process, Duration limit) throws InterruptedException {
        if (process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        stop(process);
        return -1;
    }

    /** SIGTERM to the program and everything it started, SIGKILL to whatever is left after a grace period. */
    void stop(Process process) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ProcessHandle handle : tree) {
            long left = deadline - System.nanoTime();
            try {
                handle.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                handle.destroyForcibly();
            }
        }
    }

    /** Stops every program started and still running, the newest first. */
    void stopAll() throws InterruptedException {
        List<Process> running;
        synchronized (started) {
            running = new ArrayList<>(started.reversed());
            started.clear();
        }
        for (Process process : running) {
            if (process.isAlive()) {
                stop(process);
            }
        }
    }

    @Override
    public Outcome run(List<String> command, Duration limit) throws IOException, InterruptedException {
        Process process = builder(command).start();
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        int exit = await(process, limit);
        try {
            return new Outcome(exit, out.get(), err.get());
        } catch (ExecutionException e) {
            throw new IOException("reading the output of " + command.getFirst() + " failed", e.getCause());
        }
    }

    private ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().put("PATH", PATH);
        builder.environment().put("LC_ALL", "C");
        return builder;
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
