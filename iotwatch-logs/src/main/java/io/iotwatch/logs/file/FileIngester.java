package io.iotwatch.logs.file;

import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.event.EventType;
import io.iotwatch.core.event.Reject;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.core.sink.Checkpoint;
import io.iotwatch.core.sink.EventSink;
import io.iotwatch.logs.RecordDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Reads one log stream line by line, decodes each line and hands events and rejects to a sink in
 * batches, each batch carrying the checkpoint just past its last line. A stream already partly
 * stored (its checkpoint says how far) resumes after that point; lines before it are only scanned.
 */
public final class FileIngester {

    /** Counts for one stream; {@code skipped} lines were stored by an earlier run. */
    public record Result(
            String origin, long stream, long lines, long skipped, Map<EventType, Long> events, long rejects, long bytes) {
        public long eventCount() {
            return events.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Told about progress after each batch, with the bytes of the stream read so far. */
    public interface Progress {
        void advanced(long lines, long bytes);
    }

    private final RecordDecoder decoder;
    private final EventSink sink;
    private final int batchSize;
    private final int maxLineBytes;
    private final LongFunction<Optional<Checkpoint>> checkpoints;

    public FileIngester(
            RecordDecoder decoder,
            EventSink sink,
            int batchSize,
            int maxLineBytes,
            LongFunction<Optional<Checkpoint>> checkpoints) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
        this.decoder = decoder;
        this.sink = sink;
        this.batchSize = batchSize;
        this.maxLineBytes = maxLineBytes;
        this.checkpoints = checkpoints;
    }

    /** Ingests the whole stream (already decompressed) named {@code origin}. */
    public Result ingest(InputStream content, String origin, Progress progress) throws IOException, InterruptedException {
        try (LineReader reader = new LineReader(content, maxLineBytes)) {
            long stream = reader.fingerprint();
            long resumeAt = checkpoints.apply(stream).map(Checkpoint::offset).orElse(0L);
            return read(reader, stream, resumeAt, origin, progress);
        }
    }

    /**
     * Reads on from a checkpoint: {@code content} holds the bytes of the checkpoint's stream from its offset on (a
     * file its caller has positioned there), and the events get that stream as their id's. For a follower, which
     * names a growing file by something that does not change as it grows, unlike the fingerprint of its first
     * {@value LineReader#FINGERPRINT_BYTES} bytes; the store's checkpoints are not consulted.
     */
    public Result resume(InputStream content, Checkpoint from, Progress progress) throws IOException, InterruptedException {
        try (LineReader reader = new LineReader(content, maxLineBytes, from.offset(), from.lineNumber())) {
            return read(reader, from.stream(), from.offset(), from.origin(), progress);
        }
    }

    private Result read(LineReader reader, long stream, long resumeAt, String origin, Progress progress)
            throws IOException, InterruptedException {
        long[] counts = new long[EventType.values().length];
        long rejects = 0;
        long skipped = 0;
        List<Event> events = new ArrayList<>(batchSize);
        List<Reject> rejected = new ArrayList<>();
        while (reader.next()) {
            if (reader.lineOffset() < resumeAt) {
                skipped++;
                continue;
            }
            if (reader.lineLength() == 0) {
                continue;
            }
            EventId id = new EventId(stream, reader.lineOffset());
            Event event = reader.truncated()
                    ? null
                    : decoder.decode(reader.buffer(), reader.lineStart(), reader.lineLength(), id);
            if (event != null) {
                events.add(event);
                counts[event.type().ordinal()]++;
            } else {
                rejected.add(reject(reader, id, origin));
                rejects++;
            }
            if (events.size() + rejected.size() >= batchSize) {
                flush(events, rejected, stream, origin, reader);
                progress.advanced(reader.lineNumber(), reader.nextOffset());
            }
        }
        flush(events, rejected, stream, origin, reader);
        progress.advanced(reader.lineNumber(), reader.nextOffset());
        return new Result(origin, stream, reader.lineNumber(), skipped, byType(counts), rejects, reader.nextOffset());
    }

    private Reject reject(LineReader reader, EventId id, String origin) {
        byte[] raw = Arrays.copyOfRange(reader.buffer(), reader.lineStart(), reader.lineStart() + reader.lineLength());
        String reason = reader.truncated()
                ? "line longer than " + maxLineBytes + " bytes; its first " + maxLineBytes + " bytes are kept"
                : decoder.rejectReason();
        return new Reject(id, origin, reader.lineNumber(), raw, reason);
    }

    private void flush(List<Event> events, List<Reject> rejected, long stream, String origin, LineReader reader)
            throws InterruptedException {
        Checkpoint checkpoint = new Checkpoint(stream, origin, reader.nextOffset(), reader.lineNumber());
        sink.accept(new Batch(events, rejected, Optional.of(checkpoint)));
        events.clear();
        rejected.clear();
    }

    private static Map<EventType, Long> byType(long[] counts) {
        Map<EventType, Long> map = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            map.put(type, counts[type.ordinal()]);
        }
        return map;
    }
}
