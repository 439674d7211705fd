package dev.tenure.testkit;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Signed bearer tokens for test callers of any service, from one RS256 key pair per test JVM: the service under test
 * verifies them with {@link #publicKeyFile()} through its production code path ({@link #serviceConfig()} gives the
 * two settings).
 */
public final class TestTokens {

    public static final String ISSUER = "https://tenure.test/issuer";
    private static final KeyPair KEYS = generate();
    private static Path publicKeyFile;

    private TestTokens() {
    }

    /** A token for {@code subject} in one role ({@code groups} claim), with an optional agency claim. */
    public static String sign(String subject, String role, String agency) {
        JwtClaimsBuilder builder = Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(role))
                .expiresIn(Duration.ofMinutes(30));
        if (agency != null) {
            builder.claim("agency", agency);
        }
        return builder.sign(KEYS.getPrivate());
    }

    /** A token signed with the trusted key that expired an hour ago. */
    public static String expired(String subject, String role) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(ISSUER).subject(subject).groups(Set.of(role)).issuedAt(now - 7200).expiresAt(now - 3600)
                .sign(KEYS.getPrivate());
    }

    /** A well-formed token signed by a key no service trusts. */
    public static String forged(String subject, String role) {
        return Jwt.issuer(ISSUER).subject(subject).groups(Set.of(role)).expiresIn(Duration.ofMinutes(5))
                .sign(generate().getPrivate());
    }

    /** The settings that make a Quarkus service verify these tokens. */
    public static Map<String, String> serviceConfig() {
        return Map.of("mp.jwt.verify.publickey.location", publicKeyFile().toString(), "mp.jwt.verify.issuer", ISSUER);
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
