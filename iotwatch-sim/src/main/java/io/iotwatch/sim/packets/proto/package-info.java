/**
 * Application messages as the real implementations put them on the wire: DNS, NTP, MQTT 3.1.1, CoAP,
 * HTTP/1.x, TLS 1.2 and 1.3 handshakes and records (with an X.509 certificate that parses), SSH's
 * plaintext key exchange and telnet's negotiation. Each writes into a {@link io.iotwatch.sim.packets.wire.Bytes}.
 */
package io.iotwatch.sim.packets.proto;
