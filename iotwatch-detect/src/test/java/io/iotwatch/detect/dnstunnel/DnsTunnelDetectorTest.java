package io.iotwatch.detect.dnstunnel;

import static io.iotwatch.detect.TestEvents.at;
import static io.iotwatch.detect.TestEvents.randomText;
import static io.iotwatch.detect.TestEvents.dns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.detect.DetectionEngine;
import io.iotwatch.detect.TestEvents.Findings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DnsTunnelDetectorTest {

    private static final String CLIENT = "192.168.1.77";
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

    private final DnsTunnelDetector detector = new DnsTunnelDetector(DnsTunnelConfig.defaults());
    private final Findings out = new Findings();
    private final Random random = new Random(42);

    /** A name like iodine or dnscat2 make: encoded data in labels under the tunnel's domain. */
    private String encoded(int dataLength, String domain) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dataLength; i++) {
            if (i > 0 && i % 40 == 0) {
                sb.append('.');
            }
            sb.append(BASE32.charAt(random.nextInt(BASE32.length())));
        }
        return sb.append('.').append(domain).toString();
    }

    private void query(double seconds, String name, String type) {
        detector.onEvent(dns(at(seconds), CLIENT, name, type), out);
    }

    @Test
    void manyLongDistinctNamesUnderOneDomainAreATunnel() {
        for (int i = 0; i < 25; i++) {
            query(i * 4, encoded(60, "t.exfil-example.com."), "TXT");
        }

        assertThat(out.all).singleElement().satisfies(f -> {
            assertThat(f.detector()).isEqualTo("dns-tunnel");
            assertThat(f.attackClass()).isEqualTo("DNS-Tunneling");
            assertThat(f.group()).isEqualTo("C2");
            assertThat(f.mitre()).isEqualTo("T1071.004");
            assertThat(f.level()).isEqualTo(ThreatLevel.HIGH);
            assertThat(f.srcIp()).isEqualTo(CLIENT);
            assertThat(f.dstIp()).isNull();
            assertThat(f.domain()).isEqualTo("exfil-example.com");
            assertThat(f.count()).isEqualTo(25);
            assertThat(f.firstSeen()).isEqualTo(at(0));
            assertThat(f.lastSeen()).isEqualTo(at(96));
            assertThat(f.confidence()).isBetween(0.85, 0.99);
            assertThat(f.evidence()).containsEntry("queries", 25L).containsEntry("distinct_names", 25)
                    .containsEntry("long_names", 15).containsEntry("max_label", 40).containsEntry("qtypes", List.of("TXT"));
            assertThat((double) f.evidence().get("mean_entropy")).isGreaterThan(4.0);
            assertThat(f.evidence().get("sample_names")).asInstanceOf(LIST).hasSize(3);
        });
    }

    @Test
    void oneQueryShortOfTheThresholdIsNothing() {
        for (int i = 0; i < 24; i++) {
            query(i, encoded(60, "exfil-example.com"), "A");
        }
        detector.advance(at(60), out);

        assertThat(out.all).isEmpty();
    }

    @Test
    void manyQueriesForFourteenLongNamesAreNothing() {
        List<String> names = random.ints(14, 0, 1).mapToObj(i -> encoded(60, "exfil-example.com")).toList();
        for (int i = 0; i < 200; i++) {
            query(i, names.get(i % names.size()), "A");
        }

        assertThat(out.all).isEmpty();
    }

    @Test
    void queriesSpreadBeyondTheWindowAreNothing() {
        for (int i = 0; i < 60; i++) {
            query(i * 21, encoded(60, "exfil-example.com"), "TXT");
            detector.advance(at(i * 21), out);
        }

        assertThat(out.all).isEmpty();
    }

    @Test
    void aHundredRandomShortNamesAreATunnelButAHundredWordyHostsAreNot() {
        for (int i = 0; i < 100; i++) {
            query(i, encoded(24, "c2-example.net"), "A");
            query(i, "host-" + i + ".corp-example.net", "A");
        }

        assertThat(out.all).singleElement().satisfies(f -> {
            assertThat(f.domain()).isEqualTo("c2-example.net");
            assertThat(f.evidence()).containsEntry("distinct_names", 100).containsEntry("long_names", 0);
        });
    }

    @Test
    void theIncidentGrowsWithEveryFurtherQuery() {
        for (int i = 0; i < 40; i++) {
            query(i, encoded(60, "exfil-example.com"), "TXT");
        }
        detector.advance(at(60), out);
        query(70, encoded(60, "exfil-example.com"), "TXT");
        detector.advance(at(120), out);
        detector.advance(at(180), out);

        assertThat(out.all).extracting(Finding::count).containsExactly(25L, 15L, 1L);
        assertThat(out.all.get(2).evidence()).containsEntry("queries", 41L);
    }

    @Test
    void theEngineMakesOneAlertOfAnHourOfTunnel() {
        DetectionEngine engine = new DetectionEngine(List.of(detector), List.of(), Duration.ofMinutes(30));
        for (int i = 0; i < 3600; i++) {
            engine.accept(dns(at(i), CLIENT, encoded(100, "exfil-example.com"), "TXT"));
        }
        engine.finish();

        List<Alert> alerts = engine.drainChanged();
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.count()).isEqualTo(3600);
            assertThat(a.domain()).isEqualTo("exfil-example.com");
            assertThat(a.lastSeen()).isEqualTo(at(3599));
        });
    }

    @Test
    void cloudAndCdnNamesQueriedOverAndOverAreNothing() {
        String[] names = {
            "a3k7odshaiipe8-ats.iot.eu-west-1.amazonaws.com", "d1a2b3c4d5e6f7.cloudfront.net",
            "r4---sn-4g5e6nsz.googlevideo.com", "e12345.dscx.akamaiedge.net",
            "a3k7odshaiipe8-ats.iot.eu-west-1.amazonaws.com.", "r2---sn-4g5e6nsz.googlevideo.com",
            "r6---sn-4g5edn7e.googlevideo.com", "d9z8y7x6w5v4u3.cloudfront.net",
            "ec2-203-0-113-25.eu-west-1.compute.amazonaws.com", "e6789.a.akamaiedge.net"};
        for (int i = 0; i < 5000; i++) {
            query(i * 0.1, names[i % names.length], i % 2 == 0 ? "A" : "AAAA");
        }
        detector.advance(at(600), out);

        assertThat(out.all).isEmpty();
    }

    @Test
    void aLaptopResolvingTwoHundredDomainsIsNothing() {
        for (int i = 0; i < 2000; i++) {
            query(i * 0.1, "static.cdn.www.some-long-but-ordinary-website-name-" + (i % 200) + ".org", "A");
        }

        assertThat(out.all).isEmpty();
    }

    @Test
    void registeredDomainsAreTheLastTwoLabelsOrThreeUnderCountrySecondLevels() {
        assertThat(DnsTunnelDetector.registeredDomain("a.b.example.com")).isEqualTo("example.com");
        assertThat(DnsTunnelDetector.registeredDomain("example.com")).isEqualTo("example.com");
        assertThat(DnsTunnelDetector.registeredDomain("x.y.example.co.uk")).isEqualTo("example.co.uk");
        assertThat(DnsTunnelDetector.registeredDomain("x.example.com.au")).isEqualTo("example.com.au");
        assertThat(DnsTunnelDetector.registeredDomain("x.example.co.nz")).isEqualTo("example.co.nz");
        assertThat(DnsTunnelDetector.registeredDomain("x.example.co")).isEqualTo("example.co");
        assertThat(DnsTunnelDetector.registeredDomain("co.uk")).isEqualTo("co.uk");
        assertThat(DnsTunnelDetector.registeredDomain(DnsTunnelDetector.normalized("A.B.Example.COM."))).isEqualTo("example.com");
        assertThat(DnsTunnelDetector.registeredDomain("192.168.1.1")).isNull();
        assertThat(DnsTunnelDetector.registeredDomain("2001:db8::1")).isNull();
        assertThat(DnsTunnelDetector.registeredDomain("localhost")).isNull();
        assertThat(DnsTunnelDetector.registeredDomain("")).isNull();
        assertThat(DnsTunnelDetector.registeredDomain("a..com")).isNull();
        assertThat(DnsTunnelDetector.registeredDomain("example.")).isNull();
        assertThat(DnsTunnelDetector.registeredDomain("1.1.168.192.in-addr.arpa")).isNull();
        assertThat(DnsTunnelDetector.registeredDomain("printer._ipp._tcp.local")).isNull();
    }

    @Test
    void hostileNamesAreCountedButNeverShownRaw() {
        for (int i = 0; i < 30; i++) {
            String junk = "\u0000\u001b[31m\u202e" + "\n".repeat(3) + encoded(300, "") + "\u00e9\ud83d\ude00";
            query(i, junk + ".exfil-example.com", "\u0007NULL");
        }

        assertThat(out.all).singleElement().satisfies(f -> {
            assertThat(f.evidence().toString()).doesNotContain("\u0000", "\u001b", "\u202e", "\n", "\u0007");
            assertThat(f.evidence().get("sample_names")).asInstanceOf(LIST)
                    .allSatisfy(s -> assertThat((String) s).hasSizeLessThanOrEqualTo(100).startsWith("??[31m??"));
        });
    }

    @Test
    void idleKeysAreForgottenLeastRecentlyQueriedFirst() {
        query(0, "www.example.org", "A");
        for (int i = 0; i < 30; i++) {
            query(i, encoded(60, "exfil-example.com"), "TXT");
        }
        assertThat(detector.trackedKeys()).isEqualTo(2);

        detector.advance(at(301), out);
        assertThat(detector.trackedKeys()).isEqualTo(1);
        detector.advance(at(330), out);
        assertThat(detector.trackedKeys()).isZero();
    }

    @Test
    void aMillionClientsStayWithinTheKeyCap() {
        DnsTunnelConfig d = DnsTunnelConfig.defaults();
        DnsTunnelDetector small = new DnsTunnelDetector(new DnsTunnelConfig(d.window(), d.minQueries(), d.minLongNames(),
                d.longNameLength(), d.minDistinctNames(), d.minEntropy(), d.minNullNames(), 1000));
        Instant t = at(0);
        for (int i = 0; i < 1_000_000; i++) {
            String client = "10." + (i >> 16 & 0xff) + "." + (i >> 8 & 0xff) + "." + (i & 0xff);
            small.onEvent(dns(t, client, "www.example.com", "A"), out);
        }

        assertThat(small.trackedKeys()).isEqualTo(1000);
        assertThat(small.evictedKeys()).isEqualTo(999_000);
    }

    @Test
    void randomAndHostileEventsNeverThrow() {
        String[] domains = {"exfil-example.com", "co.uk", "", ".", "..", "\u0000.\u0000", "x.example.co.uk."};
        String[] types = {"A", "TXT", "NULL", "", "\u0000", "16"};
        Findings findings = new Findings();

        assertThatNoException().isThrownBy(() -> {
            for (int i = 0; i < 100_000; i++) {
                Instant t = random.nextInt(100) == 0 ? at(random.nextInt(7200) - 3600) : at(i / 20.0 + random.nextInt(30));
                String client = random.nextInt(10) == 0 ? "" : "10.0.0." + random.nextInt(3);
                String name = switch (random.nextInt(4)) {
                    case 0 -> randomText(random) + "." + domains[random.nextInt(domains.length)];
                    case 1 -> randomText(random);
                    default -> encoded(20 + random.nextInt(240), domains[random.nextInt(domains.length)]);
                };
                detector.onEvent(dns(t, client, name, types[random.nextInt(types.length)]), findings);
                if (i % 1000 == 0) {
                    detector.advance(t, findings);
                }
            }
        });
        assertThat(findings.all).isNotEmpty();
        assertThat(findings.all).allSatisfy(f -> assertThat(f.evidence().toString() + f.domain()).doesNotContain("\u0000"));
    }


    @Test
    void theConfigRejectsValuesThatCannotWork() {
        DnsTunnelConfig d = DnsTunnelConfig.defaults();
        assertThatThrownBy(() -> new DnsTunnelConfig(Duration.ofSeconds(-1), 25, 15, 50, 100, 3.5, 10, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
        assertThatThrownBy(() -> new DnsTunnelConfig(d.window(), 0, 15, 50, 100, 3.5, 10, 10)).hasMessageContaining("minQueries");
        assertThatThrownBy(() -> new DnsTunnelConfig(d.window(), 25, 0, 50, 100, 3.5, 10, 10)).hasMessageContaining("minLongNames");
        assertThatThrownBy(() -> new DnsTunnelConfig(d.window(), 25, 15, 300, 100, 3.5, 10, 10)).hasMessageContaining("longNameLength");
        assertThatThrownBy(() -> new DnsTunnelConfig(d.window(), 25, 15, 50, 0, 3.5, 10, 10)).hasMessageContaining("minDistinctNames");
        assertThatThrownBy(() -> new DnsTunnelConfig(d.window(), 25, 15, 50, 100, Double.NaN, 10, 10)).hasMessageContaining("minEntropy");
        assertThatThrownBy(() -> new DnsTunnelConfig(d.window(), 25, 15, 50, 100, 3.5, 0, 10)).hasMessageContaining("minNullNames");
        assertThatThrownBy(() -> new DnsTunnelConfig(d.window(), 25, 15, 50, 100, 3.5, 10, 0)).hasMessageContaining("maxKeys");
    }

    /** The handshake of iodine as dmachard-dnstunnel-iodine.pcap holds it: a dozen short NULL queries. */
    @Test
    void aDozenDistinctNullQueriesUnderOneDomainAreATunnel() {
        String[] names = {"yrb0pe", "vaaaakaxj2u", "laczi1dwmfbaywb0fm5xhkrgz0heotzq", "yrb0ph", "z0piaa", "z0pjaa",
            "z0pkaabbccdd", "z0plaa0123", "z0pmaa", "sah0pn", "oas0po", "oal0pp"};
        for (int i = 0; i < names.length; i++) {
            detector.onEvent(dns(at(i), "10.0.0.5", names[i] + ".t1.biillpi.com", "NULL"), out);
        }
        assertThat(out.all).singleElement().satisfies(f -> {
            assertThat(f.srcIp()).isEqualTo("10.0.0.5");
            assertThat(f.domain()).isEqualTo("biillpi.com");
            assertThat(f.evidence()).containsEntry("null_names", 10);
        });
    }

    @Test
    void nullQueriesRepeatingAFewNamesAreNoTunnel() {
        for (int i = 0; i < 50; i++) {
            detector.onEvent(dns(at(i), "10.0.0.5", "probe" + (i % 3) + ".example.com", "NULL"), out);
        }
        assertThat(out.all).isEmpty();
    }
}
