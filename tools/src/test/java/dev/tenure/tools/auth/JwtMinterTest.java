package dev.tenure.tools.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtMinterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyPair KEYS = KeyPairFiles.generate();
    private static final Instant NOW = Instant.parse("2027-01-04T14:00:00Z");

    @Test
    void shouldSignATokenThatTheServicesPublicKeyVerifies(@TempDir Path dir) throws Exception {
        // Given a key pair written as the service and the callers would hold it
        KeyPairFiles.write(KEYS, dir, false);
        JwtMinter minter = JwtMinter.fromPemFile(dir.resolve(KeyPairFiles.PRIVATE_KEY_FILE), JwtMinter.DEFAULT_ISSUER);

        // When a token is minted
        String token = minter.mint(Caller.hris("workday"), Duration.ofMinutes(5));

        // Then its RS256 signature verifies with public-key.pem, and not once the payload is altered
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        PublicKey publicKey = KeyPairFiles.readPublicKey(dir.resolve(KeyPairFiles.PUBLIC_KEY_FILE));
        assertThat(verifies(publicKey, parts[0] + "." + parts[1], parts[2])).isTrue();
        String forgedPayload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(decode(parts[1]).replace("workday", "mallory").getBytes(StandardCharsets.UTF_8));
        assertThat(verifies(publicKey, parts[0] + "." + forgedPayload, parts[2])).isFalse();
        assertThat(verifies(KeyPairFiles.generate().getPublic(), parts[0] + "." + parts[1], parts[2])).isFalse();
    }

    @Test
    void shouldCarryTheSpecifiedClaims() throws Exception {
        JwtMinter minter = new JwtMinter(KEYS.getPrivate(), "https://tenure.local/issuer", null, Clock.fixed(NOW, ZoneOffset.UTC));

        String[] parts = minter.mint(Caller.hris("workday"), Duration.ofMinutes(30)).split("\\.");
        JsonNode header = JSON.readTree(decode(parts[0]));
        JsonNode claims = JSON.readTree(decode(parts[1]));

        assertThat(header.get("alg").asText()).isEqualTo("RS256");
        assertThat(header.get("typ").asText()).isEqualTo("JWT");
        assertThat(claims.get("iss").asText()).isEqualTo("https://tenure.local/issuer");
        assertThat(claims.get("sub").asText()).isEqualTo("workday");
        assertThat(claims.get("upn").asText()).isEqualTo("workday");
        assertThat(claims.get("groups").isArray()).isTrue();
        assertThat(claims.get("groups").get(0).asText()).isEqualTo("hris");
        assertThat(claims.get("groups")).hasSize(1);
        assertThat(claims.has("agency")).isFalse();
        assertThat(claims.has("aud")).isFalse();
        assertThat(claims.get("iat").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.get("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 1800);
        assertThat(claims.get("jti").asText()).matches("[0-9a-f-]{36}");
        assertThat(parts[0] + parts[1] + parts[2]).doesNotContain("=", "+", "/");
    }

    @Test
    void shouldNameTheAgencyOfACoordinatorAndAFreshIdEachTime() throws Exception {
        JwtMinter minter = new JwtMinter(KEYS.getPrivate(), "https://issuer.example", "tenure-intake", Clock.fixed(NOW, ZoneOffset.UTC));

        JsonNode first = JSON.readTree(decode(minter.mint(Caller.coordinator("dpc-dor", "DOR"), Duration.ofMinutes(5)).split("\\.")[1]));
        JsonNode second = JSON.readTree(decode(minter.mint(Caller.coordinator("dpc-dor", "DOR"), Duration.ofMinutes(5)).split("\\.")[1]));

        assertThat(first.get("groups").get(0).asText()).isEqualTo("dpc");
        assertThat(first.get("agency").asText()).isEqualTo("DOR");
        assertThat(first.get("aud").asText()).isEqualTo("tenure-intake");
        assertThat(first.get("jti").asText()).isNotEqualTo(second.get("jti").asText());
    }

    @Test
    void shouldRefuseACoordinatorWithoutAnAgency() {
        assertThatThrownBy(() -> Caller.coordinator("dpc-x", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Caller(" ", List.of("hris"), null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean verifies(PublicKey key, String signingInput, String signature) throws Exception {
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return rs256.verify(Base64.getUrlDecoder().decode(signature));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
