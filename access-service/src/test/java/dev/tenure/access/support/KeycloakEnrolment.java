package dev.tenure.access.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenure.access.idp.KeycloakConnector;
import dev.tenure.peers.KeycloakServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A person as Keycloak holds them after enrolment — a password and a TOTP credential — and signed in, for the
 * identity-provider tests: the user imported through the realm's {@code partialImport} admin API (the only way to give a
 * user a known OTP secret without a browser), TOTP codes computed here (RFC 6238), sign-ins by the password grant on
 * the realm's public login client, and what the admin API says about the user.
 */
public final class KeycloakEnrolment {

    /** The TOTP secret every imported user gets; Keycloak keys the HMAC with its UTF-8 bytes. */
    public static final String OTP_SECRET = "tenure-test-otp-secret-20";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakServer keycloak;
    private final String realm;
    private final String loginClientId;

    public KeycloakEnrolment(KeycloakServer keycloak, String realm) {
        this.keycloak = keycloak;
        this.realm = realm;
        this.loginClientId = KeycloakServer.LOGIN_CLIENT;
    }

    /**
     * Imports {@code user} (a user representation; an existing user with its {@code id} is replaced, keeping the id)
     * with {@code password} and the TOTP credential, and no required action: enrolment done.
     */
    public void importWithPasswordAndOtp(ObjectNode user, String password) {
        ObjectNode enrolled = user.deepCopy();
        enrolled.putArray("requiredActions");
        ArrayNode credentials = enrolled.putArray("credentials");
        ObjectNode pw = credentials.addObject();
        pw.put("type", "password");
        pw.put("value", password);
        pw.put("temporary", false);
        ObjectNode otp = credentials.addObject();
        otp.put("type", "otp");
        otp.put("userLabel", "phone");
        try {
            otp.put("secretData", JSON.writeValueAsString(Map.of("value", OTP_SECRET)));
            otp.put("credentialData", JSON.writeValueAsString(Map.of("subType", "totp", "digits", 6, "period", 30,
                    "algorithm", "HmacSHA1", "counter", 0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode partial = JSON.createObjectNode();
        partial.put("ifResourceExists", "OVERWRITE");
        partial.putArray("users").add(enrolled);
        KeycloakServer.Answer answer = keycloak.admin("POST", "/" + realm + "/partialImport", partial.toString());
        if (answer.status() != 200) {
            throw new AssertionError("partialImport of " + user.path("username") + ": HTTP " + answer.status() + " "
                    + answer.body());
        }
    }

    /** The password grant with a current TOTP code, as a person signing in on a device would. */
    public KeycloakServer.Answer signIn(String username, String password) {
        return keycloak.postForm(tokenUrl(), Map.of("grant_type", "password", "client_id", loginClientId,
                "username", username, "password", password, "totp", totp(Instant.now()), "scope", "openid"));
    }

    public KeycloakServer.Answer refresh(String refreshToken) {
        return keycloak.postForm(tokenUrl(), Map.of("grant_type", "refresh_token", "client_id", loginClientId,
                "refresh_token", refreshToken));
    }

    /** The user whose {@code tenurePersonId} is {@code personId}, as the admin API shows it. */
    public Optional<JsonNode> user(String personId) {
        JsonNode users = json(keycloak.admin("GET", "/" + realm + "/users?briefRepresentation=false&q="
                + KeycloakConnector.PERSON_ID + ":" + personId, null));
        for (JsonNode user : users) {
            if (texts(user.path("attributes").path(KeycloakConnector.PERSON_ID)).contains(personId)) {
                return Optional.of(user);
            }
        }
        return Optional.empty();
    }

    public List<String> credentialTypes(String userId) {
        List<String> types = new ArrayList<>();
        json(keycloak.admin("GET", "/" + realm + "/users/" + userId + "/credentials", null))
                .forEach(c -> types.add(c.path("type").asText()));
        return types;
    }

    public int sessions(String userId) {
        return json(keycloak.admin("GET", "/" + realm + "/users/" + userId + "/sessions", null)).size();
    }

    /** RFC 6238 TOTP (HMAC-SHA1, 30 s steps, 6 digits) of {@link #OTP_SECRET} at {@code at}. */
    public static String totp(Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(OTP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(at.getEpochSecond() / 30).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(KeycloakServer.Answer answer) {
        if (!answer.ok()) {
            throw new AssertionError("HTTP " + answer.status() + " " + answer.body());
        }
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(e -> texts.add(e.asText()));
        return texts;
    }

    private String tokenUrl() {
        return keycloak.baseUrl() + "/realms/" + realm + "/protocol/openid-connect/token";
    }
}
