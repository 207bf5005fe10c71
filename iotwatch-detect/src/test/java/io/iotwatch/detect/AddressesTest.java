package io.iotwatch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1", "127.0.0.1", "169.254.1.1",
        "100.64.0.1", "100.127.255.255", "::1", "fe80::1", "fd12:3456::1", "::ffff:192.168.1.1"})
    void internal(String ip) {
        assertThat(Addresses.isInternal(ip)).isTrue();
        assertThat(Addresses.isExternal(ip)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2001:db8::1", "203.0.113.66"})
    void external(String ip) {
        assertThat(Addresses.isInternal(ip)).isFalse();
        assertThat(Addresses.isExternal(ip)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-an-ip", "999.1.1.1", "1.2.3", "1.2.3.4.5", "1..2.3", "224.0.0.251", "255.255.255.255",
        "0.0.0.0", "ff02::1", "::", "1:2:3"})
    void neither(String ip) {
        assertThat(Addresses.isInternal(ip)).isFalse();
        assertThat(Addresses.isExternal(ip)).isFalse();
    }

    @Test
    void parsesDottedQuadsByHand() {
        assertThat(Addresses.ipv4("192.168.1.2")).isEqualTo(0xc0a80102L);
        assertThat(Addresses.ipv4("256.1.1.1")).isEqualTo(-1);
    }
}
