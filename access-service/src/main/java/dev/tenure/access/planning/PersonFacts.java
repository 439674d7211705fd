package dev.tenure.access.planning;

import dev.tenure.access.connector.AccountProfile;
import dev.tenure.access.policy.PersonAttributes;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * What the planner knows of a person from the HR events: who they are (for the account) and the job that decides
 * their birthright access. {@code preferredName} and {@code managerPersonId} may be null.
 */
public record PersonFacts(String personId, String agency, String givenName, String familyName, String preferredName,
                          String department, String jobCode, String jobTitle, String location,
                          String employmentType, String managerPersonId, String timeZone) {

    public PersonFacts {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(timeZone, "timeZone");
    }

    public PersonAttributes attributes() {
        return new PersonAttributes(agency, department, jobCode, location, employmentType);
    }

    public AccountProfile profile() {
        return new AccountProfile(personId, givenName, familyName, Optional.ofNullable(preferredName), agency,
                department, jobTitle, Optional.ofNullable(managerPersonId));
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** The same person in a new position (a move): names stay, the job attributes and zone are the new ones. */
    public PersonFacts movedTo(PersonFacts position) {
        return new PersonFacts(personId, position.agency(), givenName, familyName, preferredName,
                position.department(), position.jobCode(), position.jobTitle(), position.location(),
                position.employmentType(), position.managerPersonId(), position.timeZone());
    }
}
