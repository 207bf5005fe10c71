package io.iotwatch.logs.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventHeader;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.event.EventType;
import io.iotwatch.core.event.GenericEvent;
import io.iotwatch.core.event.Reject;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.core.sink.Checkpoint;
import io.iotwatch.logs.RecordDecoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileIngesterTest {

    /** Accepts any line except those starting with '!', which it rejects. */
    private static final class BangRejecter implements RecordDecoder {
        @Override
        public Event decode(byte[] buf, int off, int len, EventId id) {
            if (buf[off] == '!') {
                return null;
            }
            String text = new String(buf, off, len, StandardCharsets.UTF_8);
            return new GenericEvent(new EventHeader(id, Instant.EPOCH, "test", "", text), "line", Map.of("text", text));
        }

        @Override
        public String rejectReason() {
            return "starts with !";
        }
    }

    private final List<Batch> batches = new ArrayList<>();

    @Test
    void deliversEveryLineAsEventOrRejectInBatchesWithCheckpoints() throws Exception {
        String content = "a\n!b\n\nc\nd\n!e\nf";
        FileIngester.Result result = ingest(content, 2, Optional.empty(), 1024);

        assertThat(events()).extracting(e -> e.header().rawText()).containsExactly("a", "c", "d", "f");
        assertThat(rejects()).extracting(Reject::lineNumber).containsExactly(2L, 6L);
        assertThat(rejects()).allSatisfy(r -> {
            assertThat(r.origin()).isEqualTo("test.log");
            assertThat(r.reason()).isEqualTo("starts with !");
        });
        assertThat(new String(rejects().get(1).raw(), StandardCharsets.UTF_8)).isEqualTo("!e");
        assertThat(result.lines()).isEqualTo(7);
        assertThat(result.events()).containsEntry(EventType.GENERIC, 4L);
        assertThat(result.rejects()).isEqualTo(2);
        assertThat(batches).allSatisfy(b -> assertThat(b.size()).isLessThanOrEqualTo(2));
        Checkpoint last = batches.getLast().checkpoint().orElseThrow();
        assertThat(last.offset()).isEqualTo(content.length());
        assertThat(last.lineNumber()).isEqualTo(7);
        assertThat(last.stream()).isEqualTo(result.stream());
    }

    @Test
    void idsAreStreamFingerprintAndLineOffset() throws Exception {
        ingest("one\ntwo\n", 10, Optional.empty(), 1024);
        assertThat(events()).extracting(e -> e.id().position()).containsExactly(0L, 4L);
        long stream = events().getFirst().id().stream();
        batches.clear();
        ingest("one\ntwo\n", 10, Optional.empty(), 1024);
        assertThat(events()).extracting(Event::id).containsExactly(new EventId(stream, 0), new EventId(stream, 4));
    }

    @Test
    void resumesAfterTheCheckpoint() throws Exception {
        String content = "l1\nl2\nl3\nl4\n";
        long stream = new LineReader(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), 10).fingerprint();
        FileIngester.Result result = ingest(content, 10, Optional.of(new Checkpoint(stream, "test.log", 6, 2)), 1024);
        assertThat(events()).extracting(e -> e.header().rawText()).containsExactly("l3", "l4");
        assertThat(result.skipped()).isEqualTo(2);
        assertThat(rejects()).isEmpty();
    }

    @Test
    void resumingFromACheckpointReadsTheRestUnderItsStreamWithOffsetsAndLineNumbersFromTheStart() throws Exception {
        FileIngester ingester = new FileIngester(new BangRejecter(), batches::add, 10, 1024, stream -> {
            throw new AssertionError("a resumed stream needs no stored checkpoint");
        });
        byte[] rest = "l3\n!l4\n".getBytes(StandardCharsets.UTF_8);

        FileIngester.Result result = ingester.resume(new ByteArrayInputStream(rest), new Checkpoint(77, "test.log", 6, 2),
                (l, b) -> {});

        assertThat(events()).extracting(Event::id).containsExactly(new EventId(77, 6));
        assertThat(rejects()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(new EventId(77, 9));
            assertThat(r.lineNumber()).isEqualTo(4);
        });
        assertThat(batches.getLast().checkpoint()).contains(new Checkpoint(77, "test.log", 13, 4));
        assertThat(result.lines()).isEqualTo(4);
        assertThat(result.bytes()).isEqualTo(13);
        assertThat(result.skipped()).isZero();
    }

    @Test
    void anOverlongLineIsRejectedWithItsHeadKept() throws Exception {
        ingest("short\n" + "z".repeat(5000) + "\nafter\n", 10, Optional.empty(), 1024);
        assertThat(events()).extracting(e -> e.header().rawText()).containsExactly("short", "after");
        assertThat(rejects()).singleElement().satisfies(r -> {
            assertThat(r.raw()).hasSize(1024);
            assertThat(r.lineNumber()).isEqualTo(2);
            assertThat(r.reason()).contains("longer than 1024 bytes");
        });
    }

    private FileIngester.Result ingest(String content, int batchSize, Optional<Checkpoint> checkpoint, int maxLine)
            throws IOException, InterruptedException {
        FileIngester ingester = new FileIngester(new BangRejecter(), batches::add, batchSize, maxLine, stream -> checkpoint);
        return ingester.ingest(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "test.log", (l, b) -> {});
    }

    private List<Event> events() {
        return batches.stream().flatMap(b -> b.events().stream()).toList();
    }

    private List<Reject> rejects() {
        return batches.stream().flatMap(b -> b.rejects().stream()).toList();
    }
}
