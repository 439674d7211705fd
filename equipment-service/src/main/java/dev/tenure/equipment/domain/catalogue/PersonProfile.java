package dev.tenure.equipment.domain.catalogue;

/**
 * The attributes of a person's position that decide their equipment (from the lifecycle event's position).
 *
 * @param employmentType EMPLOYEE, CONTRACTOR, INTERN, TEMPORARY or VOLUNTEER
 */
public record PersonProfile(String agency, String department, String jobCode, String jobTitle, String location,
                            String employmentType, String timeZone) {
}
