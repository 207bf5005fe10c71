package io.iotwatch.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventHeaderTest {

    private static final EventId ID = new EventId(1, 2);

    @Test
    void headersOfTheSameRecordAreEqualThoughTheirArraysDiffer() {
        EventHeader a = new EventHeader(ID, Instant.EPOCH, "fortigate", "fw", new byte[] {1, 2, (byte) 0xff});
        EventHeader b = new EventHeader(ID, Instant.EPOCH, "fortigate", "fw", new byte[] {1, 2, (byte) 0xff});

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new EventHeader(ID, Instant.EPOCH, "fortigate", "fw", new byte[] {1, 2}));
    }

    @Test
    void textIsKeptAsUtf8AndShownLeniently() {
        EventHeader header = new EventHeader(ID, Instant.EPOCH, "fortigate", null, "caf\u00e9");
        assertThat(header.raw()).isEqualTo("caf\u00e9".getBytes(StandardCharsets.UTF_8));
        assertThat(header.observer()).isEmpty();

        EventHeader invalid = new EventHeader(ID, Instant.EPOCH, "fortigate", "", new byte[] {'a', (byte) 0xff});
        assertThat(invalid.rawText()).isEqualTo("a\uFFFD");
        assertThat(invalid.toString()).contains("raw=2 bytes");
    }
}
