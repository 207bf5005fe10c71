package io.iotwatch.packet.features;

import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_ARP;
import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_IPV4;
import static io.iotwatch.packet.decode.Protocols.IP_ICMP;
import static io.iotwatch.packet.decode.Protocols.IP_TCP;
import static io.iotwatch.packet.decode.Protocols.IP_UDP;
import static io.iotwatch.packet.decode.Protocols.LINK_ETHERNET;
import static io.iotwatch.packet.features.FeatureColumns.*;

import io.iotwatch.packet.decode.PacketDecoder;
import io.iotwatch.packet.flow.FlowTable;
import java.util.Arrays;
import java.util.Objects;

/**
 * The {@code ciciot2023} mode: the features as the CICIoT2023 authors' dpkt-based Python extractor computes
 * them, quirks included, so that models trained on the published CSVs see the same numbers here. It makes a
 * row per packet and hands on the average of each {@code window} consecutive rows (10 by default; the
 * published CSVs used about 10 for most classes and about 100 for the floods).
 *
 * <p><b>Which packets make a row.</b> Those whose EtherType, after VLAN tags, is IPv4 or ARP; IPv6 and every
 * other type make none, as in the original. An IPv4 packet whose IP header cannot be decoded makes none
 * either (the original stops with an error on it) and is counted in {@link #skippedPackets()}. Packets of
 * other link types are taken as if they had come in an Ethernet frame (the original reads every packet as
 * Ethernet).
 *
 * <p><b>The frame length</b> is dpkt's length of the Ethernet frame: 14 bytes, 4 more per VLAN tag, plus the
 * IPv4 total length, so Ethernet padding does not count (dpkt cuts the IP packet at its stated length).
 * Where the capture cut the packet short, or the total length is below the header length, it is the bytes
 * captured; for ARP it is the packet's length, padding included, as dpkt keeps the bytes after the ARP body.
 *
 * <p><b>Per packet</b>, before averaging:
 * <ul>
 * <li>{@code Tot sum, Min, Max, AVG, Std} describe the frame lengths in one buffer shared by all traffic:
 *     each frame is added, the statistics are taken (population standard deviation), and the buffer is
 *     emptied after its 20th frame. {@code Number} is the count left in the buffer after that: 1 to 19, then
 *     0. {@code Tot size} is the frame's own length.
 * <li>{@code Magnitue, Radius, Covariance, Variance, Weight} come from two lists, "incoming" and "outgoing",
 *     that the original fills with the same frame lengths, so that {@code Magnitue} is sqrt(2 mean),
 *     {@code Radius} sqrt(2 variance), {@code Covariance} the variance, {@code Variance} 1 when the variance
 *     is not 0 and 0 when it is, and {@code Weight} the square of the count. The lists are emptied with the
 *     buffer but do not receive its 20th frame, so the 20th row repeats the 19th row's values.
 * <li>{@code IAT} is this packet's timestamp minus the previous row's, except on the first row and on every
 *     20th row, where it is the timestamp itself: the epoch seconds that leak the capture time into the
 *     averages.
 * <li>{@code Protocol Type} is the IP protocol number, {@code Duration} the TTL, {@code IPv} and {@code LLC}
 *     are 1 for every IPv4 packet ({@code LLC} by a bug of the original), {@code ICMP} is 1 for protocol 1,
 *     {@code ARP} 1 for ARP packets, all of these 0 otherwise.
 * <li>{@code TCP} and {@code UDP} are 1 when the transport header was decoded (not for later fragments).
 *     Only then does the packet belong to a flow: the pair of (address, port) endpoints in either
 *     direction, TCP and UDP apart, kept for the whole capture (see {@link CicIot2023Flows}).
 *     {@code flow_duration} is the flow's latest minus earliest timestamp and {@code Header_Length} the sum
 *     of its frame lengths so far (not a header length). Both are 0 outside TCP and UDP.
 * <li>{@code Rate} is the flow's packet count divided by its duration, recomputed only when that duration
 *     is not 0 and otherwise carried over from the last packet where it was, whatever its flow or protocol
 *     (it starts at 0). {@code Srate} always equals {@code Rate}. {@code Drate} is 0, except for a flow
 *     whose two endpoints are the same, where it equals {@code Rate}; it is carried over the same way.
 * <li>{@code *_flag_number} are the TCP segment's flags, 0 or 1. The counters count the flow's segments
 *     with a flag so far, but each under another flag's name: {@code ack_count} counts FIN,
 *     {@code syn_count} SYN, {@code fin_count} RST, {@code urg_count} PSH and {@code rst_count} ACK. They are
 *     0 outside TCP.
 * <li>Ports, either direction: for TCP {@code HTTP} 80, {@code HTTPS} 443, {@code SSH} 22, {@code Telnet}
 *     23, {@code SMTP} 25 and {@code IRC} 21 (FTP's port, as in the original); for UDP {@code DNS} 53 and
 *     {@code DHCP} when the source port is 67 or the destination port 68.
 * </ul>
 *
 * <p><b>Averaging.</b> Each column of a window is summed with numpy's pairwise summation, which pandas'
 * {@code mean} uses, and divided by the number of rows, so averages of identical values come out as the
 * published CSVs have them, to the last digit. The last, partial window is averaged over its rows by
 * {@link #finish()}.
 *
 * <p><b>Where this differs from the original, knowingly.</b> Timestamps are taken as dpkt makes them from a
 * pcap record, seconds plus microseconds / 10^6 (nanoseconds / 10^9 for a fraction that is not whole
 * microseconds). Variances are computed exactly from integer sums and rounded once, where numpy rounds at
 * every step, so {@code Std, Radius, Covariance} of unequal frame lengths may differ in the last bit; and
 * square roots here are correctly rounded, where Python's {@code ** 0.5} goes through the C library's
 * {@code pow}, which is now and then one bit off, so {@code Magnitue} and {@code Radius} may differ there
 * too (one row in 431 of a test capture). Everything else matches the original's output exactly. A UDP
 * header whose length field is below 8, or a TCP header whose options the capture cut, counts as no
 * transport header here, where dpkt would still read the ports.
 *
 * <p><b>Where a flow's state is kept.</b> The original keeps its flows for the whole capture, so this mode
 * keys them itself ({@link CicIot2023Flows}), whatever the flow table does. Run by a flow table, it takes a
 * flow's state out of its dictionary when the table's flow starts, keeps it in the table's record of the
 * flow while the table holds it, and puts it back when the table's flow ends: the flow table and this
 * mode then find a packet's flow in one look-up, where each had its own, a cache miss apiece on a busy
 * network. The numbers are the same either way (a test runs both).
 *
 * <p>Allocation-free per packet; not thread-safe (one instance per packet thread).
 */
public final class CicIot2023FeatureExtractor implements FeatureExtractor {

    /** Rows averaged into one output row by default. */
    public static final int DEFAULT_WINDOW = 10;

    /** The original recomputes its frame-length statistics over a buffer it empties after 20 frames. */
    static final int BUFFER_FRAMES = 20;

    private static final int ETHERNET_HEADER = 14;
    private static final int MAX_FRAME = 65_535;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int HTTP_PORT = 80;
    private static final int HTTPS_PORT = 443;
    private static final int SSH_PORT = 22;
    private static final int TELNET_PORT = 23;
    private static final int SMTP_PORT = 25;
    private static final int FTP_PORT_TAKEN_FOR_IRC = 21;
    private static final int DNS_PORT = 53;
    private static final int DHCP_SERVER_PORT = 67;
    private static final int DHCP_CLIENT_PORT = 68;
    /** numpy sums up to this many values with 8 running sums before splitting the range in two. */
    private static final int PAIRWISE_BLOCK = 128;
    private static final int PAIRWISE_UNROLL = 8;

    private final FeatureRowSink sink;
    private final CicIot2023Flows flows;
    /** The flow table this runs in, if any, and where this mode's words begin in its records. */
    private FlowTable table;
    private int firstWord;
    private final int window;
    /** The rows of the current window, one after the other. */
    private final double[] windowRows;
    private final double[] averages = new double[COUNT];
    /** The 8 running sums of each column in numpy's pairwise summation. */
    private final double[] pairwiseLanes = new double[PAIRWISE_UNROLL * COUNT];
    /** One row of sums for the second half at each level where the summation splits the window. */
    private final double[][] pairwiseHalves;
    private int rowsInWindow;
    private long windowStartNanos;
    private long windowEndNanos;

    private int bufferFrames;
    private long bufferSum;
    private long bufferSumOfSquares;
    private int bufferMin;
    private int bufferMax;
    private double previousSeconds;
    private double magnitude;
    private double radius;
    private double covariance;
    private double varianceRatio;
    private double weight;
    private double rate;
    private double drate;
    private long skippedPackets;

    /** Averages {@link #DEFAULT_WINDOW} rows; remembers up to {@code maxFlows} flows before starting afresh. */
    public CicIot2023FeatureExtractor(int maxFlows, FeatureRowSink sink) {
        this(maxFlows, DEFAULT_WINDOW, sink);
    }

    /** Averages {@code window} rows into each output row; remembers up to {@code maxFlows} flows. */
    public CicIot2023FeatureExtractor(int maxFlows, int window, FeatureRowSink sink) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1 row: " + window);
        }
        this.sink = Objects.requireNonNull(sink, "sink");
        this.flows = new CicIot2023Flows(maxFlows);
        this.window = window;
        this.windowRows = new double[Math.multiplyExact(window, COUNT)];
        this.pairwiseHalves = new double[halvings(window)][COUNT];
        emptyBuffer();
    }

    @Override
    public void packet(PacketDecoder packet, long timeNanos, int wireLength, int slot, boolean fromInitiator,
            boolean newFlow) {
        // The original reads packets with dpkt, which does not open tunnels: a GRE flood is an IPv4 packet of
        // protocol 47 to it, so a tunnelled packet is described by its outermost IP header.
        boolean tunnelled = packet.tunnelDepth() > 0;
        boolean ipv4 = tunnelled ? packet.outerIpVersion() == 4 : packet.etherType() == ETHERTYPE_IPV4;
        if (!ipv4 && (tunnelled || packet.etherType() != ETHERTYPE_ARP)) {
            return;
        }
        if (ipv4 && !tunnelled && packet.ipVersion() != 4) {
            skippedPackets++;
            return;
        }
        double seconds = seconds(timeNanos);
        int frame = ipv4 ? ipv4FrameLength(packet) : Math.clamp(wireLength, 0, MAX_FRAME);
        int row = rowsInWindow * COUNT;
        Arrays.fill(windowRows, row, row + COUNT, 0.0);
        frameStatistics(row, frame, seconds);
        if (ipv4) {
            ipv4Columns(row, packet, slot, frame, seconds);
        } else {
            windowRows[row + ARP] = 1;
        }
        windowRows[row + RATE] = rate;
        windowRows[row + SRATE] = rate;
        windowRows[row + DRATE] = drate;
        if (rowsInWindow == 0) {
            windowStartNanos = timeNanos;
        }
        windowEndNanos = timeNanos;
        if (++rowsInWindow == window) {
            emitWindow();
        }
    }

    /**
     * The dictionary entry the state came from ({@link CicIot2023Flows#RESERVED} for a flow new to it, whose
     * entry is made when the flow ends) and the dictionary's resets then, then the state.
     */
    @Override
    public int wordsPerFlow() {
        return 1 + CicIot2023Flows.STATE_WORDS;
    }

    @Override
    public void attach(FlowTable table, int firstWord) {
        this.table = table;
        this.firstWord = firstWord;
    }

    /** Puts the state the flow table's flow held back in the dictionary, where the original keeps it. */
    @Override
    public void flowEnded(FlowTable endedIn, int slot) {
        if (table == null || endedIn != table) {
            return;
        }
        long[] words = table.records();
        int w = table.wordIndex(slot, firstWord);
        if (!isCurrent(words[w])) {
            return;
        }
        int entry = (int) words[w];
        if (entry == CicIot2023Flows.RESERVED) {
            flows.put(table.protocol(slot) == IP_TCP, (int) table.initiatorLo(slot), table.initiatorPort(slot),
                    (int) table.responderLo(slot), table.responderPort(slot), words, w + 1);
        } else {
            System.arraycopy(words, w + 1, flows.records(), CicIot2023Flows.state(entry), CicIot2023Flows.STATE_WORDS);
        }
    }

    /** Emits the average of the rows of an incomplete last window, if any. */
    @Override
    public void finish() {
        if (rowsInWindow > 0) {
            emitWindow();
        }
    }

    /** IPv4 packets that made no row because their IP header could not be decoded. */
    public long skippedPackets() {
        return skippedPackets;
    }

    /** Times the flow memory filled up and started afresh. */
    public long flowResets() {
        return flows.resets();
    }

    private void frameStatistics(int row, int frame, double seconds) {
        double[] r = windowRows;
        bufferFrames++;
        bufferSum += frame;
        bufferSumOfSquares += (long) frame * frame;
        bufferMin = Math.min(bufferMin, frame);
        bufferMax = Math.max(bufferMax, frame);
        double mean = (double) bufferSum / bufferFrames;
        double variance = variance(bufferFrames, bufferSum, bufferSumOfSquares);
        r[row + TOT_SUM] = bufferSum;
        r[row + MIN] = bufferMin;
        r[row + MAX] = bufferMax;
        r[row + AVG] = mean;
        r[row + STD] = Math.sqrt(variance);
        r[row + TOT_SIZE] = frame;
        if (bufferFrames == BUFFER_FRAMES) {
            r[row + IAT] = seconds;
            r[row + NUMBER] = 0;
            emptyBuffer();
        } else {
            r[row + IAT] = seconds - previousSeconds;
            r[row + NUMBER] = bufferFrames;
            magnitude = Math.sqrt(mean + mean);
            radius = Math.sqrt(variance + variance);
            covariance = variance;
            varianceRatio = variance != 0 ? 1 : 0;
            weight = (double) bufferFrames * bufferFrames;
        }
        previousSeconds = seconds;
        r[row + MAGNITUE] = magnitude;
        r[row + RADIUS] = radius;
        r[row + COVARIANCE] = covariance;
        r[row + VARIANCE] = varianceRatio;
        r[row + WEIGHT] = weight;
    }

    private void emptyBuffer() {
        bufferFrames = 0;
        bufferSum = 0;
        bufferSumOfSquares = 0;
        bufferMin = Integer.MAX_VALUE;
        bufferMax = Integer.MIN_VALUE;
    }

    private void ipv4Columns(int row, PacketDecoder packet, int slot, int frame, double seconds) {
        double[] r = windowRows;
        int protocol = packet.outerIpProtocol();
        r[row + IPV] = 1;
        r[row + LLC] = 1;
        r[row + PROTOCOL_TYPE] = protocol;
        r[row + DURATION] = packet.outerTtl();
        r[row + ICMP] = protocol == IP_ICMP ? 1 : 0;
        int transport = packet.tunnelDepth() > 0 ? -1 : packet.transportProtocol();
        if (transport != IP_TCP && transport != IP_UDP) {
            return;
        }
        boolean tcp = transport == IP_TCP;
        int sourceIp = packet.ipv4Source();
        int destinationIp = packet.ipv4Destination();
        int source = packet.sourcePort();
        int destination = packet.destinationPort();
        long[] states;
        int state;
        if (table != null && slot >= 0) {
            states = table.records();
            int w = table.wordIndex(slot, firstWord);
            if (!isCurrent(states[w])) {
                int entry = flows.findOrReserve(tcp, sourceIp, source, destinationIp, destination);
                if (entry == CicIot2023Flows.RESERVED) {
                    Arrays.fill(states, w + 1, w + 1 + CicIot2023Flows.STATE_WORDS, 0);
                } else {
                    System.arraycopy(flows.records(), CicIot2023Flows.state(entry), states, w + 1,
                            CicIot2023Flows.STATE_WORDS);
                }
                states[w] = (flows.resets() + 1) << 32 | entry & 0xFFFF_FFFFL;
            }
            state = w + 1;
        } else {
            states = flows.records();
            state = CicIot2023Flows.state(flows.find(tcp, sourceIp, source, destinationIp, destination));
        }
        CicIot2023Flows.addFrame(states, state, frame, seconds);
        double flowSeconds = CicIot2023Flows.durationSeconds(states, state);
        r[row + FLOW_DURATION] = flowSeconds;
        r[row + HEADER_LENGTH] = CicIot2023Flows.bytes(states, state);
        if (tcp) {
            tcpColumns(row, packet.tcpFlags(), states, state, source, destination);
        } else {
            r[row + UDP] = 1;
            r[row + DNS] = either(source, destination, DNS_PORT);
            r[row + DHCP] = source == DHCP_SERVER_PORT || destination == DHCP_CLIENT_PORT ? 1 : 0;
        }
        if (flowSeconds != 0) {
            rate = CicIot2023Flows.packets(states, state) / flowSeconds;
            // Only a flow from an endpoint to itself is found again by the original's look-up of the reversed key.
            drate = sourceIp == destinationIp && source == destination ? rate : 0;
        }
    }

    /**
     * True when a flow table's words hold a state taken since the dictionary last started afresh: false for a
     * flow just started in its slot (the words are 0) and for one whose state the dictionary has since dropped
     * in starting afresh, as the original does with its next file.
     */
    private boolean isCurrent(long link) {
        return link >>> 32 == flows.resets() + 1;
    }

    private void tcpColumns(int row, int tcpFlags, long[] states, int state, int source, int destination) {
        double[] r = windowRows;
        CicIot2023Flows.countFlags(states, state, tcpFlags);
        r[row + TCP] = 1;
        r[row + FIN_FLAG_NUMBER] = tcpFlags & 1;
        r[row + SYN_FLAG_NUMBER] = (tcpFlags >>> 1) & 1;
        r[row + RST_FLAG_NUMBER] = (tcpFlags >>> 2) & 1;
        r[row + PSH_FLAG_NUMBER] = (tcpFlags >>> 3) & 1;
        r[row + ACK_FLAG_NUMBER] = (tcpFlags >>> 4) & 1;
        r[row + ECE_FLAG_NUMBER] = (tcpFlags >>> 6) & 1;
        r[row + CWR_FLAG_NUMBER] = (tcpFlags >>> 7) & 1;
        r[row + ACK_COUNT] = CicIot2023Flows.flagCount(states, state, CicIot2023Flows.FIN);
        r[row + SYN_COUNT] = CicIot2023Flows.flagCount(states, state, CicIot2023Flows.SYN);
        r[row + FIN_COUNT] = CicIot2023Flows.flagCount(states, state, CicIot2023Flows.RST);
        r[row + URG_COUNT] = CicIot2023Flows.flagCount(states, state, CicIot2023Flows.PSH);
        r[row + RST_COUNT] = CicIot2023Flows.flagCount(states, state, CicIot2023Flows.ACK);
        r[row + HTTP] = either(source, destination, HTTP_PORT);
        r[row + HTTPS] = either(source, destination, HTTPS_PORT);
        r[row + SSH] = either(source, destination, SSH_PORT);
        r[row + TELNET] = either(source, destination, TELNET_PORT);
        r[row + SMTP] = either(source, destination, SMTP_PORT);
        r[row + IRC] = either(source, destination, FTP_PORT_TAKEN_FOR_IRC);
    }

    private void emitWindow() {
        pairwiseSums(0, rowsInWindow, averages, 0);
        for (int column = 0; column < COUNT; column++) {
            averages[column] /= rowsInWindow;
        }
        rowsInWindow = 0;
        sink.row(averages, null, -1, windowStartNanos, windowEndNanos);
    }

    /**
     * Sums rows {@code first} to {@code first + n - 1} of the window into {@code sums}, each column in the
     * order of numpy's pairwise summation: plainly below 8 rows; up to 128 rows in 8 interleaved running
     * sums, joined pairwise, then the rows left over; beyond, the two halves (cut at a multiple of 8) apart.
     * The order of additions decides the last bit of an average. All columns go together, row by row.
     */
    private void pairwiseSums(int first, int n, double[] sums, int depth) {
        double[] rows = windowRows;
        if (n < PAIRWISE_UNROLL) {
            Arrays.fill(sums, 0.0);
            for (int i = first * COUNT; i < (first + n) * COUNT; i += COUNT) {
                addRow(sums, rows, i);
            }
            return;
        }
        if (n <= PAIRWISE_BLOCK) {
            double[] lanes = pairwiseLanes;
            System.arraycopy(rows, first * COUNT, lanes, 0, lanes.length);
            int i = PAIRWISE_UNROLL;
            for (; i < n - n % PAIRWISE_UNROLL; i += PAIRWISE_UNROLL) {
                int at = (first + i) * COUNT;
                for (int k = 0; k < lanes.length; k++) {
                    lanes[k] += rows[at + k];
                }
            }
            for (int c = 0; c < COUNT; c++) {
                sums[c] = ((lanes[c] + lanes[COUNT + c]) + (lanes[2 * COUNT + c] + lanes[3 * COUNT + c]))
                        + ((lanes[4 * COUNT + c] + lanes[5 * COUNT + c]) + (lanes[6 * COUNT + c] + lanes[7 * COUNT + c]));
            }
            for (; i < n; i++) {
                addRow(sums, rows, (first + i) * COUNT);
            }
            return;
        }
        int half = n / 2;
        half -= half % PAIRWISE_UNROLL;
        double[] right = pairwiseHalves[depth];
        pairwiseSums(first, half, sums, depth + 1);
        pairwiseSums(first + half, n - half, right, depth + 1);
        addRow(sums, right, 0);
    }

    private static void addRow(double[] sums, double[] rows, int at) {
        for (int c = 0; c < COUNT; c++) {
            sums[c] += rows[at + c];
        }
    }

    /** How deep the pairwise summation of a window splits its rows in halves. */
    private static int halvings(int window) {
        int levels = 0;
        for (int n = window; n > PAIRWISE_BLOCK; n -= n / 2 - n / 2 % PAIRWISE_UNROLL) {
            levels++;
        }
        return levels;
    }

    /**
     * The population variance of {@code n} values from their exact integer sum and sum of squares, rounded
     * once.
     */
    private static double variance(long n, long sum, long sumOfSquares) {
        return (double) (n * sumOfSquares - sum * sum) / ((double) n * n);
    }

    private static double either(int source, int destination, int port) {
        return source == port || destination == port ? 1 : 0;
    }

    private static int ipv4FrameLength(PacketDecoder packet) {
        int link = packet.linkType() == LINK_ETHERNET ? packet.outerLinkLength() : ETHERNET_HEADER;
        if (packet.tunnelDepth() > 0) {
            return link + packet.outerIpLength();
        }
        boolean statedLengthHolds = !packet.truncated()
                && !PacketDecoder.BAD_IPV4_TOTAL_LENGTH.equals(packet.malformedReason());
        int ip = statedLengthHolds ? packet.ipv4TotalLength()
                : packet.payloadOffset() + packet.payloadLength() - packet.networkOffset();
        return link + ip;
    }

    /** The timestamp as dpkt computes it from a pcap record: whole seconds plus the stored fraction. */
    static double seconds(long timeNanos) {
        long whole = Math.floorDiv(timeNanos, NANOS_PER_SECOND);
        long fraction = Math.floorMod(timeNanos, NANOS_PER_SECOND);
        return fraction % 1000 == 0 ? whole + (fraction / 1000) / 1e6 : whole + fraction / 1e9;
    }
}
