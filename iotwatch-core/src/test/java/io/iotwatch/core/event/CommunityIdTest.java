package io.iotwatch.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The test vectors of the Community ID specification's baseline (corelight/community-id-spec,
 * baseline/baseline_deflt.json) and of its reference implementation's tests (corelight/pycommunityid,
 * tests/communityid_test.py: seeds 0 and 1).
 */
class CommunityIdTest {

    @ParameterizedTest(name = "{0} {1} -> {2} {3}/{4} seed {5}")
    @CsvSource({
        // TCP, both directions, and pycommunityid issue 3 (low source port)
        "6, 128.232.110.120, 66.35.250.204, 34855, 80, 0, 1:LQU9qZlK+B5F3KDmev6m5PMibrg=",
        "6, 66.35.250.204, 128.232.110.120, 80, 34855, 0, 1:LQU9qZlK+B5F3KDmev6m5PMibrg=",
        "6, 128.232.110.120, 66.35.250.204, 34855, 80, 1, 1:3V71V58M3Ksw/yuFALMcW0LAHvc=",
        "6, 10.0.0.1, 10.0.0.2, 10, 11569, 0, 1:SXBGMX1lBOwhhoDrZynfROxnhnM=",
        "6, 10.0.0.1, 10.0.0.2, 10, 11569, 1, 1:HmBRGR+fUyXF4t8WEtal7Y0gEAo=",
        "6, 2001:470:e5bf:dead:4957:2174:e82c:4887, 2607:f8b0:400c:c03::1a, 63943, 25, 0, 1:/qFaeAR+gFe1KYjMzVDsMv+wgU4=",
        "6, 2607:f8b0:400c:c03::1a, 2001:470:e5bf:dead:4957:2174:e82c:4887, 25, 63943, 0, 1:/qFaeAR+gFe1KYjMzVDsMv+wgU4=",
        // UDP
        "17, 192.168.1.52, 8.8.8.8, 54585, 53, 0, 1:d/FP5EW3wiY1vCndhwleRRKHowQ=",
        "17, 8.8.8.8, 192.168.1.52, 53, 54585, 0, 1:d/FP5EW3wiY1vCndhwleRRKHowQ=",
        "17, 192.168.1.52, 8.8.8.8, 54585, 53, 1, 1:Q9We8WO3piVF8yEQBNJF4uiSVrI=",
        // SCTP
        "132, 192.168.170.8, 192.168.170.56, 7, 80, 0, 1:jQgCxbku+pNGw8WPbEc/TS/uTpQ=",
        "132, 192.168.170.56, 192.168.170.8, 80, 7, 1, 1:Y1/0jQg6e+I3ZwZZ9LP65DNbTXU=",
        "132, 192.168.170.8, 192.168.170.56, 7, 7, 0, 1:MP2EtRCAUIZvTw6MxJHLV7N7JDs=",
        // ICMP (type, code): echo request and reply share an id; type 20 has no reply, so its code counts;
        // an echo reply's code is ignored
        "1, 192.168.0.89, 192.168.0.1, 8, 0, 0, 1:X0snYXpgwiv9TZtqg64sgzUn6Dk=",
        "1, 192.168.0.1, 192.168.0.89, 0, 8, 0, 1:X0snYXpgwiv9TZtqg64sgzUn6Dk=",
        "1, 192.168.0.1, 192.168.0.89, 0, 20, 0, 1:X0snYXpgwiv9TZtqg64sgzUn6Dk=",
        "1, 192.168.0.89, 192.168.0.1, 8, 0, 1, 1:03g6IloqVBdcZlPyX8r0hgoE7kA=",
        "1, 192.168.0.89, 192.168.0.1, 20, 0, 0, 1:3o2RFccXzUgjl7zDpqmY7yJi8rI=",
        "1, 192.168.0.89, 192.168.0.1, 20, 1, 0, 1:tz/fHIDUHs19NkixVVoOZywde+I=",
        "1, 192.168.0.89, 192.168.0.1, 20, 1, 1, 1:Ie3wmFyxiEyikbsbcO03d2nh+PM=",
        "1, 10.0.0.1, 10.0.0.2, 11, 0, 0, 1:YHxtAirCG//0OzkcVAukqKQN9xM=",
        // ICMPv6: neighbour solicitation and advertisement pair up; type 3 (time exceeded) is one-way, so
        // its two directions differ
        "58, fe80::200:86ff:fe05:80da, fe80::260:97ff:fe07:69ea, 135, 0, 0, 1:dGHyGvjMfljg6Bppwm3bg0LO8TY=",
        "58, fe80::260:97ff:fe07:69ea, fe80::200:86ff:fe05:80da, 136, 0, 0, 1:dGHyGvjMfljg6Bppwm3bg0LO8TY=",
        "58, fe80::200:86ff:fe05:80da, fe80::260:97ff:fe07:69ea, 135, 0, 1, 1:kHa1FhMYIT6Ym2Vm2AOtoOARDzY=",
        "58, fe80::260:97ff:fe07:69ea, fe80::200:86ff:fe05:80da, 135, 0, 0, 1:zavyT/cezQr1fmImYCwYnMXbgck=",
        "58, 3ffe:507:0:1:260:97ff:fe07:69ea, 3ffe:507:0:1:200:86ff:fe05:80da, 3, 0, 0, 1:NdobDX8PQNJbAyfkWxhtL2Pqp5w=",
        "58, 3ffe:507:0:1:200:86ff:fe05:80da, 3ffe:507:0:1:260:97ff:fe07:69ea, 3, 0, 0, 1:/OGBt9BN1ofenrmSPWYicpij2Vc=",
        "58, 3ffe:507:0:1:200:86ff:fe05:80da, 3ffe:507:0:1:260:97ff:fe07:69ea, 3, 0, 1, 1:Ij4ZxnC87/MXzhOjvH2vHu7LRmE=",
        "58, 3ffe:501:1800:2345::2, 3ffe:507:0:1:200:86ff:fe05:80da, 3, 0, 0, 1:2ObVBgIn28oZvibYZhZMBgh7WdQ=",
        "58, 3ffe:501:410:0:2c0:dfff:fe47:33e, 3ffe:507:0:1:200:86ff:fe05:80da, 1, 4, 0, 1:hLZd0XGWojozrvxqE0dWB1iM6R0=",
        "58, 3ffe:507:0:1:200:86ff:fe05:80da, 3ffe:501:0:1001::2, 128, 0, 0, 1:+TW+HtLHvV1xnGhV1lv7XoJrqQg=",
        "58, 3ffe:501:0:1001::2, 3ffe:507:0:1:200:86ff:fe05:80da, 129, 0, 0, 1:+TW+HtLHvV1xnGhV1lv7XoJrqQg=",
        "58, fe80::200:86ff:fe05:80da, ff02::2, 133, 0, 0, 1:hO+sN4H+MG5MY/8hIrXPqc4ZQz0=",
        "58, fe80::260:97ff:fe07:69ea, ff02::1, 134, 0, 0, 1:pkvHqCL88/tg1k4cPigmZXUtL00=",
        // other IP protocols: addresses and protocol only, ports ignored
        "46, 10.1.24.4, 10.1.12.1, 0, 0, 0, 1:/nQI4Rh/TtY3mf0R2gJFBkVlgS4=",
        "46, 10.1.12.1, 10.1.24.4, 5, 9, 0, 1:/nQI4Rh/TtY3mf0R2gJFBkVlgS4=",
        "46, 10.1.12.1, 10.1.24.4, 0, 0, 1, 1:BK3BVW3U2eemuwVQVN3zd/GULno=",
        "46, 10.1.12.1, 10.1.12.2, 0, 0, 0, 1:KHlLkgoJW7ifUTyTSgyVfkFHzKw=",
        "46, 10.1.12.2, 10.1.12.1, 0, 0, 0, 1:KHlLkgoJW7ifUTyTSgyVfkFHzKw=",
    })
    void matchesTheSpecificationsVectors(int protocol, String source, String destination, int sourcePort,
            int destinationPort, int seed, String expected) throws UnknownHostException {
        byte[] s = InetAddress.getByName(source).getAddress();
        byte[] d = InetAddress.getByName(destination).getAddress();
        CommunityId id = s.length == 4
                ? CommunityId.ipv4(seed, ByteBuffer.wrap(s).getInt(), ByteBuffer.wrap(d).getInt(), protocol, sourcePort,
                        destinationPort)
                : CommunityId.ipv6(seed, ByteBuffer.wrap(s).getLong(0), ByteBuffer.wrap(s).getLong(8),
                        ByteBuffer.wrap(d).getLong(0), ByteBuffer.wrap(d).getLong(8), protocol, sourcePort,
                        destinationPort);
        assertThat(id.text()).isEqualTo(expected);
        assertThat(id).isEqualTo(CommunityId.of(expected)).hasSameHashCodeAs(CommunityId.of(expected))
                .hasToString(expected);
        assertThat(id.isEmpty()).isFalse();
    }

    @Test
    void aSeedPortOrProtocolOutsideItsFieldIsRefused() {
        assertThatThrownBy(() -> CommunityId.ipv4(65536, 1, 2, 6, 1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65535");
        assertThatThrownBy(() -> CommunityId.ipv4(0, 1, 2, 6, 65536, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65536");
        assertThatThrownBy(() -> CommunityId.ipv6(0, 1, 2, 3, 4, 256, 1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256");
    }

    @Test
    void noIdIsEmptyAndAGivenTextIsKeptAsItIs() {
        assertThat(CommunityId.of(null)).isSameAs(CommunityId.NONE);
        assertThat(CommunityId.of("")).isSameAs(CommunityId.NONE);
        assertThat(CommunityId.NONE.isEmpty()).isTrue();
        assertThat(CommunityId.NONE.text()).isEmpty();
        assertThat(CommunityId.of("1:not base64 at all").text()).isEqualTo("1:not base64 at all");
        assertThat(CommunityId.of("1:a=")).isNotEqualTo(CommunityId.of("1:b=")).isNotEqualTo("1:a=");
    }

    @Test
    void anIdReadFromManyThreadsAtOnceIsTheSameText() throws Exception {
        CommunityId id = CommunityId.ipv4(0, 0x80E86E78, 0x4223FACC, 6, 34855, 80);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Callable<String>> reads = Collections.nCopies(64, id::text);
            for (Future<String> text : pool.invokeAll(reads)) {
                assertThat(text.get()).isEqualTo("1:LQU9qZlK+B5F3KDmev6m5PMibrg=");
            }
        }
    }
}
