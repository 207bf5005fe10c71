package io.iotwatch.web.api;

import java.util.Map;

/**
 * MITRE ATT&CK techniques the detectors name, with their names as ATT&CK gives them, so the dashboard can
 * show and link them without going to the internet. An id not listed still links; its name is the id.
 */
final class Mitre {

    /** A technique as the API shows it. */
    record Technique(String id, String name, String url) {}

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("T1018", "Remote System Discovery"),
            Map.entry("T1046", "Network Service Discovery"),
            Map.entry("T1048", "Exfiltration Over Alternative Protocol"),
            Map.entry("T1071", "Application Layer Protocol"),
            Map.entry("T1071.001", "Application Layer Protocol: Web Protocols"),
            Map.entry("T1071.004", "Application Layer Protocol: DNS"),
            Map.entry("T1082", "System Information Discovery"),
            Map.entry("T1110.001", "Brute Force: Password Guessing"),
            Map.entry("T1185", "Browser Session Hijacking"),
            Map.entry("T1189", "Drive-by Compromise"),
            Map.entry("T1190", "Exploit Public-Facing Application"),
            Map.entry("T1204", "User Execution"),
            Map.entry("T1498", "Network Denial of Service"),
            Map.entry("T1498.001", "Network Denial of Service: Direct Network Flood"),
            Map.entry("T1499.002", "Endpoint Denial of Service: Service Exhaustion Flood"),
            Map.entry("T1505.003", "Server Software Component: Web Shell"),
            Map.entry("T1557", "Adversary-in-the-Middle"),
            Map.entry("T1557.002", "Adversary-in-the-Middle: ARP Cache Poisoning"),
            Map.entry("T1571", "Non-Standard Port"),
            Map.entry("T1595", "Active Scanning"),
            Map.entry("T1595.002", "Active Scanning: Vulnerability Scanning"));

    private Mitre() {}

    /** The technique with this id; null for a blank id. */
    static Technique technique(String id) {
        if (id == null || id.isBlank() || !id.matches("T\\d{4}(\\.\\d{3})?")) {
            return null;
        }
        return new Technique(id, NAMES.getOrDefault(id, id),
                "https://attack.mitre.org/techniques/" + id.replace('.', '/') + "/");
    }
}
