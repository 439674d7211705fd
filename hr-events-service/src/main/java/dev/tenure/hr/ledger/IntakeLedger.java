package dev.tenure.hr.ledger;

import dev.tenure.schemas.hr.EmployeeJoined;
import dev.tenure.schemas.hr.EmployeeLeft;
import dev.tenure.schemas.hr.EmployeeMoved;
import dev.tenure.schemas.hr.EmployeeRehired;
import dev.tenure.schemas.hr.EndDateChanged;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.hr.JoinerCancelled;
import dev.tenure.schemas.hr.LeaverCancelled;
import dev.tenure.schemas.hr.StartDateChanged;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the intake accepted, rebuilt from {@code hr-lifecycle-events} itself: the topic is
 * the record of what was accepted, so the receipts (and with them idempotent resubmission) survive
 * a restart without a second store. Applying the same record twice changes nothing.
 */
public class IntakeLedger {

    private final Map<String, Receipt> receipts = new ConcurrentHashMap<>();
    private final Map<String, PersonView> people = new ConcurrentHashMap<>();

    public Optional<Receipt> receipt(String eventId) {
        return Optional.ofNullable(receipts.get(eventId));
    }

    public Optional<PersonView> person(String personId) {
        return Optional.ofNullable(people.get(personId));
    }

    public int size() {
        return receipts.size();
    }

    /** Records an accepted event; returns false when it was already recorded. */
    public boolean apply(HrLifecycleEvent event, int partition, long offset) {
        Receipt receipt = new Receipt(event.getEventId(), event.getPersonId(), typeOf(event), event.getAgency(),
                event.getSubmittedBy().getPrincipal(), event.getSubmittedAt(), event.getEffectiveDate(),
                event.getNoticeDays(), event.getLateSubmission(), event.getContentDigest(), partition, offset);
        if (receipts.putIfAbsent(event.getEventId(), receipt) != null) {
            return false;
        }
        people.compute(event.getPersonId(), (id, view) -> next(view == null ? PersonView.UNKNOWN : view, event));
        return true;
    }

    /** The wire name of an event's type, as clients submit it. */
    public static String typeOf(HrLifecycleEvent event) {
        Object payload = event.getPayload();
        if (payload instanceof EmployeeJoined) {
            return "JOINER";
        } else if (payload instanceof EmployeeMoved) {
            return "MOVER";
        } else if (payload instanceof EmployeeLeft) {
            return "LEAVER";
        } else if (payload instanceof StartDateChanged) {
            return "START_DATE_CHANGED";
        } else if (payload instanceof EndDateChanged) {
            return "END_DATE_CHANGED";
        } else if (payload instanceof JoinerCancelled) {
            return "JOINER_CANCELLED";
        } else if (payload instanceof LeaverCancelled) {
            return "LEAVER_CANCELLED";
        } else if (payload instanceof EmployeeRehired) {
            return "REHIRE";
        }
        return "UNKNOWN";
    }

    private static PersonView next(PersonView view, HrLifecycleEvent event) {
        Object payload = event.getPayload();
        if (payload instanceof EmployeeJoined joined) {
            return new PersonView(joined.getStartDate(), null, joined.getPosition());
        } else if (payload instanceof EmployeeRehired rehired) {
            return new PersonView(rehired.getStartDate(), null, rehired.getPosition());
        } else if (payload instanceof EmployeeMoved moved) {
            return view.withPosition(moved.getNewPosition());
        } else if (payload instanceof EmployeeLeft left) {
            return view.withEnd(left.getEndDate());
        } else if (payload instanceof StartDateChanged changed) {
            return view.withStart(changed.getNewStartDate());
        } else if (payload instanceof EndDateChanged changed) {
            return view.withEnd(changed.getNewEndDate());
        } else if (payload instanceof JoinerCancelled) {
            return view.withStart((LocalDate) null);
        } else if (payload instanceof LeaverCancelled) {
            return view.withEnd((LocalDate) null);
        }
        return view;
    }
}
