/**
 * Bytes on the wire: Ethernet, ARP, IPv4 (with fragments), TCP, UDP, ICMP and GRE frames built in one reused
 * buffer with their lengths and checksums filled in, and the classic pcap file they are written to.
 */
package io.iotwatch.sim.packets.wire;
