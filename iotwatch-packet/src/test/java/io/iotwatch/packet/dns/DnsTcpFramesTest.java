package io.iotwatch.packet.dns;

import static io.iotwatch.packet.testing.DnsWire.QUERY;
import static io.iotwatch.packet.testing.DnsWire.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.packet.testing.DnsWire;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsTcpFramesTest {

    private final DnsTcpFrames frames = new DnsTcpFrames();
    private final DnsMessage dns = new DnsMessage();

    private static byte[] query(int id, String name) {
        return header(id, QUERY, 1, 0, 0, 0).question(name, DnsMessage.TYPE_A).build();
    }

    /** The query names of the whole messages in {@code b[off, off + len)}. */
    private List<String> names(byte[] b, int off, int len) {
        List<String> names = new ArrayList<>();
        frames.reset(b, off, len);
        while (frames.next()) {
            assertThat(dns.parse(b, frames.messageOffset(), frames.messageLength())).as(dns.problem()).isTrue();
            names.add(dns.queryName());
        }
        return names;
    }

    @Test
    void walksTwoMessagesInOneSegment() {
        byte[] segment = DnsWire.tcp(query(1, "one.example"), query(2, "two.example"));

        assertThat(names(segment, 0, segment.length)).containsExactly("one.example", "two.example");
        assertThat(frames.incomplete()).isFalse();
    }

    @Test
    void stopsBeforeAMessageThatContinuesInTheNextSegment() {
        byte[] stream = DnsWire.tcp(query(1, "one.example"), query(2, "two.example"));
        byte[] segment = Arrays.copyOf(stream, stream.length - 5);

        assertThat(names(segment, 0, segment.length)).containsExactly("one.example");
        assertThat(frames.incomplete()).isTrue();
    }

    @Test
    void stopsBeforeACutLengthPrefix() {
        byte[] first = query(1, "one.example");
        byte[] stream = DnsWire.tcp(first, query(2, "two.example"));
        int cut = 2 + first.length + 1;

        assertThat(names(stream, 0, cut)).containsExactly("one.example");
        assertThat(frames.incomplete()).isTrue();
    }

    @Test
    void readsASegmentInsideALargerBuffer() {
        byte[] stream = DnsWire.tcp(query(7, "in.example"));
        byte[] buffer = new byte[stream.length + 20];
        Arrays.fill(buffer, (byte) 0x7F);
        System.arraycopy(stream, 0, buffer, 9, stream.length);

        assertThat(names(buffer, 9, stream.length)).containsExactly("in.example");
        assertThat(frames.messageOffset()).isEqualTo(11);
        assertThat(frames.incomplete()).isFalse();
    }

    @Test
    void givesEmptyMessagesToTheParserToReject() {
        byte[] segment = {0, 0};
        frames.reset(segment, 0, segment.length);

        assertThat(frames.next()).isTrue();
        assertThat(frames.messageLength()).isZero();
        assertThat(dns.parse(segment, frames.messageOffset(), frames.messageLength())).isFalse();
        assertThat(frames.next()).isFalse();
        assertThat(frames.incomplete()).isFalse();
    }

    @Test
    void findsNothingInAnEmptyPayloadOrABadRange() {
        byte[] segment = DnsWire.tcp(query(1, "one.example"));
        frames.reset(segment, 0, 0);
        assertThat(frames.next()).isFalse();
        assertThat(frames.incomplete()).isFalse();

        frames.reset(null, 0, 10);
        assertThat(frames.next()).isFalse();
        frames.reset(segment, 5, segment.length);
        assertThat(frames.next()).isFalse();
        assertThat(frames.incomplete()).isFalse();
    }
}
