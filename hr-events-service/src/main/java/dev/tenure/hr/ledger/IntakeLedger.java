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
import dev.tenure.schemas.hr.Position;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the intake accepted, rebuilt from {@code hr-lifecycle-events} itself: the topic is
 * the record of what was accepted, so the receipts (and with them idempotent resubmission) survive
 * a restart without a second store. Applying the same record twice changes nothing.
 *
 * <p>It lives in the heap, so it is kept compact (see {@link StoredReceipt}): about 200 bytes per accepted event and
 * as much per person (measured in the module README), which a 512 MiB heap holds for over a million events.
 */
public class IntakeLedger {

    /** Distinct agencies, types, submitters, departments, titles, locations and zones kept once each. */
    private static final int SHARED_TEXT_CAPACITY = 100_000;

    private final Map<Object, StoredReceipt> receipts = new ConcurrentHashMap<>();
    private final Map<String, PersonView> people = new ConcurrentHashMap<>();
    private final Interner interner = new Interner(SHARED_TEXT_CAPACITY);

    public Optional<Receipt> receipt(String eventId) {
        return Optional.ofNullable(receipts.get(keyOf(eventId))).map(stored -> stored.toReceipt(eventId));
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
        if (receipts.putIfAbsent(keyOf(event.getEventId()), new StoredReceipt(receipt, interner)) != null) {
            return false;
        }
        people.compute(event.getPersonId(), (id, view) -> {
            PersonView before = view == null ? PersonView.UNKNOWN : view;
            return next(before, event).withAgenciesOf(before);
        });
        return true;
    }

    /** An event id in its canonical UUID form is kept as a UUID (32 bytes instead of 80); any other id as text. */
    private static Object keyOf(String eventId) {
        if (eventId.length() == 36) {
            try {
                UUID uuid = UUID.fromString(eventId);
                if (uuid.toString().equals(eventId)) {
                    return uuid;
                }
            } catch (IllegalArgumentException notAUuid) {
                // kept as text
            }
        }
        return eventId;
    }

    /** The position with its few-valued text shared (the record's own copy is one of many equal strings). */
    private Position compact(Position position) {
        if (position == null) {
            return null;
        }
        return Position.newBuilder()
                .setAgency(interner.intern(position.getAgency()))
                .setDepartment(interner.intern(position.getDepartment()))
                .setJobCode(interner.intern(position.getJobCode()))
                .setJobTitle(interner.intern(position.getJobTitle()))
                .setLocation(interner.intern(position.getLocation()))
                .setTimeZone(interner.intern(position.getTimeZone()))
                .setManagerPersonId(interner.intern(position.getManagerPersonId()))
                .setEmploymentType(position.getEmploymentType())
                .build();
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
        } else if (payload instanceof dev.tenure.schemas.hr.VpnAccessRequested) {
            return "VPN_ACCESS";
        }
        return "UNKNOWN";
    }

    private PersonView next(PersonView view, HrLifecycleEvent event) {
        Object payload = event.getPayload();
        if (payload instanceof EmployeeJoined joined) {
            return new PersonView(joined.getStartDate(), null, compact(joined.getPosition()));
        } else if (payload instanceof EmployeeRehired rehired) {
            return new PersonView(rehired.getStartDate(), null, compact(rehired.getPosition()));
        } else if (payload instanceof EmployeeMoved moved) {
            return view.withPosition(compact(moved.getNewPosition()));
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
