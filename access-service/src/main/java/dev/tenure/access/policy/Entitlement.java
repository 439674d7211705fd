package dev.tenure.access.policy;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One piece of access the policy can grant.
 *
 * @param id       the policy's stable name for it, referenced by rules and by other entitlements' {@code requires}
 * @param kind     what it is
 * @param target   the target system that executes it: {@code directory}, a SCIM application id, {@code idp}, or
 *                 {@code manual:<app>} for an application with no API (the connector's {@code targetSystem()})
 * @param name     the group, list or application name in that target (for an account, mailbox or MFA: a label)
 * @param requires ids of the entitlements that must be granted before this one (and revoked after it)
 * @param manual   true when a person, not a connector, grants and revokes it
 */
public record Entitlement(String id, EntitlementKind kind, String target, String name, Set<String> requires,
                          boolean manual) {

    public Entitlement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(name, "name");
        // sorted, so iteration (and anything derived from it) is the same on every run
        requires = Collections.unmodifiableSet(new TreeSet<>(Objects.requireNonNull(requires, "requires")));
    }
}
