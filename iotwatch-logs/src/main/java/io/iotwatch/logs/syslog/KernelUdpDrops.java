package io.iotwatch.logs.syslog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * How many datagrams the kernel dropped for a UDP port because the socket's receive buffer was full: the
 * {@code drops} column of Linux's /proc/net/udp and /proc/net/udp6, summed over the sockets bound to the
 * port (normally just ours).
 */
final class KernelUdpDrops {

    static final List<Path> TABLES = List.of(Path.of("/proc/net/udp"), Path.of("/proc/net/udp6"));

    private static final int LOCAL_ADDRESS_COLUMN = 1;
    private static final int DROPS_COLUMN = 12;

    private KernelUdpDrops() {}

    /** The drops for the port, or empty when no table is readable or none lists the port. */
    static OptionalLong read(int port, List<Path> tables) {
        long drops = 0;
        boolean found = false;
        for (Path table : tables) {
            String text;
            try {
                text = Files.readString(table, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                continue;
            }
            OptionalLong inTable = parse(port, text);
            if (inTable.isPresent()) {
                drops += inTable.getAsLong();
                found = true;
            }
        }
        return found ? OptionalLong.of(drops) : OptionalLong.empty();
    }

    /** The drops for the port in one table's text, or empty when it has no row for the port. */
    static OptionalLong parse(int port, String table) {
        long drops = 0;
        boolean found = false;
        for (String line : table.lines().skip(1).toList()) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length <= DROPS_COLUMN) {
                continue;
            }
            String local = columns[LOCAL_ADDRESS_COLUMN];
            int colon = local.lastIndexOf(':');
            try {
                if (colon >= 0 && Integer.parseInt(local.substring(colon + 1), 16) == port) {
                    drops += Long.parseLong(columns[DROPS_COLUMN]);
                    found = true;
                }
            } catch (NumberFormatException e) {
                // Not a socket row of the format described above; it tells nothing about our port.
            }
        }
        return found ? OptionalLong.of(drops) : OptionalLong.empty();
    }
}
