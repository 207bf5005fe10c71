package io.iotwatch.packet.decode;

import static io.iotwatch.packet.decode.PacketDecoder.ipv4ToString;
import static io.iotwatch.packet.decode.PacketDecoder.ipv6ToString;
import static io.iotwatch.packet.decode.PacketDecoder.macToString;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressFormatTest {

    @Test
    void ipv4() {
        assertThat(ipv4ToString(0xC0000201)).isEqualTo("192.0.2.1");
        assertThat(ipv4ToString(0)).isEqualTo("0.0.0.0");
        assertThat(ipv4ToString(-1)).isEqualTo("255.255.255.255");
    }

    @Test
    void mac() {
        assertThat(macToString(0x001A2B3C4D5EL)).isEqualTo("00:1a:2b:3c:4d:5e");
        assertThat(macToString(0xFFFFFFFFFFFFL)).isEqualTo("ff:ff:ff:ff:ff:ff");
    }

    @Test
    void ipv6Rfc5952() {
        assertThat(ipv6ToString(0x20010DB800000000L, 1)).isEqualTo("2001:db8::1");
        assertThat(ipv6ToString(0, 1)).isEqualTo("::1");
        assertThat(ipv6ToString(0, 0)).isEqualTo("::");
        assertThat(ipv6ToString(0x20010DB800000001L, 0x0001000100010001L)).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(ipv6ToString(0x20010DB800000000L, 0x0001000000000001L)).isEqualTo("2001:db8::1:0:0:1");
        assertThat(ipv6ToString(0x20010DB800000000L, 0x0000000000000000L)).isEqualTo("2001:db8::");
        assertThat(ipv6ToString(0xFE80000000000000L, 0x021A2BFFFE3C4D5EL)).isEqualTo("fe80::21a:2bff:fe3c:4d5e");
        assertThat(ipv6ToString(0x0001000000000001L, 0x0000000000010001L)).isEqualTo("1::1:0:0:1:1");
        assertThat(ipv6ToString(0xFFFFFFFFFFFFFFFFL, 0xFFFFFFFFFFFFFFFFL))
                .isEqualTo("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
    }

    @Test
    void ipv4MappedUsesDottedForm() {
        assertThat(ipv6ToString(0, 0x0000FFFFC0000201L)).isEqualTo("::ffff:192.0.2.1");
    }
}
