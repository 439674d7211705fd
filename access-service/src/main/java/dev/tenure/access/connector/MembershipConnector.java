package dev.tenure.access.connector;

/** An {@link AccountConnector} to a target with groups, whose memberships it grants and revokes one at a time. */
public interface MembershipConnector extends AccountConnector {

    /** The person is a member of {@code group} (created as {@code kind} if the target allows and it is missing). */
    ChangeResult ensureMembership(String personId, String group, GroupKind kind) throws ConnectorException;

    /** The person is not a member of {@code group}. */
    ChangeResult removeMembership(String personId, String group) throws ConnectorException;
}
