package io.iotwatch.report;

import java.util.List;

/**
 * What to do about one attack group seen in the period.
 *
 * @param group       the attack group, as alerts name it (e.g. {@code BruteForce})
 * @param classes     the group's attack classes seen in the period, the most alerts first (then by name)
 * @param mitigations MITRE ATT&amp;CK Enterprise mitigations that counter the group's techniques
 * @param actions     concrete steps for an IoT network, most important first
 */
public record Recommendation(String group, List<String> classes, List<Mitigation> mitigations, List<String> actions) {

    public Recommendation {
        classes = List.copyOf(classes);
        mitigations = List.copyOf(mitigations);
        actions = List.copyOf(actions);
    }
}
