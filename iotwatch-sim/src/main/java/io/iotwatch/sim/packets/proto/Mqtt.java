package io.iotwatch.sim.packets.proto;

import io.iotwatch.sim.packets.wire.Bytes;
import java.nio.charset.StandardCharsets;

/** MQTT 3.1.1 control packets (OASIS standard): fixed header, variable-length remaining length, body. */
public final class Mqtt {

    public static final int CONNECT = 1;
    public static final int CONNACK = 2;
    public static final int PUBLISH = 3;
    public static final int PUBACK = 4;
    public static final int SUBSCRIBE = 8;
    public static final int SUBACK = 9;
    public static final int PINGREQ = 12;
    public static final int PINGRESP = 13;

    private Mqtt() {
    }

    public static byte[] connect(String clientId, int keepAliveSeconds, String user, String password) {
        Bytes body = new Bytes();
        string(body, "MQTT");
        int flags = 0x02 | (user != null ? 0x80 : 0) | (password != null ? 0x40 : 0);
        body.u8(4).u8(flags).u16(keepAliveSeconds);
        string(body, clientId);
        if (user != null) {
            string(body, user);
        }
        if (password != null) {
            string(body, password);
        }
        return packet(CONNECT << 4, body);
    }

    public static byte[] connack(int returnCode) {
        return packet(CONNACK << 4, new Bytes(2).u8(0).u8(returnCode));
    }

    public static byte[] subscribe(int packetId, String topicFilter, int qos) {
        Bytes body = new Bytes().u16(packetId);
        string(body, topicFilter);
        body.u8(qos);
        return packet(SUBSCRIBE << 4 | 0x02, body);
    }

    public static byte[] suback(int packetId, int grantedQos) {
        return packet(SUBACK << 4, new Bytes(3).u16(packetId).u8(grantedQos));
    }

    /** A PUBLISH; the packet identifier is written only for QoS 1 and 2. */
    public static byte[] publish(String topic, byte[] payload, int qos, int packetId, boolean retain) {
        Bytes body = new Bytes(payload.length + topic.length() + 8);
        string(body, topic);
        if (qos > 0) {
            body.u16(packetId);
        }
        body.bytes(payload);
        return packet(PUBLISH << 4 | qos << 1 | (retain ? 1 : 0), body);
    }

    public static byte[] puback(int packetId) {
        return packet(PUBACK << 4, new Bytes(2).u16(packetId));
    }

    public static byte[] pingreq() {
        return new byte[] {(byte) (PINGREQ << 4), 0};
    }

    public static byte[] pingresp() {
        return new byte[] {(byte) (PINGRESP << 4), 0};
    }

    private static byte[] packet(int firstByte, Bytes body) {
        Bytes out = new Bytes(body.length() + 5).u8(firstByte);
        int remaining = body.length();
        // Remaining length: 7 bits per byte, least significant first, high bit set while more follow.
        do {
            int digit = remaining & 0x7F;
            remaining >>>= 7;
            out.u8(remaining > 0 ? digit | 0x80 : digit);
        } while (remaining > 0);
        return out.bytes(body.array(), 0, body.length()).toArray();
    }

    private static void string(Bytes out, String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.u16(utf8.length).bytes(utf8);
    }
}
