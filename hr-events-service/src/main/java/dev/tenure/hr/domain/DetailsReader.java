package dev.tenure.hr.domain;

import static dev.tenure.hr.domain.SubmissionField.CANCELLED_EVENT_ID;
import static dev.tenure.hr.domain.SubmissionField.CANCEL_REASON;
import static dev.tenure.hr.domain.SubmissionField.CHANGED_ATTRIBUTES;
import static dev.tenure.hr.domain.SubmissionField.CONTACT_EMAIL;
import static dev.tenure.hr.domain.SubmissionField.CONTACT_NAME;
import static dev.tenure.hr.domain.SubmissionField.DEPARTMENT;
import static dev.tenure.hr.domain.SubmissionField.EMPLOYMENT_TYPE;
import static dev.tenure.hr.domain.SubmissionField.FAMILY_NAME;
import static dev.tenure.hr.domain.SubmissionField.GIVEN_NAME;
import static dev.tenure.hr.domain.SubmissionField.IMMEDIATE;
import static dev.tenure.hr.domain.SubmissionField.JOB_CODE;
import static dev.tenure.hr.domain.SubmissionField.JOB_TITLE;
import static dev.tenure.hr.domain.SubmissionField.LEAVE_REASON;
import static dev.tenure.hr.domain.SubmissionField.LOCATION;
import static dev.tenure.hr.domain.SubmissionField.MANAGER_PERSON_ID;
import static dev.tenure.hr.domain.SubmissionField.PREFERRED_NAME;
import static dev.tenure.hr.domain.SubmissionField.PREVIOUS_DATE;
import static dev.tenure.hr.domain.SubmissionField.REASON;
import static dev.tenure.hr.domain.SubmissionField.TRANSFER;
import static dev.tenure.hr.domain.SubmissionField.VPN_ACTION;

import dev.tenure.hr.domain.LifecycleSubmission.Contact;
import dev.tenure.hr.domain.LifecycleSubmission.DateChange;
import dev.tenure.hr.domain.LifecycleSubmission.Details;
import dev.tenure.hr.domain.LifecycleSubmission.Hire;
import dev.tenure.hr.domain.LifecycleSubmission.JoinerCancellation;
import dev.tenure.hr.domain.LifecycleSubmission.Leave;
import dev.tenure.hr.domain.LifecycleSubmission.LeaverCancellation;
import dev.tenure.hr.domain.LifecycleSubmission.Move;
import dev.tenure.hr.domain.LifecycleSubmission.Person;
import dev.tenure.hr.domain.LifecycleSubmission.Position;
import dev.tenure.hr.domain.LifecycleSubmission.PositionChange;
import dev.tenure.hr.domain.LifecycleSubmission.VpnRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** Reads the {@link Details} of one event type; every field is read, so every problem is reported. */
final class DetailsReader {

    static final String MOVER_NEEDS_A_CHANGE =
            "a MOVER needs at least one of department, jobCode, jobTitle, location, managerPersonId, employmentType";

    private static final EnumValues<EmploymentType> EMPLOYMENT_TYPES = EnumValues.of(EmploymentType.class);
    private static final EnumValues<LeaveReason> LEAVE_REASONS = EnumValues.of(LeaveReason.class);
    private static final EnumValues<PositionAttribute> ATTRIBUTES = EnumValues.of(PositionAttribute.class);
    private static final EnumValues<JoinerCancellationReason> CANCELLATION_REASONS =
            EnumValues.of(JoinerCancellationReason.class);
    private static final EnumValues<VpnAction> VPN_ACTIONS = EnumValues.of(VpnAction.class);

    private DetailsReader() {}

    /** The details, or null when a field they need is missing or wrong (its error is then in {@code in}). */
    static Details read(EventType type, FieldReader in) {
        return switch (type) {
            case JOINER, REHIRE -> hire(in);
            case MOVER -> move(in);
            case LEAVER -> leave(in);
            case START_DATE_CHANGED, END_DATE_CHANGED -> dateChange(in);
            case JOINER_CANCELLED -> joinerCancellation(in);
            case LEAVER_CANCELLED -> leaverCancellation(in);
            case VPN_ACCESS -> vpnRequest(in);
        };
    }

    /** Without a known type, still reads every field as its own kind, to report every format problem at once. */
    static void readFormatsOnly(FieldReader in) {
        hire(in);
        positionChange(in);
        in.oneOf(LEAVE_REASON, LEAVE_REASONS);
        in.flag(IMMEDIATE);
        in.date(PREVIOUS_DATE);
        in.flag(TRANSFER);
        in.listOf(CHANGED_ATTRIBUTES, ATTRIBUTES);
        in.text(CANCEL_REASON);
        in.uuid(CANCELLED_EVENT_ID);
        in.oneOf(VPN_ACTION, VPN_ACTIONS);
        in.text(REASON);
    }

    private static Hire hire(FieldReader in) {
        Optional<String> givenName = in.text(GIVEN_NAME);
        Optional<String> familyName = in.text(FAMILY_NAME);
        Optional<String> preferredName = in.text(PREFERRED_NAME);
        Optional<String> department = in.text(DEPARTMENT);
        Optional<String> jobCode = in.text(JOB_CODE);
        Optional<String> jobTitle = in.text(JOB_TITLE);
        Optional<String> location = in.text(LOCATION);
        Optional<String> manager = in.id(MANAGER_PERSON_ID);
        Optional<EmploymentType> employmentType = in.oneOf(EMPLOYMENT_TYPE, EMPLOYMENT_TYPES);
        Optional<String> contactName = in.text(CONTACT_NAME);
        Optional<String> contactEmail = in.email(CONTACT_EMAIL);
        if (Stream.of(givenName, familyName, department, jobCode, jobTitle, location, employmentType, contactName,
                        contactEmail)
                .anyMatch(Optional::isEmpty)) {
            return null;
        }
        return new Hire(
                new Person(givenName.get(), familyName.get(), preferredName),
                new Position(department.get(), jobCode.get(), jobTitle.get(), location.get(), manager,
                        employmentType.get()),
                new Contact(contactName.get(), contactEmail.get()));
    }

    private static Move move(FieldReader in) {
        PositionChange change = positionChange(in);
        boolean transfer = in.flag(TRANSFER);
        List<PositionAttribute> changed = in.listOf(CHANGED_ATTRIBUTES, ATTRIBUTES);
        if (transfer && !changed.isEmpty() && !changed.contains(PositionAttribute.AGENCY)) {
            in.reject(CHANGED_ATTRIBUTES, "must include AGENCY for a transfer");
        } else if (!transfer && changed.contains(PositionAttribute.AGENCY) && !in.hasError(TRANSFER)) {
            in.reject(TRANSFER, "must be true when AGENCY changes");
        }
        if (change == null) {
            if (Stream.of(DEPARTMENT, JOB_CODE, JOB_TITLE, LOCATION, MANAGER_PERSON_ID, EMPLOYMENT_TYPE)
                    .noneMatch(in::isPresent)) {
                in.reject(SubmissionField.TYPE, MOVER_NEEDS_A_CHANGE);
            }
            return null;
        }
        return new Move(change, changed, transfer);
    }

    private static PositionChange positionChange(FieldReader in) {
        Optional<String> department = in.text(DEPARTMENT);
        Optional<String> jobCode = in.text(JOB_CODE);
        Optional<String> jobTitle = in.text(JOB_TITLE);
        Optional<String> location = in.text(LOCATION);
        Optional<String> manager = in.id(MANAGER_PERSON_ID);
        Optional<EmploymentType> employmentType = in.oneOf(EMPLOYMENT_TYPE, EMPLOYMENT_TYPES);
        if (Stream.of(department, jobCode, jobTitle, location, manager, employmentType).allMatch(Optional::isEmpty)) {
            return null;
        }
        return new PositionChange(department, jobCode, jobTitle, location, manager, employmentType);
    }

    private static Leave leave(FieldReader in) {
        Optional<LeaveReason> reason = in.oneOf(LEAVE_REASON, LEAVE_REASONS);
        boolean immediate = in.flag(IMMEDIATE);
        return reason.map(r -> new Leave(r, immediate)).orElse(null);
    }

    private static DateChange dateChange(FieldReader in) {
        Optional<LocalDate> previous = in.date(PREVIOUS_DATE);
        return in.hasError(PREVIOUS_DATE) ? null : new DateChange(previous);
    }

    private static JoinerCancellation joinerCancellation(FieldReader in) {
        Optional<JoinerCancellationReason> reason = in.oneOf(CANCEL_REASON, CANCELLATION_REASONS);
        Optional<UUID> cancelled = in.uuid(CANCELLED_EVENT_ID);
        return reason.map(r -> new JoinerCancellation(r, cancelled)).orElse(null);
    }

    private static LeaverCancellation leaverCancellation(FieldReader in) {
        Optional<String> reason = in.text(CANCEL_REASON);
        Optional<UUID> cancelled = in.uuid(CANCELLED_EVENT_ID);
        return new LeaverCancellation(reason, cancelled);
    }

    private static VpnRequest vpnRequest(FieldReader in) {
        Optional<VpnAction> action = in.oneOf(VPN_ACTION, VPN_ACTIONS);
        Optional<String> reason = in.text(REASON);
        return action.map(a -> new VpnRequest(a, reason)).orElse(null);
    }
}
