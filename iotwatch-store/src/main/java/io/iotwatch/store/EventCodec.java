package io.iotwatch.store;

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
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;

/**
 * The binary encoding of a block of events of one stream: the payload column of {@code event_blocks},
 * named by its codec column. Not thread-safe: each writer keeps one, whose buffers it reuses.
 *
 * <h2>Format {@code iwev1}</h2>
 * Integers are unsigned LEB128 varints ({@code uvarint}: 7 bits per byte, least significant first, high
 * bit set on all but the last byte) or zigzag-encoded signed varints ({@code svarint}: {@code (n << 1) ^
 * (n >> 63)}). Text is {@code str}: a uvarint byte length, then that many bytes of UTF-8; {@code bytes} is
 * a uvarint length, then that many bytes as received (the raw record, valid UTF-8 or not). Deltas are taken
 * with 64-bit wrap-around arithmetic.
 * <pre>
 * body     = uvarint count, svarint stream, count * event
 * event    = u8 tag, svarint position - previous position (the first: - 0),
 *            svarint epoch second - previous event's epoch second (the first: - 0), uvarint nano of second,
 *            same source, same observer, bytes raw, fields(tag)
 * same     = uvarint 0: the previous event's value (the first event's previous is empty)
 *          | uvarint n + 1, n bytes of UTF-8
 * endpoint = str ip, uvarint port
 * duration = svarint seconds, uvarint nano of second
 * fields(1 connection)   = str protocol, endpoint source, endpoint destination, svarint bytes out,
 *                          svarint bytes in, svarint packets out, svarint packets in, duration,
 *                          str action, str policy, str service, str application, svarint tcp flags
 * fields(2 dns)          = endpoint client, endpoint server, str query name, str query type,
 *                          str response code, uvarint n, n * str answer
 * fields(3 auth)         = endpoint source, endpoint target, str user, str service, str method,
 *                          u8 outcome (0 success, 1 failure, 2 unknown), str reason
 * fields(4 arp)          = u8 operation (0 request, 1 reply, 2 other), str sender ip, str sender mac,
 *                          str target ip, str target mac
 * fields(5 vendor_alert) = str category, str signature, str severity, str action, str protocol,
 *                          endpoint source, endpoint destination, str message
 * fields(6 generic)      = str kind, uvarint n, n * (str key, str value)
 * </pre>
 * The payload of codec {@code iwev1} is the body; of {@code iwev1-lz4} a uvarint body length followed by
 * the body as one LZ4 block (the LZ4 block format, no frame); of {@code iwev1-deflate} a uvarint body
 * length followed by the body as raw DEFLATE (RFC 1951, no zlib header).
 *
 * <p>Text that is not valid UTF-16 (a lone surrogate) is written as {@code ?}; text decoded from bytes,
 * as every event's is, never holds one.
 */
final class EventCodec {

    /** How a body is compressed; {@link #codec} names the format in the codec column. */
    enum Compression {
        NONE("iwev1"), LZ4("iwev1-lz4"), DEFLATE("iwev1-deflate");

        final String codec;

        Compression(String codec) {
            this.codec = codec;
        }

        static Compression of(String codec) {
            for (Compression c : values()) {
                if (c.codec.equals(codec)) {
                    return c;
                }
            }
            throw new StoreException("unknown event block codec '" + codec + "'", null);
        }
    }

    /**
     * An encoded block and what the event_blocks row says about it.
     *
     * @param countsByType events per {@link EventType}, indexed by ordinal
     */
    record Block(long stream, long firstPosition, long lastPosition, long timeMinNanos, long timeMaxNanos,
            int eventCount, long[] countsByType, String codec, byte[] payload) {}

    /** A block ends after the event that brings its body past this size, so that rows stay far below
     * database packet limits (MariaDB's max_allowed_packet) whatever the batch size. */
    static final int BLOCK_BYTES = 4 << 20;

    /** A connection as written before it had a Community ID; still read. */
    private static final int TAG_CONNECTION = 1;
    private static final int TAG_DNS = 2;
    private static final int TAG_AUTH = 3;
    /** An ARP message as written before it kept the frame's source MAC; still read. */
    private static final int TAG_ARP = 4;
    private static final int TAG_VENDOR_ALERT = 5;
    private static final int TAG_GENERIC = 6;
    private static final int TAG_CONNECTION_WITH_ID = 7;
    private static final int TAG_ARP_WITH_FRAME_SOURCE = 8;
    private static final int TAG_CLASSIFICATION = 9;
    // LZ4 cannot expand data more than 255 times, DEFLATE not more than 1032 times: a declared body
    // length beyond that is corrupt, and checking it keeps a corrupt length from allocating gigabytes
    private static final int LZ4_MAX_RATIO = 255;
    private static final int DEFLATE_MAX_RATIO = 1032;
    private static final LZ4Factory LZ4 = LZ4Factory.fastestInstance();

    private final Compression compression;
    private final LZ4Compressor lz4 = LZ4.fastCompressor();
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    private byte[] body = new byte[1 << 16];
    private int length;
    private byte[] packed = new byte[1 << 16];

    EventCodec(Compression compression) {
        this.compression = compression;
    }

    /**
     * Encodes events {@code from} up to {@code to} of one stream, in ascending position order, or as many
     * of them as fit {@link #BLOCK_BYTES} (at least one): {@link Block#eventCount()} says how many.
     */
    Block encode(List<Event> events, int from, int to) {
        long stream = events.get(from).id().stream();
        length = 0;
        int countAt = reserveCount();
        putSigned(stream);
        long[] counts = new long[EventType.values().length];
        long previousPosition = 0;
        long previousSecond = 0;
        long timeMin = Long.MAX_VALUE;
        long timeMax = Long.MIN_VALUE;
        String previousSource = "";
        String previousObserver = "";
        int i = from;
        while (i < to && (i == from || length < BLOCK_BYTES)) {
            Event event = events.get(i++);
            EventHeader header = event.header();
            counts[event.type().ordinal()]++;
            long nanos = epochNanos(header.time());
            timeMin = Math.min(timeMin, nanos);
            timeMax = Math.max(timeMax, nanos);
            putByte(tag(event.type()));
            putSigned(header.id().position() - previousPosition);
            previousPosition = header.id().position();
            putSigned(header.time().getEpochSecond() - previousSecond);
            previousSecond = header.time().getEpochSecond();
            putUnsigned(header.time().getNano());
            putSame(header.source(), previousSource);
            previousSource = header.source();
            putSame(header.observer(), previousObserver);
            previousObserver = header.observer();
            putBytes(header.raw());
            putFields(event);
        }
        int count = i - from;
        patchCount(countAt, count);
        byte[] payload = compress();
        return new Block(stream, events.get(from).id().position(), events.get(i - 1).id().position(),
                timeMin, timeMax, count, counts, compression.codec, payload);
    }

    private void putFields(Event event) {
        switch (event) {
            case ConnectionEvent c -> {
                putText(c.protocol());
                putEndpoint(c.source());
                putEndpoint(c.destination());
                putSigned(c.bytesOut());
                putSigned(c.bytesIn());
                putSigned(c.packetsOut());
                putSigned(c.packetsIn());
                putSigned(c.duration().getSeconds());
                putUnsigned(c.duration().getNano());
                putText(c.action());
                putText(c.policy());
                putText(c.service());
                putText(c.application());
                putSigned(c.tcpFlags());
                putText(c.communityId().text());
            }
            case DnsEvent d -> {
                putEndpoint(d.client());
                putEndpoint(d.server());
                putText(d.queryName());
                putText(d.queryType());
                putText(d.responseCode());
                putUnsigned(d.answers().size());
                for (String answer : d.answers()) {
                    putText(answer);
                }
            }
            case AuthEvent a -> {
                putEndpoint(a.source());
                putEndpoint(a.target());
                putText(a.user());
                putText(a.service());
                putText(a.method());
                putByte(switch (a.outcome()) {
                    case SUCCESS -> 0;
                    case FAILURE -> 1;
                    case UNKNOWN -> 2;
                });
                putText(a.reason());
            }
            case ArpEvent a -> {
                putByte(switch (a.operation()) {
                    case REQUEST -> 0;
                    case REPLY -> 1;
                    case OTHER -> 2;
                });
                putText(a.senderIp());
                putText(a.senderMac());
                putText(a.targetIp());
                putText(a.targetMac());
                putText(a.frameSourceMac());
            }
            case VendorAlertEvent v -> {
                putText(v.category());
                putText(v.signature());
                putText(v.severity());
                putText(v.action());
                putText(v.protocol());
                putEndpoint(v.source());
                putEndpoint(v.destination());
                putText(v.message());
            }
            case ClassificationEvent m -> {
                putText(m.model());
                putText(m.attackClass());
                putText(m.group());
                putSigned(Double.doubleToLongBits(m.confidence()));
                putText(m.protocol());
                putEndpoint(m.source());
                putEndpoint(m.destination());
                putSigned(m.duration().getSeconds());
                putUnsigned(m.duration().getNano());
                putText(m.communityId().text());
            }
            case GenericEvent g -> {
                putText(g.kind());
                putUnsigned(g.fields().size());
                for (Map.Entry<String, String> field : g.fields().entrySet()) {
                    putText(field.getKey());
                    putText(field.getValue());
                }
            }
        }
    }

    private static int tag(EventType type) {
        return switch (type) {
            case CONNECTION -> TAG_CONNECTION_WITH_ID;
            case DNS -> TAG_DNS;
            case AUTH -> TAG_AUTH;
            case ARP -> TAG_ARP_WITH_FRAME_SOURCE;
            case VENDOR_ALERT -> TAG_VENDOR_ALERT;
            case GENERIC -> TAG_GENERIC;
            case CLASSIFICATION -> TAG_CLASSIFICATION;
        };
    }

    /** Nanoseconds since the epoch, held at the nearest bound for instants beyond +-292 years. */
    static long epochNanos(Instant time) {
        return epochNanos(time.getEpochSecond(), time.getNano());
    }

    /** As {@link #epochNanos(Instant)}, for a time given as epoch seconds and nanoseconds of the second. */
    static long epochNanos(long seconds, int nanos) {
        if (seconds >= Long.MAX_VALUE / 1_000_000_000L) {
            return Long.MAX_VALUE;
        }
        if (seconds <= Long.MIN_VALUE / 1_000_000_000L) {
            return Long.MIN_VALUE;
        }
        return seconds * 1_000_000_000L + nanos;
    }

    /** The instant of epoch nanoseconds, as {@link #epochNanos} wrote it. */
    static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }

    // The count comes first but is known last: five bytes are reserved, enough for any int, and the
    // varint is padded to them with continuation bits, which any LEB128 reader accepts.
    private int reserveCount() {
        ensure(5);
        int at = length;
        length += 5;
        return at;
    }

    private void patchCount(int at, int count) {
        for (int k = 0; k < 4; k++) {
            body[at + k] = (byte) ((count >>> (7 * k)) & 0x7f | 0x80);
        }
        body[at + 4] = (byte) (count >>> 28);
    }

    private void putByte(int b) {
        ensure(1);
        body[length++] = (byte) b;
    }

    private void putSigned(long n) {
        putUnsigned((n << 1) ^ (n >> 63));
    }

    private void putUnsigned(long n) {
        ensure(10);
        while ((n & ~0x7fL) != 0) {
            body[length++] = (byte) ((n & 0x7f) | 0x80);
            n >>>= 7;
        }
        body[length++] = (byte) n;
    }

    private void putText(String s) {
        putUtf8(s, 0);
    }

    private void putSame(String s, String previous) {
        if (s.equals(previous)) {
            putByte(0);
        } else {
            putUtf8(s, 1);
        }
    }

    /**
     * Writes {@code s} as UTF-8 after its byte length plus {@code lengthBias}. String#getBytes makes an
     * array per text, yet measured 3 times faster than copying ASCII chars one by one into the buffer.
     */
    private void putBytes(byte[] bytes) {
        putUnsigned(bytes.length);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, body, length, bytes.length);
        length += bytes.length;
    }

    private void putUtf8(String s, int lengthBias) {
        if (s.isEmpty()) {
            putUnsigned(lengthBias);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        putUnsigned(utf8.length + (long) lengthBias);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, body, length, utf8.length);
        length += utf8.length;
    }

    private void putEndpoint(Endpoint endpoint) {
        putText(endpoint.ip());
        putUnsigned(endpoint.port());
    }

    private void ensure(int more) {
        if (body.length - length < more) {
            body = Arrays.copyOf(body, (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) body.length * 2, (long) length + more)));
        }
    }

    private byte[] compress() {
        return switch (compression) {
            case NONE -> Arrays.copyOf(body, length);
            case LZ4 -> {
                int bound = lz4.maxCompressedLength(length);
                int at = prefixLength(bound);
                int n = lz4.compress(body, 0, length, packed, at, bound);
                yield Arrays.copyOf(packed, at + n);
            }
            case DEFLATE -> {
                int at = prefixLength(length + length / 1000 + 64);
                deflater.reset();
                deflater.setInput(body, 0, length);
                deflater.finish();
                while (!deflater.finished()) {
                    if (at == packed.length) {
                        packed = Arrays.copyOf(packed, packed.length * 2);
                    }
                    at += deflater.deflate(packed, at, packed.length - at);
                }
                yield Arrays.copyOf(packed, at);
            }
        };
    }

    /** Writes the body length to the start of {@link #packed}, grown to hold it and {@code room} more. */
    private int prefixLength(int room) {
        if (packed.length < room + 5) {
            packed = new byte[room + 5];
        }
        int at = 0;
        int n = length;
        while ((n & ~0x7f) != 0) {
            packed[at++] = (byte) ((n & 0x7f) | 0x80);
            n >>>= 7;
        }
        packed[at++] = (byte) n;
        return at;
    }

    /**
     * The events of a payload written by {@link #encode} with the named codec.
     *
     * @throws StoreException if the codec is unknown or the payload is truncated or corrupt
     */
    static List<Event> decode(String codec, byte[] payload) {
        Compression compression = Compression.of(codec);
        try {
            Reader in = new Reader(payload, 0, payload.length);
            byte[] body = switch (compression) {
                case NONE -> payload;
                case LZ4 -> unLz4(in);
                case DEFLATE -> inflate(in);
            };
            return readBody(new Reader(body, 0, body.length));
        } catch (Corrupt e) {
            throw new StoreException("corrupt event block (codec " + codec + ", " + payload.length + " bytes): " + e.getMessage(), null);
        }
    }

    private static byte[] unLz4(Reader in) {
        int size = in.bodyLength(LZ4_MAX_RATIO);
        byte[] body = new byte[size];
        try {
            int n = LZ4.safeDecompressor().decompress(in.bytes, in.at, in.end - in.at, body, 0, size);
            if (n != size) {
                throw new Corrupt("LZ4 block holds " + n + " bytes, not the declared " + size);
            }
        } catch (LZ4Exception e) {
            throw new Corrupt("bad LZ4 block: " + e.getMessage());
        }
        return body;
    }

    private static byte[] inflate(Reader in) {
        int size = in.bodyLength(DEFLATE_MAX_RATIO);
        byte[] body = new byte[size];
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(in.bytes, in.at, in.end - in.at);
            // the end of the data is seen only when inflating on past the body's last byte
            byte[] beyond = new byte[1];
            int n = 0;
            while (!inflater.finished()) {
                int got = n < size ? inflater.inflate(body, n, size - n) : inflater.inflate(beyond);
                if (n == size && got > 0) {
                    throw new Corrupt("DEFLATE data holds more than the declared " + size + " bytes");
                }
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new Corrupt("DEFLATE data ends after " + n + " of the declared " + size + " bytes");
                }
                n += got;
            }
            if (n != size || inflater.getRemaining() > 0) {
                throw new Corrupt("DEFLATE data holds " + n + " bytes and " + inflater.getRemaining()
                        + " bytes follow it, for a declared body of " + size);
            }
        } catch (DataFormatException e) {
            throw new Corrupt("bad DEFLATE data: " + e.getMessage());
        } finally {
            inflater.end();
        }
        return body;
    }

    private static List<Event> readBody(Reader in) {
        int count = in.count(1);
        long stream = in.signed();
        List<Event> events = new ArrayList<>(count);
        long position = 0;
        long second = 0;
        String source = "";
        String observer = "";
        for (int k = 0; k < count; k++) {
            int tag = in.u8();
            position += in.signed();
            second += in.signed();
            Instant time = in.instant(second, in.nano());
            source = in.same(source);
            observer = in.same(observer);
            EventHeader header = new EventHeader(new EventId(stream, position), time, source, observer, in.rawBytes());
            events.add(readFields(tag, header, in));
        }
        if (in.at != in.end) {
            throw new Corrupt((in.end - in.at) + " bytes after the last of " + count + " events");
        }
        return events;
    }

    private static ArpEvent.Operation arpOperation(int code) {
        return switch (code) {
            case 0 -> ArpEvent.Operation.REQUEST;
            case 1 -> ArpEvent.Operation.REPLY;
            case 2 -> ArpEvent.Operation.OTHER;
            default -> throw new Corrupt("unknown ARP operation");
        };
    }

    private static Event readFields(int tag, EventHeader header, Reader in) {
        return switch (tag) {
            case TAG_CONNECTION -> new ConnectionEvent(header, in.text(), in.endpoint(), in.endpoint(),
                    in.signed(), in.signed(), in.signed(), in.signed(), in.duration(),
                    in.text(), in.text(), in.text(), in.text(), in.int32());
            case TAG_CONNECTION_WITH_ID -> new ConnectionEvent(header, in.text(), in.endpoint(), in.endpoint(),
                    in.signed(), in.signed(), in.signed(), in.signed(), in.duration(),
                    in.text(), in.text(), in.text(), in.text(), in.int32(), CommunityId.of(in.text()));
            case TAG_DNS -> new DnsEvent(header, in.endpoint(), in.endpoint(), in.text(), in.text(), in.text(), in.texts());
            case TAG_AUTH -> new AuthEvent(header, in.endpoint(), in.endpoint(), in.text(), in.text(), in.text(),
                    switch (in.u8()) {
                        case 0 -> Outcome.SUCCESS;
                        case 1 -> Outcome.FAILURE;
                        case 2 -> Outcome.UNKNOWN;
                        default -> throw new Corrupt("unknown outcome");
                    },
                    in.text());
            case TAG_ARP -> new ArpEvent(header, arpOperation(in.u8()), in.text(), in.text(), in.text(), in.text());
            case TAG_ARP_WITH_FRAME_SOURCE -> new ArpEvent(header, arpOperation(in.u8()), in.text(), in.text(), in.text(),
                    in.text(), in.text());
            case TAG_VENDOR_ALERT -> new VendorAlertEvent(header, in.text(), in.text(), in.text(), in.text(), in.text(),
                    in.endpoint(), in.endpoint(), in.text());
            case TAG_GENERIC -> new GenericEvent(header, in.text(), in.textMap());
            case TAG_CLASSIFICATION -> new ClassificationEvent(header, in.text(), in.text(), in.text(), in.probability(),
                    in.text(), in.endpoint(), in.endpoint(), in.duration(), CommunityId.of(in.text()));
            default -> throw new Corrupt("unknown event tag " + tag + " at event " + header.id());
        };
    }

    /** Why a payload cannot be decoded; {@link #decode} turns it into a {@link StoreException}. */
    private static final class Corrupt extends RuntimeException {
        Corrupt(String message) {
            super(message, null, false, false);
        }
    }

    /** Reads a body, checking every length against the bytes left, so that no corrupt value over-reads or over-allocates. */
    private static final class Reader {
        final byte[] bytes;
        int at;
        final int end;

        Reader(byte[] bytes, int at, int end) {
            this.bytes = bytes;
            this.at = at;
            this.end = end;
        }

        int u8() {
            if (at >= end) {
                throw new Corrupt("truncated at byte " + at);
            }
            return bytes[at++] & 0xff;
        }

        long unsigned() {
            long n = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = u8();
                n |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return n;
                }
            }
            throw new Corrupt("varint longer than 10 bytes at byte " + at);
        }

        long signed() {
            long n = unsigned();
            return (n >>> 1) ^ -(n & 1);
        }

        /** A probability stored as its IEEE bits; anything outside 0..1 is corruption. */
        double probability() {
            double p = Double.longBitsToDouble(signed());
            if (!(p >= 0 && p <= 1)) {
                throw new Corrupt("probability out of range: " + p);
            }
            return p;
        }

        int int32() {
            long n = signed();
            if (n != (int) n) {
                throw new Corrupt("value out of range: " + n);
            }
            return (int) n;
        }

        /** A length or count of items of at least {@code minItemBytes} each, which the bytes left must hold. */
        int count(int minItemBytes) {
            long n = unsigned();
            if (n < 0 || n > (long) (end - at) / minItemBytes) {
                throw new Corrupt("length " + Long.toUnsignedString(n) + " at byte " + at + " exceeds the " + (end - at) + " bytes left");
            }
            return (int) n;
        }

        int bodyLength(int maxRatio) {
            long n = unsigned();
            if (n < 0 || n > Integer.MAX_VALUE - 8 || n > (long) (end - at) * maxRatio) {
                throw new Corrupt("declared body length " + Long.toUnsignedString(n) + " cannot come from " + (end - at) + " bytes");
            }
            return (int) n;
        }

        int nano() {
            long n = unsigned();
            if (n < 0 || n > 999_999_999) {
                throw new Corrupt("nanosecond out of range: " + n);
            }
            return (int) n;
        }

        Instant instant(long second, int nano) {
            try {
                return Instant.ofEpochSecond(second, nano);
            } catch (DateTimeException e) {
                throw new Corrupt("time out of range: " + second);
            }
        }

        Duration duration() {
            long seconds = signed();
            return Duration.ofSeconds(seconds, nano());
        }

        String text() {
            int n = count(1);
            return utf8(n);
        }

        String same(String previous) {
            int n = count(1);
            return n == 0 ? previous : utf8(n - 1);
        }

        byte[] rawBytes() {
            int n = count(1);
            checkLeft(n);
            byte[] copy = Arrays.copyOfRange(bytes, at, at + n);
            at += n;
            return copy;
        }

        private String utf8(int n) {
            checkLeft(n);
            String s = n == 0 ? "" : new String(bytes, at, n, StandardCharsets.UTF_8);
            at += n;
            return s;
        }

        private void checkLeft(int n) {
            if (n > end - at) {
                throw new Corrupt("text of " + n + " bytes at byte " + at + " exceeds the " + (end - at) + " bytes left");
            }
        }

        Endpoint endpoint() {
            String ip = text();
            long port = unsigned();
            if (port < 0 || port > 65535) {
                throw new Corrupt("port out of range: " + port);
            }
            return new Endpoint(ip, (int) port);
        }

        List<String> texts() {
            int n = count(1);
            List<String> list = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                list.add(text());
            }
            return list;
        }

        Map<String, String> textMap() {
            int n = count(2);
            Map<String, String> map = new LinkedHashMap<>();
            for (int k = 0; k < n; k++) {
                map.put(text(), text());
            }
            return map;
        }
    }
}
