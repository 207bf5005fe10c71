package io.iotwatch.app.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventType;
import io.iotwatch.store.BatchWriter;
import io.iotwatch.store.EventStore;
import io.iotwatch.store.EventStores;
import io.iotwatch.store.StoreSettings;
import io.iotwatch.web.monitor.SourceStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A watched folder of FortiGate logs, followed into a real SQLite store as 'serve' does. */
class WatchedFolderTest {

    private static final Duration INTERVAL = Duration.ofMillis(100);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path data;

    @TempDir
    Path folder;

    private int lines;

    @Test
    void picksUpNewFilesAndAppendedLinesAndReadsALineOnlyOnceItIsComplete() throws Exception {
        Path log = folder.resolve("fgt.log");
        append(log, line() + line());
        try (EventStore store = store(); BatchWriter writer = new BatchWriter(store, 4)) {
            FolderSource source = start(store, writer);
            try {
                awaitStored(store, writer, 2);

                append(log, line() + line());
                awaitStored(store, writer, 4);

                String next = line();
                append(log, next.substring(0, 40));
                Thread.sleep(5 * INTERVAL.toMillis());
                writer.flush();
                assertThat(store.summary().totalEvents()).as("a line without its newline yet").isEqualTo(4);
                append(log, next.substring(40));
                awaitStored(store, writer, 5);

                Path older = Files.createDirectories(folder.resolve("archive")).resolve("fgt-1.log.gz");
                try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(older))) {
                    gz.write((line() + line() + line()).getBytes(StandardCharsets.UTF_8));
                }
                awaitStored(store, writer, 8);

                Files.write(folder.resolve("capture.pcap"), new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, 2, 0, 4, 0});
                Eventually.await("the capture named", PATIENCE, () -> source.status().detail().contains("capture.pcap is a packet capture"));
                writer.flush();
                assertThat(store.summary().totalEvents()).isEqualTo(8);
                assertThat(store.summary().rejects()).isZero();
            } finally {
                source.close();
            }
            SourceStatus status = source.status();
            assertThat(status.kind()).isEqualTo("folder");
            assertThat(status.name()).isEqualTo(folder.toString());
            assertThat(status.events()).isEqualTo(8);
            assertThat(status.lastActivity()).isNotNull();
        }
    }

    @Test
    void storesNothingTwiceAcrossARestartAndReadsOnWhereItStopped() throws Exception {
        Path log = folder.resolve("fgt.log");
        append(log, line() + line() + line());
        Files.writeString(folder.resolve("other.log"), line());
        try (EventStore store = store(); BatchWriter writer = new BatchWriter(store, 4)) {
            FolderSource first = start(store, writer);
            awaitStored(store, writer, 4);
            first.close();
            writer.flush();

            append(log, line());
            FolderSource second = start(store, writer);
            try {
                awaitStored(store, writer, 5);
                Thread.sleep(5 * INTERVAL.toMillis());
                writer.flush();
                assertThat(store.summary().totalEvents()).isEqualTo(5);
                assertThat(second.status().events()).as("read after the restart").isEqualTo(1);
            } finally {
                second.close();
            }
        }
    }

    @Test
    void aRotatedFileIsReadOnWhereItStoppedAndATruncatedOneFromItsNewStart() throws Exception {
        Path log = folder.resolve("fgt.log");
        append(log, line() + line());
        try (EventStore store = store(); BatchWriter writer = new BatchWriter(store, 4)) {
            FolderSource source = start(store, writer);
            try {
                awaitStored(store, writer, 2);

                // logrotate: the file renamed, one more line written to it late, a new file in its place
                Files.move(log, folder.resolve("fgt.log.1"));
                append(folder.resolve("fgt.log.1"), line());
                append(log, line());
                awaitStored(store, writer, 4);

                // truncated in place and written again
                Files.writeString(log, "", StandardOpenOption.TRUNCATE_EXISTING);
                Thread.sleep(3 * INTERVAL.toMillis());
                append(log, line() + line());
                awaitStored(store, writer, 6);

                Thread.sleep(5 * INTERVAL.toMillis());
                writer.flush();
                assertThat(store.summary().totalEvents()).isEqualTo(6);
                assertThat(source.status().online()).isTrue();
                assertThat(store.events(EventType.CONNECTION, 100)).extracting(Event::time).doesNotHaveDuplicates();
            } finally {
                source.close();
            }
        }
    }

    @Test
    void aFolderThatDoesNotExistYetIsShownOfflineUntilItDoes() throws Exception {
        Path later = folder.resolve("later");
        try (EventStore store = store(); BatchWriter writer = new BatchWriter(store, 4)) {
            RecordingListener listener = new RecordingListener();
            FolderSource source = FolderSource.start(later, INTERVAL, writer, 100, 1 << 20, store::checkpoint, listener);
            try {
                Eventually.await("the folder reported missing", PATIENCE,
                        () -> source.status().detail().equals("no such folder: " + later));
                assertThat(source.status().online()).isFalse();
                // looked at missing again and again, and then found: each of those looks said the same
                Thread.sleep(5 * INTERVAL.toMillis());

                Files.createDirectories(later);
                Files.writeString(later.resolve("fgt.log"), line());
                awaitStored(store, writer, 1);
                // the line is handed over while the folder is still being looked at; the status follows the look
                Eventually.await("the folder shown online", PATIENCE, () -> source.status().online());
                assertThat(source.status().detail()).startsWith("following 1 file");
                Thread.sleep(5 * INTERVAL.toMillis());
            } finally {
                source.close();
            }
            assertThat(source.status().online()).isFalse();
            assertThat(listener.told()).containsExactly(later + " folder OFFLINE no such folder: " + later,
                    later + " folder ONLINE", later + " folder STOPPED");
        }
    }

    private FolderSource start(EventStore store, BatchWriter writer) {
        return FolderSource.start(folder, INTERVAL, writer, 100, 1 << 20, store::checkpoint, SourceListener.NONE);
    }

    private EventStore store() {
        return EventStores.open(StoreSettings.embedded(data));
    }

    private static void awaitStored(EventStore store, BatchWriter writer, long events) throws InterruptedException {
        Eventually.await(events + " events stored", PATIENCE, () -> {
            try {
                writer.flush();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return store.summary().totalEvents() >= events;
        });
        assertThat(store.summary().totalEvents()).isEqualTo(events);
    }

    /** A FortiGate traffic line, each a second after the one before. */
    private String line() {
        lines++;
        return String.format("date=2026-03-14 time=08:%02d:%02d devname=\"FGT40F\" eventtime=%d tz=\"+0000\" logid=\"0000000013\""
                + " type=\"traffic\" subtype=\"forward\" level=\"notice\" srcip=192.168.10.%d srcport=%d dstip=52.28.14.7"
                + " dstport=443 proto=6 action=\"accept\" policyid=7 service=\"HTTPS\" duration=3 sentbyte=440 rcvdbyte=1822\n",
                lines / 60, lines % 60, 1773475200L + lines, 10 + lines % 200, 40000 + lines);
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
