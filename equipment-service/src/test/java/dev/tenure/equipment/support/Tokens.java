package dev.tenure.equipment.support;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/** Signed bearer tokens for test callers, from a key pair made once per test JVM. */
public final class Tokens {

    public static final String ISSUER = "https://tenure.test/issuer";
    private static final KeyPair KEYS = generate();
    private static Path publicKeyFile;

    private Tokens() {
    }

    /** A deskside team member, recorded as the actor of their steps. */
    public static String deskside(String name) {
        return sign(name, "deskside", null);
    }

    public static String deskside() {
        return deskside("deskside-ann");
    }

    public static String auditor() {
        return sign("auditor-1", "auditor", null);
    }

    /** Valid, but an HR system's role: not one that may read or record equipment. */
    public static String hris() {
        return sign("workday", "hris", null);
    }

    /** A token signed by a key the service does not trust. */
    public static String forged() {
        return Jwt.issuer(ISSUER).subject("mallory").groups(Set.of("hris")).expiresIn(Duration.ofMinutes(5))
                .sign(generate().getPrivate());
    }

    public static String expired() {
        return Jwt.issuer(ISSUER).subject("workday").groups(Set.of("hris"))
                .issuedAt(System.currentTimeMillis() / 1000 - 7200).expiresAt(System.currentTimeMillis() / 1000 - 3600)
                .sign(KEYS.getPrivate());
    }

    static String sign(String subject, String group, String agency) {
        var builder = Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(group))
                .expiresIn(Duration.ofMinutes(30));
        if (agency != null) {
            builder.claim("agency", agency);
        }
        return builder.sign(KEYS.getPrivate());
    }

    public static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = Files.createTempFile("tenure-test-public-key", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                Files.writeString(publicKeyFile, "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
