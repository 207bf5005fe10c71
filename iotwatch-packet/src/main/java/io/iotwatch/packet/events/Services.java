package io.iotwatch.packet.events;

/**
 * Service names for well-known ports, as connection records name them, and which of them are logins: the
 * ports where a password is guessed, whose connections the packet path turns into login attempts.
 */
final class Services {

    private Services() {}

    /** The service at a responder's port, lower case, or empty when the port has no common name. */
    static String name(String protocol, int port) {
        boolean tcp = protocol.equals("tcp");
        return switch (port) {
            case 21 -> tcp ? "ftp" : "";
            case 22 -> tcp ? "ssh" : "";
            case 23, 2323 -> tcp ? "telnet" : "";
            case 25 -> tcp ? "smtp" : "";
            case 53 -> "dns";
            case 67, 68 -> tcp ? "" : "dhcp";
            case 80, 8080 -> tcp ? "http" : "";
            case 123 -> tcp ? "" : "ntp";
            case 161 -> tcp ? "" : "snmp";
            case 443, 8443 -> tcp ? "https" : "quic";
            case 445 -> tcp ? "smb" : "";
            case 502 -> tcp ? "modbus" : "";
            case 554 -> "rtsp";
            case 1883 -> tcp ? "mqtt" : "";
            case 1900 -> tcp ? "" : "ssdp";
            case 3389 -> tcp ? "rdp" : "";
            case 5353 -> tcp ? "" : "mdns";
            case 5683 -> tcp ? "" : "coap";
            case 5900 -> tcp ? "vnc" : "";
            case 8883 -> tcp ? "mqtt-tls" : "";
            default -> "";
        };
    }

    /** True for a service whose connections are password logins (the ports Mirai and hydra guess on). */
    static boolean isLogin(String service) {
        return switch (service) {
            case "ssh", "telnet", "ftp", "rdp", "vnc" -> true;
            default -> false;
        };
    }
}
