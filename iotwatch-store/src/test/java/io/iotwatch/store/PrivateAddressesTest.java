package io.iotwatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrivateAddressesTest {

    @Test
    void privateRangesAndTheirEdges() {
        assertThat(List.of("10.0.0.0", "10.255.255.255", "172.16.0.0", "172.31.255.255", "192.168.0.0", "192.168.255.255",
                "169.254.0.1", "169.254.255.255", "fc00::", "fdff:ffff::1", "fe80::1", "febf:ffff::1", "FD12:3456::1", "FE80::a"))
                .allMatch(PrivateAddresses::isPrivate);
        assertThat(List.of("9.255.255.255", "11.0.0.0", "172.15.255.255", "172.32.0.0", "192.167.255.255", "192.169.0.0",
                "169.253.255.255", "169.255.0.0", "127.0.0.1", "100.64.0.1", "8.8.8.8", "fbff::1", "fe00::1", "fec0::1",
                "ff02::1", "::1", "::ffff:10.0.0.1", "2001:db8::1", "fc::1"))
                .noneMatch(PrivateAddresses::isPrivate);
    }

    @Test
    void textThatIsNoAddressIsNotPrivate() {
        assertThat(List.of("", "10", "10.0.0", "10.0.0.0.0", "10.0.0.256", "10..0.0", "10.0.0.", ".10.0.0", "10.0.0.1 ",
                "10.0.0.-1", "10.0.0.1x", "fd00::zz", "fd00:::1", "fd000::1", "fe80", "fe80::1::2", "x", "fd00:" + "1:".repeat(40) + ":1"))
                .noneMatch(PrivateAddresses::isPrivate);
    }

    @Test
    void agreesWithTheJdksParserOnRandomAddresses() {
        Random random = new Random(1918);
        for (int i = 0; i < 100_000; i++) {
            String ip = random.nextBoolean()
                    ? random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256)
                    : Integer.toHexString(random.nextInt(0x10000)) + ":" + Integer.toHexString(random.nextInt(0x10000)) + "::"
                            + Integer.toHexString(random.nextInt(0x10000));
            assertThat(PrivateAddresses.isPrivate(ip)).as(ip).isEqualTo(ExpectedTraffic.isPrivate(ip));
        }
    }
}
