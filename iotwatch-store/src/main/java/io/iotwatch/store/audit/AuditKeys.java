package io.iotwatch.store.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Ed25519 key that signs the audit log's blocks, kept in one PEM file: the private key (PKCS#8) and
 * the public key (X.509 SubjectPublicKeyInfo), readable by OpenSSL. The file is made on first use,
 * readable by its owner only; the public half goes into the database and into every exported head.
 */
public final class AuditKeys {

    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final String ALGORITHM = "Ed25519";

    private AuditKeys() {}

    /** The key pair in {@code file}, made and written there first if the file does not exist. */
    public static KeyPair loadOrCreate(Path file) {
        if (Files.exists(file)) {
            return load(file);
        }
        KeyPair pair = generate();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String text = pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + publicPem(pair.getPublic());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            return pair;
        } catch (FileAlreadyExistsException raced) {
            return load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit key " + file, e);
        }
    }

    /** The key pair in {@code file}. */
    public static KeyPair load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit key " + file, e);
        }
        byte[] privateDer = null;
        byte[] publicDer = null;
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (m.group(1)) {
                case "PRIVATE KEY" -> privateDer = der;
                case "PUBLIC KEY" -> publicDer = der;
                default -> { }
            }
        }
        if (privateDer == null || publicDer == null) {
            throw new IllegalArgumentException(file + " is not an iotwatch audit key: it needs a PRIVATE KEY and a PUBLIC KEY block");
        }
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            KeyPair pair = new KeyPair(factory.generatePublic(new X509EncodedKeySpec(publicDer)),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer)));
            byte[] probe = "iotwatch audit key check".getBytes(StandardCharsets.US_ASCII);
            if (!verify(pair.getPublic(), probe, sign(pair.getPrivate(), probe))) {
                throw new IllegalArgumentException("the private and public keys in " + file + " do not belong together");
            }
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + " does not hold an Ed25519 key pair: " + e.getMessage(), e);
        }
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK since 15 has Ed25519", e);
        }
    }

    /** The public key from its X.509 encoding in base64, as the database and heads hold it. */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** The public key from a PEM file's PUBLIC KEY block. */
    public static PublicKey publicKeyFromPem(String pem) {
        Matcher m = PEM.matcher(pem);
        while (m.find()) {
            if (m.group(1).equals("PUBLIC KEY")) {
                return publicKey(Base64.getEncoder().encodeToString(Base64.getMimeDecoder().decode(m.group(2))));
            }
        }
        throw new IllegalArgumentException("no PUBLIC KEY block");
    }

    public static String base64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String publicPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /** The first 16 hex digits of the SHA-256 of the key's X.509 encoding: short enough to compare by eye. */
    public static String fingerprint(PublicKey key) {
        return HexFormat.of().formatHex(MerkleTree.sha256().digest(key.getEncoded())).substring(0, 16);
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the audit key", e);
        }
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
