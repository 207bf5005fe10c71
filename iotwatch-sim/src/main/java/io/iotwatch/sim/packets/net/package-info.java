/**
 * The machinery under every simulated host: hosts and their TCP/IP stacks, TCP connections with correct
 * sequence numbers, acknowledgements and timing, and the sources of packets merged into one time-ordered
 * stream.
 */
package io.iotwatch.sim.packets.net;
