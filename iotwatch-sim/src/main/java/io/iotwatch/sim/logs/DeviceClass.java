package io.iotwatch.sim.logs;

/** Kinds of devices on the monitored network, with their share of devices and their VLAN. */
enum DeviceClass {
    CAMERA(0.15, 1, "iot-cam", "IP Camera", true, false),
    SENSOR(0.25, 2, "iot-sensor", "Home & Office", true, false),
    PLUG(0.20, 3, "iot-plug", "Home & Office", true, false),
    HUB(0.08, 4, "iot-hub", "Home & Office", true, false),
    GATEWAY(0.05, 5, "iot-gw", "Router/NAT Device", false, false),
    PHONE(0.12, 8, "wifi-users", "Mobile Device", false, true),
    LAPTOP(0.15, 9, "lan-users", "Computer", false, true);

    final double share;
    /** Third octet of the class's first /24 in 10.0.0.0/16. */
    final int subnet;
    final String intf;
    final String devtype;
    /** Cameras, sensors, plugs and hubs talk with a few fixed (protocol, port) pairs only. */
    final boolean singlePurpose;
    /** Phones and laptops are used by people: busy by day, quiet at night, browsing many sites. */
    final boolean human;

    DeviceClass(double share, int subnet, String intf, String devtype, boolean singlePurpose, boolean human) {
        this.share = share;
        this.subnet = subnet;
        this.intf = intf;
        this.devtype = devtype;
        this.singlePurpose = singlePurpose;
        this.human = human;
    }
}
