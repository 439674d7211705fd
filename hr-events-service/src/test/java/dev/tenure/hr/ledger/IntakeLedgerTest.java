package dev.tenure.hr.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.hr.domain.Caller;
import dev.tenure.hr.domain.ContentDigest;
import dev.tenure.hr.domain.LifecycleSubmission;
import dev.tenure.hr.domain.Role;
import dev.tenure.hr.domain.Samples;
import dev.tenure.hr.domain.SubmissionValidator;
import dev.tenure.hr.messaging.EnvelopeFactory;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntakeLedgerTest {

    private static final Caller HRIS = new Caller("workday", Role.HRIS, Optional.empty());

    private final IntakeLedger ledger = new IntakeLedger();

    @Test
    void shouldGiveBackEveryFieldOfTheReceiptItKeptCompactly() {
        // Given an accepted joiner, 21 days ahead
        HrLifecycleEvent joiner = envelope(Samples.joiner(), 21, false);

        // When the ledger records it at partition 3, offset 41
        boolean recorded = ledger.apply(joiner, 3, 41);

        // Then the receipt it answers is exactly what was accepted
        assertThat(recorded).isTrue();
        assertThat(ledger.receipt(joiner.getEventId())).contains(new Receipt(joiner.getEventId(), "p-0001", "JOINER",
                "EOTSS", "workday", Samples.NOW, LocalDate.of(2027, 3, 22), 21, false, joiner.getContentDigest(), 3,
                41));
        assertThat(ledger.person("p-0001")).hasValueSatisfying(person -> {
            assertThat(person.startDate()).isEqualTo(LocalDate.of(2027, 3, 22));
            assertThat(person.position()).isEqualTo(joiner.getPayload() instanceof dev.tenure.schemas.hr.EmployeeJoined j
                    ? j.getPosition() : null);
        });
    }

    @Test
    void shouldRecordAnEventOnceHoweverOftenItIsApplied() {
        HrLifecycleEvent joiner = envelope(Samples.joiner(), 21, false);
        ledger.apply(joiner, 0, 7);

        // When the same record is applied again (the feed reading back what the intake published)
        boolean again = ledger.apply(joiner, 0, 7);

        // Then nothing changes
        assertThat(again).isFalse();
        assertThat(ledger.size()).isEqualTo(1);
    }

    @Test
    void shouldKeepIdsAndDigestsItDidNotWriteItselfAsTheyAre() {
        // Given a record with an upper-case id, no notice and a digest that is not hex SHA-256 (another tool's)
        HrLifecycleEvent odd = HrLifecycleEvent.newBuilder(envelope(Samples.joiner(), 0, true))
                .setEventId("3F1C2A9E-5B7D-4C1E-9A2B-0D4E6F8A1B2C")
                .setNoticeDays(null)
                .setContentDigest("sha1:abc")
                .build();

        ledger.apply(odd, 0, 1);

        // Then it is found by that exact id, with its values unchanged, and not by the lower-case form
        assertThat(ledger.receipt("3F1C2A9E-5B7D-4C1E-9A2B-0D4E6F8A1B2C")).hasValueSatisfying(receipt -> {
            assertThat(receipt.contentDigest()).isEqualTo("sha1:abc");
            assertThat(receipt.noticeDays()).isNull();
            assertThat(receipt.lateSubmission()).isTrue();
        });
        assertThat(ledger.receipt("3f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c")).isEmpty();
    }

    private static HrLifecycleEvent envelope(Map<String, Object> fields, int notice, boolean late) {
        LifecycleSubmission submission = new SubmissionValidator().validate(fields, Samples.CONTEXT).submission()
                .orElseThrow();
        return EnvelopeFactory.envelope(submission, HRIS, Samples.NOW, notice, late, ContentDigest.of(submission),
                Optional.empty());
    }
}
