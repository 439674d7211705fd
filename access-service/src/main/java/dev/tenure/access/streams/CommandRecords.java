package dev.tenure.access.streams;

import dev.tenure.access.connector.AccessCommand.DeleteAccount;
import dev.tenure.access.connector.AccessCommand.EnsureAccount;
import dev.tenure.access.connector.AccessCommand.EnsureMembership;
import dev.tenure.access.connector.AccessCommand.RemoveMembership;
import dev.tenure.access.connector.AccessCommand.SetAccountEnabled;
import dev.tenure.access.connector.AccountProfile;
import dev.tenure.access.connector.GroupKind;
import dev.tenure.access.planning.Execution;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessGroupKind;
import dev.tenure.schemas.access.AccessOperation;
import dev.tenure.schemas.access.AccessStep;
import dev.tenure.schemas.access.AccountAttributes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Between the planner's {@link Execution} and the {@code access-commands} record, both ways. */
public final class CommandRecords {

    public static final String SOURCE = "access-service";

    private CommandRecords() {
    }

    public static AccessCommand toRecord(Execution execution, Instant plannedAt) {
        AccessCommand.Builder record = AccessCommand.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(execution.actionId().getBytes(StandardCharsets.UTF_8)).toString())
                .setOccurredAt(plannedAt)
                .setCausationId(execution.causationId())
                .setCorrelationId(execution.causationId())
                .setSource(SOURCE)
                .setActionId(execution.actionId())
                .setPersonId(execution.personId())
                .setAgency(execution.agency())
                .setTargetSystem(execution.target())
                .setEntitlement(execution.entitlementId())
                .setStep(AccessStep.valueOf(execution.step().name()))
                .setDueAt(execution.dueAt());
        dev.tenure.access.connector.AccessCommand command = execution.command();
        if (command instanceof EnsureAccount ensure) {
            AccountProfile p = ensure.profile();
            record.setOperation(AccessOperation.ENSURE_ACCOUNT).setEnabled(ensure.enabled())
                    .setAccount(AccountAttributes.newBuilder().setGivenName(p.givenName())
                            .setFamilyName(p.familyName()).setPreferredName(p.preferredName().orElse(null))
                            .setDepartment(p.department()).setJobTitle(p.jobTitle())
                            .setManagerPersonId(p.managerPersonId().orElse(null)).build());
        } else if (command instanceof SetAccountEnabled enabled) {
            record.setOperation(AccessOperation.SET_ACCOUNT_ENABLED).setEnabled(enabled.enabled());
        } else if (command instanceof EnsureMembership membership) {
            record.setOperation(AccessOperation.ENSURE_MEMBERSHIP).setGroup(membership.group())
                    .setGroupKind(AccessGroupKind.valueOf(membership.kind().name()));
        } else if (command instanceof RemoveMembership membership) {
            record.setOperation(AccessOperation.REMOVE_MEMBERSHIP).setGroup(membership.group());
        } else if (command instanceof DeleteAccount) {
            record.setOperation(AccessOperation.DELETE_ACCOUNT);
        }
        return record.build();
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
