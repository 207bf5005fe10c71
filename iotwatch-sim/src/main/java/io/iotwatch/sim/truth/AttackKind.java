package io.iotwatch.sim.truth;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The attacks the packet generator plants and the lab runs, under one set of names, each with the class its
 * traffic belongs to: the CICIoT2023 label where the dataset has one, iotwatch's own otherwise. Floods from
 * several attacker addresses are the dataset's DDoS classes; {@link #HTTP_FLOOD} from one address is its DoS
 * class, as in the dataset, where DoS means one attacking machine.
 */
public enum AttackKind {
    PING_SWEEP("ping-sweep", "Recon-PingSweep", "ICMP echo requests to every address of the subnet"),
    HOST_DISCOVERY("host-discovery", "Recon-HostDiscovery", "ARP requests and TCP probes to find live hosts"),
    PORT_SCAN("port-scan", "Recon-PortScan", "TCP SYN probes to a thousand ports of one host"),
    OS_SCAN("os-scan", "Recon-OSScan", "nmap -O probes: odd TCP flag combinations, ICMP and a closed UDP port"),
    VULNERABILITY_SCAN("vulnerability-scan", "VulnerabilityScan", "banner grabs and requests for known vulnerable web paths"),
    SYN_FLOOD("syn-flood", "DDoS-SYN_Flood", "TCP SYN flood from several addresses"),
    ACK_FRAGMENTATION("ack-fragmentation", "DDoS-ACK_Fragmentation", "TCP ACK segments with payload, sent in IP fragments"),
    UDP_FLOOD("udp-flood", "DDoS-UDP_Flood", "UDP flood from several addresses"),
    UDP_FRAGMENTATION("udp-fragmentation", "DDoS-UDP_Fragmentation", "large UDP datagrams sent in IP fragments"),
    ICMP_FLOOD("icmp-flood", "DDoS-ICMP_Flood", "ICMP echo flood from several addresses"),
    ICMP_FRAGMENTATION("icmp-fragmentation", "DDoS-ICMP_Fragmentation", "large ICMP echo requests sent in IP fragments"),
    PSHACK_FLOOD("pshack-flood", "DDoS-PSHACK_Flood", "TCP segments with PSH and ACK set and no connection"),
    RSTFIN_FLOOD("rstfin-flood", "DDoS-RSTFINFlood", "TCP segments with RST and FIN set"),
    SYNONYMOUS_IP_FLOOD("synonymous-ip-flood", "DDoS-SynonymousIP_Flood", "TCP SYN flood carrying the victim's own address as source"),
    GREETH_FLOOD("greeth-flood", "Mirai-greeth_flood", "GRE packets carrying Ethernet frames (Mirai's greeth)"),
    GREIP_FLOOD("greip-flood", "Mirai-greip_flood", "GRE packets carrying IP packets (Mirai's greip)"),
    UDPPLAIN_FLOOD("udpplain-flood", "Mirai-udpplain", "UDP flood over fixed ports with random payload (Mirai's udpplain)"),
    HTTP_FLOOD("http-flood", "DoS-HTTP_Flood", "HTTP requests as fast as the server answers, from one address"),
    DDOS_HTTP_FLOOD("ddos-http-flood", "DDoS-HTTP_Flood", "HTTP requests as fast as the server answers, from several addresses"),
    SLOWLORIS("slowloris", "DDoS-SlowLoris", "many HTTP connections kept open by headers sent a few bytes at a time"),
    SSH_DICTIONARY("ssh-dictionary", "DictionaryBruteForce", "SSH password guessing from a word list"),
    TELNET_DICTIONARY("telnet-dictionary", "DictionaryBruteForce", "telnet password guessing from a word list"),
    ARP_SPOOFING("arp-spoofing", "MITM-ArpSpoofing", "unsolicited ARP replies claiming the gateway's address"),
    DNS_SPOOFING("dns-spoofing", "DNS_Spoofing", "forged DNS answers racing the real server's"),
    SQL_INJECTION("sql-injection", "SqlInjection", "SQL injection in query parameters of a web endpoint"),
    XSS("xss", "XSS", "script injection in parameters of a web endpoint"),
    COMMAND_INJECTION("command-injection", "CommandInjection", "shell commands in parameters of a web endpoint"),
    UPLOADING("uploading", "Uploading_Attack", "upload of a web shell to a web endpoint"),
    DNS_TUNNEL("dns-tunnel", "DNS-Tunneling", "data carried in DNS queries and answers, as iodine does"),
    C2_BEACON("c2-beacon", "C2-Beaconing", "a compromised device calling its controller at a steady interval");

    /** The name used on the command line and in the ground truth's {@code attack} column. */
    public final String id;
    /** The class its traffic belongs to, as in the ground truth's {@code class} column. */
    public final String attackClass;
    /** One line for help texts and docs. */
    public final String description;

    AttackKind(String id, String attackClass, String description) {
        this.id = id;
        this.attackClass = attackClass;
        this.description = description;
    }

    /** The attack named {@code id}, ignoring case. */
    public static Optional<AttackKind> byId(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id.equals(wanted)).findFirst();
    }

    /**
     * The attacks a comma-separated list names: {@code all} for every one, {@code none} for none.
     *
     * @throws IllegalArgumentException naming the unknown entries and listing the known ones
     */
    public static List<AttackKind> parseList(String list) {
        String trimmed = list.strip().toLowerCase(Locale.ROOT);
        if (trimmed.equals("all")) {
            return List.of(values());
        }
        if (trimmed.equals("none") || trimmed.isEmpty()) {
            return List.of();
        }
        List<String> names = Arrays.stream(trimmed.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        List<String> unknown = names.stream().filter(n -> byId(n).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown attack" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + "; known: all, none, " + Arrays.stream(values()).map(k -> k.id).collect(Collectors.joining(", ")));
        }
        return names.stream().map(n -> byId(n).orElseThrow()).toList();
    }
}
