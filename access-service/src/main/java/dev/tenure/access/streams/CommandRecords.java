package dev.tenure.access.streams;

import dev.tenure.access.connector.AccessCommand.DeleteAccount;
import dev.tenure.access.connector.AccessCommand.EndSessions;
import dev.tenure.access.connector.AccessCommand.EnsureAccount;
import dev.tenure.access.connector.AccessCommand.EnsureMembership;
import dev.tenure.access.connector.AccessCommand.RemoveMembership;
import dev.tenure.access.connector.AccessCommand.RevokeMfa;
import dev.tenure.access.connector.AccessCommand.SetAccountEnabled;
import dev.tenure.access.connector.AccountProfile;
import dev.tenure.access.connector.GroupKind;
import dev.tenure.access.planning.Execution;
import dev.tenure.access.planning.Execution.Step;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessGroupKind;
import dev.tenure.schemas.access.AccessOperation;
import dev.tenure.schemas.access.AccessStep;
import dev.tenure.schemas.access.AccountAttributes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Between the planner's {@link Execution} and the {@code access-commands} record, both ways. */
public final class CommandRecords {

    public static final String SOURCE = "access-service";

    private static final Map<Step, AccessStep> STEPS = new EnumMap<>(Step.class);

    static {
        for (Step step : Step.values()) {
            STEPS.put(step, AccessStep.valueOf(step.name()));
        }
    }

    private CommandRecords() {
    }

    public static AccessCommand toRecord(Execution execution, Instant plannedAt) {
        // Through the generated all-fields constructors, not the builders, which copy and check every field again: a
        // replay writes several commands per HR event, and the builders were a tenth of the planner's time. The
        // arguments follow the schema's field order; CommandRecordsTest reads every field back by name.
        dev.tenure.access.connector.AccessCommand command = execution.command();
        AccessOperation operation;
        Boolean enabled = null;
        String group = null;
        AccessGroupKind groupKind = null;
        AccountAttributes account = null;
        if (command instanceof EnsureAccount ensure) {
            AccountProfile p = ensure.profile();
            operation = AccessOperation.ENSURE_ACCOUNT;
            enabled = ensure.enabled();
            account = new AccountAttributes(p.givenName(), p.familyName(), p.preferredName().orElse(null),
                    p.department(), p.jobTitle(), p.managerPersonId().orElse(null));
        } else if (command instanceof SetAccountEnabled setEnabled) {
            operation = AccessOperation.SET_ACCOUNT_ENABLED;
            enabled = setEnabled.enabled();
        } else if (command instanceof EnsureMembership membership) {
            operation = AccessOperation.ENSURE_MEMBERSHIP;
            group = membership.group();
            groupKind = AccessGroupKind.valueOf(membership.kind().name());
        } else if (command instanceof RemoveMembership membership) {
            operation = AccessOperation.REMOVE_MEMBERSHIP;
            group = membership.group();
        } else if (command instanceof DeleteAccount) {
            operation = AccessOperation.DELETE_ACCOUNT;
        } else if (command instanceof RevokeMfa) {
            operation = AccessOperation.REVOKE_MFA;
        } else if (command instanceof EndSessions) {
            operation = AccessOperation.END_SESSIONS;
        } else {
            throw new IllegalArgumentException("unknown command " + command.getClass().getSimpleName());
        }
        String eventId = UUID.nameUUIDFromBytes(execution.actionId().getBytes(StandardCharsets.UTF_8)).toString();
        return new AccessCommand(eventId, plannedAt, execution.causationId(), execution.causationId(), SOURCE,
                execution.actionId(), execution.personId(), execution.agency(), execution.target(),
                execution.entitlementId(), STEPS.get(execution.step()), operation, enabled, group, groupKind, account,
                execution.dueAt());
    }

    /** The connector command a record asks for; a record this version cannot read is refused with the reason. */
    public static dev.tenure.access.connector.AccessCommand toCommand(AccessCommand record) {
        String person = record.getPersonId();
        switch (record.getOperation()) {
            case ENSURE_ACCOUNT:
                AccountAttributes a = required(record.getAccount(), "account");
                return new EnsureAccount(new AccountProfile(person, a.getGivenName(), a.getFamilyName(),
                        Optional.ofNullable(a.getPreferredName()), record.getAgency(), a.getDepartment(),
                        a.getJobTitle(), Optional.ofNullable(a.getManagerPersonId())),
                        required(record.getEnabled(), "enabled"));
            case SET_ACCOUNT_ENABLED:
                return new SetAccountEnabled(person, required(record.getEnabled(), "enabled"));
            case ENSURE_MEMBERSHIP:
                AccessGroupKind kind = required(record.getGroupKind(), "groupKind");
                if (kind == AccessGroupKind.UNKNOWN) {
                    throw new IllegalArgumentException("groupKind is UNKNOWN");
                }
                return new EnsureMembership(person, required(record.getGroup(), "group"), GroupKind.valueOf(kind.name()));
            case REMOVE_MEMBERSHIP:
                return new RemoveMembership(person, required(record.getGroup(), "group"));
            case DELETE_ACCOUNT:
                return new DeleteAccount(person);
            case REVOKE_MFA:
                return new RevokeMfa(person);
            case END_SESSIONS:
                return new EndSessions(person);
            default:
                throw new IllegalArgumentException("unknown operation " + record.getOperation());
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }
}
