/**
 * Feature extraction: the 46 numeric columns of the CICIoT2023 dataset ({@link
 * io.iotwatch.packet.features.FeatureColumns}), computed on the packet thread from what the flow table hands
 * a {@link io.iotwatch.packet.flow.FlowObserver}, and passed as rows to a {@link
 * io.iotwatch.packet.features.FeatureRowSink}: a model in the same thread, or a {@link
 * io.iotwatch.packet.features.FeatureCsvWriter} that writes the dataset's CSV layout. Two modes give the same
 * columns under the same header:
 *
 * <ul>
 * <li>{@code ciciot2023} ({@link io.iotwatch.packet.features.CicIot2023FeatureExtractor}) computes them as the
 *     dataset's published extractor did, quirks included, and averages windows of consecutive packets into
 *     rows, so that models trained on the published CSVs can be used. Its class documentation says what each
 *     column then means. Do not train on {@code IAT} there: it carries the capture's clock time.
 * <li>{@code flow} ({@link io.iotwatch.packet.features.FlowFeatureExtractor}) gives one row per flow when the
 *     flow ends, with the definitions below. This is the mode for the product's own models.
 * </ul>
 *
 * <h2>Columns of the {@code flow} mode</h2>
 *
 * A flow is what the flow table keys by its symmetric 5-tuple; its initiator is the sender of its first
 * packet, "outgoing" packets go from the initiator, "incoming" packets to it. A packet's length is its length
 * on the wire (frame length); header and payload lengths are those of the IP packet. Times are in seconds,
 * counts in packets, sizes in bytes.
 *
 * <table>
 * <caption>flow mode</caption>
 * <tr><th>column</th><th>definition</th></tr>
 * <tr><td>flow_duration</td><td>last packet time minus first packet time</td></tr>
 * <tr><td>Header_Length</td><td>sum over the packets of their IP and transport header lengths (IPv4 options,
 *     IPv6 extension headers and TCP options included)</td></tr>
 * <tr><td>Protocol Type</td><td>IP protocol number (for IPv6 the header after the extension headers)</td></tr>
 * <tr><td>Duration</td><td>mean TTL (IPv6 hop limit) of the packets</td></tr>
 * <tr><td>Rate</td><td>packets / flow_duration; 0 when flow_duration is 0</td></tr>
 * <tr><td>Srate</td><td>outgoing packets / flow_duration; 0 when flow_duration is 0</td></tr>
 * <tr><td>Drate</td><td>incoming packets / flow_duration; 0 when flow_duration is 0</td></tr>
 * <tr><td>fin_flag_number ... cwr_flag_number</td><td>share of the flow's packets with that TCP flag
 *     (FIN, SYN, RST, PSH, ACK, ECE, CWR), from 0 to 1; 0 for other protocols</td></tr>
 * <tr><td>ack_count, syn_count, fin_count, urg_count, rst_count</td><td>packets with ACK, SYN, FIN, URG, RST
 *     respectively</td></tr>
 * <tr><td>HTTP, HTTPS, DNS, Telnet, SMTP, SSH, IRC</td><td>1 when either port is the service's: HTTP 80 or
 *     8080, HTTPS 443 or 8443, DNS 53, Telnet 23 or 2323, SMTP 25, 465 or 587, SSH 22, IRC 194, 6660 to
 *     6669 or 6697; else 0</td></tr>
 * <tr><td>TCP, UDP, ICMP</td><td>1 when the flow's protocol is TCP, UDP, ICMP or ICMPv6 respectively</td></tr>
 * <tr><td>DHCP</td><td>1 for UDP with either port 67, 68, 546 or 547</td></tr>
 * <tr><td>ARP, LLC</td><td>0: ARP and LLC frames belong to no flow</td></tr>
 * <tr><td>IPv</td><td>1 (every flow is IPv4 or IPv6)</td></tr>
 * <tr><td>Tot sum, Min, Max, AVG, Std</td><td>sum, smallest, largest, mean and population standard
 *     deviation of the packet lengths</td></tr>
 * <tr><td>Tot size</td><td>sum of the transport payload lengths the IP headers state (data carried, headers
 *     excluded)</td></tr>
 * <tr><td>IAT</td><td>mean time between consecutive packets: flow_duration / (packets - 1); 0 for a single
 *     packet</td></tr>
 * <tr><td>Number</td><td>packets</td></tr>
 * <tr><td>Magnitue</td><td>sqrt(mean incoming length + mean outgoing length), a mean being 0 without
 *     packets</td></tr>
 * <tr><td>Radius</td><td>sqrt(variance of incoming lengths + variance of outgoing lengths), population
 *     variances</td></tr>
 * <tr><td>Covariance</td><td>population covariance of the lengths of each incoming packet and of the last
 *     outgoing packet before it (request and answer sizes); 0 without such pairs</td></tr>
 * <tr><td>Variance</td><td>variance of incoming lengths / variance of outgoing lengths; 0 when the latter
 *     is 0</td></tr>
 * <tr><td>Weight</td><td>incoming packets × outgoing packets</td></tr>
 * </table>
 */
package io.iotwatch.packet.features;
