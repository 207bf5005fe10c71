package io.iotwatch.packet.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LiveOptionsTest {

    @Test
    void defaultsSuitAMonitor() {
        LiveOptions options = LiveOptions.of("eth0");

        assertThat(options).isEqualTo(
                new LiveOptions("eth0", "", 262_144, true, 16 * 1024 * 1024, Duration.ofMillis(200), false));
        assertThat(options.withFilter("udp port 53").filter()).isEqualTo("udp port 53");
        assertThat(options.withFilter("udp port 53").interfaceName()).isEqualTo("eth0");
    }

    @Test
    void rejectsValuesLibpcapCannotTake() {
        Duration second = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new LiveOptions(" ", "", 65_535, true, 1 << 20, second, false))
                .hasMessage("no network interface given");
        assertThatThrownBy(() -> new LiveOptions("lo", "", 0, true, 1 << 20, second, false))
                .hasMessage("snapshot length must be positive: 0");
        assertThatThrownBy(() -> new LiveOptions("lo", "", 65_535, true, -1, second, false))
                .hasMessage("buffer size must be positive: -1");
        assertThatThrownBy(() -> new LiveOptions("lo", "", 65_535, true, 1 << 20, Duration.ofNanos(10), false))
                .hasMessageStartingWith("read timeout must be from 1 ms to ");
        assertThatThrownBy(() -> new LiveOptions("lo", "", 65_535, true, 1 << 20, Duration.ofDays(30), false))
                .hasMessageStartingWith("read timeout must be from 1 ms to ");
    }

    @Test
    void linkTypesFollowTheFileNumbering() {
        assertThat(LiveCapture.linkType(1)).isEqualTo(1);
        assertThat(LiveCapture.linkType(113)).isEqualTo(113);
        // DLT_RAW on Linux, for tun devices and WireGuard, is LINKTYPE_RAW in files and in the decoder
        assertThat(LiveCapture.linkType(12)).isEqualTo(101);
    }
}
