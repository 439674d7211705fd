package dev.tenure.access.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import dev.tenure.access.connector.ConnectorException;
import org.junit.jupiter.api.Test;

class LdapFailuresTest {

    @Test
    void shouldRetryWhenTheDirectoryIsUnreachableBusyOrSlow() {
        for (ResultCode code : new ResultCode[] {ResultCode.SERVER_DOWN, ResultCode.CONNECT_ERROR, ResultCode.TIMEOUT,
                ResultCode.BUSY, ResultCode.UNAVAILABLE}) {
            assertThat(LdapFailures.classify("x", new LDAPException(code, "m")).retryable()).as(code.getName()).isTrue();
        }
    }

    @Test
    void shouldNotRetryWhatTheDirectoryRefused() {
        for (ResultCode code : new ResultCode[] {ResultCode.CONSTRAINT_VIOLATION, ResultCode.NO_SUCH_OBJECT,
                ResultCode.INSUFFICIENT_ACCESS_RIGHTS, ResultCode.INVALID_CREDENTIALS, ResultCode.UNWILLING_TO_PERFORM,
                ResultCode.OBJECT_CLASS_VIOLATION, ResultCode.STRONG_AUTH_REQUIRED}) {
            assertThat(LdapFailures.classify("x", new LDAPException(code, "m")).retryable()).as(code.getName())
                    .isFalse();
        }
    }

    @Test
    void shouldNameTheOperationTheResultCodeAndTheDirectorysDiagnostic() {
        ConnectorException e = LdapFailures.classify("add account jgarcia",
                new LDAPException(ResultCode.CONSTRAINT_VIOLATION, "0000052D: Constraint violation - check_password"));

        assertThat(e.getMessage()).isEqualTo("add account jgarcia failed: LDAP 19 (constraint violation):"
                + " 0000052D: Constraint violation - check_password");
        assertThat(e.getCause()).isInstanceOf(LDAPException.class);
    }
}
