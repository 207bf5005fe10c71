package io.iotwatch.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to do about each attack group: MITRE ATT&amp;CK Enterprise mitigations of the group's techniques and concrete
 * steps for an IoT network. Holds the groups of the taxonomy (but Benign, which is not an attack) and those the rule
 * detectors add: Vendor (the firewall's own alerts), Anomaly (new ports) and Exfiltration (byte spikes).
 */
public final class Recommendations {

    private static final Mitigation SEGMENTATION = new Mitigation("M1030", "Network Segmentation");
    private static final Mitigation INTRUSION_PREVENTION = new Mitigation("M1031", "Network Intrusion Prevention");
    private static final Mitigation MFA = new Mitigation("M1032", "Multi-factor Authentication");
    private static final Mitigation ACCESS_OVER_NETWORK = new Mitigation("M1035", "Limit Access to Resource Over Network");
    private static final Mitigation ACCOUNT_POLICIES = new Mitigation("M1036", "Account Use Policies");
    private static final Mitigation FILTER_TRAFFIC = new Mitigation("M1037", "Filter Network Traffic");
    private static final Mitigation ENCRYPT = new Mitigation("M1041", "Encrypt Sensitive Information");
    private static final Mitigation DISABLE_FEATURE = new Mitigation("M1042", "Disable or Remove Feature or Program");
    private static final Mitigation PASSWORD_POLICIES = new Mitigation("M1027", "Password Policies");
    private static final Mitigation EXPLOIT_PROTECTION = new Mitigation("M1050", "Exploit Protection");
    private static final Mitigation UPDATE_SOFTWARE = new Mitigation("M1051", "Update Software");
    private static final Mitigation DATA_LOSS_PREVENTION = new Mitigation("M1057", "Data Loss Prevention");

    /**
     * The advice for one group.
     *
     * @param mitigations ATT&amp;CK mitigations, the most effective first
     * @param actions     concrete steps, most important first
     */
    public record Advice(List<Mitigation> mitigations, List<String> actions) {}

    private static final Map<String, Advice> CATALOG = Map.ofEntries(
            Map.entry("DDoS", new Advice(List.of(FILTER_TRAFFIC, INTRUSION_PREVENTION, SEGMENTATION), List.of(
                    "Ask the upstream provider to scrub or blackhole traffic to the attacked addresses, and set FortiGate DoS "
                            + "policy thresholds for SYN, UDP and ICMP floods towards them.",
                    "Check whether your own devices take part: cameras and DVRs recruited into a botnet flood outwards, so "
                            + "allow IoT VLANs out only to their vendors' clouds.",
                    "Publish no IoT device to the internet: no port forwarding, UPnP off on the router."))),
            Map.entry("DoS", new Advice(List.of(FILTER_TRAFFIC, SEGMENTATION), List.of(
                    "Block the attacking address at the firewall and rate-limit new connections per source to the "
                            + "attacked service (FortiGate DoS policy).",
                    "If the source is one of your devices, isolate it on a quarantine VLAN until it is reflashed.",
                    "Put fragile devices (sensors, controllers) behind a gateway instead of exposing them to other segments."))),
            Map.entry("Mirai", new Advice(List.of(PASSWORD_POLICIES, DISABLE_FEATURE, UPDATE_SOFTWARE, SEGMENTATION), List.of(
                    "Change every device's factory password to a unique one: Mirai logs in over Telnet and SSH with "
                            + "default credentials.",
                    "Disable Telnet (ports 23 and 2323) on cameras, DVRs and routers and block both between VLANs and "
                            + "from the internet.",
                    "Reflash or update the infected devices (a reboot clears Mirai only until it logs in again) and "
                            + "replace those that get no more updates.",
                    "Keep the sending devices on a quarantine VLAN until they are clean."))),
            Map.entry("Recon", new Advice(List.of(SEGMENTATION, DISABLE_FEATURE, INTRUSION_PREVENTION), List.of(
                    "Identify the scanning host: your own scanner gets an allow rule, any other internal host is "
                            + "treated as compromised and isolated.",
                    "Move cameras, sensors and plugs to their own VLAN and allow only the ports each device class "
                            + "needs, so a scan of one segment finds nothing in the others.",
                    "Turn off services the devices do not need: Telnet, UPnP, SSDP, web admin on the LAN side."))),
            Map.entry("Spoofing", new Advice(List.of(FILTER_TRAFFIC, INTRUSION_PREVENTION, ENCRYPT), List.of(
                    "Enable Dynamic ARP Inspection and DHCP snooping on the switches of IoT VLANs, and pin the gateway's "
                            + "ARP entry where devices allow it.",
                    "Have devices use only the internal resolver and block DNS (53) from IoT VLANs to anyone else.",
                    "Prefer devices and apps that use TLS with certificate checks, so an interception reads nothing."))),
            Map.entry("Web", new Advice(List.of(UPDATE_SOFTWARE, EXPLOIT_PROTECTION, SEGMENTATION), List.of(
                    "Update the firmware of the device or hub whose web interface was attacked, and turn the interface "
                            + "off where an app or cloud manages the device.",
                    "Put device web interfaces behind a web application firewall profile and never forward them from "
                            + "the internet.",
                    "Allow device admin pages only from an admin VLAN or the VPN."))),
            Map.entry("BruteForce", new Advice(List.of(MFA, ACCOUNT_POLICIES, PASSWORD_POLICIES, ACCESS_OVER_NETWORK), List.of(
                    "Replace default and shared passwords with a long unique one per device, and SSH keys where devices "
                            + "take them.",
                    "Lock out or throttle logins after repeated failures, and require MFA on the VPN and the firewall's "
                            + "administration.",
                    "Allow SSH, Telnet and admin logins to devices only from the admin VLAN or the VPN."))),
            Map.entry("C2", new Advice(List.of(INTRUSION_PREVENTION, FILTER_TRAFFIC, SEGMENTATION), List.of(
                    "Point IoT devices at the internal resolver and block direct DNS, DNS over TLS (853) and known DNS "
                            + "over HTTPS resolvers from IoT VLANs.",
                    "Allow each device class out only to its vendor's cloud (FQDN-based policies): a camera has no "
                            + "reason to call an arbitrary host every minute.",
                    "Isolate the device that beacons or tunnels, keep a capture of its traffic, and reflash it."))),
            Map.entry("Vendor", new Advice(List.of(INTRUSION_PREVENTION, UPDATE_SOFTWARE), List.of(
                    "Read the firewall's event for the signature it names, and set the IPS profile of IoT policies to "
                            + "block rather than monitor.",
                    "Keep FortiOS and the FortiGuard IPS and antivirus signatures current.",
                    "Check whether the targeted device's firmware has the vulnerability the signature names, and update it."))),
            Map.entry("Anomaly", new Advice(List.of(FILTER_TRAFFIC, DISABLE_FEATURE), List.of(
                    "Ask the device's owner whether the new port or protocol is expected (a firmware update, a new "
                            + "app); if so, add an allow rule.",
                    "Otherwise block it: give each device class a default-deny policy that allows only the ports it needs."))),
            Map.entry("Exfiltration", new Advice(List.of(DATA_LOSS_PREVENTION, FILTER_TRAFFIC, INTRUSION_PREVENTION), List.of(
                    "Find out what the device sent and where: cameras upload video to their cloud, but a sensor that "
                            + "sends gigabytes is compromised or misconfigured.",
                    "Allow each IoT device out only to its vendor's endpoints, and cap its outbound volume.",
                    "Isolate and reflash the device if the destination is not its vendor's."))));

    private Recommendations() {}

    /** The advice for the group named as alerts name it, if the catalog has it. */
    public static Optional<Advice> advice(String group) {
        return Optional.ofNullable(CATALOG.get(group));
    }

    /** The recommendation for a group seen with these classes: the catalog's advice, or generic advice naming it. */
    public static Recommendation recommend(String group, List<String> classes) {
        Advice advice = advice(group).orElseGet(() -> generic(group));
        return new Recommendation(group, classes, advice.mitigations(), advice.actions());
    }

    private static Advice generic(String group) {
        return new Advice(List.of(SEGMENTATION, FILTER_TRAFFIC), List.of(
                "Review the alerts of group " + group + " with the devices' owners: iotwatch has no specific advice for it.",
                "Keep the devices involved on their own VLAN and allow them only the traffic they need until the "
                        + "cause is known."));
    }
}
