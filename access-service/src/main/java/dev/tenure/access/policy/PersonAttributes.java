package dev.tenure.access.policy;

/**
 * The attributes of a person's position that the access policy's rules look at, as the HR lifecycle events carry
 * them ({@code employmentType} is the name of the event's enum: EMPLOYEE, CONTRACTOR, INTERN, TEMPORARY or
 * VOLUNTEER). An attribute may be null when it is not known; a null attribute is accepted by no rule's value list.
 */
public record PersonAttributes(String agency, String department, String jobCode, String location,
                               String employmentType) {

    /** The value of {@code attribute} for this person, or null. */
    public String get(PersonAttribute attribute) {
        return switch (attribute) {
            case AGENCY -> agency;
            case DEPARTMENT -> department;
            case JOB_CODE -> jobCode;
            case LOCATION -> location;
            case EMPLOYMENT_TYPE -> employmentType;
        };
    }
}
