package io.iotwatch.packet.decode;

/**
 * The dotted texts of recently seen IPv4 addresses, so that the events of a device's many flows share one
 * String: formatting it again costs an allocation per event, and every detector that keys a map by the
 * address would hash the new copy again. Direct-mapped: an address takes the place of whichever one last
 * hashed to its entry, so a flood of spoofed sources costs a comparison per address and holds no more than
 * {@link #ENTRIES} texts. Not thread-safe: one per packet thread.
 */
public final class Ipv4Texts {

    static final int ENTRIES = 1 << 13;

    private final int[] addresses = new int[ENTRIES];
    private final String[] texts = new String[ENTRIES];

    /** The address as {@link PacketDecoder#ipv4ToString} writes it. */
    public String text(int address) {
        int i = (address * 0x9E3779B9) >>> (Integer.SIZE - Integer.numberOfTrailingZeros(ENTRIES));
        String text = texts[i];
        if (text == null || addresses[i] != address) {
            text = PacketDecoder.ipv4ToString(address);
            addresses[i] = address;
            texts[i] = text;
        }
        return text;
    }
}
