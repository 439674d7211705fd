package dev.tenure.access.directory;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import dev.tenure.access.connector.ConnectorException;
import java.util.Set;

/**
 * Sorts LDAP failures into retryable (the directory is unreachable, busy, or too slow: trying again later can
 * succeed) and permanent (the directory refused the change and will refuse it again: constraint violations, missing
 * objects, insufficient access, wrong credentials). The reason names the operation, the LDAP result code and the
 * directory's diagnostic message (AD's "data 533" and the like live there).
 */
public final class LdapFailures {

    /** Result codes worth retrying; every other code is permanent. */
    static final Set<ResultCode> RETRYABLE = Set.of(
            ResultCode.SERVER_DOWN,              // 81: connection lost or refused
            ResultCode.CONNECT_ERROR,            // 91: cannot connect (also: no pooled connection in time)
            ResultCode.TIMEOUT,                  // 85: no response within the response timeout
            ResultCode.TIME_LIMIT_EXCEEDED,      // 3: the server's own time limit
            ResultCode.BUSY,                     // 51
            ResultCode.UNAVAILABLE,              // 52: e.g. a DC that is starting or shutting down
            ResultCode.LOCAL_ERROR,              // 82: client side, mostly a broken connection
            ResultCode.NO_MEMORY,                // 90: client side
            ResultCode.DECODING_ERROR,           // 84: a garbled response on a failing connection
            ResultCode.ENCODING_ERROR);          // 83

    private LdapFailures() {
    }

    public static boolean isRetryable(ResultCode code) {
        return RETRYABLE.contains(code);
    }

    /** The exception to throw for {@code e} while doing {@code what} (e.g. "add account jgarcia"). */
    public static ConnectorException classify(String what, LDAPException e) {
        return new ConnectorException(reason(what, e), isRetryable(e.getResultCode()), e);
    }

    static String reason(String what, LDAPException e) {
        ResultCode code = e.getResultCode();
        String diagnostic = e.getDiagnosticMessage();
        if (diagnostic == null || diagnostic.isBlank()) {
            diagnostic = e.getMessage();
        }
        return what + " failed: LDAP " + code.intValue() + " (" + code.getName() + ")"
                + (diagnostic == null || diagnostic.isBlank() ? "" : ": " + diagnostic.trim());
    }
}
