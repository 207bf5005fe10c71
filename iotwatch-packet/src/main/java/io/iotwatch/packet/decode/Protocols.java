package io.iotwatch.packet.decode;

/** EtherType and IP protocol numbers that {@link PacketDecoder} understands. */
public final class Protocols {

    public static final int ETHERTYPE_IPV4 = 0x0800;
    public static final int ETHERTYPE_ARP = 0x0806;
    public static final int ETHERTYPE_IPV6 = 0x86DD;
    public static final int ETHERTYPE_VLAN = 0x8100;
    public static final int ETHERTYPE_QINQ = 0x88A8;
    /** Pre-standard QinQ outer tag, still sent by older switches. */
    public static final int ETHERTYPE_QINQ_OLD = 0x9100;
    /** Transparent Ethernet bridging: GRE carrying whole Ethernet frames. */
    public static final int ETHERTYPE_TRANSPARENT_ETHERNET = 0x6558;
    /** ERSPAN types I and II, as a GRE protocol type. */
    public static final int ETHERTYPE_ERSPAN = 0x88BE;
    /** ERSPAN type III, as a GRE protocol type. */
    public static final int ETHERTYPE_ERSPAN_III = 0x22EB;

    public static final int IP_HOP_BY_HOP = 0;
    public static final int IP_ICMP = 1;
    public static final int IP_TCP = 6;
    public static final int IP_UDP = 17;
    public static final int IP_ROUTING = 43;
    public static final int IP_FRAGMENT = 44;
    public static final int IP_GRE = 47;
    public static final int IP_ESP = 50;
    public static final int IP_AH = 51;
    public static final int IP_ICMPV6 = 58;
    public static final int IP_NO_NEXT = 59;
    public static final int IP_DESTINATION_OPTIONS = 60;

    public static final int LINK_BSD_LOOPBACK = 0;
    public static final int LINK_ETHERNET = 1;
    public static final int LINK_RAW_IP = 101;
    public static final int LINK_LINUX_SLL = 113;
    public static final int LINK_LINUX_SLL2 = 276;

    private Protocols() {}
}
