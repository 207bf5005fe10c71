package io.iotwatch.logs.fortigate;

/**
 * The integration maps each FortiGate log {@code type} through its own pipeline, and the pipelines
 * disagree on which keys name an endpoint and in which order they are tried. These are those orders.
 * Types the integration has no pipeline for get the event mapping, so their addresses are not lost.
 */
enum LogKind {
    TRAFFIC(new String[] {"srcip"}, new String[] {"srcport"}, new String[] {"dstip"}, new String[] {"dstport"}),
    EVENT(new String[] {"srcip", "locip"}, new String[] {"srcport", "locport"},
            new String[] {"dstip", "remip"}, new String[] {"dstport", "remport"}),
    UTM(new String[] {"locip", "srcip"}, new String[] {"locport", "src_port", "srcport"},
            new String[] {"dstip", "remip"}, new String[] {"dst_port", "remport", "dstport"}),
    OTHER(EVENT.sourceIp, EVENT.sourcePort, EVENT.destinationIp, EVENT.destinationPort);

    final String[] sourceIp;
    final String[] sourcePort;
    final String[] destinationIp;
    final String[] destinationPort;

    LogKind(String[] sourceIp, String[] sourcePort, String[] destinationIp, String[] destinationPort) {
        this.sourceIp = sourceIp;
        this.sourcePort = sourcePort;
        this.destinationIp = destinationIp;
        this.destinationPort = destinationPort;
    }

    static LogKind of(FortiGateLine line) {
        if (line.is("type", "traffic")) {
            return TRAFFIC;
        }
        if (line.is("type", "event")) {
            return EVENT;
        }
        if (line.is("type", "utm") || line.is("type", "dns")) {
            return UTM;
        }
        return OTHER;
    }
}
