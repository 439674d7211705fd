package dev.tenure.tools.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Signs the bearer tokens the intake accepts: a compact JWS, RS256 over the header and claims, with
 * nothing but the JDK. Claims: {@code iss}, {@code sub} (and {@code upn}, the same name, which
 * MicroProfile JWT prefers for the principal), {@code groups}, {@code agency} when the caller has
 * one, {@code aud} when configured, {@code iat}, {@code exp} and a fresh {@code jti}.
 */
public final class JwtMinter {

    public static final String DEFAULT_ISSUER = "https://tenure.local/issuer";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = BASE64URL.encodeToString(
            "{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final PrivateKey key;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    public JwtMinter(PrivateKey key, String issuer, String audience, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = audience;
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!"RSA".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("RS256 needs an RSA key, was " + key.getAlgorithm());
        }
    }

    public JwtMinter(PrivateKey key, String issuer) {
        this(key, issuer, null, Clock.systemUTC());
    }

    /** A minter for the PKCS#8 PEM private key in {@code privateKeyPem}. */
    public static JwtMinter fromPemFile(Path privateKeyPem, String issuer) {
        return new JwtMinter(KeyPairFiles.readPrivateKey(privateKeyPem), issuer);
    }

    /** A token for {@code caller}, valid from now for {@code ttl}. */
    public String mint(Caller caller, Duration ttl) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", caller.subject());
        claims.put("upn", caller.subject());
        claims.put("groups", caller.groups());
        if (caller.agency() != null) {
            claims.put("agency", caller.agency());
        }
        if (audience != null) {
            claims.put("aud", audience);
        }
        claims.put("iat", now);
        claims.put("exp", now + Math.max(1, ttl.getSeconds()));
        claims.put("jti", UUID.randomUUID().toString());
        String signingInput = HEADER + "." + BASE64URL.encodeToString(toJson(claims));
        return signingInput + "." + BASE64URL.encodeToString(sign(signingInput));
    }

    private byte[] sign(String signingInput) {
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return rs256.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with SHA256withRSA", e);
        }
    }

    private static byte[] toJson(Map<String, Object> claims) {
        try {
            return JSON.writeValueAsBytes(claims);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
