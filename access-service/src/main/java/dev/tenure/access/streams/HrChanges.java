package dev.tenure.access.streams;

import dev.tenure.access.planning.HrChange;
import dev.tenure.access.planning.PersonFacts;
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
import dev.tenure.schemas.hr.VpnAccessRequested;
import dev.tenure.schemas.hr.VpnAction;
import java.util.Optional;

/** Reads the {@code hr-lifecycle-events} envelope as the planner's {@link HrChange}. */
final class HrChanges {

    private HrChanges() {
    }

    /** The change, or empty for a payload the planner has nothing to do with. */
    static Optional<HrChange> from(HrLifecycleEvent event) {
        String id = event.getEventId();
        String person = event.getPersonId();
        String zone = event.getTimeZone();
        Object payload = event.getPayload();
        if (payload instanceof EmployeeJoined joined) {
            return Optional.of(new HrChange.Joined(id, facts(person, joined.getGivenName(), joined.getFamilyName(),
                    joined.getPreferredName(), joined.getPosition()), joined.getStartDate()));
        } else if (payload instanceof EmployeeRehired rehired) {
            return Optional.of(new HrChange.Rehired(id, facts(person, rehired.getGivenName(),
                    rehired.getFamilyName(), rehired.getPreferredName(), rehired.getPosition()),
                    rehired.getStartDate()));
        } else if (payload instanceof EmployeeMoved moved) {
            return Optional.of(new HrChange.Moved(id, person, facts(person, "", "", null, moved.getNewPosition()),
                    moved.getEffectiveDate()));
        } else if (payload instanceof EmployeeLeft left) {
            return Optional.of(new HrChange.Left(id, person, zone, left.getEndDate(), left.getImmediate()));
        } else if (payload instanceof StartDateChanged changed) {
            return Optional.of(new HrChange.StartDateChanged(id, person, zone, changed.getNewStartDate()));
        } else if (payload instanceof EndDateChanged changed) {
            return Optional.of(new HrChange.EndDateChanged(id, person, zone, changed.getNewEndDate()));
        } else if (payload instanceof JoinerCancelled) {
            return Optional.of(new HrChange.JoinerCancelled(id, person));
        } else if (payload instanceof LeaverCancelled) {
            return Optional.of(new HrChange.LeaverCancelled(id, person));
        } else if (payload instanceof VpnAccessRequested vpn && vpn.getAction() != VpnAction.UNKNOWN) {
            return Optional.of(new HrChange.VpnRequested(id, person, zone, vpn.getAction() == VpnAction.GRANT,
                    event.getEffectiveDate()));
        }
        return Optional.empty();
    }

    private static PersonFacts facts(String personId, String given, String family, String preferred, Position p) {
        return new PersonFacts(personId, p.getAgency(), given, family, preferred, p.getDepartment(), p.getJobCode(),
                p.getJobTitle(), p.getLocation(), p.getEmploymentType().name(), p.getManagerPersonId(),
                p.getTimeZone());
    }
}
