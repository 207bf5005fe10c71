package io.iotwatch.packet.dns;

import static io.iotwatch.packet.dns.DnsMessage.TYPE_A;
import static io.iotwatch.packet.dns.DnsMessage.TYPE_AAAA;
import static io.iotwatch.packet.dns.DnsMessage.TYPE_CNAME;
import static io.iotwatch.packet.dns.DnsMessage.TYPE_MX;
import static io.iotwatch.packet.dns.DnsMessage.TYPE_NS;
import static io.iotwatch.packet.dns.DnsMessage.TYPE_NULL;
import static io.iotwatch.packet.dns.DnsMessage.TYPE_PTR;
import static io.iotwatch.packet.dns.DnsMessage.TYPE_TXT;
import static io.iotwatch.packet.testing.DnsWire.QUERY;
import static io.iotwatch.packet.testing.DnsWire.RESPONSE;
import static io.iotwatch.packet.testing.DnsWire.fragment;
import static io.iotwatch.packet.testing.DnsWire.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.iotwatch.packet.testing.DnsWire;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Valid messages mutated at random (bytes changed, cut, inserted, pointers written anywhere): the parser must
 * never throw nor read outside the message, and whatever it accepts must render as safe text.
 */
class DnsMessageFuzzTest {

    private static final long SEED = 0xD15_F022L;
    private static final int MESSAGES = 100_000;

    private static List<byte[]> templates() {
        DnsWire answers = header(0x1111, RESPONSE, 1, 7, 1, 1).question("www.example.com", TYPE_A);
        int cnameData = answers.position() + 2 + 10;
        answers.pointer(12).record(TYPE_CNAME, fragment().label("cdn").pointer(16).build())
                .pointer(cnameData).record(TYPE_A, new byte[] {(byte) 192, 0, 2, 1})
                .pointer(cnameData).record(TYPE_AAAA, new byte[16])
                .pointer(12).record(TYPE_MX, fragment().u16(10).label("mail").pointer(16).build())
                .pointer(12).record(TYPE_TXT, fragment().label("v=spf1 -all").label("x").build())
                .pointer(12).record(TYPE_NULL, new byte[] {1, 2, 3, 4, 5})
                .pointer(12).record(TYPE_PTR, fragment().label("p").pointer(cnameData).build())
                .pointer(16).record(TYPE_NS, fragment().label("ns1").pointer(16).build())
                .root().record(41, new byte[0]);
        return List.of(
                header(0x2222, QUERY, 1, 0, 0, 0).question("www.example.com", TYPE_A).build(),
                header(0x3333, QUERY, 1, 0, 0, 0).label(new byte[] {'a', '\n', 0, '.', '\\', (byte) 0xFF})
                        .label("t1").label("tunnel").label("example").root().u16(TYPE_NULL).u16(1).build(),
                header(0x4444, QUERY, 2, 0, 0, 0).question("a.example", TYPE_TXT).label("b").pointer(14).u16(1).u16(1).build(),
                answers.build());
    }

    @Test
    void neverThrowsNorReadsOutsideTheMessage() {
        Random random = new Random(SEED);
        List<byte[]> templates = templates();
        DnsMessage atEnd = new DnsMessage();
        DnsMessage embedded = new DnsMessage();
        int accepted = 0;
        for (int n = 0; n < MESSAGES; n++) {
            int i = n;
            byte[] message = mutated(random, templates);
            // Alone at the end of its buffer any read past the message throws; amid random bytes a read outside
            // it changes the outcome.
            int off = random.nextInt(8);
            byte[] tight = new byte[off + message.length];
            System.arraycopy(message, 0, tight, off, message.length);
            byte[] loose = new byte[off + 3 + message.length + 64];
            random.nextBytes(loose);
            System.arraycopy(message, 0, loose, off + 3, message.length);
            List<String> seen;
            List<String> seenEmbedded;
            try {
                seen = outcome(atEnd, tight, off, message.length);
                seenEmbedded = outcome(embedded, loose, off + 3, message.length);
            } catch (RuntimeException e) {
                throw new AssertionError("message " + i + " of seed " + SEED + " threw: " + hex(message), e);
            }
            Supplier<String> what = () -> "message " + i + " of seed " + SEED + ": " + hex(message);
            assertThat(seenEmbedded).as(what).isEqualTo(seen);
            if (atEnd.problem() == null) {
                accepted++;
                checkAccepted(atEnd, off, message.length, what);
            }
        }
        // The mutations must leave enough messages whole to exercise the accessors, and break enough.
        assertThat(accepted).isBetween(MESSAGES / 10, MESSAGES * 9 / 10);
    }

    private static byte[] mutated(Random random, List<byte[]> templates) {
        if (random.nextInt(20) == 0) {
            byte[] noise = new byte[random.nextInt(64)];
            random.nextBytes(noise);
            return noise;
        }
        byte[] message = templates.get(random.nextInt(templates.size())).clone();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            message = switch (random.nextInt(4)) {
                case 0 -> changeByte(random, message);
                case 1 -> Arrays.copyOf(message, random.nextInt(message.length + 1));
                case 2 -> insert(random, message);
                default -> writePointer(random, message);
            };
        }
        return message;
    }

    private static byte[] changeByte(Random random, byte[] message) {
        if (message.length > 0) {
            int at = random.nextInt(message.length);
            message[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (message[at] ^ 1 << random.nextInt(8));
        }
        return message;
    }

    private static byte[] insert(Random random, byte[] message) {
        byte[] inserted = new byte[1 + random.nextInt(8)];
        random.nextBytes(inserted);
        int at = random.nextInt(message.length + 1);
        byte[] longer = new byte[message.length + inserted.length];
        System.arraycopy(message, 0, longer, 0, at);
        System.arraycopy(inserted, 0, longer, at, inserted.length);
        System.arraycopy(message, at, longer, at + inserted.length, message.length - at);
        return longer;
    }

    /** A compression pointer anywhere, mostly to somewhere inside the message. */
    private static byte[] writePointer(Random random, byte[] message) {
        if (message.length >= 2) {
            int at = random.nextInt(message.length - 1);
            int target = random.nextInt(8) == 0 ? random.nextInt(0x4000) : random.nextInt(message.length);
            message[at] = (byte) (0xC0 | target >>> 8);
            message[at + 1] = (byte) target;
        }
        return message;
    }

    /** Everything the parser says about a message, with offsets relative to its start. */
    private static List<String> outcome(DnsMessage dns, byte[] b, int off, int len) {
        List<String> seen = new ArrayList<>();
        seen.add(dns.parse(b, off, len) + " " + dns.problem());
        seen.add(dns.id() + " " + dns.opcode() + " " + dns.responseCodeName() + " " + dns.qdcount() + " " + dns.ancount()
                + " " + dns.nscount() + " " + dns.arcount());
        seen.add(dns.queryName() + " " + dns.queryTypeName() + " " + dns.queryClass());
        seen.add(dns.answerCount() + " " + dns.answersNotKept());
        for (int a = 0; a < dns.answerCount(); a++) {
            seen.add(dns.answerType(a) + " " + dns.answerClass(a) + " " + dns.answerTtl(a) + " "
                    + (dns.answerDataOffset(a) - off) + " " + dns.answerDataLength(a) + " " + dns.answerText(a));
        }
        return seen;
    }

    private static void checkAccepted(DnsMessage dns, int off, int len, Supplier<String> what) {
        String name = dns.queryName();
        if (dns.qdcount() > 0) {
            assertThat(name).as(what).isNotNull().hasSize(dns.queryNameLength());
            assertThat(name.length()).as(what).isBetween(1, DnsMessage.MAX_NAME_TEXT);
            assertThat(name.chars().allMatch(c -> c > ' ' && c <= '~')).as(() -> what.get() + ": " + name).isTrue();
        } else {
            assertThat(name).as(what).isNull();
        }
        assertThat(dns.answerCount() + dns.answersNotKept()).as(what).isEqualTo(dns.ancount());
        for (int a = 0; a < dns.answerCount(); a++) {
            int start = dns.answerDataOffset(a);
            if (start < off || start + dns.answerDataLength(a) > off + len) {
                fail("%s: answer %d data %d+%d outside %d+%d", what.get(), a, start, dns.answerDataLength(a), off, len);
            }
            String text = dns.answerText(a);
            assertThat(text.chars().allMatch(c -> c >= ' ' && c <= '~')).as(() -> what.get() + ": " + text).isTrue();
        }
    }

    private static String hex(byte[] b) {
        StringBuilder text = new StringBuilder();
        for (byte x : b) {
            text.append(String.format("%02x", x));
        }
        return text.toString();
    }

    @Test
    void tcpFramesStayWithinTheSegment() {
        Random random = new Random(SEED);
        List<byte[]> templates = templates();
        DnsTcpFrames frames = new DnsTcpFrames();
        for (int i = 0; i < MESSAGES / 10; i++) {
            byte[] stream = DnsWire.tcp(templates.get(random.nextInt(templates.size())),
                    templates.get(random.nextInt(templates.size())));
            byte[] segment = mutated(random, List.of(stream));
            int off = random.nextInt(4);
            byte[] buffer = new byte[off + segment.length];
            System.arraycopy(segment, 0, buffer, off, segment.length);
            frames.reset(buffer, off, segment.length);
            int end = off;
            while (frames.next()) {
                assertThat(frames.messageOffset()).as("segment %d of seed %d", i, SEED).isEqualTo(end + 2);
                end = frames.messageOffset() + frames.messageLength();
                assertThat(end).as("segment %d of seed %d", i, SEED).isLessThanOrEqualTo(buffer.length);
            }
            assertThat(frames.incomplete()).as("segment %d of seed %d", i, SEED).isEqualTo(end < buffer.length);
        }
    }
}
