package dev.tenure.hr.domain.csv;

import dev.tenure.hr.domain.FieldError;
import dev.tenure.hr.domain.IntakeContext;
import dev.tenure.hr.domain.LifecycleSubmission;
import dev.tenure.hr.domain.PersonDates;
import dev.tenure.hr.domain.SubmissionField;
import dev.tenure.hr.domain.SubmissionValidator;
import dev.tenure.hr.domain.Validation;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Validates every row of a CSV import with the {@link SubmissionValidator}, as one unit: the file is accepted whole
 * or rejected with every bad line's errors ({@code column} = the field). An eventId used twice in one file is an
 * error on the later line. Each row is checked against what was accepted before and against the valid rows above it
 * (a joiner, then a VPN request for that joiner, in one file), as if the rows were submitted one by one in file order.
 */
public final class CsvImportValidator {

    private static final String EVENT_ID = SubmissionField.EVENT_ID.wireName();

    private final SubmissionValidator validator;

    public CsvImportValidator(SubmissionValidator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /**
     * Parses and validates in one pass, keeping no parsed row: the way to import a large upload. Read the body with
     * {@link CsvEventFile#utf8(java.io.InputStream)} so that bytes which are not UTF-8 are reported.
     */
    public CsvImport validate(Reader reader, CsvLimits limits, IntakeContext context) throws IOException {
        Outcome outcome = new Outcome(context);
        List<CsvError> syntaxErrors = CsvEventFile.stream(reader, limits, outcome::check);
        return outcome.result(syntaxErrors);
    }

    public CsvImport validate(CsvEventFile file, IntakeContext context) {
        Outcome outcome = new Outcome(context);
        file.rows().forEach(outcome::check);
        return outcome.result(file.errors());
    }

    /** The rows seen so far: their submissions while all are valid, every error once one is not. */
    private final class Outcome {
        private final IntakeContext before;
        /** The context of the next row: what was accepted before, overlaid with the valid rows above it. */
        private final IntakeContext context;
        private final Map<String, PersonDates> peopleInFile = new HashMap<>();
        private final List<CsvSubmission> accepted = new ArrayList<>();
        private final List<CsvError> errors = new ArrayList<>();
        private final Map<String, Integer> lineByEventId = new HashMap<>();

        Outcome(IntakeContext before) {
            this.before = before;
            this.context = new IntakeContext(before.knownAgencies(), before.clock(),
                    before.personRecords().overlaidWith(peopleInFile));
        }

        void check(CsvRow row) {
            Validation validation = validator.validate(row.fields(), context);
            boolean badEventId = false;
            for (FieldError error : validation.errors()) {
                errors.add(new CsvError(row.line(), error.field(), error.reason()));
                badEventId |= error.field().equals(EVENT_ID);
            }
            if (!badEventId && row.fields().get(EVENT_ID) instanceof String eventId) {
                Integer firstLine = lineByEventId.putIfAbsent(eventId.strip().toLowerCase(Locale.ROOT), row.line());
                if (firstLine != null) {
                    errors.add(new CsvError(row.line(), EVENT_ID, "repeats the eventId of line " + firstLine));
                }
            }
            validation.submission().ifPresent(this::remember);
            if (!errors.isEmpty()) {
                accepted.clear();
            } else {
                accepted.add(new CsvSubmission(row.line(), validation.submission().orElseThrow()));
            }
        }

        private void remember(LifecycleSubmission submission) {
            String personId = submission.personId();
            PersonDates known = peopleInFile.get(personId);
            if (known == null) {
                known = before.personRecords().find(personId).orElse(PersonDates.UNKNOWN);
            }
            peopleInFile.put(personId, known.after(submission));
        }

        CsvImport result(List<CsvError> syntaxErrors) {
            if (syntaxErrors.isEmpty() && errors.isEmpty()) {
                return new CsvImport(accepted, List.of());
            }
            List<CsvError> all = new ArrayList<>(syntaxErrors);
            all.addAll(errors);
            all.sort(Comparator.comparingInt(CsvError::line));
            return new CsvImport(List.of(), all);
        }
    }
}
