package io.iotwatch.detect.flood;

/** The kinds of flood told apart, each with its CICIoT2023 label after the DDoS- or DoS- prefix. */
enum FloodKind {
    SYN("SYN_Flood", true, true),
    PSHACK("PSHACK_Flood", false, true),
    RSTFIN("RSTFINFlood", false, true),
    TCP("TCP_Flood", true, true),
    UDP("UDP_Flood", true, false),
    ICMP("ICMP_Flood", false, false);

    /** A SYN flood whose packets carry the victim's own address as their source. */
    static final String SYNONYMOUS_IP = "DDoS-SynonymousIP_Flood";

    private final String label;
    /** Whether the dataset has a DoS class (one attacking machine) for it; else one source gets the DDoS class too. */
    private final boolean hasDos;
    final boolean tcp;

    FloodKind(String label, boolean hasDos, boolean tcp) {
        this.label = label;
        this.hasDos = hasDos;
        this.tcp = tcp;
    }

    String attackClass(boolean oneSource) {
        return (oneSource && hasDos ? "DoS-" : "DDoS-") + label;
    }

    int perSecond(FloodConfig config) {
        return switch (this) {
            case SYN -> config.synPerSecond();
            case PSHACK, RSTFIN, TCP -> config.tcpPerSecond();
            case UDP -> config.udpPerSecond();
            case ICMP -> config.icmpPerSecond();
        };
    }
}
