package dev.tenure.tools.feed;

import dev.tenure.tools.feed.Organisation.Agency;
import dev.tenure.tools.feed.Organisation.Department;
import dev.tenure.tools.feed.Organisation.Job;
import dev.tenure.tools.feed.Organisation.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The job a generated person holds; {@code managerPersonId} may be null. */
record Position(Agency agency, Department department, Job job, Location location, String managerPersonId,
                EmploymentType employmentType) {

    Position withManager(String manager) {
        return new Position(agency, department, job, location, manager, employmentType);
    }

    String timeZone() {
        return location.timeZone();
    }

    /** What differs from {@code previous}, in the contract's order. */
    List<PositionAttribute> changedSince(Position previous) {
        List<PositionAttribute> changed = new ArrayList<>();
        if (!agency.code().equals(previous.agency.code())) {
            changed.add(PositionAttribute.AGENCY);
        }
        if (!department.name().equals(previous.department.name())) {
            changed.add(PositionAttribute.DEPARTMENT);
        }
        if (!job.equals(previous.job)) {
            changed.add(PositionAttribute.JOB);
        }
        if (!location.name().equals(previous.location.name())) {
            changed.add(PositionAttribute.LOCATION);
        }
        if (!Objects.equals(managerPersonId, previous.managerPersonId)) {
            changed.add(PositionAttribute.MANAGER);
        }
        if (employmentType != previous.employmentType) {
            changed.add(PositionAttribute.EMPLOYMENT_TYPE);
        }
        if (!timeZone().equals(previous.timeZone())) {
            changed.add(PositionAttribute.TIME_ZONE);
        }
        return changed;
    }
}
