package io.iotwatch.sim.packets.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the checksums of Ethernet frames on its own, without the generator's code: the IPv4 header sum of every
 * IP header (GRE's inner ones too), and the TCP, UDP or ICMP checksum of every whole datagram; fragments are
 * put back together first. Returns what is wrong, empty when all is right.
 */
public final class Verify {

    private final Map<String, Fragments> pending = new HashMap<>();
    private long transportsChecked;

    /** Problems of one frame (and of a datagram its fragment completes). */
    public List<String> frame(byte[] b, int off, int len) {
        List<String> problems = new ArrayList<>();
        if (len < 60) {
            problems.add("frame of " + len + " bytes, below Ethernet's 60");
        }
        int type = u16(b, off + 12);
        if (type == 0x0800) {
            ip(b, off + 14, off + len, problems);
        } else if (type != 0x0806) {
            problems.add("unexpected ethertype " + Integer.toHexString(type));
        }
        return problems;
    }

    /** Fragmented datagrams whose fragments did not all arrive. */
    public int incompleteDatagrams() {
        return pending.size();
    }

    /** Transport checksums verified so far. */
    public long transportsChecked() {
        return transportsChecked;
    }

    private void ip(byte[] b, int start, int limit, List<String> problems) {
        int headerLength = (b[start] & 0x0F) * 4;
        int total = u16(b, start + 2);
        if (b[start] >> 4 != 4 || headerLength < 20 || start + total > limit) {
            problems.add("bad IPv4 header at " + start);
            return;
        }
        if (sum(b, start, headerLength, 0) != 0xFFFF) {
            problems.add("IPv4 header checksum");
        }
        int protocol = b[start + 9] & 0xFF;
        int flags = u16(b, start + 6);
        boolean more = (flags & 0x2000) != 0;
        int offset = (flags & 0x1FFF) * 8;
        byte[] body;
        if (more || offset > 0) {
            String key = u32(b, start + 12) + ">" + u32(b, start + 16) + "#" + u16(b, start + 4) + "/" + protocol;
            Fragments f = pending.computeIfAbsent(key, k -> new Fragments());
            body = f.add(b, start + headerLength, total - headerLength, offset, more);
            if (body == null) {
                return;
            }
            pending.remove(key);
        } else {
            body = Arrays.copyOfRange(b, start + headerLength, start + total);
        }
        transport(protocol, u32(b, start + 12), u32(b, start + 16), body, problems);
    }

    private void transport(int protocol, long source, long destination, byte[] body, List<String> problems) {
        long pseudo = (source >>> 16) + (source & 0xFFFF) + (destination >>> 16) + (destination & 0xFFFF) + protocol + body.length;
        switch (protocol) {
            case 6 -> check(sum(body, 0, body.length, pseudo) == 0xFFFF, "TCP checksum", problems);
            case 17 -> check(u16(body, 4) == body.length && u16(body, 6) != 0 && sum(body, 0, body.length, pseudo) == 0xFFFF,
                    "UDP length or checksum", problems);
            case 1 -> check(sum(body, 0, body.length, 0) == 0xFFFF, "ICMP checksum", problems);
            case 47 -> {
                int inner = u16(body, 2);
                int at = inner == 0x6558 ? 4 + 14 : 4;
                if (inner == 0x6558 && u16(body, 4 + 12) != 0x0800) {
                    problems.add("GRE Ethernet without IPv4");
                    return;
                }
                ip(body, at, body.length, problems);
            }
            default -> problems.add("unexpected IP protocol " + protocol);
        }
    }

    private void check(boolean ok, String what, List<String> problems) {
        transportsChecked++;
        if (!ok) {
            problems.add(what);
        }
    }

    /** One's complement sum of 16-bit words, folded: 0xFFFF over data that includes a correct checksum. */
    static int sum(byte[] b, int off, int len, long initial) {
        long s = initial;
        for (int i = 0; i < len; i++) {
            s += (i % 2 == 0 ? (b[off + i] & 0xFF) << 8 : b[off + i] & 0xFF);
        }
        while (s > 0xFFFF) {
            s = (s & 0xFFFF) + (s >> 16);
        }
        return (int) s;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    static long u32(byte[] b, int at) {
        return (long) u16(b, at) << 16 | u16(b, at + 2);
    }

    /** The fragments of one datagram, until the last piece fills the last gap. */
    private static final class Fragments {
        private final byte[] data = new byte[65_535];
        private final boolean[] have = new boolean[65_535];
        private int end = -1;

        byte[] add(byte[] b, int from, int length, int offset, boolean more) {
            System.arraycopy(b, from, data, offset, length);
            Arrays.fill(have, offset, offset + length, true);
            if (!more) {
                end = offset + length;
            }
            if (end < 0) {
                return null;
            }
            for (int i = 0; i < end; i++) {
                if (!have[i]) {
                    return null;
                }
            }
            return Arrays.copyOf(data, end);
        }
    }
}
