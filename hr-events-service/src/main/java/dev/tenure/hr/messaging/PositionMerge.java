package dev.tenure.hr.messaging;

import dev.tenure.hr.domain.LifecycleSubmission;
import dev.tenure.hr.domain.LifecycleSubmission.Move;
import dev.tenure.hr.domain.LifecycleSubmission.PositionChange;
import dev.tenure.schemas.hr.EmploymentType;
import dev.tenure.schemas.hr.Position;
import java.util.Optional;

/**
 * A move states what changes; the event carries the whole new position, so the changes are laid
 * over the person's current one. For a person the intake has no position for (say, hired before
 * Tenure), the move must state every attribute.
 */
public final class PositionMerge {

    private PositionMerge() {
    }

    /** True when the move can be turned into a whole new position. */
    public static boolean isComplete(Move move, Optional<Position> current) {
        PositionChange c = move.change();
        return current.isPresent() || (c.department().isPresent() && c.jobCode().isPresent()
                && c.jobTitle().isPresent() && c.location().isPresent() && c.employmentType().isPresent());
    }

    static Position apply(LifecycleSubmission s, Move move, Optional<Position> current) {
        if (!isComplete(move, current)) {
            throw new IllegalStateException("incomplete move for a person without a known position");
        }
        PositionChange c = move.change();
        Position base = current.orElse(null);
        return Position.newBuilder()
                .setAgency(s.agency())
                .setDepartment(c.department().orElseGet(() -> base.getDepartment()))
                .setJobCode(c.jobCode().orElseGet(() -> base.getJobCode()))
                .setJobTitle(c.jobTitle().orElseGet(() -> base.getJobTitle()))
                .setLocation(c.location().orElseGet(() -> base.getLocation()))
                .setTimeZone(s.timeZone().getId())
                .setManagerPersonId(c.managerPersonId().orElse(base == null ? null : base.getManagerPersonId()))
                .setEmploymentType(c.employmentType().map(e -> EmploymentType.valueOf(e.name()))
                        .orElseGet(() -> base.getEmploymentType()))
                .build();
    }
}
