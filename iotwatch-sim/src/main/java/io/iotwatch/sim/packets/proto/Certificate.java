package io.iotwatch.sim.packets.proto;

import io.iotwatch.sim.packets.wire.Bytes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;

/**
 * A DER-encoded X.509 v3 certificate for a DNS name, structured as a web PKI leaf is (RSA 2048 key, SHA-256
 * with RSA signature, subject alternative name), so that TLS dissectors parse it; the key and signature are
 * random bytes of the right shape.
 */
public final class Certificate {

    private static final int SEQUENCE = 0x30;
    private static final int SET = 0x31;
    private static final int INTEGER = 0x02;
    private static final int BIT_STRING = 0x03;
    private static final int OCTET_STRING = 0x04;
    private static final int NULL = 0x05;
    private static final int OID = 0x06;
    private static final int UTF8_STRING = 0x0C;
    private static final int PRINTABLE_STRING = 0x13;
    private static final int UTC_TIME = 0x17;
    private static final int DNS_NAME = 0x82;
    private static final int VERSION = 0xA0;
    private static final int EXTENSIONS = 0xA3;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private Certificate() {
    }

    /** A certificate for {@code dnsName}, valid for 90 days from {@code notBefore}. */
    public static byte[] forName(String dnsName, RandomGenerator rnd, Instant notBefore) {
        byte[] signatureAlgorithm = der(SEQUENCE, oid("1.2.840.113549.1.1.11"), der(NULL));
        byte[] serial = random(rnd, 16);
        serial[0] &= 0x7F;
        byte[] modulus = random(rnd, 257);
        modulus[0] = 0;
        modulus[1] |= (byte) 0x80;
        modulus[256] |= 1;
        byte[] publicKey = der(SEQUENCE, der(INTEGER, modulus), der(INTEGER, new byte[] {1, 0, 1}));
        byte[] tbs = der(SEQUENCE,
                der(VERSION, der(INTEGER, new byte[] {2})),
                der(INTEGER, serial),
                signatureAlgorithm,
                name(der(SET, attribute("2.5.4.6", PRINTABLE_STRING, "US")),
                        der(SET, attribute("2.5.4.10", PRINTABLE_STRING, "Let's Encrypt")),
                        der(SET, attribute("2.5.4.3", PRINTABLE_STRING, "R11"))),
                der(SEQUENCE, der(UTC_TIME, ascii(UTC.format(notBefore))),
                        der(UTC_TIME, ascii(UTC.format(notBefore.plusSeconds(90L * 86_400))))),
                name(der(SET, attribute("2.5.4.3", UTF8_STRING, dnsName))),
                der(SEQUENCE, der(SEQUENCE, oid("1.2.840.113549.1.1.1"), der(NULL)), bitString(publicKey)),
                der(EXTENSIONS, der(SEQUENCE, der(SEQUENCE, oid("2.5.29.17"),
                        der(OCTET_STRING, der(SEQUENCE, der(DNS_NAME, ascii(dnsName))))))));
        return der(SEQUENCE, tbs, signatureAlgorithm, bitString(random(rnd, 256)));
    }

    private static byte[] name(byte[]... relativeNames) {
        return der(SEQUENCE, relativeNames);
    }

    private static byte[] attribute(String oid, int stringType, String value) {
        return der(SEQUENCE, oid(oid), der(stringType, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] bitString(byte[] content) {
        byte[] withUnusedBits = new byte[content.length + 1];
        System.arraycopy(content, 0, withUnusedBits, 1, content.length);
        return der(BIT_STRING, withUnusedBits);
    }

    /** An object identifier: the first two arcs in one byte, the rest in base 128. */
    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        Bytes body = new Bytes(16).u8(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long arc = Long.parseLong(arcs[i]);
            int groups = 1;
            while (arc >>> 7 * groups != 0) {
                groups++;
            }
            for (int g = groups - 1; g >= 0; g--) {
                body.u8((int) (arc >>> 7 * g & 0x7F) | (g > 0 ? 0x80 : 0));
            }
        }
        return der(OID, body.toArray());
    }

    /** A TLV: the tag, the length in DER's short or long form, and the parts one after another. */
    static byte[] der(int tag, byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        Bytes out = new Bytes(length + 6).u8(tag);
        if (length < 0x80) {
            out.u8(length);
        } else if (length < 0x100) {
            out.u8(0x81).u8(length);
        } else {
            out.u8(0x82).u16(length);
        }
        for (byte[] part : parts) {
            out.bytes(part);
        }
        return out.toArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] random(RandomGenerator rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }
}
