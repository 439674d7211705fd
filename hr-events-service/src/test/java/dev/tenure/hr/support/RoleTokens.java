package dev.tenure.hr.support;

/** Validly signed tokens that still do not make a Tenure caller (for the 403 "no-role" cases). */
public final class RoleTokens {

    private RoleTokens() {
    }

    /** Signed by the trusted key, but its only group is not a Tenure role. */
    public static String withoutATenureRole() {
        return Tokens.sign("intern-7", "employee", null);
    }

    /** A coordinator's token without the agency claim a coordinator must carry. */
    public static String coordinatorWithoutAgency() {
        return Tokens.sign("dpc-nowhere", "dpc", null);
    }
}
