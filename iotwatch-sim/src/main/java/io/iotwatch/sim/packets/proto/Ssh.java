package io.iotwatch.sim.packets.proto;

import io.iotwatch.sim.packets.wire.Bytes;
import io.iotwatch.sim.packets.wire.Noise;
import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;

/**
 * SSH 2.0 (RFC 4253) as far as it is readable on the wire: the version lines, the binary packets of the key
 * exchange (KEXINIT, curve25519 ECDH, NEWKEYS), then packets encrypted with chacha20-poly1305, whose length
 * is encrypted too, shown here as random bytes of the size a packet of that payload takes.
 */
public final class Ssh {

    private static final int KEXINIT = 20;
    private static final int NEWKEYS = 21;
    private static final int KEX_ECDH_INIT = 30;
    private static final int KEX_ECDH_REPLY = 31;
    private static final int POLY1305_TAG = 16;

    private Ssh() {
    }

    /** The identification line, with its CR LF. */
    public static byte[] version(String software) {
        return ("SSH-2.0-" + software + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A KEXINIT offering curve25519, ed25519 host keys and chacha20-poly1305, as OpenSSH, dropbear and libssh do. */
    public static byte[] kexinit(RandomGenerator rnd, boolean client) {
        Bytes payload = new Bytes(1024).u8(KEXINIT);
        random(payload, rnd, 16);
        String kex = client ? "curve25519-sha256,curve25519-sha256@libssh.org,ecdh-sha2-nistp256,ecdh-sha2-nistp384,"
                + "diffie-hellman-group14-sha256,diffie-hellman-group16-sha512,ext-info-c,kex-strict-c-v00@openssh.com"
                : "curve25519-sha256,curve25519-sha256@libssh.org,ecdh-sha2-nistp521,ecdh-sha2-nistp384,ecdh-sha2-nistp256,"
                + "diffie-hellman-group14-sha256,kex-strict-s-v00@openssh.com";
        String hostKeys = client ? "ssh-ed25519,ecdsa-sha2-nistp256,rsa-sha2-512,rsa-sha2-256" : "ssh-ed25519,rsa-sha2-256";
        String ciphers = "chacha20-poly1305@openssh.com,aes128-ctr,aes256-ctr,aes128-gcm@openssh.com";
        String macs = "hmac-sha2-256-etm@openssh.com,hmac-sha2-256,hmac-sha1";
        for (String list : new String[] {kex, hostKeys, ciphers, ciphers, macs, macs, "none", "none", "", ""}) {
            string(payload, list.getBytes(StandardCharsets.US_ASCII));
        }
        payload.u8(0).u32(0);
        return packet(rnd, payload);
    }

    /** The client's ephemeral curve25519 key. */
    public static byte[] ecdhInit(RandomGenerator rnd) {
        Bytes payload = new Bytes(48).u8(KEX_ECDH_INIT).u32(32);
        random(payload, rnd, 32);
        return packet(rnd, payload);
    }

    /** The server's host key, ephemeral key and signature, followed by its NEWKEYS. */
    public static byte[] ecdhReplyAndNewKeys(RandomGenerator rnd) {
        Bytes hostKey = new Bytes(51);
        string(hostKey, "ssh-ed25519".getBytes(StandardCharsets.US_ASCII));
        hostKey.u32(32);
        random(hostKey, rnd, 32);
        Bytes signature = new Bytes(83);
        string(signature, "ssh-ed25519".getBytes(StandardCharsets.US_ASCII));
        signature.u32(64);
        random(signature, rnd, 64);
        Bytes payload = new Bytes(200).u8(KEX_ECDH_REPLY);
        string(payload, hostKey.toArray());
        payload.u32(32);
        random(payload, rnd, 32);
        string(payload, signature.toArray());
        Bytes out = new Bytes(256).bytes(packet(rnd, payload));
        return out.bytes(newKeys(rnd)).toArray();
    }

    public static byte[] newKeys(RandomGenerator rnd) {
        return packet(rnd, new Bytes(1).u8(NEWKEYS));
    }

    /** An encrypted packet carrying {@code payload} bytes: length, padded packet and tag. */
    public static byte[] encrypted(RandomGenerator rnd, int payload) {
        int packet = padded(payload, 8);
        Bytes out = new Bytes(4 + packet + POLY1305_TAG);
        random(out, rnd, 4 + packet + POLY1305_TAG);
        return out.toArray();
    }

    /** A plaintext binary packet: length, padding length, payload, random padding to a multiple of 8. */
    private static byte[] packet(RandomGenerator rnd, Bytes payload) {
        int packet = padded(payload.length(), 8);
        int padding = packet - 1 - payload.length();
        Bytes out = new Bytes(packet + 4).u32(packet).u8(padding).bytes(payload.array(), 0, payload.length());
        random(out, rnd, padding);
        return out.toArray();
    }

    /** Length of the padding-length byte, payload and at least 4 bytes of padding, rounded up to the block size. */
    private static int padded(int payload, int block) {
        int packet = 1 + payload + 4;
        return (packet + 4 + block - 1) / block * block - 4;
    }

    private static void string(Bytes out, byte[] value) {
        out.u32(value.length).bytes(value);
    }

    private static void random(Bytes out, RandomGenerator rnd, int n) {
        out.cycle(Noise.BLOCK, rnd.nextInt(Noise.BLOCK.length), n);
    }
}
