package dev.tenure.hr.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The outcome of validating one submission: the submission, or every field error found in it. */
public final class Validation {

    private final LifecycleSubmission submission;
    private final List<FieldError> errors;

    private Validation(LifecycleSubmission submission, List<FieldError> errors) {
        this.submission = submission;
        this.errors = List.copyOf(errors);
    }

    public static Validation valid(LifecycleSubmission submission) {
        return new Validation(Objects.requireNonNull(submission, "submission"), List.of());
    }

    public static Validation invalid(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid submission has at least one error");
        }
        return new Validation(null, errors);
    }

    public boolean isValid() {
        return submission != null;
    }

    /** The submission when valid. */
    public Optional<LifecycleSubmission> submission() {
        return Optional.ofNullable(submission);
    }

    /** Every error, unknown fields first, then in the order of {@link SubmissionField}; empty when valid. */
    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public String toString() {
        return isValid() ? "Valid[" + submission.eventId() + "]" : "Invalid" + errors;
    }
}
