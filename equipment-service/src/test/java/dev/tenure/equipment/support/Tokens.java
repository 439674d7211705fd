package dev.tenure.equipment.support;

import dev.tenure.testkit.TestTokens;
import java.nio.file.Path;

/** The equipment service's test callers, signed by the test kit's key pair (see {@link TestTokens}). */
public final class Tokens {

    public static final String ISSUER = TestTokens.ISSUER;

    private Tokens() {
    }

    /** A deskside team member, recorded as the actor of their steps. */
    public static String deskside(String name) {
        return TestTokens.sign(name, "deskside", null);
    }

    public static String deskside() {
        return deskside("deskside-ann");
    }

    public static String auditor() {
        return TestTokens.sign("auditor-1", "auditor", null);
    }

    /** Valid, but an HR system's role: not one that may read or record equipment. */
    public static String hris() {
        return TestTokens.sign("workday", "hris", null);
    }

    /** A token signed by a key the service does not trust. */
    public static String forged() {
        return TestTokens.forged("mallory", "deskside");
    }

    public static String expired() {
        return TestTokens.expired("deskside-ann", "deskside");
    }

    public static Path publicKeyFile() {
        return TestTokens.publicKeyFile();
    }
}
