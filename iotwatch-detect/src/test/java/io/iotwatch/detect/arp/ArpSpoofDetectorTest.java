package io.iotwatch.detect.arp;

import static io.iotwatch.core.event.ArpEvent.Operation.OTHER;
import static io.iotwatch.core.event.ArpEvent.Operation.REPLY;
import static io.iotwatch.core.event.ArpEvent.Operation.REQUEST;
import static io.iotwatch.detect.TestEvents.arp;
import static io.iotwatch.detect.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.ArpEvent;
import io.iotwatch.detect.DetectionEngine;
import io.iotwatch.detect.Suppression;
import io.iotwatch.detect.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArpSpoofDetectorTest {

    private static final String BROADCAST = "ff:ff:ff:ff:ff:ff";
    private static final String UNKNOWN = "00:00:00:00:00:00";
    private static final String GATEWAY_IP = "192.168.1.1";
    private static final String GATEWAY_MAC = "00:1a:2b:00:00:01";
    private static final String VICTIM_IP = "192.168.1.107";
    private static final String VICTIM_MAC = "00:1a:2b:00:01:07";
    private static final String ATTACKER_IP = "192.168.1.66";
    private static final String ATTACKER_MAC = "de:ad:be:ef:00:66";
    private static final int HOSTS = 20;

    private final ArpSpoofDetector detector = new ArpSpoofDetector(ArpSpoofConfig.defaults());
    private final List<Finding> findings = new ArrayList<>();

    // The four ARP frames of chrissanders-arppoison.pcapng (frames 54, 55, 56 and 165; ../shared/data/pcap, see
    // its PROVENANCE.md) as `tshark -r FILE -Y arp` decodes them. The attacker asks the victim for its MAC while
    // claiming to be the gateway 172.16.0.1, the victim answers, the attacker tells it, unasked, that the gateway
    // is at the attacker's MAC, and ten seconds later asks from its own address where the gateway really is (to
    // pass the victim's traffic on). The real gateway, 00:26:0b:31:07:33, sends no ARP in the capture.
    private static List<ArpEvent> capturedPoisoning() {
        return List.of(
                arp(Instant.parse("2010-07-16T03:39:37.376536Z"), REQUEST, "172.16.0.1", "00:25:b3:bf:91:ee", "172.16.0.107", UNKNOWN),
                arp(Instant.parse("2010-07-16T03:39:37.376589Z"), REPLY, "172.16.0.107", "00:21:70:c0:56:f0", "172.16.0.1",
                        "00:25:b3:bf:91:ee"),
                arp(Instant.parse("2010-07-16T03:39:37.376602Z"), REPLY, "172.16.0.1", "00:25:b3:bf:91:ee", "172.16.0.107",
                        "00:21:70:c0:56:f0"),
                arp(Instant.parse("2010-07-16T03:39:47.122706Z"), REQUEST, "172.16.0.105", "00:25:b3:bf:91:ee", "172.16.0.1", UNKNOWN));
    }

    @Test
    void capturedPoisoningIsOneAlertNamingTheAttackerMac() {
        List<Alert> alerts = run(capturedPoisoning(), List.of());

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.detector()).isEqualTo("arp-spoof");
            assertThat(a.incidentKey()).isEqualTo("00:25:b3:bf:91:ee");
            assertThat(a.attackClass()).isEqualTo("MITM-ArpSpoofing");
            assertThat(a.group()).isEqualTo("Spoofing");
            assertThat(a.level()).isEqualTo(ThreatLevel.MEDIUM);
            assertThat(a.mitre()).isEqualTo("T1557.002");
            assertThat(a.confidence()).isGreaterThanOrEqualTo(0.7);
            assertThat(a.srcIp()).isEqualTo("172.16.0.105");
            assertThat(a.dstIp()).isEqualTo("172.16.0.1");
            assertThat(a.count()).isEqualTo(3);
            assertThat(a.firstSeen()).isEqualTo(Instant.parse("2010-07-16T03:39:37.376Z"));
            assertThat(a.evidence())
                    .containsEntry("attacker_mac", "00:25:b3:bf:91:ee")
                    .containsEntry("signals", List.of("asks-for-claimed-ip"))
                    .containsEntry("told_unasked", List.of("172.16.0.107"))
                    .containsEntry("unsolicited_replies", 1L);
            assertThat(a.evidence().get("claimed_ips")).asInstanceOf(LIST).containsExactlyInAnyOrder("172.16.0.1", "172.16.0.105");
            assertThat(a.evidence().get("sample_events")).asInstanceOf(LIST).hasSize(2).first().asString()
                    .contains("reply 172.16.0.1 is-at 00:25:b3:bf:91:ee to 172.16.0.107", "unasked");
        });
    }

    @Test
    void capturedPoisoningIsSilentUntilTheAttackerAsksForTheGateway() {
        capturedPoisoning().subList(0, 3).forEach(this::feed);
        detector.advance(Instant.parse("2010-07-16T03:39:47Z"), findings::add);

        assertThat(findings).isEmpty();
    }

    @Test
    void arpspoofAmidNormalTrafficIsOneIncidentOfTheAttacker() {
        // dsniff's arpspoof: a reply to the victim every 2 seconds that the gateway is at the attacker's MAC,
        // while the gateway goes on answering the other hosts and the attacker's kernel asks for it.
        List<ArpEvent> events = normalTraffic(0, 1800);
        for (int s = 600; s < 900; s += 2) {
            events.add(arp(at(s), REPLY, GATEWAY_IP, ATTACKER_MAC, VICTIM_IP, VICTIM_MAC));
        }
        for (int s = 601; s < 900; s += 60) {
            events.addAll(exchange(s, ATTACKER_IP, ATTACKER_MAC, GATEWAY_IP, GATEWAY_MAC));
        }

        List<Alert> alerts = run(sorted(events), List.of());

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.incidentKey()).isEqualTo(ATTACKER_MAC);
            assertThat(a.srcIp()).isEqualTo(ATTACKER_IP);
            assertThat(a.dstIp()).isEqualTo(GATEWAY_IP);
            assertThat(a.count()).isEqualTo(150 + 5);
            assertThat(a.evidence().get("signals")).asInstanceOf(LIST)
                    .contains("takeover", "unsolicited-replies", "asks-for-claimed-ip", "flip-flop");
            assertThat(a.evidence().get("displaced_macs")).asInstanceOf(MAP).containsEntry(GATEWAY_IP, GATEWAY_MAC);
            // Some of the lies follow a request of the victim closely enough to pass for answers.
            assertThat((long) a.evidence().get("unsolicited_replies")).isBetween(100L, 150L);
            assertThat(a.evidence()).containsEntry("told_unasked", List.of(VICTIM_IP));
            assertThat(a.confidence()).isEqualTo(0.95);
        });
    }

    @Test
    void arpspoofRestoringTheCacheItPoisonedBlamesNoOneElse() {
        // When arpspoof stops it sends, from its own MAC, replies that carry the gateway's real MAC, putting the
        // victim's cache back. Read from the ARP payload alone, the gateway would be taking its address back
        // unasked from the attacker; the frame's source says the attacker is still the one talking.
        List<ArpEvent> events = normalTraffic(0, 1800);
        for (int s = 600; s < 900; s += 2) {
            events.add(framed(at(s), GATEWAY_IP, ATTACKER_MAC, ATTACKER_MAC));
        }
        for (int s = 900; s < 910; s += 2) {
            events.add(framed(at(s), GATEWAY_IP, GATEWAY_MAC, ATTACKER_MAC));
        }

        List<Alert> alerts = run(sorted(events), List.of());

        assertThat(alerts).extracting(Alert::incidentKey).containsExactly(ATTACKER_MAC);
    }

    private static ArpEvent framed(Instant time, String senderIp, String senderMac, String frameSource) {
        ArpEvent payload = arp(time, REPLY, senderIp, senderMac, VICTIM_IP, VICTIM_MAC);
        return new ArpEvent(payload.header(), REPLY, senderIp, senderMac, VICTIM_IP, VICTIM_MAC, frameSource);
    }

    @Test
    void oneUnaskedReplyTakingALiveBindingAlerts() {
        exchange(0, VICTIM_IP, VICTIM_MAC, GATEWAY_IP, GATEWAY_MAC).forEach(this::feed);
        feed(arp(at(30), REPLY, GATEWAY_IP, ATTACKER_MAC, VICTIM_IP, VICTIM_MAC));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.incidentKey()).isEqualTo(ATTACKER_MAC);
            assertThat(f.evidence()).containsEntry("signals", List.of("takeover"));
            assertThat(f.srcIp()).isNull();
            assertThat(f.dstIp()).isEqualTo(GATEWAY_IP);
            assertThat(f.firstSeen()).isEqualTo(at(30));
        });
    }

    @Test
    void poisoningWithRequestsAloneShowsAsFlipFlopOfTheAttacker() {
        // Requests whose sender claims the gateway's address poison caches too (ettercap's arp_poison_request).
        List<ArpEvent> events = normalTraffic(0, 900);
        for (int s = 300; s < 600; s += 10) {
            events.add(request(s, GATEWAY_IP, ATTACKER_MAC, VICTIM_IP));
        }

        List<Alert> alerts = run(sorted(events), List.of());

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.incidentKey()).isEqualTo(ATTACKER_MAC);
            assertThat(a.evidence().get("signals")).asInstanceOf(LIST).containsExactly("flip-flop");
            assertThat(a.evidence().get("displaced_macs")).asInstanceOf(MAP).containsEntry(GATEWAY_IP, GATEWAY_MAC);
        });
    }

    @Test
    void flipFlopIsBlamedOnThePoisonerEvenWhenItWasSeenFirst() {
        // The detector starts mid-attack: the attacker's claim is the first it sees, the gateway's comes later.
        List<ArpEvent> events = new ArrayList<>();
        for (int s = 0; s < 300; s += 10) {
            events.add(request(s, GATEWAY_IP, ATTACKER_MAC, VICTIM_IP));
            events.add(request(s + 1, ATTACKER_IP, ATTACKER_MAC, "192.168.1.200"));
        }
        for (int s = 5; s < 300; s += 30) {
            events.addAll(exchange(s, "192.168.1.10", "00:1a:2b:00:00:10", GATEWAY_IP, GATEWAY_MAC));
        }

        List<Alert> alerts = run(sorted(events), List.of());

        assertThat(alerts).extracting(Alert::incidentKey).containsExactly(ATTACKER_MAC);
    }

    @Test
    void unaskedRepliesToOneHostMakeAStream() {
        for (int i = 0; i < 5; i++) {
            feed(arp(at(i * 10), REPLY, "192.168.1.250", ATTACKER_MAC, VICTIM_IP, VICTIM_MAC));
        }

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.evidence()).containsEntry("signals", List.of("unsolicited-replies"));
            assertThat(f.count()).isEqualTo(5);
        });
    }

    @Test
    void fourUnaskedRepliesAreNotAStream() {
        for (int i = 0; i < 4; i++) {
            feed(arp(at(i * 10), REPLY, "192.168.1.250", ATTACKER_MAC, VICTIM_IP, VICTIM_MAC));
        }
        feed(arp(at(400), REPLY, "192.168.1.250", ATTACKER_MAC, VICTIM_IP, VICTIM_MAC));

        assertThat(findings).isEmpty();
    }

    @Test
    void oneMacClaimingManyAddressesAlerts() {
        for (int i = 0; i < 20; i++) {
            String ip = "192.168.2." + (100 + i);
            feed(request(i, VICTIM_IP, VICTIM_MAC, ip));
            feed(arp(at(i + 0.001), REPLY, ip, ATTACKER_MAC, VICTIM_IP, VICTIM_MAC));
        }

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.incidentKey()).isEqualTo(ATTACKER_MAC);
            assertThat(f.evidence()).containsEntry("signals", List.of("many-ips")).containsEntry("unsolicited_replies", 0L);
            assertThat(f.evidence().get("claimed_ips")).asInstanceOf(LIST).hasSize(9);
            assertThat(f.dstIp()).isNull();
        });
    }

    @Test
    void proxyArpGatewayIsAllowListedByItsAddress() {
        // A proxy-ARP gateway answers for the hosts behind it; it asks for hosts on the LAN from its own address.
        List<ArpEvent> events = new ArrayList<>(exchange(0, GATEWAY_IP, GATEWAY_MAC, VICTIM_IP, VICTIM_MAC));
        for (int i = 0; i < 30; i++) {
            events.addAll(exchange(10 + i, VICTIM_IP, VICTIM_MAC, "10.20.0." + (i + 1), GATEWAY_MAC));
        }

        assertThat(run(events, List.of())).singleElement().satisfies(a -> {
            assertThat(a.srcIp()).isEqualTo(GATEWAY_IP);
            assertThat(a.evidence().get("signals")).isEqualTo(List.of("many-ips"));
        });

        DetectionEngine engine = engine(List.of(new Suppression("arp-spoof", GATEWAY_IP, null)));
        events.forEach(engine::accept);
        engine.finish();
        assertThat(engine.drainChanged()).isEmpty();
        assertThat(engine.suppressedCounts()).containsKey("arp-spoof");
    }

    @Test
    void normalTrafficIsQuiet() {
        assertThat(run(normalTraffic(0, 4 * 3600), List.of())).isEmpty();
    }

    @Test
    void bootProbesAnnouncementsAndGratuitousRepliesAreQuiet() {
        String ip = "192.168.1.50";
        String mac = "00:1a:2b:00:00:50";
        for (int i = 0; i < 3; i++) {
            feed(request(i, "0.0.0.0", mac, ip));
        }
        feed(request(5, ip, mac, ip), request(7, ip, mac, ip));
        for (int i = 0; i < 5; i++) {
            feed(arp(at(8 + i), REPLY, ip, mac, ip, BROADCAST));
            feed(arp(at(8.5 + i), REPLY, ip, mac, ip, mac));
        }
        detector.advance(at(60), findings::add);

        assertThat(findings).isEmpty();
    }

    @Test
    void keepaliveAnnouncementsAreQuiet() {
        for (int s = 0; s < 3600; s += 10) {
            feed(arp(at(s), REPLY, "192.168.1.50", "00:1a:2b:00:00:50", "192.168.1.50", BROADCAST));
            if (s % 60 == 0) {
                detector.advance(at(s), findings::add);
            }
        }

        assertThat(findings).isEmpty();
    }

    @Test
    void deviceMovedToAnotherAddressAndItsOldAddressReusedIsQuiet() {
        // DHCP churn: a device moves from .50 to .51 and another device gets .50 two minutes later.
        String moved = "00:1a:2b:00:00:50";
        String next = "00:1a:2b:00:00:77";
        List<ArpEvent> events = new ArrayList<>(exchange(0, GATEWAY_IP, GATEWAY_MAC, "192.168.1.50", moved));
        events.add(request(60, "0.0.0.0", moved, "192.168.1.51"));
        events.add(request(62, "192.168.1.51", moved, "192.168.1.51"));
        events.add(arp(at(63), REPLY, "192.168.1.51", moved, "192.168.1.51", BROADCAST));
        events.addAll(exchange(64, "192.168.1.51", moved, GATEWAY_IP, GATEWAY_MAC));
        events.add(request(180, "0.0.0.0", next, "192.168.1.50"));
        for (int i = 0; i < 3; i++) {
            events.add(arp(at(182 + i), REPLY, "192.168.1.50", next, "192.168.1.50", BROADCAST));
        }
        events.addAll(exchange(190, GATEWAY_IP, GATEWAY_MAC, "192.168.1.50", next));
        events.addAll(exchange(200, "192.168.1.51", moved, "192.168.1.50", next));

        assertThat(run(sorted(events), List.of())).isEmpty();
    }

    @Test
    void deviceReplacedAfterLongSilenceIsQuiet() {
        String old = "00:1a:2b:00:00:60";
        String replacement = "00:1a:2b:00:00:61";
        List<ArpEvent> events = new ArrayList<>(exchange(0, GATEWAY_IP, GATEWAY_MAC, "192.168.1.60", old));
        // The new device tells the gateway, unasked, where its address now is, and announces itself.
        events.add(arp(at(3600), REPLY, "192.168.1.60", replacement, GATEWAY_IP, GATEWAY_MAC));
        for (int i = 1; i <= 3; i++) {
            events.add(arp(at(3600 + i), REPLY, "192.168.1.60", replacement, "192.168.1.60", BROADCAST));
        }
        events.addAll(exchange(3610, GATEWAY_IP, GATEWAY_MAC, "192.168.1.60", replacement));

        assertThat(run(events, List.of())).isEmpty();
    }

    @Test
    void failoverAndLaterFailbackAreQuiet() {
        // keepalived without a virtual MAC: the new master announces the address 5 times, and 5 more 5 s later.
        String vip = "192.168.1.5";
        String primary = "00:1a:2b:00:00:05";
        String standby = "00:1a:2b:00:00:06";
        List<ArpEvent> events = new ArrayList<>();
        for (int s = 0; s < 7200; s += 20) {
            String master = s < 600 || s >= 4200 ? primary : standby;
            events.addAll(exchange(s, VICTIM_IP, VICTIM_MAC, vip, master));
        }
        for (double s : new double[] {590, 4190}) {
            String master = s < 4000 ? standby : primary;
            for (int i = 0; i < 5; i++) {
                events.add(arp(at(s + i * 0.01), REPLY, vip, master, vip, BROADCAST));
                events.add(arp(at(s + 5 + i * 0.01), REPLY, vip, master, vip, BROADCAST));
            }
        }

        assertThat(run(sorted(events), List.of())).isEmpty();
    }

    @Test
    void repliesWithinTheRequestWindowAreAnswers() {
        for (int i = 0; i < 10; i++) {
            feed(request(i * 20, VICTIM_IP, VICTIM_MAC, GATEWAY_IP));
            feed(arp(at(i * 20 + 4), REPLY, GATEWAY_IP, GATEWAY_MAC, VICTIM_IP, VICTIM_MAC));
        }
        assertThat(findings).isEmpty();

        for (int i = 0; i < 5; i++) {
            feed(request(300 + i * 20, VICTIM_IP, VICTIM_MAC, GATEWAY_IP));
            feed(arp(at(300 + i * 20 + 10), REPLY, GATEWAY_IP, GATEWAY_MAC, VICTIM_IP, VICTIM_MAC));
        }
        assertThat(findings).singleElement().extracting(Finding::incidentKey).isEqualTo(GATEWAY_MAC);
    }

    @Test
    void probesAndGroupOrZeroMacsClaimNothing() {
        for (int i = 0; i < 20; i++) {
            String ip = "192.168.1." + (100 + i);
            feed(arp(at(i), REPLY, ip, BROADCAST, VICTIM_IP, VICTIM_MAC));
            feed(arp(at(i), REPLY, ip, UNKNOWN, VICTIM_IP, VICTIM_MAC));
            feed(arp(at(i), REPLY, ip, "01:00:5e:00:00:fb", VICTIM_IP, VICTIM_MAC));
            feed(arp(at(i), REPLY, "0.0.0.0", ATTACKER_MAC, VICTIM_IP, VICTIM_MAC));
            feed(arp(at(i), OTHER, ip, ATTACKER_MAC, VICTIM_IP, VICTIM_MAC));
        }

        assertThat(findings).isEmpty();
        assertThat(ArpSpoofDetector.isUnicast("00:1a:2b:00:00:50")).isTrue();
        assertThat(ArpSpoofDetector.isUnicast("03:00:00:00:00:01")).isFalse();
        assertThat(ArpSpoofDetector.isUnicast("zz:00:00:00:00:01")).isFalse();
        assertThat(ArpSpoofDetector.isUnicast("")).isFalse();
    }

    @Test
    void eachAttackerMacIsItsOwnIncidentAndOngoingClaimsAddToIt() {
        String second = "de:ad:be:ef:00:67";
        List<ArpEvent> events = new ArrayList<>();
        for (int s = 0; s < 600; s += 2) {
            events.add(arp(at(s), REPLY, GATEWAY_IP, ATTACKER_MAC, VICTIM_IP, VICTIM_MAC));
            events.add(arp(at(s + 1), REPLY, "192.168.1.2", second, VICTIM_IP, VICTIM_MAC));
        }

        List<Alert> alerts = run(events, List.of());

        assertThat(alerts).extracting(Alert::incidentKey).containsExactlyInAnyOrder(ATTACKER_MAC, second);
        assertThat(alerts).allSatisfy(a -> assertThat(a.count()).isEqualTo(300));
    }

    @Test
    void stateStaysBoundedUnderFloodsOfAddressesAndMacs() {
        ArpSpoofDetector small = new ArpSpoofDetector(new ArpSpoofConfig(Duration.ofMinutes(5), Duration.ofMinutes(10),
                Duration.ofSeconds(5), 3, 5, 8, 1000));
        for (int i = 0; i < 300_000; i++) {
            String ip = "10." + (i >>> 16 & 0xff) + "." + (i >>> 8 & 0xff) + "." + (i & 0xff);
            String mac = String.format("02:00:00:%02x:%02x:%02x", i >>> 16 & 0xff, i >>> 8 & 0xff, i & 0xff);
            small.onEvent(arp(TestEvents.T0.plusMillis(i), REQUEST, ip, mac, "10.255.255.254", UNKNOWN), findings::add);
            small.onEvent(arp(TestEvents.T0.plusMillis(i), REPLY, "10.255.255.254", "02:ff:00:00:00:01", ip, mac), findings::add);
        }

        assertThat(small.trackedKeys()).isLessThanOrEqualTo(3000);
        assertThat(small.evictions()).isGreaterThan(3 * 290_000);
        assertThat(findings).isEmpty();
    }

    @Test
    void idleAddressesMacsAndRequestsAreForgotten() {
        normalTraffic(0, 600).forEach(this::feed);
        detector.advance(at(600), findings::add);
        assertThat(detector.trackedKeys()).isGreaterThan(2 * HOSTS);

        detector.advance(at(600 + 9 * 60), findings::add);
        assertThat(detector.trackedKeys()).as("bindings live 10 minutes, MACs 5").isEqualTo(HOSTS + 2);

        detector.advance(at(600 + 10 * 60), findings::add);
        assertThat(detector.trackedKeys()).isZero();
        assertThat(detector.evictions()).isZero();
        assertThat(findings).isEmpty();
    }

    @Test
    void oneMacClaimingEveryAddressKeepsAtMostTheThresholdOfThem() {
        for (int i = 0; i < 100_000; i++) {
            String ip = "10." + (i >>> 16 & 0xff) + "." + (i >>> 8 & 0xff) + "." + (i & 0xff);
            feed(arp(TestEvents.T0.plusMillis(i), REPLY, ip, ATTACKER_MAC, ip, BROADCAST));
        }
        detector.advance(TestEvents.T0.plusSeconds(120), findings::add);

        assertThat(findings).allSatisfy(f -> assertThat(f.evidence().get("claimed_ips")).asInstanceOf(LIST).hasSize(9));
        assertThat(findings.stream().mapToLong(Finding::count).sum()).isEqualTo(100_000);
        assertThat(detector.trackedKeys()).isLessThanOrEqualTo(100_000 + 1);
    }

    @Test
    void eventsSlightlyOutOfOrderStillFindTheAttackerAlone() {
        // The attacker's packets reach the detector up to 1.5 s late, behind newer traffic of other hosts.
        long seed = 20260301;
        Random random = new Random(seed);
        List<ArpEvent> events = new ArrayList<>();
        List<Double> arrival = new ArrayList<>();
        for (ArpEvent event : normalTraffic(0, 1200)) {
            events.add(event);
            arrival.add(seconds(event.time()));
        }
        for (int s = 300; s < 600; s += 2) {
            events.add(arp(at(s), REPLY, GATEWAY_IP, ATTACKER_MAC, VICTIM_IP, VICTIM_MAC));
            arrival.add(s + random.nextDouble() * 1.5);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(arrival::get));

        List<Alert> alerts = run(order.stream().map(events::get).toList(), List.of());

        assertThat(alerts).as("seed %d", seed).extracting(Alert::incidentKey).containsExactly(ATTACKER_MAC);
    }

    @Test
    void hostileEventsNeverThrow() {
        String[] ips = {"", "0.0.0.0", "192.168.1.1", "192.168.1.2", "not an ip", "\u202e1.1.1.1", "::1", "255.255.255.255"};
        String[] macs = {"", UNKNOWN, BROADCAST, "00:1a:2b:00:00:01", "00:1a:2b:00:00:02", "de:ad:be:ef:00:66", "zz", "\u0000"};
        ArpEvent.Operation[] operations = ArpEvent.Operation.values();
        long seed = 7;
        Random random = new Random(seed);
        assertThatNoException().as("seed %d", seed).isThrownBy(() -> {
            for (int i = 0; i < 200_000; i++) {
                Instant time = switch (random.nextInt(20)) {
                    case 0 -> Instant.MIN;
                    case 1 -> Instant.MAX;
                    case 2 -> Instant.EPOCH;
                    default -> TestEvents.T0.plusSeconds(random.nextInt(20_000) - 1000);
                };
                feed(arp(time, operations[random.nextInt(operations.length)], ips[random.nextInt(ips.length)],
                        random.nextInt(10) == 0 ? TestEvents.randomText(random) : macs[random.nextInt(macs.length)],
                        ips[random.nextInt(ips.length)], macs[random.nextInt(macs.length)]));
                if (i % 500 == 0) {
                    detector.advance(TestEvents.T0.plusSeconds(i / 10), findings::add);
                }
            }
            detector.advance(Instant.MAX, findings::add);
            detector.advance(Instant.MIN, findings::add);
        });
    }

    @Test
    void configValidationNamesTheField() {
        Duration m = Duration.ofMinutes(5);
        assertThatThrownBy(() -> new ArpSpoofConfig(Duration.ZERO, m, m, 3, 5, 8, 10)).hasMessageContaining("window");
        assertThatThrownBy(() -> new ArpSpoofConfig(m, null, m, 3, 5, 8, 10)).hasMessageContaining("bindingTtl");
        assertThatThrownBy(() -> new ArpSpoofConfig(m, m, Duration.ofSeconds(-1), 3, 5, 8, 10)).hasMessageContaining("requestWindow");
        assertThatThrownBy(() -> new ArpSpoofConfig(m, m, m, 1, 5, 8, 10)).hasMessageContaining("flips");
        assertThatThrownBy(() -> new ArpSpoofConfig(m, m, m, 3, 0, 8, 10)).hasMessageContaining("unsolicitedReplies");
        assertThatThrownBy(() -> new ArpSpoofConfig(m, m, m, 3, 5, 0, 10)).hasMessageContaining("maxIpsPerMac");
        assertThatThrownBy(() -> new ArpSpoofConfig(m, m, m, 3, 5, 8, 0)).hasMessageContaining("maxKeys");
    }

    private void feed(ArpEvent... events) {
        for (ArpEvent event : events) {
            detector.onEvent(event, findings::add);
        }
    }

    private static List<Alert> run(List<ArpEvent> events, List<Suppression> suppressions) {
        DetectionEngine engine = engine(suppressions);
        events.forEach(engine::accept);
        engine.finish();
        return engine.drainChanged();
    }

    private static DetectionEngine engine(List<Suppression> suppressions) {
        return new DetectionEngine(List.of(new ArpSpoofDetector(ArpSpoofConfig.defaults())), suppressions, Duration.ofMinutes(30));
    }

    private static ArpEvent request(double seconds, String senderIp, String senderMac, String targetIp) {
        return arp(at(seconds), REQUEST, senderIp, senderMac, targetIp, UNKNOWN);
    }

    /** A host asks who has {@code ip}, and its owner answers 2 ms later. */
    private static List<ArpEvent> exchange(double seconds, String askerIp, String askerMac, String ip, String mac) {
        return List.of(request(seconds, askerIp, askerMac, ip), arp(at(seconds + 0.002), REPLY, ip, mac, askerIp, askerMac));
    }

    /**
     * A LAN at rest: {@value #HOSTS} hosts and the victim each ask for the gateway every 45 seconds (their
     * cache entries going stale), and the gateway asks for each of them every 90 seconds.
     */
    private static List<ArpEvent> normalTraffic(int from, int to) {
        List<ArpEvent> events = new ArrayList<>();
        for (int h = 0; h <= HOSTS; h++) {
            String ip = h == HOSTS ? VICTIM_IP : "192.168.1." + (10 + h);
            String mac = h == HOSTS ? VICTIM_MAC : String.format("00:1a:2b:00:00:%02x", 0x10 + h);
            for (int s = from + h; s < to; s += 45) {
                events.addAll(exchange(s, ip, mac, GATEWAY_IP, GATEWAY_MAC));
            }
            for (int s = from + 2 * h + 7; s < to; s += 90) {
                events.addAll(exchange(s, GATEWAY_IP, GATEWAY_MAC, ip, mac));
            }
        }
        return sorted(events);
    }

    private static double seconds(Instant time) {
        return Duration.between(TestEvents.T0, time).toMillis() / 1000.0;
    }

    private static List<ArpEvent> sorted(List<ArpEvent> events) {
        List<ArpEvent> copy = new ArrayList<>(events);
        copy.sort(Comparator.comparing(ArpEvent::time));
        return copy;
    }
}
