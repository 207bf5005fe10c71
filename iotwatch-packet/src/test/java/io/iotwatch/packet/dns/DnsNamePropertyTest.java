package io.iotwatch.packet.dns;

import static io.iotwatch.packet.testing.DnsWire.RESPONSE;
import static io.iotwatch.packet.testing.DnsWire.fragment;
import static io.iotwatch.packet.testing.DnsWire.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.packet.testing.DnsWire;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Random names, hostile bytes included, written out in full and compressed in every way a pointer allows, read
 * back as the same text as an independent rendering of RFC 1035's presentation form.
 */
class DnsNamePropertyTest {

    private static final long SEED = 0x5EED_D0D0L;
    private static final int NAMES = 10_000;
    private static final byte[] HOSTNAME_BYTES = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_".getBytes(StandardCharsets.US_ASCII);

    private final DnsMessage dns = new DnsMessage();

    @Test
    void namesReadBackAsTheirPresentationForm() {
        for (int i = 0; i < NAMES; i++) {
            long seed = SEED + i;
            Random random = new Random(seed);
            List<byte[]> name = randomName(random, 255);
            int split = random.nextInt(name.size() + 1);
            List<byte[]> prefix = name.subList(0, split);
            List<byte[]> suffix = name.subList(split, name.size());
            List<byte[]> asked = concat(randomName(random, 255 - wireLength(suffix) + 1), suffix);
            int suffixStart = 12 + wireLength(asked) - wireLength(suffix);
            int join = random.nextInt(prefix.size() + 1);
            List<byte[]> shared = concat(prefix.subList(join, prefix.size()), suffix);
            List<byte[]> other = concat(randomName(random, 255 - wireLength(shared) + 1), shared);

            // The question in full; the first answer's name as its own labels and a pointer into the question;
            // the second's as its own labels and a pointer into the first answer's name, which may land on that
            // name's pointer.
            DnsWire m = header(i, RESPONSE, 1, 2, 0, 0);
            writeLabels(m, asked).root().u16(DnsMessage.TYPE_CNAME).u16(DnsMessage.CLASS_IN);
            int firstData = m.position() + 2 + 10;
            m.pointer(12).record(DnsMessage.TYPE_CNAME, compressed(prefix, suffix.isEmpty() ? -1 : suffixStart));
            int joinAt = firstData + wireLength(prefix.subList(0, join)) - 1;
            m.pointer(12).record(DnsMessage.TYPE_CNAME,
                    compressed(other.subList(0, other.size() - shared.size()), shared.isEmpty() ? -1 : joinAt));
            byte[] message = m.build();

            Supplier<String> what = () -> "seed " + seed + ": " + dns.problem();
            assertThat(dns.parse(message, 0, message.length)).as(what).isTrue();
            assertThat(dns.queryName()).as(what).isEqualTo(presentation(asked));
            assertThat(dns.answerText(0)).as(what).isEqualTo(presentation(name));
            assertThat(dns.answerText(1)).as(what).isEqualTo(presentation(other));
        }
    }

    /**
     * Labels of mostly hostname bytes, some of any byte, at most {@code maxWire} bytes on the wire with the root
     * label; sometimes none.
     */
    private static List<byte[]> randomName(Random random, int maxWire) {
        List<byte[]> labels = new ArrayList<>();
        int wire = 1;
        int wanted = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 4 : 40);
        while (labels.size() < wanted && wire + 2 <= maxWire) {
            int length = 1 + random.nextInt(Math.min(random.nextInt(4) == 0 ? 63 : 12, maxWire - wire - 1));
            byte[] label = new byte[length];
            boolean hostile = random.nextInt(3) == 0;
            for (int j = 0; j < length; j++) {
                label[j] = hostile && random.nextInt(3) == 0
                        ? (byte) random.nextInt(256)
                        : HOSTNAME_BYTES[random.nextInt(HOSTNAME_BYTES.length)];
            }
            labels.add(label);
            wire += 1 + length;
        }
        return labels;
    }

    private static List<byte[]> concat(List<byte[]> a, List<byte[]> b) {
        List<byte[]> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The bytes on the wire of the labels and the root label. */
    private static int wireLength(List<byte[]> labels) {
        int length = 1;
        for (byte[] label : labels) {
            length += 1 + label.length;
        }
        return length;
    }

    private static DnsWire writeLabels(DnsWire m, List<byte[]> labels) {
        for (byte[] label : labels) {
            m.label(label);
        }
        return m;
    }

    /** The labels, then a pointer to {@code rest}, or the root label when {@code rest} is -1. */
    private static byte[] compressed(List<byte[]> labels, int rest) {
        DnsWire data = writeLabels(fragment(), labels);
        return (rest < 0 ? data.root() : data.pointer(rest)).build();
    }

    /** RFC 1035 section 5.1, written independently of the parser: "." for the root, \DDD for the odd bytes. */
    private static String presentation(List<byte[]> labels) {
        if (labels.isEmpty()) {
            return ".";
        }
        List<String> texts = new ArrayList<>();
        for (byte[] label : labels) {
            StringBuilder text = new StringBuilder();
            for (byte b : label) {
                char c = (char) (b & 0xFF);
                boolean plain = c >= '!' && c <= '~' && c != '.' && c != '\\';
                text.append(plain ? String.valueOf(c) : "\\" + Integer.toString(1000 + c).substring(1));
            }
            texts.add(text.toString());
        }
        return String.join(".", texts);
    }
}
