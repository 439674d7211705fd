package dev.tenure.access.connector;

import java.util.Objects;
import java.util.Optional;

/**
 * What a target needs to know of a person to create and keep their account: the stable person id (stored on the
 * account, e.g. AD's {@code employeeID}, so the account is found again whatever its generated login name) and the
 * attributes shown in the directory. Login names and mail addresses are the connector's to generate.
 */
public record AccountProfile(String personId, String givenName, String familyName, Optional<String> preferredName,
                             String agency, String department, String jobTitle, Optional<String> managerPersonId) {

    public AccountProfile {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(preferredName, "preferredName");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(jobTitle, "jobTitle");
        Objects.requireNonNull(managerPersonId, "managerPersonId");
    }
}
