package io.iotwatch.web.devices;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The vendor of a network card, from the IEEE registry of MAC address blocks: MA-L (24-bit prefixes), MA-M
 * (28-bit) and MA-S (36-bit), the longest matching block first. Immutable and thread-safe once loaded.
 *
 * <p>Addresses that the IEEE did not assign give no vendor: locally administered ones (randomized phone
 * addresses, virtual machines) and multicast ones.
 */
public final class MacVendors {
    private static final String RESOURCE = "oui.tsv.gz";
    private static final int[] PREFIX_DIGITS = {9, 7, 6};

    /** Keyed by {@link #key}: the prefix's hex digit count in the top bits, so one map holds all three sizes. */
    private final Map<Long, String> vendors;

    private MacVendors(Map<Long, String> vendors) {
        this.vendors = vendors;
    }

    /** Reads the registry bundled with iotwatch (see the README beside the resource for its source). */
    public static MacVendors load() {
        Map<Long, String> vendors = new HashMap<>(80_000);
        Map<String, String> names = new HashMap<>(40_000);
        try (InputStream in = MacVendors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the build: " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8), 1 << 16);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int tab = line.indexOf('\t');
                String name = line.substring(tab + 1);
                // Apple, Cisco and Huawei hold over a thousand blocks each: one String per vendor, not per block.
                vendors.put(key(tab, Long.parseLong(line, 0, tab, 16)), names.computeIfAbsent(name, n -> n));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new MacVendors(vendors);
    }

    /**
     * The vendor of this address, written as {@code aa:bb:cc:dd:ee:ff}, {@code AA-BB-CC-DD-EE-FF},
     * {@code aabb.ccdd.eeff} or twelve bare hex digits, in either case. Empty for null, malformed,
     * locally administered, multicast and unregistered addresses.
     */
    public Optional<String> vendor(String mac) {
        long address = parse(mac);
        if (address < 0 || (address >>> 40 & 0x03) != 0) {
            return Optional.empty();
        }
        for (int digits : PREFIX_DIGITS) {
            String vendor = vendors.get(key(digits, address >>> (48 - 4 * digits)));
            if (vendor != null) {
                return Optional.of(vendor);
            }
        }
        return Optional.empty();
    }

    private static long key(int digits, long prefix) {
        return (long) digits << 40 | prefix;
    }

    /** The 48-bit address, or -1 when the text is not one of the accepted forms. */
    private static long parse(String mac) {
        if (mac == null) {
            return -1;
        }
        return switch (mac.length()) {
            case 12 -> hexGroups(mac, 12, ' '); // one group: no separator is ever looked for
            case 14 -> hexGroups(mac, 4, '.');
            case 17 -> hexGroups(mac, 2, mac.charAt(2) == '-' ? '-' : ':');
            default -> -1;
        };
    }

    /** Hex digits in groups of {@code size}, with {@code separator} between the groups. */
    private static long hexGroups(String text, int size, char separator) {
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (i % (size + 1) == size) {
                if (c != separator) {
                    return -1;
                }
                continue;
            }
            int digit = hexDigit(c);
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /** ASCII only: Character.digit would take other scripts' digits too. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }
}
