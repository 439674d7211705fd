package dev.tenure.equipment.streams;

import dev.tenure.equipment.domain.LifecycleEvent;
import dev.tenure.equipment.domain.catalogue.PersonProfile;
import dev.tenure.schemas.hr.EmployeeJoined;
import dev.tenure.schemas.hr.EmployeeLeft;
import dev.tenure.schemas.hr.EmployeeMoved;
import dev.tenure.schemas.hr.EmployeeRehired;
import dev.tenure.schemas.hr.EndDateChanged;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.hr.JoinerCancelled;
import dev.tenure.schemas.hr.LeaverCancelled;
import dev.tenure.schemas.hr.Position;
import dev.tenure.schemas.hr.StartDateChanged;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The HR envelope as the equipment rules read it. Every payload type of the union is named here; one without an
 * equipment rule (a VPN request) becomes {@link LifecycleEvent.NoEquipmentEffect}, said so by its type name.
 */
public final class LifecycleTranslator {

    private LifecycleTranslator() {
    }

    public static LifecycleEvent translate(HrLifecycleEvent envelope) {
        ZoneId zone = zone(envelope.getTimeZone());
        return new LifecycleEvent(envelope.getEventId(), envelope.getPersonId(), envelope.getAgency(),
                envelope.getCorrelationId(), zone, change(envelope, zone));
    }

    private static LifecycleEvent.Change change(HrLifecycleEvent envelope, ZoneId zone) {
        Object payload = envelope.getPayload();
        if (payload instanceof EmployeeJoined joined) {
            return new LifecycleEvent.Joined(joined.getStartDate(), profile(joined.getPosition(), zone));
        }
        if (payload instanceof EmployeeRehired rehired) {
            return new LifecycleEvent.Rehired(rehired.getStartDate(), profile(rehired.getPosition(), zone));
        }
        if (payload instanceof EmployeeMoved moved) {
            return new LifecycleEvent.Moved(moved.getEffectiveDate(), profile(moved.getNewPosition(), zone),
                    moved.getPreviousPosition() == null ? null : profile(moved.getPreviousPosition(), zone));
        }
        if (payload instanceof EmployeeLeft left) {
            return new LifecycleEvent.Left(left.getEndDate(), left.getImmediate());
        }
        if (payload instanceof StartDateChanged changed) {
            return new LifecycleEvent.StartDateChanged(changed.getNewStartDate());
        }
        if (payload instanceof EndDateChanged changed) {
            return new LifecycleEvent.EndDateChanged(changed.getNewEndDate());
        }
        if (payload instanceof JoinerCancelled cancelled) {
            return new LifecycleEvent.JoinerCancelled(cancelled.getReason().name());
        }
        if (payload instanceof LeaverCancelled cancelled) {
            return new LifecycleEvent.LeaverCancelled(cancelled.getReason());
        }
        return new LifecycleEvent.NoEquipmentEffect(payload == null ? "none" : payload.getClass().getSimpleName());
    }

    /** The position's attributes; the person's zone is the envelope's (the intake checked it). */
    private static PersonProfile profile(Position position, ZoneId zone) {
        return new PersonProfile(position.getAgency(), position.getDepartment(), position.getJobCode(),
                position.getJobTitle(), position.getLocation(), position.getEmploymentType().name(), zone.getId());
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException | NullPointerException e) {
            return ZoneOffset.UTC; // the intake refuses unknown zones; a record from elsewhere falls back to UTC
        }
    }
}
