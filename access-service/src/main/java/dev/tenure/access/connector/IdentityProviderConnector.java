package dev.tenure.access.connector;

/** An {@link AccountConnector} to the identity provider, which also cuts a leaver's second factor and sessions. */
public interface IdentityProviderConnector extends AccountConnector {

    /** The person has no MFA credentials (one-time-password and WebAuthn ones removed). */
    ChangeResult revokeMfa(String personId) throws ConnectorException;

    /** The person has no live sessions (all logged out; refresh tokens rejected after). */
    ChangeResult endSessions(String personId) throws ConnectorException;
}
