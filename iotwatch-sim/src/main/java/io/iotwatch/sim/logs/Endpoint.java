package io.iotwatch.sim.logs;

/**
 * An Internet destination with its DNS name.
 *
 * @param name    DNS name devices resolve before connecting
 * @param ip      the address the name resolves to
 * @param country FortiOS country name of the address
 * @param ttl     DNS time to live in seconds: how often devices look the name up again
 */
record Endpoint(String name, String ip, String country, int ttl) {
}
