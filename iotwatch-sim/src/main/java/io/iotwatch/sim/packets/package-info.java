/**
 * The synthetic packet generator ({@code iotwatch generate pcap}): a capture of an IoT LAN (devices speaking ARP,
 * DNS, NTP, MQTT, CoAP, HTTP and TLS with their own rhythms) with every kind of {@link io.iotwatch.sim.truth.AttackKind}
 * planted in it, and the ground truth of what was planted. The same options always give the same bytes.
 *
 * <p>Sub-packages: {@code wire} (frames, checksums, the pcap file), {@code proto} (application messages),
 * {@code net} (hosts, TCP connections, the time-ordered merge of sources), {@code lan} (the site and its devices'
 * habits), {@code attack} (the attacks and their schedule).
 */
package io.iotwatch.sim.packets;
