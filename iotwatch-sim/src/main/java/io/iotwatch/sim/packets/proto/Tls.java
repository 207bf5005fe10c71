package io.iotwatch.sim.packets.proto;

import io.iotwatch.sim.packets.wire.Bytes;
import io.iotwatch.sim.packets.wire.Noise;
import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;

/**
 * The records of one TLS session, flight by flight, as a client of the given kind and a server with the given
 * certificate exchange them: TLS 1.3 (RFC 8446, with the compatibility mode's ChangeCipherSpec) when both offer
 * it, else TLS 1.2 (RFC 5246) with ECDHE-RSA and AES-GCM. What is encrypted is random bytes of the size the
 * real cipher would produce.
 */
public final class Tls {

    /** What kind of TLS client a device runs, which decides what its ClientHello offers. */
    public enum Client {
        /** mbedTLS on a microcontroller: TLS 1.2 only, no ALPN. */
        EMBEDDED,
        /** OpenSSL on embedded Linux: TLS 1.3 and 1.2. */
        OPENSSL,
        /** A phone's browser or app: TLS 1.3 and 1.2, ALPN h2 and http/1.1. */
        BROWSER
    }

    private static final int CHANGE_CIPHER_SPEC = 20;
    private static final int ALERT = 21;
    private static final int HANDSHAKE = 22;
    private static final int APPLICATION_DATA = 23;
    private static final int TLS12 = 0x0303;
    private static final int TLS13 = 0x0304;
    private static final int MAX_RECORD = 16_384;
    private static final int GCM_TAG = 16;
    private static final int GCM_NONCE = 8;
    private static final int ECDHE_RSA_AES128_GCM = 0xC02F;
    private static final int AES128_GCM_SHA256 = 0x1301;
    private static final int X25519 = 0x001D;
    private static final int SECP256R1 = 0x0017;

    private final RandomGenerator rnd;
    private final Client client;
    private final String serverName;
    private final byte[] certificate;
    private final boolean tls13;
    private final byte[] sessionId = new byte[32];

    /**
     * @param serverSupports13 whether the server speaks TLS 1.3
     * @param certificate      the server's DER certificate (see {@link Certificate})
     */
    public Tls(RandomGenerator rnd, Client client, String serverName, boolean serverSupports13, byte[] certificate) {
        this.rnd = rnd;
        this.client = client;
        this.serverName = serverName;
        this.certificate = certificate;
        this.tls13 = client != Client.EMBEDDED && serverSupports13;
        rnd.nextBytes(sessionId);
    }

    public boolean tls13() {
        return tls13;
    }

    public byte[] clientHello() {
        Bytes hello = new Bytes(512).u16(TLS12);
        random(hello, 32);
        boolean offers13 = client != Client.EMBEDDED;
        if (offers13) {
            hello.u8(32).bytes(sessionId);
        } else {
            hello.u8(0);
        }
        int[] suites = offers13
                ? new int[] {0x1301, 0x1302, 0x1303, 0xC02B, 0xC02F, 0xC02C, 0xC030, 0xCCA9, 0xCCA8, 0xC013, 0xC014, 0x009C, 0x009D, 0x002F, 0x0035}
                : new int[] {0xC02B, 0xC02F, 0xC02C, 0xC030, 0xC023, 0xC027, 0xC009, 0xC013, 0xC00A, 0xC014, 0x009C, 0x009D, 0x002F, 0x0035};
        hello.u16(suites.length * 2);
        for (int suite : suites) {
            hello.u16(suite);
        }
        hello.u8(1).u8(0);
        int extensions = hello.mark();
        hello.u16(0);
        byte[] name = serverName.getBytes(StandardCharsets.US_ASCII);
        extension(hello, 0x0000, new Bytes().u16(name.length + 3).u8(0).u16(name.length).bytes(name));
        extension(hello, 0x000B, new Bytes().u8(1).u8(0));
        extension(hello, 0x000A, offers13 ? new Bytes().u16(6).u16(X25519).u16(SECP256R1).u16(0x0018)
                : new Bytes().u16(4).u16(SECP256R1).u16(0x0018));
        if (offers13) {
            extension(hello, 0x0023, new Bytes());
        }
        if (client == Client.BROWSER) {
            extension(hello, 0x0010, new Bytes().u16(12).u8(2).ascii("h2").u8(8).ascii("http/1.1"));
        }
        extension(hello, 0x0017, new Bytes());
        int[] signatures = {0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601};
        Bytes sig = new Bytes().u16(signatures.length * 2);
        for (int s : signatures) {
            sig.u16(s);
        }
        extension(hello, 0x000D, sig);
        if (offers13) {
            extension(hello, 0x002B, new Bytes().u8(4).u16(TLS13).u16(TLS12));
            extension(hello, 0x002D, new Bytes().u8(1).u8(1));
            Bytes share = new Bytes().u16(36).u16(X25519).u16(32);
            random(share, 32);
            extension(hello, 0x0033, share);
        }
        extension(hello, 0xFF01, new Bytes().u8(0));
        hello.patch16(extensions, hello.length() - extensions - 2);
        Bytes out = new Bytes(hello.length() + 16);
        handshakeRecord(out, offers13 ? 0x0301 : TLS12, 1, hello);
        return out.toArray();
    }

    /** The server's first flight: ServerHello and, for 1.2, its certificate and key exchange; for 1.3 all of it, encrypted. */
    public byte[] serverHello() {
        Bytes out = new Bytes(4096);
        Bytes hello = new Bytes(128).u16(TLS12);
        random(hello, 32);
        hello.u8(32).bytes(sessionId);
        hello.u16(tls13 ? AES128_GCM_SHA256 : ECDHE_RSA_AES128_GCM).u8(0);
        int extensions = hello.mark();
        hello.u16(0);
        if (tls13) {
            extension(hello, 0x002B, new Bytes().u16(TLS13));
            Bytes share = new Bytes().u16(X25519).u16(32);
            random(share, 32);
            extension(hello, 0x0033, share);
        } else {
            extension(hello, 0xFF01, new Bytes().u8(0));
            extension(hello, 0x000B, new Bytes().u8(1).u8(0));
            extension(hello, 0x0017, new Bytes());
        }
        hello.patch16(extensions, hello.length() - extensions - 2);
        handshakeRecord(out, TLS12, 2, hello);
        if (tls13) {
            changeCipherSpec(out);
            // EncryptedExtensions, Certificate, CertificateVerify and Finished in one encrypted record.
            encrypted(out, 6 + 7 + certificate.length + 5 + 264 + 36);
            return out.toArray();
        }
        Bytes chain = new Bytes(certificate.length + 8).u24(certificate.length + 3).u24(certificate.length).bytes(certificate);
        handshakeRecord(out, TLS12, 11, chain);
        Bytes keyExchange = new Bytes(400).u8(3).u16(SECP256R1).u8(65).u8(4);
        random(keyExchange, 64);
        keyExchange.u16(0x0401).u16(256);
        random(keyExchange, 256);
        handshakeRecord(out, TLS12, 12, keyExchange);
        handshakeRecord(out, TLS12, 14, new Bytes(0));
        return out.toArray();
    }

    /** The client's second flight: for 1.2 its key exchange, ChangeCipherSpec and Finished; for 1.3 ChangeCipherSpec and Finished. */
    public byte[] clientFinished() {
        Bytes out = new Bytes(256);
        if (tls13) {
            changeCipherSpec(out);
            encrypted(out, 4 + 32);
            return out.toArray();
        }
        Bytes keyExchange = new Bytes(70).u8(65).u8(4);
        random(keyExchange, 64);
        handshakeRecord(out, TLS12, 16, keyExchange);
        changeCipherSpec(out);
        out.u8(HANDSHAKE).u16(TLS12).u16(GCM_NONCE + 16 + GCM_TAG);
        random(out, GCM_NONCE + 16 + GCM_TAG);
        return out.toArray();
    }

    /** The server's last handshake flight: for 1.2 a session ticket, ChangeCipherSpec and Finished; for 1.3 a session ticket. */
    public byte[] serverFinished() {
        Bytes out = new Bytes(512);
        if (tls13) {
            encrypted(out, 4 + 4 + 4 + 1 + 8 + 2 + 192 + 2);
            return out.toArray();
        }
        Bytes ticket = new Bytes(220).u32(7200).u16(192);
        random(ticket, 192);
        handshakeRecord(out, TLS12, 4, ticket);
        changeCipherSpec(out);
        out.u8(HANDSHAKE).u16(TLS12).u16(GCM_NONCE + 16 + GCM_TAG);
        random(out, GCM_NONCE + 16 + GCM_TAG);
        return out.toArray();
    }

    /** {@code plaintext} bytes of application data in as many records as it takes. */
    public byte[] applicationData(int plaintext) {
        Bytes out = new Bytes(plaintext + 64 * (plaintext / MAX_RECORD + 1));
        int left = plaintext;
        do {
            int n = Math.min(left, MAX_RECORD);
            if (tls13) {
                encrypted(out, n);
            } else {
                out.u8(APPLICATION_DATA).u16(TLS12).u16(GCM_NONCE + n + GCM_TAG);
                random(out, GCM_NONCE + n + GCM_TAG);
            }
            left -= n;
        } while (left > 0);
        return out.toArray();
    }

    /** An encrypted close_notify alert. */
    public byte[] closeNotify() {
        Bytes out = new Bytes(40);
        if (tls13) {
            encrypted(out, 2);
        } else {
            out.u8(ALERT).u16(TLS12).u16(GCM_NONCE + 2 + GCM_TAG);
            random(out, GCM_NONCE + 2 + GCM_TAG);
        }
        return out.toArray();
    }

    /** A TLS 1.3 record: the content, its real type byte and the tag, all looking like application data. */
    private void encrypted(Bytes out, int content) {
        out.u8(APPLICATION_DATA).u16(TLS12).u16(content + 1 + GCM_TAG);
        random(out, content + 1 + GCM_TAG);
    }

    private static void changeCipherSpec(Bytes out) {
        out.u8(CHANGE_CIPHER_SPEC).u16(TLS12).u16(1).u8(1);
    }

    private static void handshakeRecord(Bytes out, int recordVersion, int type, Bytes body) {
        out.u8(HANDSHAKE).u16(recordVersion).u16(body.length() + 4).u8(type).u24(body.length()).bytes(body.array(), 0, body.length());
    }

    private static void extension(Bytes out, int type, Bytes body) {
        out.u16(type).u16(body.length()).bytes(body.array(), 0, body.length());
    }

    private void random(Bytes out, int n) {
        out.cycle(Noise.BLOCK, rnd.nextInt(Noise.BLOCK.length), n);
    }
}
