package dev.tenure.access.connector;

import java.util.Objects;

/**
 * One change to make in one target system for one person. Each says the end state ("the account exists and is
 * disabled", "the person is a member of this group"), never a delta, so applying it twice is the same as once.
 */
public sealed interface AccessCommand {

    String personId();

    /** The account exists with this profile (created, or its attributes brought up to date), enabled or not. */
    record EnsureAccount(AccountProfile profile, boolean enabled) implements AccessCommand {
        public EnsureAccount {
            Objects.requireNonNull(profile, "profile");
        }

        @Override
        public String personId() {
            return profile.personId();
        }
    }

    /** The existing account is enabled (or disabled). */
    record SetAccountEnabled(String personId, boolean enabled) implements AccessCommand {
        public SetAccountEnabled {
            Objects.requireNonNull(personId, "personId");
        }
    }

    /** The person is a member of {@code group} (created as {@code kind} if the target allows and it is missing). */
    record EnsureMembership(String personId, String group, GroupKind kind) implements AccessCommand {
        public EnsureMembership {
            Objects.requireNonNull(personId, "personId");
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** The person is not a member of {@code group}. */
    record RemoveMembership(String personId, String group) implements AccessCommand {
        public RemoveMembership {
            Objects.requireNonNull(personId, "personId");
            Objects.requireNonNull(group, "group");
        }
    }

    /** The account does not exist (after the retention window; never under a legal hold — the planner checks). */
    record DeleteAccount(String personId) implements AccessCommand {
        public DeleteAccount {
            Objects.requireNonNull(personId, "personId");
        }
    }

    /** The person has no MFA credentials at the identity provider (one-time-password and WebAuthn ones removed). */
    record RevokeMfa(String personId) implements AccessCommand {
        public RevokeMfa {
            Objects.requireNonNull(personId, "personId");
        }
    }

    /** The person has no live sessions at the identity provider (all logged out; refresh tokens rejected after). */
    record EndSessions(String personId) implements AccessCommand {
        public EndSessions {
            Objects.requireNonNull(personId, "personId");
        }
    }
}
