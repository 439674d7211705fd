package dev.tenure.hr.support;

import dev.tenure.testkit.TestTokens;
import java.nio.file.Path;

/** The intake's test callers, signed by the test kit's key pair (see {@link TestTokens}). */
public final class Tokens {

    public static final String ISSUER = TestTokens.ISSUER;

    private Tokens() {
    }

    public static String hris() {
        return sign("workday", "hris", null);
    }

    public static String coordinator(String agency) {
        return sign("dpc-" + agency.toLowerCase(), "dpc", agency);
    }

    public static String dso(String agency) {
        return sign("dso-" + agency.toLowerCase(), "dso", agency);
    }

    public static String auditor() {
        return sign("auditor-1", "auditor", null);
    }

    /** A token signed by a key the service does not trust. */
    public static String forged() {
        return TestTokens.forged("mallory", "hris");
    }

    public static String expired() {
        return TestTokens.expired("workday", "hris");
    }

    static String sign(String subject, String group, String agency) {
        return TestTokens.sign(subject, group, agency);
    }

    public static Path publicKeyFile() {
        return TestTokens.publicKeyFile();
    }
}
