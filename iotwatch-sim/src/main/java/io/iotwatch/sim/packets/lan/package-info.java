/**
 * The simulated site: a LAN of IoT devices behind a gateway that is also their DNS resolver, the Internet
 * services they use, and each device's habits (ARP, DNS, NTP, MQTT, CoAP, TLS, HTTP), each a source of
 * packets with its own rhythm.
 */
package io.iotwatch.sim.packets.lan;
