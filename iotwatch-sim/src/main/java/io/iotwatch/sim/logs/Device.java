package io.iotwatch.sim.logs;

/**
 * One host on the internal network.
 *
 * @param cls    its device class
 * @param vendor its make
 * @param ip     its address in 10.0.0.0/16
 * @param mac    its MAC address
 */
record Device(DeviceClass cls, Vendor vendor, String ip, String mac) {
}
