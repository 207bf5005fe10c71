package io.iotwatch.packet.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * What capturing needs from the operating system, and whether this process has it, read from the
 * effective capability set in /proc/self/status (Linux).
 */
final class Privileges {

    private static final int CAP_NET_RAW = 13;
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final String EFFECTIVE = "CapEff:";

    private Privileges() {}

    /** The text of /proc/self/status; empty where there is none (not Linux). */
    static String processStatus() {
        try {
            return Files.readString(STATUS);
        } catch (IOException e) {
            return "";
        }
    }

    /** The effective capability bits from a /proc/PID/status text; empty when it has no CapEff line. */
    static OptionalLong effectiveCapabilities(String status) {
        for (String line : status.lines().toList()) {
            if (line.startsWith(EFFECTIVE)) {
                try {
                    return OptionalLong.of(Long.parseUnsignedLong(line.substring(EFFECTIVE.length()).strip(), 16));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    static boolean canCapture(String status) {
        OptionalLong effective = effectiveCapabilities(status);
        return effective.isPresent() && has(effective.getAsLong(), CAP_NET_RAW);
    }

    /**
     * The message for a capture the system refused: what capturing on {@code interfaceName} needs, whether
     * this process lacks it according to {@code status}, and libpcap's own words. Promiscuous mode needs
     * nothing more: libpcap turns it on through the capture socket (PACKET_MR_PROMISC), not with the
     * interface flags that would take CAP_NET_ADMIN.
     */
    static String permissionDenied(String interfaceName, String status, String libpcapText) {
        StringBuilder message = new StringBuilder("capturing on ").append(interfaceName)
                .append(" needs root or the CAP_NET_RAW capability");
        OptionalLong effective = effectiveCapabilities(status);
        if (effective.isPresent()) {
            message.append(has(effective.getAsLong(), CAP_NET_RAW)
                    ? "; this process has it, so something else refused (a security module or container policy)"
                    : "; this process lacks CAP_NET_RAW");
        }
        if (!libpcapText.isBlank()) {
            message.append(" (libpcap: ").append(libpcapText).append(')');
        }
        return message.toString();
    }

    private static boolean has(long capabilities, int capability) {
        return (capabilities & 1L << capability) != 0;
    }
}
