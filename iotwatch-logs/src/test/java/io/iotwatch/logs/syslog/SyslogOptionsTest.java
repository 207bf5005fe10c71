package io.iotwatch.logs.syslog;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyslogOptionsTest {

    @Test
    void acceptsTheDefaultsOfTheConfiguration() {
        assertThatCode(() -> new SyslogOptions(1000, Duration.ofMillis(500), 64 * 1024, 8 << 20, 16 << 20, 1024))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsValuesThatCannotWork() {
        assertInvalid(0, Duration.ofMillis(1), 100, 1, 1 << 16, 1, "batchSize");
        assertInvalid(1, Duration.ZERO, 100, 1, 1 << 16, 1, "maxBatchDelay");
        assertInvalid(1, Duration.ofDays(2), 100, 1, 1 << 16, 1, "maxBatchDelay");
        assertInvalid(1, Duration.ofMillis(1), 0, 1, 1 << 16, 1, "maxMessageSize");
        assertInvalid(1, Duration.ofMillis(1), 100, 0, 1 << 16, 1, "udpReceiveBufferBytes");
        assertInvalid(1, Duration.ofMillis(1), 100, 1, (1 << 16) - 1, 1, "udpQueueBytes");
        assertInvalid(1, Duration.ofMillis(1), 100, 1, 1 << 16, 0, "maxTcpConnections");
        assertThatThrownBy(() -> new SyslogOptions(1, null, 100, 1, 1 << 16, 1)).isInstanceOf(NullPointerException.class);
    }

    private static void assertInvalid(int batch, Duration delay, int message, int rcvbuf, int queue, int connections, String name) {
        assertThatThrownBy(() -> new SyslogOptions(batch, delay, message, rcvbuf, queue, connections))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(name);
    }
}
