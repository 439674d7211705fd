package dev.tenure.hr.domain;

import java.util.Objects;

/**
 * One problem with one field of a submission: {@code field} is the wire name ({@code effectiveDate}), {@code reason}
 * a short sentence that reads after it ("effectiveDate must be an ISO date yyyy-MM-dd"). Reasons never echo the
 * submitted value; where a name must be echoed (an unknown field), it is an {@link Excerpt}.
 */
public record FieldError(String field, String reason) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return field + " " + reason;
    }
}
