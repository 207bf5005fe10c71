package io.iotwatch.sim.logs;

import java.util.random.RandomGenerator;

/** Builds the bodies of the FortiOS log types the simulation writes, in FortiOS field order. */
final class FortiLogs {

    private static final String POLICY_IOT = "dabb9f57-43d6-2a11-b7d4-72ce750a0323";
    private static final String POLICY_USERS = "0c7e1a52-43d6-2a11-4a1e-9d1b2e5f7a10";
    private static final String POLICY_VLAN = "5e8b2c11-43d6-2a11-6c3d-1f0e9a8b7c65";
    private static final String POLICY_FORWARD = "77f1d0aa-43d6-2a11-8e2f-3a4b5c6d7e8f";

    private final Network network;

    FortiLogs(Network network) {
        this.network = network;
    }

    /** A traffic line: forward through the firewall, or local when addressed to the firewall itself. */
    Fields traffic(Session s, RandomGenerator rnd) {
        boolean local = s.dstIp().equals(Network.FIREWALL_WAN) || s.dstIp().equals(Network.FIREWALL_LAN);
        boolean srcInside = Addresses.isInternal(s.srcIp());
        boolean dstInside = Addresses.isInternal(s.dstIp());
        Fields f = new Fields()
                .text("logid", local ? "0001000014" : "0000000013")
                .text("type", "traffic")
                .text("subtype", local ? "local" : "forward")
                .text("level", s.action().equals("deny") ? "warning" : "notice")
                .text("vd", "root")
                .bare("srcip", s.srcIp()).num("srcport", s.srcPort())
                .text("srcintf", srcInside ? Network.interfaceOf(s.srcIp()) : "wan1")
                .text("srcintfrole", srcInside ? "lan" : "wan")
                .bare("dstip", s.dstIp()).num("dstport", s.dstPort())
                .text("dstintf", local ? "root" : dstInside ? Network.interfaceOf(s.dstIp()) : "wan1")
                .text("dstintfrole", local ? "undefined" : dstInside ? "lan" : "wan")
                .text("srccountry", Addresses.country(s.srcIp()))
                .text("dstcountry", s.dstCountry())
                .session()
                .num("proto", s.proto())
                .text("action", s.action());
        if (local) {
            f.num("policyid", 0).text("policytype", "local-in-policy");
        } else if (s.action().equals("deny")) {
            f.num("policyid", 0).text("policytype", "policy");
        } else {
            policy(f, s, srcInside, dstInside);
        }
        f.text("service", s.service());
        if (!local && srcInside && !dstInside && !s.action().equals("deny")) {
            f.text("trandisp", "snat").bare("transip", Network.FIREWALL_WAN).num("transport", rnd.nextInt(1024, 65536));
        } else if (!srcInside && dstInside && !s.action().equals("deny")) {
            f.text("trandisp", "dnat").bare("tranip", s.dstIp()).num("tranport", s.dstPort());
        } else {
            f.text("trandisp", "noop");
        }
        if (!s.app().isEmpty()) {
            f.text("app", s.app());
        }
        f.num("duration", s.duration())
                .num("sentbyte", s.sent()).num("rcvdbyte", s.rcvd())
                .num("sentpkt", packets(s.sent(), 1)).num("rcvdpkt", packets(s.rcvd(), 0));
        if (local || s.action().equals("deny")) {
            f.num("crscore", 5).num("craction", 262144).text("crlevel", "low");
        }
        deviceInfo(f, network.device(s.srcIp()));
        return f;
    }

    /** A DNS query the firewall's DNS filter logged for a client resolving through 10.0.0.1. */
    Fields dnsQuery(String client, int srcPort, String qname, String qtype, RandomGenerator rnd) {
        Fields f = new Fields()
                .text("logid", "1501054802")
                .text("type", "utm").text("subtype", "dns").text("eventtype", "dns-query")
                .text("level", "information").text("vd", "root").num("policyid", 1)
                .session()
                .bare("srcip", client).num("srcport", srcPort)
                .text("srcintf", Network.interfaceOf(client)).text("srcintfrole", "lan")
                .bare("dstip", Network.FIREWALL_LAN).num("dstport", 53)
                .text("dstintf", "root").text("dstintfrole", "undefined")
                .num("proto", 17).text("profile", "default")
                .num("xid", rnd.nextInt(65536))
                .text("qname", qname).text("qtype", qtype).num("qtypeval", qtypeValue(qtype)).text("qclass", "IN")
                .text("action", "pass").text("msg", "Domain is monitored");
        Device device = network.device(client);
        if (device != null) {
            f.text("srcmac", device.mac());
        }
        return f;
    }

    /** An administrator login attempt on the firewall's web UI or SSH. */
    static Fields adminLogin(String srcIp, String user, String method, boolean success) {
        String ui = method + "(" + srcIp + ")";
        String firewall = Addresses.isInternal(srcIp) ? Network.FIREWALL_LAN : Network.FIREWALL_WAN;
        Fields f = new Fields()
                .text("logid", success ? "0100032001" : "0100032002")
                .text("type", "event").text("subtype", "system")
                .text("level", success ? "information" : "alert").text("vd", "root")
                .text("logdesc", success ? "Admin login successful" : "Admin login failed")
                .text("sn", "0").text("user", user).text("ui", ui).text("method", method)
                .bare("srcip", srcIp).bare("dstip", firewall)
                .text("action", "login").text("status", success ? "success" : "failed")
                .text("reason", success ? "none" : "passwd_invalid");
        f.text("msg", success
                ? "Administrator " + user + " logged in successfully from " + ui
                : "Administrator " + user + " login failed from " + ui + " because of invalid password");
        return f;
    }

    /** An IPS signature hit on traffic from the Internet. */
    static Fields ips(String srcIp, int srcPort, String dstIp, int dstPort, String service, String attack, String severity, String action) {
        return new Fields()
                .text("logid", "0419016384")
                .text("type", "utm").text("subtype", "ips").text("eventtype", "signature")
                .text("level", "alert").text("vd", "root")
                .text("severity", severity)
                .bare("srcip", srcIp).bare("dstip", dstIp)
                .num("srcport", srcPort).num("dstport", dstPort)
                .text("srcintf", "wan1").text("srcintfrole", "wan")
                .text("dstintf", Addresses.isInternal(dstIp) ? Network.interfaceOf(dstIp) : "root")
                .text("dstintfrole", Addresses.isInternal(dstIp) ? "lan" : "undefined")
                .text("srccountry", Addresses.country(srcIp))
                .session()
                .num("proto", 6).text("action", action).text("service", service)
                .text("attack", attack)
                .text("msg", "applications3: " + attack);
    }

    /** A DoS-policy anomaly against the firewall's WAN address. */
    static Fields anomaly(String srcIp, int dstPort, int proto, String attack, String severity, int count) {
        return new Fields()
                .text("logid", "0720018432")
                .text("type", "utm").text("subtype", "anomaly").text("eventtype", "anomaly")
                .text("level", "alert").text("vd", "root")
                .text("severity", severity)
                .bare("srcip", srcIp).text("srccountry", Addresses.country(srcIp))
                .bare("dstip", Network.FIREWALL_WAN)
                .text("srcintf", "wan1").text("srcintfrole", "wan")
                .session()
                .num("proto", proto).num("dstport", dstPort)
                .text("action", "detected").text("service", proto == 1 ? "PING" : proto == 17 ? "udp/" + dstPort : "tcp/" + dstPort)
                .num("count", count)
                .text("attack", attack)
                .text("msg", "anomaly: " + attack + ", " + count + " > threshold");
    }

    static int qtypeValue(String qtype) {
        return switch (qtype) {
            case "A" -> 1;
            case "CNAME" -> 5;
            case "NULL" -> 10;
            case "MX" -> 15;
            case "TXT" -> 16;
            case "AAAA" -> 28;
            default -> throw new IllegalArgumentException(qtype);
        };
    }

    private void policy(Fields f, Session s, boolean srcInside, boolean dstInside) {
        if (srcInside && dstInside) {
            f.num("policyid", 4).text("policytype", "policy").text("poluuid", POLICY_VLAN).text("policyname", "Inter-VLAN");
        } else if (!srcInside) {
            f.num("policyid", 3).text("policytype", "policy").text("poluuid", POLICY_FORWARD).text("policyname", "Port forward");
        } else {
            Device device = network.device(s.srcIp());
            boolean human = device != null && device.cls().human;
            f.num("policyid", human ? 2 : 1).text("policytype", "policy")
                    .text("poluuid", human ? POLICY_USERS : POLICY_IOT)
                    .text("policyname", human ? "Users to Internet" : "IoT to Internet");
        }
    }

    private static void deviceInfo(Fields f, Device device) {
        if (device == null) {
            f.num("srcserver", 0);
            return;
        }
        f.text("srchwvendor", device.vendor().hwVendor()).text("devtype", device.cls().devtype)
                .text("osname", device.vendor().osName())
                .text("mastersrcmac", device.mac()).text("srcmac", device.mac()).num("srcserver", 0);
    }

    private static long packets(long bytes, int minimum) {
        return bytes == 0 ? minimum : Math.max(1, (bytes + 1199) / 1200);
    }
}
