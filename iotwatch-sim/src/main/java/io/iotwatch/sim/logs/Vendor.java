package io.iotwatch.sim.logs;

import java.util.List;

/**
 * A device make: what FortiOS device detection reports and which cloud it talks to.
 *
 * @param hwVendor  {@code srchwvendor}
 * @param osName    {@code osname}
 * @param macPrefix first three octets of the MAC address
 * @param flows     the recurring connections of its devices besides NTP
 */
record Vendor(String hwVendor, String osName, String macPrefix, List<FlowSpec> flows) {
}
