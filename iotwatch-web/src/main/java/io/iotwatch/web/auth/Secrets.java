package io.iotwatch.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random secrets (session ids, CSRF tokens, API tokens, first passwords) and the digests stored of tokens. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    // no look-alikes (0/O, 1/l/I), so a password read off a console is typed right the first time
    private static final char[] PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private Secrets() {}

    /** 256 random bits, URL-safe Base64. */
    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A password of {@code length} characters, about 5.8 bits each. */
    static String password(int length) {
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(PASSWORD_ALPHABET[RANDOM.nextInt(PASSWORD_ALPHABET.length)]);
        }
        return password.toString();
    }

    /**
     * SHA-256 of an API token, hex: tokens are 256 random bits, so a fast digest is enough to make a stolen
     * table useless, and it lets a token be looked up by its digest.
     */
    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
