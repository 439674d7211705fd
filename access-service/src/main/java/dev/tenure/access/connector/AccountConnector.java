package dev.tenure.access.connector;

import dev.tenure.access.connector.AccessCommand.DeleteAccount;
import dev.tenure.access.connector.AccessCommand.EndSessions;
import dev.tenure.access.connector.AccessCommand.EnsureAccount;
import dev.tenure.access.connector.AccessCommand.EnsureMembership;
import dev.tenure.access.connector.AccessCommand.RemoveMembership;
import dev.tenure.access.connector.AccessCommand.RevokeMfa;
import dev.tenure.access.connector.AccessCommand.SetAccountEnabled;

/**
 * A {@link Connector} to a target that holds people's accounts, with a method for each command it serves:
 * {@link #apply} calls it. A target with groups is a {@link MembershipConnector} too, the identity provider an
 * {@link IdentityProviderConnector}; a command the target does not serve fails permanently.
 */
public interface AccountConnector extends Connector {

    /** The account exists with this profile (created, or its attributes brought up to date), enabled or not. */
    ChangeResult ensureAccount(AccountProfile profile, boolean enabled) throws ConnectorException;

    /** The person's existing account is enabled (or disabled). */
    ChangeResult setAccountEnabled(String personId, boolean enabled) throws ConnectorException;

    /** The person has no account here. */
    ChangeResult deleteAccount(String personId) throws ConnectorException;

    /** The target as a refusal names it, e.g. {@code the directory (OpenLDAP)}. */
    String description();

    /**
     * Setting the state of an account the person does not have: disabling it is already so, enabling it cannot be done.
     *
     * @param where where the account was looked for, e.g. {@code under ou=people,dc=example}
     */
    static ChangeResult noAccount(String personId, boolean enabled, String where) throws ConnectorException {
        if (enabled) {
            throw ConnectorException.permanent("cannot enable: no account for person " + personId + " " + where, null);
        }
        return ChangeResult.alreadySo("no account for person " + personId + ": nothing to disable");
    }

    @Override
    default ChangeResult apply(AccessCommand command) throws ConnectorException {
        // Java 17: no pattern-matching switch over the sealed interface
        if (command instanceof EnsureAccount c) {
            return ensureAccount(c.profile(), c.enabled());
        } else if (command instanceof SetAccountEnabled c) {
            return setAccountEnabled(c.personId(), c.enabled());
        } else if (command instanceof DeleteAccount c) {
            return deleteAccount(c.personId());
        } else if (command instanceof EnsureMembership c && this instanceof MembershipConnector groups) {
            return groups.ensureMembership(c.personId(), c.group(), c.kind());
        } else if (command instanceof RemoveMembership c && this instanceof MembershipConnector groups) {
            return groups.removeMembership(c.personId(), c.group());
        } else if (command instanceof RevokeMfa c && this instanceof IdentityProviderConnector idp) {
            return idp.revokeMfa(c.personId());
        } else if (command instanceof EndSessions c && this instanceof IdentityProviderConnector idp) {
            return idp.endSessions(c.personId());
        }
        throw ConnectorException.permanent(command.getClass().getSimpleName() + " is not supported by "
                + description(), null);
    }
}
