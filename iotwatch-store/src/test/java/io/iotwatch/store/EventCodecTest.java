package io.iotwatch.store;

import static io.iotwatch.store.SampleEvents.STREAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.core.event.ArpEvent;
import io.iotwatch.core.event.AuthEvent;
import io.iotwatch.core.event.ClassificationEvent;
import io.iotwatch.core.event.CommunityId;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.DnsEvent;
import io.iotwatch.core.event.Endpoint;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventHeader;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.event.EventType;
import io.iotwatch.core.event.GenericEvent;
import io.iotwatch.core.event.Outcome;
import io.iotwatch.core.event.VendorAlertEvent;
import io.iotwatch.store.EventCodec.Compression;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventCodecTest {

    private static final String HOSTILE = "it's \"quoted\" \\ back`tick; \u0000 NUL %_ \t\r\n\u0001\u001f"
            + " ünïcödé 日本語 עברית \u202e 𝕏 😀 e\u0301 \uFEFF";

    @ParameterizedTest
    @EnumSource(Compression.class)
    void roundTripsEveryTypeFullAndBare(Compression compression) {
        List<Event> events = new ArrayList<>(SampleEvents.oneOfEach(0));
        events.addAll(SampleEvents.bare(6));

        assertThat(roundTrip(compression, events)).containsExactlyElementsOf(events);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void roundTripsHostileTextAMegabyteRawLineAndExtremeNumbers(Compression compression) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(HOSTILE, HOSTILE);
        fields.put("", "");
        fields.put("\u0000", "\u0000\u0000");
        String megabyte = (HOSTILE + "x").repeat((1 << 20) / HOSTILE.length() + 1);
        List<Event> events = List.of(
                new GenericEvent(new EventHeader(new EventId(STREAM, Long.MIN_VALUE), Instant.MIN, HOSTILE, "", megabyte),
                        HOSTILE, fields),
                new ConnectionEvent(new EventHeader(new EventId(STREAM, -1), Instant.MAX, "", HOSTILE, ""), HOSTILE,
                        new Endpoint(HOSTILE, 65535), new Endpoint("", 0), Long.MAX_VALUE, Long.MIN_VALUE, -1, 0,
                        Duration.ofSeconds(Long.MIN_VALUE), HOSTILE, "", HOSTILE, "", Integer.MIN_VALUE),
                new ConnectionEvent(new EventHeader(new EventId(STREAM, Long.MAX_VALUE), Instant.EPOCH.minusNanos(1), "a", "a", "\u0000"),
                        "", null, null, 0, 0, 0, 0, Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), "", "", "", "", Integer.MAX_VALUE),
                new DnsEvent(new EventHeader(new EventId(STREAM, Long.MAX_VALUE), Instant.MIN, "a", "", HOSTILE), null, null,
                        HOSTILE, HOSTILE, "", List.of("", HOSTILE, "")),
                new AuthEvent(SampleEvents.header(1), null, null, HOSTILE, "", HOSTILE, Outcome.SUCCESS, HOSTILE),
                new ArpEvent(SampleEvents.header(2), ArpEvent.Operation.REQUEST, HOSTILE, "", "", HOSTILE),
                new VendorAlertEvent(SampleEvents.header(3), HOSTILE, "", HOSTILE, "", HOSTILE, null,
                        new Endpoint("::1", 1), HOSTILE));

        assertThat(roundTrip(compression, events)).containsExactlyElementsOf(events);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void roundTripsRandomEvents(Compression compression) {
        Random random = new Random(20240301);
        EventCodec codec = new EventCodec(compression);
        for (int round = 0; round < 200; round++) {
            long stream = random.nextLong();
            long position = random.nextLong();
            List<Event> events = new ArrayList<>();
            int n = 1 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                position += random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(2000);
                events.add(randomEvent(random, new EventId(stream, position)));
            }
            EventCodec.Block block = codec.encode(events, 0, events.size());

            assertThat(block.eventCount()).isEqualTo(n);
            assertThat(EventCodec.decode(block.codec(), block.payload())).as("round %d", round).containsExactlyElementsOf(events);
        }
    }

    @Test
    void describesTheBlockItEncodes() {
        List<Event> events = List.of(SampleEvents.dns(10), SampleEvents.connection(20), SampleEvents.dns(35));

        EventCodec.Block block = new EventCodec(Compression.LZ4).encode(events, 0, 3);

        assertThat(block.stream()).isEqualTo(STREAM);
        assertThat(block.firstPosition()).isEqualTo(10);
        assertThat(block.lastPosition()).isEqualTo(35);
        assertThat(block.timeMinNanos()).isEqualTo(EventCodec.epochNanos(SampleEvents.TIME.plusSeconds(10)));
        assertThat(block.timeMaxNanos()).isEqualTo(EventCodec.epochNanos(SampleEvents.TIME.plusSeconds(35)));
        assertThat(block.codec()).isEqualTo("iwev1-lz4");
        assertThat(block.countsByType()[EventType.DNS.ordinal()]).isEqualTo(2);
        assertThat(block.countsByType()[EventType.CONNECTION.ordinal()]).isEqualTo(1);
        assertThat(EventCodec.epochNanos(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
        assertThat(EventCodec.epochNanos(Instant.MIN)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void endsABlockOnceItsBodyPassesTheBlockSize() {
        String line = "x".repeat(EventCodec.BLOCK_BYTES / 3);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            events.add(new GenericEvent(SampleEvents.header(STREAM, i, line), "", null));
        }
        EventCodec codec = new EventCodec(Compression.NONE);

        EventCodec.Block first = codec.encode(events, 0, 7);
        EventCodec.Block second = codec.encode(events, first.eventCount(), 7);

        assertThat(first.eventCount()).isEqualTo(3);
        assertThat(second.firstPosition()).isEqualTo(3);
        assertThat(EventCodec.decode(second.codec(), second.payload())).containsExactlyElementsOf(events.subList(3, 6));
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void everyTruncationOfAPayloadIsReportedAsCorrupt(Compression compression) {
        EventCodec.Block block = new EventCodec(compression).encode(SampleEvents.oneOfEach(0), 0, 6);
        for (int length = 0; length < block.payload().length; length++) {
            byte[] truncated = Arrays.copyOf(block.payload(), length);
            assertThatThrownBy(() -> EventCodec.decode(block.codec(), truncated))
                    .as("truncated to %d bytes", length)
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("corrupt event block");
        }
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void corruptPayloadsFailClearlyAndNeverHangOrExhaustMemory(Compression compression) {
        EventCodec.Block block = new EventCodec(compression).encode(SampleEvents.oneOfEach(0), 0, 6);
        Random random = new Random(99);
        for (int round = 0; round < 2000; round++) {
            byte[] corrupt = block.payload().clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                corrupt[random.nextInt(corrupt.length)] ^= (byte) (1 << random.nextInt(8));
            }
            try {
                EventCodec.decode(block.codec(), corrupt);
            } catch (StoreException e) {
                assertThat(e).hasMessageContaining("corrupt event block");
            }
        }
    }

    @Test
    void aHugeDeclaredLengthIsRejectedBeforeAllocating() {
        // uvarint 2^31 - 9 as the body length of a 3-byte LZ4 payload, and as an event count and text length
        byte[] hugeBody = {(byte) 0xf7, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07, 1, 2, 3};
        byte[] hugeCount = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07, 0};

        assertThatThrownBy(() -> EventCodec.decode("iwev1-lz4", hugeBody)).isInstanceOf(StoreException.class)
                .hasMessageContaining("declared body length");
        assertThatThrownBy(() -> EventCodec.decode("iwev1-deflate", hugeBody)).isInstanceOf(StoreException.class)
                .hasMessageContaining("declared body length");
        assertThatThrownBy(() -> EventCodec.decode("iwev1", hugeCount)).isInstanceOf(StoreException.class)
                .hasMessageContaining("exceeds");
        assertThatThrownBy(() -> EventCodec.decode("iwev1", new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
                (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 1}))
                .isInstanceOf(StoreException.class).hasMessageContaining("varint longer than 10 bytes");
    }

    @Test
    void anUnknownCodecIsReported() {
        assertThatThrownBy(() -> EventCodec.decode("iwev9-zstd", new byte[0]))
                .isInstanceOf(StoreException.class).hasMessageContaining("unknown event block codec 'iwev9-zstd'");
    }

    /** Blocks stored before connections had a Community ID used tag 1 and ended at the TCP flags. */
    @Test
    void readsConnectionsStoredBeforeTheyHadACommunityId() {
        ConnectionEvent connection = (ConnectionEvent) SampleEvents.bare(0).getFirst();

        assertThat(EventCodec.decode(Compression.NONE.codec, asWrittenBefore(connection, 7, 1))).containsExactly(connection);
    }

    /** Blocks stored before ARP events kept the frame's source MAC used tag 4 and ended at the target MAC. */
    @Test
    void readsArpEventsStoredBeforeTheyKeptTheFrameSource() {
        ArpEvent arp = SampleEvents.arp(0);

        assertThat(EventCodec.decode(Compression.NONE.codec, asWrittenBefore(arp, 8, 4))).containsExactly(arp);
    }

    /**
     * One event encoded as an older version wrote it: without its last field, which must be empty text (one
     * byte), and under the older tag, the first byte equal to the current tag.
     */
    private static byte[] asWrittenBefore(Event event, int tag, int olderTag) {
        byte[] current = new EventCodec(Compression.NONE).encode(List.of(event), 0, 1).payload();
        byte[] older = Arrays.copyOf(current, current.length - 1);
        int at = 0;
        while (older[at] != tag) {
            at++;
        }
        older[at] = (byte) olderTag;
        return older;
    }

    private static List<Event> roundTrip(Compression compression, List<Event> events) {
        EventCodec.Block block = new EventCodec(compression).encode(events, 0, events.size());
        assertThat(block.eventCount()).isEqualTo(events.size());
        assertThat(block.codec()).isEqualTo(compression.codec);
        return EventCodec.decode(block.codec(), block.payload());
    }

    private static Event randomEvent(Random random, EventId id) {
        Instant time = switch (random.nextInt(4)) {
            case 0 -> Instant.MIN;
            case 1 -> Instant.MAX;
            default -> Instant.ofEpochSecond(random.nextLong(-1L << 40, 1L << 40), random.nextInt(1_000_000_000));
        };
        EventHeader header = new EventHeader(id, time, text(random, 3), text(random, 3), text(random, 200));
        return switch (random.nextInt(7)) {
            case 0 -> new ConnectionEvent(header, text(random, 5), endpoint(random), endpoint(random), random.nextLong(),
                    random.nextLong(), random.nextLong(), random.nextInt(), Duration.ofSeconds(random.nextLong(), random.nextInt(1_000_000_000)),
                    text(random, 8), text(random, 4), text(random, 8), text(random, 8), random.nextInt(),
                    communityId(random));
            case 1 -> new DnsEvent(header, endpoint(random), endpoint(random), text(random, 40), text(random, 4),
                    text(random, 8), texts(random));
            case 2 -> new AuthEvent(header, endpoint(random), endpoint(random), text(random, 10), text(random, 5),
                    text(random, 8), Outcome.values()[random.nextInt(3)], text(random, 20));
            case 3 -> new ArpEvent(header, ArpEvent.Operation.values()[random.nextInt(3)], text(random, 15),
                    text(random, 17), text(random, 15), text(random, 17), text(random, 17));
            case 4 -> new VendorAlertEvent(header, text(random, 5), text(random, 20), text(random, 8), text(random, 8),
                    text(random, 4), endpoint(random), endpoint(random), text(random, 50));
            case 5 -> new ClassificationEvent(header, text(random, 20), text(random, 30), text(random, 10),
                    random.nextInt(3) == 0 ? random.nextInt(2) : random.nextDouble(), text(random, 4), endpoint(random),
                    endpoint(random), Duration.ofSeconds(random.nextLong(), random.nextInt(1_000_000_000)),
                    communityId(random));
            default -> {
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = random.nextInt(6); i > 0; i--) {
                    fields.put(text(random, 8), text(random, 30));
                }
                yield new GenericEvent(header, text(random, 12), fields);
            }
        };
    }

    /** None, a given text, or one computed from a random IPv4 or IPv6 tuple when first read. */
    private static CommunityId communityId(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> CommunityId.NONE;
            case 1 -> CommunityId.of(text(random, 30));
            case 2 -> CommunityId.ipv4(random.nextInt(1 << 16), random.nextInt(), random.nextInt(), random.nextInt(256),
                    random.nextInt(1 << 16), random.nextInt(1 << 16));
            default -> CommunityId.ipv6(random.nextInt(1 << 16), random.nextLong(), random.nextLong(), random.nextLong(),
                    random.nextLong(), random.nextInt(256), random.nextInt(1 << 16), random.nextInt(1 << 16));
        };
    }

    private static Endpoint endpoint(Random random) {
        return random.nextInt(4) == 0 ? Endpoint.UNKNOWN : new Endpoint(text(random, 39), random.nextInt(65536));
    }

    private static List<String> texts(Random random) {
        List<String> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            list.add(text(random, 20));
        }
        return list;
    }

    /** Empty, ASCII or any Unicode code point (no lone surrogates: text decoded from bytes holds none). */
    private static String text(Random random, int maxLength) {
        int length = random.nextInt(4) == 0 ? 0 : random.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int codePoint = switch (random.nextInt(3)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> random.nextInt(0xd800);
                default -> random.nextInt(0xe000, Character.MAX_CODE_POINT + 1);
            };
            s.appendCodePoint(codePoint);
        }
        return s.toString();
    }
}
