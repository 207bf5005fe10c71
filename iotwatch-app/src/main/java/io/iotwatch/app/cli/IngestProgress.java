package io.iotwatch.app.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar over the bytes of all inputs with the line rate, shown only on a terminal. */
final class IngestProgress implements AutoCloseable {

    private final ProgressBar bar;
    private final long started = System.nanoTime();
    private long doneBytes;
    private long doneLines;
    private long lastInputLines;

    private IngestProgress(ProgressBar bar) {
        this.bar = bar;
    }

    static IngestProgress create(boolean wanted, long totalBytes) {
        boolean terminal = System.console() != null && System.console().isTerminal();
        if (!wanted || !terminal) {
            return new IngestProgress(null);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("ingest")
                .setInitialMax(Math.max(totalBytes, 1))
                .setUnit(" MiB", 1 << 20)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(250)
                .build();
        return new IngestProgress(bar);
    }

    void startInput(String name) {
        if (bar != null) {
            bar.setExtraMessage(name);
        }
    }

    void advance(long linesInInput, long bytesInInput) {
        if (bar == null) {
            return;
        }
        long lines = doneLines + linesInInput;
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
        bar.stepTo(doneBytes + bytesInInput);
        bar.setExtraMessage(String.format("%,d lines, %,.0f lines/s", lines, lines / seconds));
        lastInputLines = linesInInput;
    }

    void finishInput(long bytesInInput) {
        doneBytes += bytesInInput;
        doneLines += lastInputLines;
        lastInputLines = 0;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
