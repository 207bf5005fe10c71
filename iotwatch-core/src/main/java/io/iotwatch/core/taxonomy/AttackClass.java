package io.iotwatch.core.taxonomy;

import io.iotwatch.core.alert.ThreatLevel;
import java.util.List;
import java.util.Optional;

/**
 * The 34 classes of CICIoT2023 under the labels of its CSV files, and iotwatch's two command-and-control
 * classes, each with its group, its threat level and the MITRE ATT&CK technique it is an instance of.
 *
 * <p>Levels follow the seed: floods, botnets, backdoors and brute force are {@link ThreatLevel#HIGH},
 * injection and spoofing {@link ThreatLevel#MEDIUM}, reconnaissance {@link ThreatLevel#LOW}; a
 * {@code HIGH} class seen with a confidence over 0.9 is {@link ThreatLevel#CRITICAL} ({@link #level(double)}).
 */
public enum AttackClass {
    DDOS_ICMP_FLOOD("DDoS-ICMP_Flood", AttackGroup.DDOS, ThreatLevel.HIGH, "T1498.001"),
    DDOS_UDP_FLOOD("DDoS-UDP_Flood", AttackGroup.DDOS, ThreatLevel.HIGH, "T1498.001"),
    DDOS_TCP_FLOOD("DDoS-TCP_Flood", AttackGroup.DDOS, ThreatLevel.HIGH, "T1498.001"),
    DDOS_PSHACK_FLOOD("DDoS-PSHACK_Flood", AttackGroup.DDOS, ThreatLevel.HIGH, "T1498.001"),
    DDOS_SYN_FLOOD("DDoS-SYN_Flood", AttackGroup.DDOS, ThreatLevel.HIGH, "T1498.001"),
    DDOS_RSTFIN_FLOOD("DDoS-RSTFINFlood", AttackGroup.DDOS, ThreatLevel.HIGH, "T1498.001"),
    DDOS_SYNONYMOUS_IP_FLOOD("DDoS-SynonymousIP_Flood", AttackGroup.DDOS, ThreatLevel.HIGH, "T1498.001"),
    DDOS_ACK_FRAGMENTATION("DDoS-ACK_Fragmentation", AttackGroup.DDOS, ThreatLevel.HIGH, "T1498.001"),
    DDOS_UDP_FRAGMENTATION("DDoS-UDP_Fragmentation", AttackGroup.DDOS, ThreatLevel.HIGH, "T1498.001"),
    DDOS_ICMP_FRAGMENTATION("DDoS-ICMP_Fragmentation", AttackGroup.DDOS, ThreatLevel.HIGH, "T1498.001"),
    DDOS_SLOWLORIS("DDoS-SlowLoris", AttackGroup.DDOS, ThreatLevel.HIGH, "T1499.002"),
    DDOS_HTTP_FLOOD("DDoS-HTTP_Flood", AttackGroup.DDOS, ThreatLevel.HIGH, "T1499.002"),
    DOS_UDP_FLOOD("DoS-UDP_Flood", AttackGroup.DOS, ThreatLevel.HIGH, "T1498.001"),
    DOS_SYN_FLOOD("DoS-SYN_Flood", AttackGroup.DOS, ThreatLevel.HIGH, "T1498.001"),
    DOS_TCP_FLOOD("DoS-TCP_Flood", AttackGroup.DOS, ThreatLevel.HIGH, "T1498.001"),
    DOS_HTTP_FLOOD("DoS-HTTP_Flood", AttackGroup.DOS, ThreatLevel.HIGH, "T1499.002"),
    MIRAI_GREETH_FLOOD("Mirai-greeth_flood", AttackGroup.MIRAI, ThreatLevel.HIGH, "T1498.001"),
    MIRAI_GREIP_FLOOD("Mirai-greip_flood", AttackGroup.MIRAI, ThreatLevel.HIGH, "T1498.001"),
    MIRAI_UDPPLAIN("Mirai-udpplain", AttackGroup.MIRAI, ThreatLevel.HIGH, "T1498.001"),
    RECON_PING_SWEEP("Recon-PingSweep", AttackGroup.RECON, ThreatLevel.LOW, "T1018"),
    RECON_OS_SCAN("Recon-OSScan", AttackGroup.RECON, ThreatLevel.LOW, "T1082"),
    RECON_PORT_SCAN("Recon-PortScan", AttackGroup.RECON, ThreatLevel.LOW, "T1046"),
    VULNERABILITY_SCAN("VulnerabilityScan", AttackGroup.RECON, ThreatLevel.LOW, "T1595.002"),
    RECON_HOST_DISCOVERY("Recon-HostDiscovery", AttackGroup.RECON, ThreatLevel.LOW, "T1018"),
    DNS_SPOOFING("DNS_Spoofing", AttackGroup.SPOOFING, ThreatLevel.MEDIUM, "T1557"),
    MITM_ARP_SPOOFING("MITM-ArpSpoofing", AttackGroup.SPOOFING, ThreatLevel.MEDIUM, "T1557.002"),
    BROWSER_HIJACKING("BrowserHijacking", AttackGroup.WEB, ThreatLevel.HIGH, "T1185"),
    BACKDOOR_MALWARE("Backdoor_Malware", AttackGroup.WEB, ThreatLevel.HIGH, "T1505.003"),
    XSS("XSS", AttackGroup.WEB, ThreatLevel.MEDIUM, "T1189"),
    UPLOADING_ATTACK("Uploading_Attack", AttackGroup.WEB, ThreatLevel.MEDIUM, "T1505.003"),
    SQL_INJECTION("SqlInjection", AttackGroup.WEB, ThreatLevel.MEDIUM, "T1190"),
    COMMAND_INJECTION("CommandInjection", AttackGroup.WEB, ThreatLevel.MEDIUM, "T1190"),
    DICTIONARY_BRUTE_FORCE("DictionaryBruteForce", AttackGroup.BRUTE_FORCE, ThreatLevel.HIGH, "T1110.001"),
    BENIGN_TRAFFIC("BenignTraffic", AttackGroup.BENIGN, ThreatLevel.LOW, ""),
    DNS_TUNNELING("DNS-Tunneling", AttackGroup.C2, ThreatLevel.HIGH, "T1071.004"),
    C2_BEACONING("C2-Beaconing", AttackGroup.C2, ThreatLevel.HIGH, "T1071");

    /** Confidence above which a {@link ThreatLevel#HIGH} class is {@link ThreatLevel#CRITICAL}. */
    public static final double CRITICAL_CONFIDENCE = 0.9;

    private final String label;
    private final AttackGroup group;
    private final ThreatLevel level;
    private final String mitre;

    AttackClass(String label, AttackGroup group, ThreatLevel level, String mitre) {
        this.label = label;
        this.group = group;
        this.level = level;
        this.mitre = mitre;
    }

    /** The label as the dataset's CSV files and iotwatch's ground truth spell it, e.g. {@code DDoS-SYN_Flood}. */
    public String label() {
        return label;
    }

    public AttackGroup group() {
        return group;
    }

    /** MITRE ATT&CK technique id; empty for benign traffic. */
    public String mitre() {
        return mitre;
    }

    /** Whether the class is one of the dataset's 34 (not one of iotwatch's own). */
    public boolean inCicIot2023() {
        return group != AttackGroup.C2;
    }

    /** The threat level of a detection of this class with this confidence. */
    public ThreatLevel level(double confidence) {
        return level == ThreatLevel.HIGH && confidence > CRITICAL_CONFIDENCE ? ThreatLevel.CRITICAL : level;
    }

    /** The class labelled {@code label}, exactly as {@link #label()} spells it. */
    public static Optional<AttackClass> byLabel(String label) {
        for (AttackClass c : values()) {
            if (c.label.equals(label)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether two class labels can name one attack, seen by a rule and by the model: equal but for a DoS or DDoS
     * prefix ({@link #kind}), one {@link #refines} the other, or both reconnaissance (one probe cannot tell a port
     * scan from host discovery; the scan rule counts the ports and hosts).
     */
    public static boolean sameAttack(String a, String b) {
        return kind(a).equals(kind(b)) || refines(a, b) || refines(b, a)
                || groupOf(a).equals(AttackGroup.RECON.label()) && groupOf(b).equals(AttackGroup.RECON.label());
    }

    /**
     * A class without its DoS or DDoS prefix: the dataset's DoS and DDoS classes differ only in how many machines
     * send, which one flow cannot tell.
     */
    public static String kind(String label) {
        for (AttackGroup group : List.of(AttackGroup.DDOS, AttackGroup.DOS)) {
            if (label.startsWith(group.label() + "-")) {
                return label.substring(group.label().length() + 1);
            }
        }
        return label;
    }

    /**
     * Whether class {@code specific} is a more exact name for an attack seen as class {@code general}: floods of
     * fragments, and Mirai's floods, are what a rate rule sees as a TCP, UDP or ICMP flood (it counts packets of
     * a protocol; it sees neither fragments nor what GRE carries). When a rule and the model see one attack, the
     * rule's class names it unless the model's refines it.
     */
    public static boolean refines(String specific, String general) {
        return switch (specific) {
            case "DDoS-ACK_Fragmentation" -> general.equals("DDoS-TCP_Flood") || general.equals("DoS-TCP_Flood");
            case "DDoS-UDP_Fragmentation", "Mirai-greeth_flood", "Mirai-greip_flood", "Mirai-udpplain" ->
                    general.equals("DDoS-UDP_Flood") || general.equals("DoS-UDP_Flood");
            case "DDoS-ICMP_Fragmentation" -> general.equals("DDoS-ICMP_Flood");
            default -> false;
        };
    }

    /**
     * The group of a class label: the taxonomy's for a known class, otherwise the group its prefix names
     * ({@code DDoS-Something} is DDoS), otherwise the label itself, so that a model's own classes still group.
     */
    public static String groupOf(String label) {
        Optional<AttackClass> known = byLabel(label);
        if (known.isPresent()) {
            return known.get().group.label();
        }
        int dash = label.indexOf('-');
        if (dash > 0) {
            Optional<AttackGroup> prefix = AttackGroup.byLabel(label.substring(0, dash));
            if (prefix.isPresent()) {
                return prefix.get().label();
            }
        }
        return label;
    }
}
