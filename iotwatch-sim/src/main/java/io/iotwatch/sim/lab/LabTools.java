package io.iotwatch.sim.lab;

import io.iotwatch.sim.truth.AttackKind;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The programs a lab run needs, which package brings each, and which are missing here. The lab always needs
 * its network, capture and services; each attack adds its own tools.
 */
public final class LabTools {

    /**
     * A program the lab runs, found on the lab's {@code PATH}, or a Python module, found by importing it.
     *
     * @param program  the command's name, or a module's dotted name
     * @param pkg      the Debian package that brings it
     * @param module   whether it is a Python module of {@code /usr/bin/python3}
     */
    record Requirement(String program, String pkg, boolean module) {
        static Requirement command(String program, String pkg) {
            return new Requirement(program, pkg, false);
        }
    }

    /** Every package the lab uses, for {@code iotwatch lab install}. */
    public static final List<String> PACKAGES = List.of("nmap", "hping3", "hydra", "dsniff", "iodine", "openssh-server",
            "slowhttptest", "apache2-utils", "tcpdump", "python3-scapy", "mosquitto", "mosquitto-clients", "dnsutils",
            "busybox", "socat", "iproute2", "curl");

    private static final List<Requirement> BASE = List.of(
            Requirement.command("ip", "iproute2"), Requirement.command("ss", "iproute2"),
            Requirement.command("tcpdump", "tcpdump"), Requirement.command("sshd", "openssh-server"),
            Requirement.command("ssh-keygen", "openssh-client"), Requirement.command("mosquitto", "mosquitto"),
            Requirement.command("mosquitto_pub", "mosquitto-clients"), Requirement.command("mosquitto_sub", "mosquitto-clients"),
            Requirement.command("iodined", "iodine"), Requirement.command("busybox", "busybox"),
            Requirement.command("python3", "python3"), Requirement.command("timeout", "coreutils"),
            Requirement.command("unshare", "util-linux"), Requirement.command("mount", "mount"));

    private LabTools() {}

    static List<Requirement> forAttack(AttackKind kind) {
        return switch (kind) {
            case PING_SWEEP, HOST_DISCOVERY, PORT_SCAN, OS_SCAN, VULNERABILITY_SCAN -> List.of(Requirement.command("nmap", "nmap"));
            case SYN_FLOOD, ACK_FRAGMENTATION, UDP_FLOOD, UDP_FRAGMENTATION, ICMP_FLOOD, ICMP_FRAGMENTATION,
                 PSHACK_FLOOD, RSTFIN_FLOOD, SYNONYMOUS_IP_FLOOD -> List.of(Requirement.command("hping3", "hping3"));
            case GREETH_FLOOD, GREIP_FLOOD -> List.of(new Requirement("scapy.all", "python3-scapy", true));
            case UDPPLAIN_FLOOD -> List.of();
            case HTTP_FLOOD, DDOS_HTTP_FLOOD -> List.of(Requirement.command("ab", "apache2-utils"));
            case SLOWLORIS -> List.of(Requirement.command("slowhttptest", "slowhttptest"));
            case SSH_DICTIONARY, TELNET_DICTIONARY -> List.of(Requirement.command("hydra", "hydra"));
            case ARP_SPOOFING -> List.of(Requirement.command("arpspoof", "dsniff"));
            case DNS_SPOOFING -> List.of(Requirement.command("arpspoof", "dsniff"), Requirement.command("dnsspoof", "dsniff"),
                    Requirement.command("dig", "dnsutils"));
            case SQL_INJECTION, XSS, COMMAND_INJECTION, UPLOADING, C2_BEACON -> List.of(Requirement.command("curl", "curl"));
            case DNS_TUNNEL -> List.of(Requirement.command("iodine", "iodine"), Requirement.command("socat", "socat"));
        };
    }

    /** What the lab and {@code attacks} need, each once. */
    static List<Requirement> needed(List<AttackKind> attacks) {
        Set<Requirement> all = new LinkedHashSet<>(BASE);
        attacks.forEach(k -> all.addAll(forAttack(k)));
        return List.copyOf(all);
    }

    /**
     * What of it is missing here, as "program (package)"; empty when everything is there. Python modules are
     * looked for by importing them with {@code /usr/bin/python3}.
     */
    public static List<String> missing(List<AttackKind> attacks) throws IOException, InterruptedException {
        CommandRunner runner = Processes.runner();
        List<String> missing = new ArrayList<>();
        for (Requirement requirement : needed(attacks)) {
            boolean present = requirement.module()
                    ? Files.isExecutable(Path.of(Services.PYTHON))
                            && runner.run(List.of(Services.PYTHON, "-c", "import " + requirement.program()), Duration.ofSeconds(60)).ok()
                    : onPath(requirement.program());
            if (!present) {
                missing.add(requirement.program() + " (" + requirement.pkg() + ")");
            }
        }
        return missing;
    }

    static boolean onPath(String program) {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + File.pathSeparator + Processes.PATH).split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
