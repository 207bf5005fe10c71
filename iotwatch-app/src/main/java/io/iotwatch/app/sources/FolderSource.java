package io.iotwatch.app.sources;

import io.iotwatch.core.sink.Checkpoint;
import io.iotwatch.core.sink.EventSink;
import io.iotwatch.logs.file.FileIngester;
import io.iotwatch.logs.file.LineReader;
import io.iotwatch.logs.file.LogInputs;
import io.iotwatch.logs.fortigate.FortiGateParser;
import io.iotwatch.packet.capture.CaptureFiles;
import io.iotwatch.web.monitor.SourceStatus;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of FortiGate log files, plain or gzip, read and then followed: every so often the folder is looked at
 * (recursively, names starting with a dot skipped, as {@code ingest} reads a folder), and each file that is new
 * or has changed is read from where reading it stopped.
 *
 * <p><b>Which file is which.</b> A file is known by its first line (at most its first
 * {@value LineReader#FINGERPRINT_BYTES} bytes, after decompression), which does not change as lines are appended:
 * its events carry that as their stream and their byte offsets as their positions, and the store's checkpoint of
 * that stream says how far it has been stored. So a file renamed or rotated (also into {@code .gz}) is read on
 * where it stopped, not again; a copy is not read twice; and a file truncated or replaced gets a new first line
 * and is read from its start. Unlike {@code ingest}, which knows a file by its first 64 KiB, a followed file must
 * keep its name while it is shorter than that, so the same file ingested and followed is stored twice.
 *
 * <p><b>What is read.</b> Of a plain file, the lines up to its last newline: a line being written is read once
 * it is complete. A gzip file still being written reads as far as it goes and is read on when it changes. A
 * file that holds the same first line as before but is now shorter than what was read of it (truncated and
 * rewritten alike) is read on once it grows past that. Captures in the folder are not followed.
 *
 * <p>What was handed to the sink is remembered as the checkpoints of the batches ({@link FileIngester}'s progress);
 * after a restart, the store's checkpoints take its place, so nothing is stored twice and nothing is lost.
 */
final class FolderSource implements RunningSource {

    private static final Logger log = LoggerFactory.getLogger(FolderSource.class);
    private static final int TAIL_CHUNK = 64 * 1024;

    /** How a file looked when it was last read, and the stream it holds (null: none yet, or not a log). */
    private record Seen(long size, FileTime modified, Long stream) {
        boolean same(BasicFileAttributes attributes) {
            return size == attributes.size() && modified.equals(attributes.lastModifiedTime());
        }
    }

    /** The start of a file's content: whether it is compressed, a capture, and which stream it holds. */
    private record Head(boolean gzip, boolean capture, Long stream) {}

    private final Path folder;
    private final Duration interval;
    private final SourceState state;
    private final FileIngester ingester;
    private final LongFunction<Optional<Checkpoint>> checkpoints;
    private final Map<Path, Seen> seen = new HashMap<>();
    private final Map<Long, Checkpoint> handedOver = new HashMap<>();
    private final ByteBuffer tail = ByteBuffer.allocate(TAIL_CHUNK);
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;
    private volatile int following;
    private volatile String lastProblem = "";

    private FolderSource(Path folder, Duration interval, EventSink sink, int batchSize, int maxLineBytes,
            LongFunction<Optional<Checkpoint>> checkpoints, SourceListener listener) {
        this.folder = folder;
        this.interval = interval;
        this.state = new SourceState(folder.toString(), "folder", listener);
        this.ingester = new FileIngester(new FortiGateParser(), state.tap(sink), batchSize, maxLineBytes, checkpoints);
        this.checkpoints = checkpoints;
        this.thread = Thread.ofPlatform().name("iotwatch-watch-" + folder.getFileName()).daemon().start(this::run);
    }

    /**
     * Starts following {@code folder}, looking at it every {@code interval}; a folder that does not exist (yet) is
     * shown as offline until it does.
     *
     * @param checkpoints the store's checkpoints, by stream
     */
    static FolderSource start(Path folder, Duration interval, EventSink sink, int batchSize, int maxLineBytes,
            LongFunction<Optional<Checkpoint>> checkpoints, SourceListener listener) {
        return new FolderSource(folder, interval, sink, batchSize, maxLineBytes, checkpoints, listener);
    }

    private void run() {
        try {
            do {
                try {
                    look();
                } catch (IOException | UncheckedIOException e) {
                    if (stop.getCount() > 0) {
                        state.offline("cannot read the folder: " + SourceState.message(e));
                    }
                }
            } while (!stop.await(interval.toNanos(), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            // Stopped while reading: what was not handed over is read again from the checkpoint next time.
        } catch (RuntimeException | Error e) {
            if (stop.getCount() > 0) {
                state.failed(SourceState.message(e), e);
            }
        }
    }

    /** One look at the folder: reads what is new in every file. */
    private void look() throws IOException, InterruptedException {
        if (!Files.isDirectory(folder)) {
            state.offline("no such folder: " + folder);
            return;
        }
        List<Path> files = LogInputs.expand(List.of(folder));
        Set<Long> streams = new HashSet<>();
        for (Path file : files) {
            if (stop.getCount() == 0) {
                return;
            }
            Seen now = readIfChanged(file);
            if (now != null && now.stream() != null) {
                streams.add(now.stream());
            }
        }
        seen.keySet().retainAll(new HashSet<>(files));
        handedOver.keySet().retainAll(streams);
        following = streams.size();
        state.online();
    }

    /** Reads what is new in {@code file} if it changed since it was last looked at; null when it is gone. */
    private Seen readIfChanged(Path file) throws InterruptedException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            seen.remove(file);
            return null;
        }
        Seen before = seen.get(file);
        if (before != null && before.same(attributes)) {
            return before;
        }
        Long stream = before == null ? null : before.stream();
        try {
            Head head = head(file);
            stream = head.stream();
            if (head.capture()) {
                problem(file + " is a packet capture, which is not followed; read it with 'iotwatch ingest'");
            } else if (stream != null) {
                read(file, head, attributes.size());
            }
        } catch (NoSuchFileException e) {
            return null;
        } catch (EOFException e) {
            problem(file + " ends in the middle of its compressed data (still being written?); read on when it changes");
        } catch (IOException e) {
            if (stop.getCount() > 0) {
                problem(file + ": " + SourceState.message(e));
            }
        }
        Seen now = new Seen(attributes.size(), attributes.lastModifiedTime(), stream);
        seen.put(file, now);
        return now;
    }

    private void read(Path file, Head head, long size) throws IOException, InterruptedException {
        long stream = head.stream();
        String origin = file.toString();
        Checkpoint known = handedOver.get(stream);
        if (known == null) {
            known = checkpoints.apply(stream).orElse(new Checkpoint(stream, origin, 0, 0));
        }
        Checkpoint from = new Checkpoint(stream, origin, known.offset(), known.lineNumber());
        handedOver.put(stream, from);
        FileIngester.Progress progress = (lines, bytes) -> handedOver.put(stream, new Checkpoint(stream, origin, bytes, lines));
        if (head.gzip()) {
            try (InputStream content = LogInputs.decompressing(Files.newInputStream(file))) {
                if (skipFully(content, from.offset())) {
                    ingester.resume(content, from, progress);
                }
            }
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = endOfLastLine(channel, Math.min(size, channel.size()), from.offset());
            if (end > from.offset()) {
                channel.position(from.offset());
                ingester.resume(new Limited(Channels.newInputStream(channel), end - from.offset()), from, progress);
            } else if (size < from.offset()) {
                log.info("{} is shorter than the {} bytes already read of it and begins as before; reading on once it has"
                        + " grown past them", file, from.offset());
            }
        }
    }

    /** Skips {@code n} bytes in all; false when the content ends first. */
    private static boolean skipFully(InputStream in, long n) throws IOException {
        try {
            in.skipNBytes(n);
            return true;
        } catch (EOFException e) {
            return false;
        }
    }

    /** The offset just past the last newline of the file after {@code floor}, or {@code floor} when there is none. */
    private long endOfLastLine(FileChannel channel, long size, long floor) throws IOException {
        long to = size;
        while (to > floor) {
            long from = Math.max(floor, to - TAIL_CHUNK);
            tail.clear().limit((int) (to - from));
            while (tail.hasRemaining() && channel.read(tail, from + tail.position()) > 0) {
                // reads the chunk whole
            }
            for (int i = tail.position() - 1; i >= 0; i--) {
                if (tail.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            to = from;
        }
        return floor;
    }

    /**
     * The start of the file's content. The stream is a hash of its first line that holds more than white space,
     * with its newline, or of its first {@value LineReader#FINGERPRINT_BYTES} bytes when no newline comes before;
     * null while neither is there, unless the file is a whole gzip file.
     */
    private static Head head(Path file) throws IOException {
        try (InputStream content = LogInputs.decompressing(Files.newInputStream(file))) {
            boolean gzip = content instanceof GZIPInputStream;
            byte[] start = content.readNBytes(LineReader.FINGERPRINT_BYTES);
            if (CaptureFiles.isCapture(start)) {
                return new Head(gzip, true, null);
            }
            int end = endOfFirstLine(start);
            if (end < 0 && (start.length == LineReader.FINGERPRINT_BYTES || gzip && start.length > 0)) {
                end = start.length;
            }
            return new Head(gzip, false, end < 0 ? null : hash(start, end));
        }
    }

    private static int endOfFirstLine(byte[] b) {
        boolean content = false;
        for (int i = 0; i < b.length; i++) {
            byte c = b[i];
            if (c == '\n' && content) {
                return i + 1;
            }
            content = c != '\n' && (content || c != ' ' && c != '\t' && c != '\r');
        }
        return -1;
    }

    private static long hash(byte[] b, int length) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(b, 0, length);
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private void problem(String text) {
        if (!text.equals(lastProblem)) {
            log.warn("watching {}: {}", folder, text);
        }
        lastProblem = text;
    }

    @Override
    public SourceStatus status() {
        String problem = lastProblem;
        String every = interval.toMillis() % 1000 == 0 ? interval.toSeconds() + " s" : interval.toMillis() + " ms";
        return state.status(0, 0, 0, "following " + following + (following == 1 ? " file" : " files") + ", looking every "
                + every + (problem.isEmpty() ? "" : "; last problem: " + problem));
    }

    /** Stops at once: what was read and not yet handed over is read again from the checkpoint next time. */
    @Override
    public void close() {
        stop.countDown();
        thread.interrupt();
        RunningSource.awaitEnd(thread);
        state.stopped();
    }

    /** The first {@code remaining} bytes of a stream: a plain file up to its last newline. */
    private static final class Limited extends FilterInputStream {
        private long remaining;

        Limited(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }
}
