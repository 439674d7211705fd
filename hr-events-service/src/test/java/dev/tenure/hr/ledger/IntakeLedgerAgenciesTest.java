package dev.tenure.hr.ledger;

import static dev.tenure.hr.domain.Samples.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.hr.domain.Caller;
import dev.tenure.hr.domain.ContentDigest;
import dev.tenure.hr.domain.IntakeContext;
import dev.tenure.hr.domain.LifecycleSubmission;
import dev.tenure.hr.domain.PersonDates;
import dev.tenure.hr.domain.Role;
import dev.tenure.hr.domain.Samples;
import dev.tenure.hr.domain.SubmissionValidator;
import dev.tenure.hr.domain.Validation;
import dev.tenure.hr.messaging.EnvelopeFactory;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.hr.SubmitterKind;
import dev.tenure.schemas.hr.VpnAccessRequested;
import dev.tenure.schemas.hr.VpnAction;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ledger rebuilt from accepted events: what later VPN requests are checked against. */
class IntakeLedgerAgenciesTest {

    private static final Caller HRIS = new Caller("workday", Role.HRIS, Optional.empty());
    private static final Caller EOTSS_DSO = new Caller("dso-eotss", Role.DSO, Optional.of("EOTSS"));

    private final IntakeLedger ledger = new IntakeLedger();
    private final SubmissionValidator validator = new SubmissionValidator();
    private long offset;

    @Test
    void shouldRememberEveryAgencyAPersonHeldSoTheSendingAgencyCanRevokeTheirVpnAfterATransfer() {
        // Given a joiner in EOTSS, then a transfer to DOR
        accept(HRIS, with(Samples.joiner(), "personId", "p-7"));
        accept(HRIS, with(Samples.mover(), "personId", "p-7", "eventId", "c2d4e6f8-1a3b-4c5d-8e7f-9a0b1c2d3e40"));

        // When the DSO of EOTSS revokes the person's VPN access
        HrLifecycleEvent revoke = accept(EOTSS_DSO, with(Samples.vpnRevoke(), "personId", "p-7"));

        // Then the request is on record as the officer's VpnAccessRequested, and changed nothing about the person
        assertThat(revoke.getPayload()).isEqualTo(VpnAccessRequested.newBuilder()
                .setAction(VpnAction.REVOKE).setReason(null).build());
        assertThat(revoke.getSubmittedBy().getKind()).isEqualTo(SubmitterKind.SECURITY_OFFICER);
        assertThat(revoke.getSubmittedBy().getAgency()).isEqualTo("EOTSS");
        assertThat(ledger.receipt(revoke.getEventId()).orElseThrow().type()).isEqualTo("VPN_ACCESS");
        PersonView person = ledger.person("p-7").orElseThrow();
        assertThat(person.agency()).isEqualTo("DOR");
        assertThat(person.agencies()).containsExactlyInAnyOrder("EOTSS", "DOR");
        assertThat(person.startDate()).hasToString("2027-03-22");
    }

    @Test
    void shouldRememberTheAgenciesOfEarlierEmploymentsAcrossARehire() {
        // Given a joiner in EOTSS, a transfer to DOR, a leave, and a rehire in ANF
        accept(HRIS, with(Samples.joiner(), "personId", "p-9"));
        accept(HRIS, with(Samples.mover(), "personId", "p-9"));
        accept(HRIS, with(Samples.leaver(), "personId", "p-9", "agency", "DOR"));
        accept(HRIS, with(Samples.rehire(), "personId", "p-9", "agency", "ANF", "effectiveDate", "2027-07-15"));

        // When / Then
        PersonView person = ledger.person("p-9").orElseThrow();
        assertThat(person.agency()).isEqualTo("ANF");
        assertThat(person.earlierAgencies()).containsExactlyInAnyOrder("EOTSS", "DOR");
        assertThat(person.agencies()).containsExactlyInAnyOrder("EOTSS", "DOR", "ANF");
        assertThat(person.endDate()).isNull();
    }

    @Test
    void shouldKeepNoSetOfItsOwnForAPersonWhoNeverChangedAgency() {
        // Given
        accept(HRIS, with(Samples.joiner(), "personId", "p-10"));
        accept(HRIS, with(Samples.leaver(), "personId", "p-10"));

        // When / Then
        PersonView person = ledger.person("p-10").orElseThrow();
        assertThat(person.earlierAgencies()).isSameAs(java.util.Set.of());
        assertThat(person.agencies()).containsExactly("EOTSS");
    }

    @Test
    void shouldNotKnowAPersonForVpnRequestsUntilTheirJoinerIsAccepted() {
        // Given no event about p-8 yet
        Map<String, Object> grant = with(Samples.vpnGrant(), "personId", "p-8", "effectiveDate", "2027-03-22");

        // When / Then the grant is refused, and accepted once the joiner is
        assertThat(validate(grant).errors()).extracting(e -> e.field()).containsExactly("personId");
        accept(HRIS, with(Samples.joiner(), "personId", "p-8"));
        assertThat(validate(grant).errors()).isEmpty();
    }

    private HrLifecycleEvent accept(Caller caller, Map<String, Object> fields) {
        Validation validation = validate(fields);
        assertThat(validation.errors()).isEmpty();
        LifecycleSubmission submission = validation.submission().orElseThrow();
        HrLifecycleEvent event = EnvelopeFactory.envelope(submission, caller, Samples.NOW, 21, false,
                ContentDigest.of(submission), ledger.person(submission.personId()).map(PersonView::position));
        assertThat(ledger.apply(event, 0, offset++)).isTrue();
        return event;
    }

    /** As the intake validates: against what the ledger knows. */
    private Validation validate(Map<String, Object> fields) {
        return validator.validate(fields, new IntakeContext(Samples.AGENCIES, Samples.CLOCK, personId -> ledger
                .person(personId)
                .map(view -> new PersonDates(view.startDate(), view.endDate(), view.agency(), view.agencies()))));
    }
}
