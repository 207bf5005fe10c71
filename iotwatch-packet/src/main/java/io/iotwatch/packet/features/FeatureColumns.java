package io.iotwatch.packet.features;

import java.util.List;

/**
 * The 46 feature columns of CICIoT2023, in the dataset's order and with its spelling (including
 * {@code Magnitue}): the index constants address a row array, {@link #header()} is the CSV header. What each
 * column means depends on the mode; see the package documentation.
 */
public final class FeatureColumns {

    public static final int FLOW_DURATION = 0;
    public static final int HEADER_LENGTH = 1;
    public static final int PROTOCOL_TYPE = 2;
    public static final int DURATION = 3;
    public static final int RATE = 4;
    public static final int SRATE = 5;
    public static final int DRATE = 6;
    public static final int FIN_FLAG_NUMBER = 7;
    public static final int SYN_FLAG_NUMBER = 8;
    public static final int RST_FLAG_NUMBER = 9;
    public static final int PSH_FLAG_NUMBER = 10;
    public static final int ACK_FLAG_NUMBER = 11;
    public static final int ECE_FLAG_NUMBER = 12;
    public static final int CWR_FLAG_NUMBER = 13;
    public static final int ACK_COUNT = 14;
    public static final int SYN_COUNT = 15;
    public static final int FIN_COUNT = 16;
    public static final int URG_COUNT = 17;
    public static final int RST_COUNT = 18;
    public static final int HTTP = 19;
    public static final int HTTPS = 20;
    public static final int DNS = 21;
    public static final int TELNET = 22;
    public static final int SMTP = 23;
    public static final int SSH = 24;
    public static final int IRC = 25;
    public static final int TCP = 26;
    public static final int UDP = 27;
    public static final int DHCP = 28;
    public static final int ARP = 29;
    public static final int ICMP = 30;
    public static final int IPV = 31;
    public static final int LLC = 32;
    public static final int TOT_SUM = 33;
    public static final int MIN = 34;
    public static final int MAX = 35;
    public static final int AVG = 36;
    public static final int STD = 37;
    public static final int TOT_SIZE = 38;
    public static final int IAT = 39;
    public static final int NUMBER = 40;
    public static final int MAGNITUE = 41;
    public static final int RADIUS = 42;
    public static final int COVARIANCE = 43;
    public static final int VARIANCE = 44;
    public static final int WEIGHT = 45;

    /** Columns in a row. */
    public static final int COUNT = 46;

    private static final List<String> NAMES = List.of(
            "flow_duration", "Header_Length", "Protocol Type", "Duration", "Rate", "Srate", "Drate",
            "fin_flag_number", "syn_flag_number", "rst_flag_number", "psh_flag_number", "ack_flag_number",
            "ece_flag_number", "cwr_flag_number", "ack_count", "syn_count", "fin_count", "urg_count", "rst_count",
            "HTTP", "HTTPS", "DNS", "Telnet", "SMTP", "SSH", "IRC", "TCP", "UDP", "DHCP", "ARP", "ICMP", "IPv", "LLC",
            "Tot sum", "Min", "Max", "AVG", "Std", "Tot size", "IAT", "Number", "Magnitue", "Radius", "Covariance",
            "Variance", "Weight");

    private FeatureColumns() {}

    /** The column names in order, as the dataset's CSV header spells them. */
    public static List<String> names() {
        return NAMES;
    }

    /** The CSV header line without its line break: the names joined by commas. */
    public static String header() {
        return String.join(",", NAMES);
    }
}
