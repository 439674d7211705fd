package dev.tenure.tools.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair callers sign their tokens with, as PEM files: {@code private-key.pem} (PKCS#8,
 * {@code BEGIN PRIVATE KEY}) stays with the caller, {@code public-key.pem} (X.509
 * SubjectPublicKeyInfo, {@code BEGIN PUBLIC KEY}) goes to the service's
 * {@code mp.jwt.verify.publickey.location}.
 */
public final class KeyPairFiles {

    public static final String PRIVATE_KEY_FILE = "private-key.pem";
    public static final String PUBLIC_KEY_FILE = "public-key.pem";

    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";
    private static final int KEY_BITS = 2048;

    private KeyPairFiles() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available", e);
        }
    }

    /** Generates a new pair into {@code dir}; refuses to replace existing files unless {@code overwrite}. */
    public static KeyPair generateInto(Path dir, boolean overwrite) {
        KeyPair pair = generate();
        write(pair, dir, overwrite);
        return pair;
    }

    /**
     * Keeps the pair already in {@code dir}, or generates one when there is none: a second start of the same
     * installation must keep verifying the tokens the first one signed. Half a pair is an error, never replaced.
     */
    public static void ensureIn(Path dir) {
        boolean privateExists = Files.exists(dir.resolve(PRIVATE_KEY_FILE));
        boolean publicExists = Files.exists(dir.resolve(PUBLIC_KEY_FILE));
        if (privateExists && publicExists) {
            return;
        }
        if (privateExists || publicExists) {
            throw new IllegalStateException(dir + " holds only " + (privateExists ? PRIVATE_KEY_FILE : PUBLIC_KEY_FILE)
                    + " of the signing key pair; restore the other file or remove both to start with a new pair");
        }
        generateInto(dir, false);
    }

    public static void write(KeyPair pair, Path dir, boolean overwrite) {
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
        try {
            Files.createDirectories(dir);
            if (!overwrite) {
                for (Path file : new Path[] {privateFile, publicFile}) {
                    if (Files.exists(file)) {
                        throw new FileAlreadyExistsException(file.toString(), null, "not replacing an existing key");
                    }
                }
            }
            Files.writeString(privateFile, toPem(PRIVATE_LABEL, pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            ownerOnly(privateFile);
            Files.writeString(publicFile, toPem(PUBLIC_LABEL, pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PrivateKey readPrivateKey(Path file) {
        byte[] der = fromPem(read(file), PRIVATE_LABEL, file);
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + " is not a PKCS#8 RSA private key (BEGIN PRIVATE KEY)", e);
        }
    }

    public static PublicKey readPublicKey(Path file) {
        byte[] der = fromPem(read(file), PUBLIC_LABEL, file);
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + " is not an X.509 RSA public key (BEGIN PUBLIC KEY)", e);
        }
    }

    /** The public half of a PKCS#8 RSA private key, so a lost public-key.pem can be rewritten. */
    public static PublicKey publicKeyOf(PrivateKey privateKey) {
        if (!(privateKey instanceof RSAPrivateCrtKey)) {
            throw new IllegalArgumentException("not an RSA CRT private key: " + privateKey.getAlgorithm());
        }
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String toPem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    static byte[] fromPem(String pem, String label, Path source) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException(source + " has no '" + begin + "' block"
                    + (label.equals(PRIVATE_LABEL) && pem.contains("BEGIN RSA PRIVATE KEY")
                    ? " (it is PKCS#1; convert with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out private-key.pem)" : ""));
        }
        String base64 = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file, e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the platform's defaults apply
        }
    }
}
