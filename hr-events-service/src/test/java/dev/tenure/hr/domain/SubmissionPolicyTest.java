package dev.tenure.hr.domain;

import static dev.tenure.hr.domain.Samples.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubmissionPolicyTest {

    private final SubmissionPolicy policy = new SubmissionPolicy();
    private final LifecycleSubmission joinerForEotss = valid(Samples.joiner());
    private final LifecycleSubmission vpnGrantForEotss = valid(Samples.vpnGrant());

    @Test
    void shouldLetAnHrisSubmitForAnyAgency() {
        // Given
        Caller hris = new Caller("workday", Role.HRIS, Optional.empty());

        // When / Then
        assertThat(policy.refusalToSubmit(hris, joinerForEotss)).isEmpty();
        assertThat(policy.refusalToSubmit(hris, valid(Samples.mover()))).isEmpty();
    }

    @Test
    void shouldLetACoordinatorSubmitForTheirOwnAgencyOnly() {
        // Given
        Caller eotssCoordinator = new Caller("dpc.jones", Role.DPC, Optional.of("EOTSS"));
        Caller dorCoordinator = new Caller("dpc.smith", Role.DPC, Optional.of("DOR"));

        // When
        Optional<String> own = policy.refusalToSubmit(eotssCoordinator, joinerForEotss);
        Optional<String> other = policy.refusalToSubmit(dorCoordinator, joinerForEotss);

        // Then the refusal names no person
        assertThat(own).isEmpty();
        assertThat(other).contains("a coordinator may submit events only for their own agency");
        assertThat(other.get()).doesNotContain("p-0001", "Alice", "Nakamura", "dpc.smith");
    }

    @Test
    void shouldLetOnlyTheReceivingAgencysCoordinatorSubmitATransfer() {
        // Given a transfer into DOR (the event's agency is the receiving one)
        LifecycleSubmission transferToDor = valid(Samples.mover());

        // When / Then
        assertThat(policy.refusalToSubmit(new Caller("d", Role.DPC, Optional.of("DOR")), transferToDor)).isEmpty();
        assertThat(policy.refusalToSubmit(new Caller("e", Role.DPC, Optional.of("EOTSS")), transferToDor)).isPresent();
    }

    @Test
    void shouldRefuseACoordinatorWithoutAnAgency() {
        // Given
        Caller coordinator = new Caller("dpc.nobody", Role.DPC, Optional.empty());

        // When / Then
        assertThat(policy.refusalToSubmit(coordinator, joinerForEotss)).isPresent();
        assertThat(policy.refusalToRead(coordinator, "EOTSS")).isPresent();
    }

    @Test
    void shouldNotLetAuditorsSubmitAnything() {
        // Given
        Caller auditor = new Caller("auditor.kim", Role.AUDITOR, Optional.empty());

        // When / Then
        assertThat(policy.refusalToSubmit(auditor, joinerForEotss))
                .contains("the AUDITOR role may not submit lifecycle events");
        assertThat(policy.refusalToSubmit(auditor, vpnGrantForEotss))
                .contains("the AUDITOR role may not submit lifecycle events");
    }

    @Test
    void shouldLetASecurityOfficerSubmitVpnRequestsForTheirOwnAgencyOnly() {
        // Given
        Caller eotssOfficer = new Caller("dso.lee", Role.DSO, Optional.of("EOTSS"));
        Caller dorOfficer = new Caller("dso.park", Role.DSO, Optional.of("DOR"));

        // When
        Optional<String> own = policy.refusalToSubmit(eotssOfficer, vpnGrantForEotss);
        Optional<String> ownRevoke = policy.refusalToSubmit(eotssOfficer, valid(Samples.vpnRevoke()));
        Optional<String> other = policy.refusalToSubmit(dorOfficer, vpnGrantForEotss);

        // Then the refusal names no person
        assertThat(own).isEmpty();
        assertThat(ownRevoke).isEmpty();
        assertThat(other).contains("a security officer may submit VPN requests only for their own agency");
        assertThat(other.get()).doesNotContain("p-eotss", "dso.park");
    }

    @Test
    void shouldNotLetASecurityOfficerSubmitAnyOtherEventType() {
        // Given an officer of EOTSS, and events of every other type for EOTSS
        Caller officer = new Caller("dso.lee", Role.DSO, Optional.of("EOTSS"));
        List<Map<String, Object>> others = List.of(Samples.joiner(), Samples.rehire(), Samples.leaver(),
                Samples.startDateChanged(), Samples.endDateChanged(), Samples.joinerCancelled(),
                Samples.leaverCancelled(), Samples.with(Samples.mover(), "agency", "EOTSS", "transfer", false,
                        "changedAttributes", List.of("DEPARTMENT", "JOB")));

        // When / Then each is refused with a reason naming no person
        assertThat(others).allSatisfy(fields -> {
            LifecycleSubmission submission = valid(fields);
            assertThat(submission.agency()).isEqualTo("EOTSS");
            assertThat(policy.refusalToSubmit(officer, submission))
                    .contains("a security officer may submit only VPN_ACCESS requests");
        });
        assertThat(others).extracting(fields -> fields.get("type")).hasSize(EventType.values().length - 1);
    }

    @Test
    void shouldSendCoordinatorsVpnRequestsToTheirDsoEvenForTheirOwnAgency() {
        // Given
        Caller eotssCoordinator = new Caller("dpc.jones", Role.DPC, Optional.of("EOTSS"));

        // When / Then
        assertThat(policy.refusalToSubmit(eotssCoordinator, vpnGrantForEotss))
                .contains("VPN requests come from the agency's DSO");
    }

    @Test
    void shouldLetAnHrisSubmitVpnRequestsForAnyAgency() {
        // Given
        Caller hris = new Caller("workday", Role.HRIS, Optional.empty());

        // When / Then
        assertThat(policy.refusalToSubmit(hris, vpnGrantForEotss)).isEmpty();
        assertThat(policy.refusalToSubmit(hris, valid(Samples.with(Samples.vpnRevoke(), "agency", "DOR")))).isEmpty();
    }

    @Test
    void shouldLetHrisAndAuditorsReadEveryAgency() {
        // Given
        Caller hris = new Caller("workday", Role.HRIS, Optional.empty());
        Caller auditor = new Caller("auditor.kim", Role.AUDITOR, Optional.empty());

        // When / Then
        assertThat(policy.refusalToRead(hris, "DOR")).isEmpty();
        assertThat(policy.refusalToRead(auditor, "DOR")).isEmpty();
    }

    @Test
    void shouldLetCoordinatorsAndSecurityOfficersReadTheirOwnAgencyOnly() {
        // Given
        Caller dpc = new Caller("dpc.jones", Role.DPC, Optional.of("EOTSS"));
        Caller dso = new Caller("dso.lee", Role.DSO, Optional.of("EOTSS"));

        // When / Then
        assertThat(policy.refusalToRead(dpc, "EOTSS")).isEmpty();
        assertThat(policy.refusalToRead(dso, "EOTSS")).isEmpty();
        assertThat(policy.refusalToRead(dpc, "DOR")).contains("the DPC role may read events only of its own agency");
        assertThat(policy.refusalToRead(dso, "DOR")).contains("the DSO role may read events only of its own agency");
    }

    private static LifecycleSubmission valid(Map<String, Object> fields) {
        return new SubmissionValidator().validate(fields, CONTEXT).submission().orElseThrow();
    }
}
