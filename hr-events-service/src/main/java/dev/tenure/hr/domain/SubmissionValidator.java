package dev.tenure.hr.domain;

import static dev.tenure.hr.domain.SubmissionField.AGENCY;
import static dev.tenure.hr.domain.SubmissionField.EFFECTIVE_DATE;
import static dev.tenure.hr.domain.SubmissionField.EVENT_ID;
import static dev.tenure.hr.domain.SubmissionField.PERSON_ID;
import static dev.tenure.hr.domain.SubmissionField.TIME_ZONE;
import static dev.tenure.hr.domain.SubmissionField.TYPE;

import dev.tenure.hr.domain.LifecycleSubmission.Details;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns one flat submission — a parsed JSON object or a CSV row, field name to raw value — into a
 * {@link LifecycleSubmission}, or reports every field error at once. Stateless and thread-safe.
 *
 * <p>Values may be anything a JSON parser produces; strings, booleans (or "true"/"false") and arrays of strings are
 * accepted where the field expects them, everything else (numbers, objects, null) is an error. A blank string or an
 * empty array is an absent field. Every string is at most 200 characters (ids 64), free of control characters and
 * bidi overrides, trimmed and NFC-normalised; free text and ids must not start like a spreadsheet formula.
 */
public final class SubmissionValidator {

    private static final EnumValues<EventType> TYPES = EnumValues.of(EventType.class);

    public Validation validate(Map<String, ?> fields, IntakeContext context) {
        Objects.requireNonNull(context, "context");
        List<FieldError> errors = new ArrayList<>();
        FieldReader in = new FieldReader(known(fields == null ? Map.of() : fields, errors));

        EventType type = in.oneOf(TYPE, TYPES).orElse(null);
        checkPresence(in, type);
        Optional<UUID> eventId = in.uuid(EVENT_ID);
        Optional<String> personId = in.id(PERSON_ID);
        Optional<String> agency = in.code(AGENCY);
        agency.filter(code -> !context.knownAgencies().contains(code))
                .ifPresent(code -> in.reject(AGENCY, "is not a known agency"));
        Optional<LocalDate> effectiveDate = in.date(EFFECTIVE_DATE);
        Optional<ZoneId> timeZone = in.zone(TIME_ZONE);
        Details details = null;
        if (type == null) {
            DetailsReader.readFormatsOnly(in);
        } else {
            details = DetailsReader.read(type, in);
        }

        if (!errors.isEmpty() || in.hasErrors()) {
            errors.addAll(in.errors());
            return Validation.invalid(errors);
        }
        LifecycleSubmission submission = new LifecycleSubmission(eventId.get(), type, personId.get(), agency.get(),
                effectiveDate.get(), timeZone.get(), details);
        TimelineRules.check(submission, context, in);
        return in.hasErrors() ? Validation.invalid(in.errors()) : Validation.valid(submission);
    }

    /** The known fields; each unknown one becomes an error, sorted by name. */
    private static Map<SubmissionField, Object> known(Map<String, ?> fields, List<FieldError> errors) {
        Map<SubmissionField, Object> known = new EnumMap<>(SubmissionField.class);
        for (Map.Entry<String, ?> entry : fields.entrySet()) {
            Optional<SubmissionField> field =
                    entry.getKey() == null ? Optional.empty() : SubmissionField.fromWireName(entry.getKey());
            if (field.isPresent()) {
                known.put(field.get(), entry.getValue());
            } else {
                errors.add(new FieldError(Excerpt.of(entry.getKey()), "is not a known field"));
            }
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return known;
    }

    /** A field of another event type is an error, and so is a missing required one. */
    private static void checkPresence(FieldReader in, EventType type) {
        for (SubmissionField field : SubmissionField.values()) {
            boolean present = in.isPresent(field);
            if (type != null && present && !field.allowedFor(type)) {
                in.reject(field, "does not belong to " + type.withArticle());
            } else if (!present && field.alwaysRequired() && !in.hasError(field)) {
                in.reject(field, "is required");
            } else if (!present && type != null && field.requiredFor(type)) {
                in.reject(field, "is required for " + type.withArticle());
            }
        }
    }
}
