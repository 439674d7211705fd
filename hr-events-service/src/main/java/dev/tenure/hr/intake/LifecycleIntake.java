package dev.tenure.hr.intake;

import dev.tenure.hr.domain.Caller;
import dev.tenure.hr.domain.ContentDigest;
import dev.tenure.hr.domain.FieldError;
import dev.tenure.hr.domain.IntakeContext;
import dev.tenure.hr.domain.LeadTime;
import dev.tenure.hr.domain.LifecycleSubmission;
import dev.tenure.hr.domain.LifecycleSubmission.Move;
import dev.tenure.hr.domain.PersonDates;
import dev.tenure.hr.domain.SubmissionPolicy;
import dev.tenure.hr.domain.SubmissionValidator;
import dev.tenure.hr.domain.Validation;
import dev.tenure.hr.domain.csv.CsvError;
import dev.tenure.hr.domain.csv.CsvLimits;
import dev.tenure.hr.domain.csv.CsvImport;
import dev.tenure.hr.domain.csv.CsvImportValidator;
import dev.tenure.hr.domain.csv.CsvSubmission;
import dev.tenure.hr.ledger.IntakeLedger;
import dev.tenure.hr.ledger.PersonView;
import dev.tenure.hr.ledger.Receipt;
import dev.tenure.hr.messaging.BrokerUnavailableException;
import dev.tenure.hr.messaging.EnvelopeFactory;
import dev.tenure.hr.messaging.LedgerFeed;
import dev.tenure.hr.messaging.LifecycleEventPublisher;
import dev.tenure.hr.messaging.PositionMerge;
import dev.tenure.hr.messaging.PublishedRecord;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.hr.Position;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The intake's one use case: validate, authorise, recognise a replay, publish, remember. Shared by
 * the JSON and the CSV resources, so both follow exactly the same rules.
 */
@ApplicationScoped
public class LifecycleIntake {

    private static final String INCOMPLETE_MOVE = "the person has no accepted joiner: a move must then state "
            + "department, jobCode, jobTitle, location and employmentType";

    @Inject
    Clock clock;

    @Inject
    IntakeLedger ledger;

    @Inject
    LedgerFeed feed;

    @Inject
    LifecycleEventPublisher publisher;

    @ConfigProperty(name = "tenure.intake.agencies")
    Set<String> agencies;

    @ConfigProperty(name = "tenure.intake.minimum-notice-days", defaultValue = "14")
    int minimumNoticeDays;

    private final SubmissionValidator validator = new SubmissionValidator();
    private final SubmissionPolicy policy = new SubmissionPolicy();
    /** One event id is handled by one request at a time, so a double click cannot publish twice. */
    private final ReentrantLock[] eventLocks = newLocks(64);
    private final ReentrantLock importLock = new ReentrantLock();

    public Outcome submit(Caller caller, Map<String, ?> fields) throws BrokerUnavailableException {
        if (!feed.isCaughtUp()) {
            return new Outcome.NotReady(feed.problem());
        }
        Validation validation = validator.validate(fields, context());
        if (!validation.isValid()) {
            return new Outcome.Invalid(validation.errors());
        }
        LifecycleSubmission submission = validation.submission().orElseThrow();
        Optional<String> refusal = policy.refusalToSubmit(caller, submission);
        if (refusal.isPresent()) {
            return new Outcome.Forbidden(refusal.get());
        }
        String digest = ContentDigest.of(submission);
        ReentrantLock lock = lockFor(submission.eventId().toString());
        lock.lock();
        try {
            Optional<Receipt> earlier = ledger.receipt(submission.eventId().toString());
            if (earlier.isPresent()) {
                return replayOrConflict(earlier.get(), digest);
            }
            Optional<Position> current = currentPosition(submission.personId());
            if (submission.details() instanceof Move move && !PositionMerge.isComplete(move, current)) {
                return new Outcome.Invalid(List.of(new FieldError("personId", INCOMPLETE_MOVE)));
            }
            PublishedRecord published = publisher.publish(envelope(submission, caller, digest, current));
            ledger.apply(published.event(), published.partition(), published.offset());
            return new Outcome.Accepted(ledger.receipt(submission.eventId().toString()).orElseThrow(), false);
        } finally {
            lock.unlock();
        }
    }

    /** Validates the whole file first; publishes its new rows in one transaction, or nothing. */
    public ImportOutcome importCsv(Caller caller, Reader csv) throws BrokerUnavailableException, IOException {
        if (!feed.isCaughtUp()) {
            return new ImportOutcome.NotReady(feed.problem());
        }
        // One pass: rows are validated as they are read, not all held as parsed text first.
        CsvImport checked = new CsvImportValidator(validator).validate(csv, CsvLimits.DEFAULT, context());
        if (!checked.isValid()) {
            return new ImportOutcome.Invalid(checked.errors());
        }
        List<Integer> refused = new ArrayList<>();
        String refusal = null;
        for (CsvSubmission row : checked.accepted()) {
            Optional<String> reason = policy.refusalToSubmit(caller, row.submission());
            if (reason.isPresent()) {
                refused.add(row.line());
                refusal = reason.get();
            }
        }
        if (!refused.isEmpty()) {
            return new ImportOutcome.Forbidden(refusal, refused);
        }
        importLock.lock();
        try {
            return publishNewRows(caller, checked.accepted());
        } finally {
            importLock.unlock();
        }
    }

    private ImportOutcome publishNewRows(Caller caller, List<CsvSubmission> rows) throws BrokerUnavailableException {
        List<CsvError> conflicts = new ArrayList<>();
        ImportOutcome.Row[] results = new ImportOutcome.Row[rows.size()];
        List<HrLifecycleEvent> toPublish = new ArrayList<>(rows.size());
        List<Integer> resultOfPublished = new ArrayList<>(rows.size());
        Map<String, Position> positionsInFile = new HashMap<>();
        Instant submittedAt = clock.instant();
        // Digests are independent of each other and of the ledger: worked out on every core at once.
        List<String> digests = rows.parallelStream().map(row -> ContentDigest.of(row.submission())).toList();
        for (int i = 0; i < rows.size(); i++) {
            CsvSubmission row = rows.get(i);
            LifecycleSubmission submission = row.submission();
            String digest = digests.get(i);
            Optional<Receipt> earlier = ledger.receipt(submission.eventId().toString());
            if (earlier.isPresent()) {
                if (earlier.get().contentDigest() != null && earlier.get().contentDigest().equals(digest)) {
                    results[i] = ImportOutcome.Row.of(row.line(), "DUPLICATE", earlier.get());
                } else {
                    conflicts.add(new CsvError(row.line(), "eventId", "was accepted before with other content"));
                }
                continue;
            }
            Optional<Position> current = Optional.ofNullable(positionsInFile.get(submission.personId()))
                    .or(() -> currentPosition(submission.personId()));
            if (submission.details() instanceof Move move && !PositionMerge.isComplete(move, current)) {
                conflicts.add(new CsvError(row.line(), "personId", INCOMPLETE_MOVE));
                continue;
            }
            HrLifecycleEvent event = envelopeAt(submission, caller, digest, current, submittedAt);
            positionOf(event).ifPresent(p -> positionsInFile.put(submission.personId(), p));
            toPublish.add(event);
            resultOfPublished.add(i);
        }
        if (!conflicts.isEmpty()) {
            return new ImportOutcome.Conflict(conflicts);
        }
        List<PublishedRecord> published = toPublish.isEmpty() ? List.of() : publisher.publishAtomically(toPublish);
        for (int p = 0; p < published.size(); p++) {
            PublishedRecord record = published.get(p);
            HrLifecycleEvent event = record.event();
            ledger.apply(event, record.partition(), record.offset());
            results[resultOfPublished.get(p)] = new ImportOutcome.Row(rows.get(resultOfPublished.get(p)).line(),
                    event.getEventId(), "ACCEPTED", event.getNoticeDays(), event.getLateSubmission(),
                    record.partition(), record.offset());
        }
        return new ImportOutcome.Accepted(published.size(), List.of(results));
    }

    public Optional<Receipt> receipt(String eventId) {
        return ledger.receipt(eventId);
    }

    public Optional<String> refusalToRead(Caller caller, Receipt receipt) {
        return policy.refusalToRead(caller, receipt.agency());
    }

    private Outcome replayOrConflict(Receipt earlier, String digest) {
        return digest.equals(earlier.contentDigest())
                ? new Outcome.Accepted(earlier, true)
                : new Outcome.Conflict(earlier.eventId());
    }

    private HrLifecycleEvent envelope(LifecycleSubmission s, Caller caller, String digest, Optional<Position> current) {
        return envelopeAt(s, caller, digest, current, clock.instant());
    }

    private HrLifecycleEvent envelopeAt(LifecycleSubmission s, Caller caller, String digest,
                                        Optional<Position> current, Instant submittedAt) {
        LeadTime leadTime = new LeadTime(minimumNoticeDays);
        int notice = leadTime.noticeDays(submittedAt, s.effectiveDate(), s.timeZone());
        return EnvelopeFactory.envelope(s, caller, submittedAt, notice, leadTime.isLate(s.type(), notice), digest,
                current);
    }

    private Optional<Position> currentPosition(String personId) {
        return ledger.person(personId).map(PersonView::position);
    }

    private static Optional<Position> positionOf(HrLifecycleEvent event) {
        Object payload = event.getPayload();
        if (payload instanceof dev.tenure.schemas.hr.EmployeeJoined joined) {
            return Optional.of(joined.getPosition());
        } else if (payload instanceof dev.tenure.schemas.hr.EmployeeRehired rehired) {
            return Optional.of(rehired.getPosition());
        } else if (payload instanceof dev.tenure.schemas.hr.EmployeeMoved moved) {
            return Optional.of(moved.getNewPosition());
        }
        return Optional.empty();
    }

    private IntakeContext context() {
        return new IntakeContext(new LinkedHashSet<>(agencies), clock, personId -> ledger.person(personId)
                .map(view -> new PersonDates(view.startDate(), view.endDate(), view.agency(), view.agencies())));
    }

    private ReentrantLock lockFor(String eventId) {
        return eventLocks[Math.floorMod(eventId.hashCode(), eventLocks.length)];
    }

    private static ReentrantLock[] newLocks(int count) {
        ReentrantLock[] locks = new ReentrantLock[count];
        for (int i = 0; i < count; i++) {
            locks[i] = new ReentrantLock();
        }
        return locks;
    }
}
