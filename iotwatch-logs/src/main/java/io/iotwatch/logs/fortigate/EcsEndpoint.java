package io.iotwatch.logs.fortigate;

import io.iotwatch.core.json.JsonWriter;

/** One side of a conversation under its ECS names, {@code source.*} or {@code destination.*}; unset is null or NONE. */
final class EcsEndpoint {
    String ip;
    long port = Values.NONE;
    long bytes = Values.NONE;
    long packets = Values.NONE;
    String mac;
    String address;
    String domain;
    String natIp;
    long natPort = Values.NONE;

    /** Writes the side as an object named {@code name}, with the user acting from it; nothing when all is unset. */
    void write(JsonWriter w, String name, EcsUser user) {
        w.beginOptionalObject(name)
                .fieldIfNotEmpty("address", address)
                .fieldIfNotEmpty("ip", ip);
        number(w, "port", port);
        number(w, "bytes", bytes);
        number(w, "packets", packets);
        w.fieldIfNotEmpty("mac", mac).fieldIfNotEmpty("domain", domain);
        w.beginOptionalObject("nat").fieldIfNotEmpty("ip", natIp);
        number(w, "port", natPort);
        w.endObject();
        user.write(w);
        w.endObject();
    }

    static void number(JsonWriter w, String name, long value) {
        if (value != Values.NONE) {
            w.field(name, value);
        }
    }
}
