package io.iotwatch.sim.packets.lan;

import io.iotwatch.sim.packets.net.Stack;
import java.util.List;

/** Kinds of hosts on the LAN, with their share of the devices, makes (MAC prefixes), stack and open TCP ports. */
public enum DeviceKind {
    /** ESP32 temperature and humidity sensors reporting to a cloud MQTT broker. */
    SENSOR("esp32-th", 0.22, Stack.LWIP, List.of("24:0a:c4", "a4:cf:12"), List.of()),
    /** Tasmota-flashed sensors reporting to the hub's MQTT broker on the LAN. */
    LOCAL_SENSOR("tasmota", 0.14, Stack.LWIP, List.of("e8:db:84", "c4:5b:be"), List.of(80)),
    /** LwM2M sensors speaking CoAP to a cloud device-management server. */
    COAP_SENSOR("lwm2m", 0.12, Stack.LWIP, List.of("f4:ce:36", "00:12:4b"), List.of()),
    /** Smart plugs with a TLS 1.2 connection to their cloud. */
    PLUG("plug", 0.22, Stack.LWIP, List.of("d8:1f:12", "50:c7:bf"), List.of(80, 6668)),
    /** IP cameras (embedded Linux) uploading motion clips over TLS 1.3, with busybox telnetd and a web UI. */
    CAMERA("ipcam", 0.20, Stack.LINUX, List.of("44:19:b6", "ec:71:db"), List.of(23, 80, 554, 8000)),
    /** Phones of the people on the site: irregular browsing. */
    PHONE("phone", 0.10, Stack.LINUX, List.of("8c:f5:a3", "a4:83:e7"), List.of()),
    /** The home-automation hub: the local MQTT broker, SSH and a web UI. Always exactly one. */
    HUB("hub", 0, Stack.LINUX, List.of("dc:a6:32"), List.of(22, 80, 1883, 8123));

    public final String prefix;
    public final double share;
    public final Stack stack;
    public final List<String> makes;
    public final List<Integer> openPorts;

    DeviceKind(String prefix, double share, Stack stack, List<String> makes, List<Integer> openPorts) {
        this.prefix = prefix;
        this.share = share;
        this.stack = stack;
        this.makes = makes;
        this.openPorts = openPorts;
    }

    public boolean listens(int port) {
        return openPorts.contains(port);
    }
}
