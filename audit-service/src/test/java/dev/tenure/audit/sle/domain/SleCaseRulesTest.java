package dev.tenure.audit.sle.domain;

import static dev.tenure.audit.sle.domain.Facts.done;
import static dev.tenure.audit.sle.domain.Facts.envelope;
import static dev.tenure.audit.sle.domain.Facts.item;
import static dev.tenure.audit.sle.domain.Facts.joined;
import static dev.tenure.audit.sle.domain.Facts.left;
import static dev.tenure.audit.sle.domain.Facts.moved;
import static dev.tenure.audit.sle.domain.Facts.outcome;
import static dev.tenure.audit.sle.domain.Facts.planned;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.audit.sle.domain.AccessEvidence.Result;
import dev.tenure.audit.sle.domain.CaseUpdate.Reported;
import dev.tenure.audit.sle.domain.CaseUpdate.Withdrawn;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SleCaseRulesTest {

    // A leaver in New York (EDT in April): last day Friday 10 April 2026, submitted three weeks ahead.
    private static final LocalDate END = LocalDate.of(2026, 4, 10);
    private static final Instant LEAVER_SUBMITTED = Instant.parse("2026-03-20T14:00:00Z");
    private static final Instant CUT_OFF = Instant.parse("2026-04-10T21:00:00Z"); // 17:00 local
    private static final Instant CUT_DUE = Instant.parse("2026-04-11T04:00:00Z"); // end of the end date
    private static final Instant DEPROVISIONING_DUE = Instant.parse("2026-04-25T04:00:00Z");
    private static final String CUT = "ACCESS_CUT_ON_END_DATE:EOTSS:leaver-1";
    private static final String DEPROVISIONING = "DEPROVISIONED_WITHIN_14_DAYS:EOTSS:leaver-1";

    private final SleCaseRules rules = new SleCaseRules(SleSettings.DEFAULTS);
    private PersonCases state = PersonCases.empty(Facts.PERSON);

    @Test
    void shouldOpenBothLeaverCasesPendingWithTheirDueTimes() {
        List<CaseUpdate> updates = lifecycle(left("leaver-1", END, LEAVER_SUBMITTED), LEAVER_SUBMITTED);

        assertThat(reported(updates)).extracting(CaseView::caseId, CaseView::status, CaseView::dueAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CUT, CaseStatus.PENDING, CUT_DUE),
                        org.assertj.core.groups.Tuple.tuple(DEPROVISIONING, CaseStatus.PENDING, DEPROVISIONING_DUE));
        assertThat(reported(updates).get(0).effectiveDate()).isEqualTo(END);
        assertThat(state.wakeAt()).isEqualTo(CUT_DUE);
    }

    @Test
    void shouldStayPendingUntilTheDueTimeThenMeetACaseCompletedBeforeIt() {
        // Given a leaver whose account is disabled at the cut-off
        lifecycle(left("leaver-1", END, LEAVER_SUBMITTED), LEAVER_SUBMITTED);
        access(planned("leaver-1", "leaver-1/cut-off/account", AccessAction.ACCOUNT_DISABLED, null), CUT_OFF);
        List<CaseUpdate> updates = access(done("out-1", "leaver-1", "leaver-1/cut-off/account",
                AccessAction.ACCOUNT_DISABLED, null, CUT_OFF.plusMillis(300)), CUT_OFF.plusSeconds(1));

        // Then it is complete but not decided before its due time
        assertThat(view(updates, CUT).status()).isEqualTo(CaseStatus.PENDING);
        assertThat(view(updates, CUT).completedAt()).isEqualTo(CUT_OFF.plusMillis(300));

        // When the due time comes
        updates = time(CUT_DUE);

        // Then it is met, reported once, caused by time alone
        assertThat(updates).singleElement().satisfies(update -> {
            Reported r = (Reported) update;
            assertThat(r.view().caseId()).isEqualTo(CUT);
            assertThat(r.view().status()).isEqualTo(CaseStatus.MET);
            assertThat(r.causationId()).isNull();
        });
    }

    @Test
    void shouldMissACaseWhenItsDueTimePassesWithoutAnyOutcome() {
        lifecycle(left("leaver-1", END, LEAVER_SUBMITTED), LEAVER_SUBMITTED);

        List<CaseUpdate> updates = time(CUT_DUE);

        assertThat(view(updates, CUT).status()).isEqualTo(CaseStatus.MISSED);
        assertThat(view(updates, CUT).completedAt()).isNull();
        assertThat(state.wakeAt()).isEqualTo(DEPROVISIONING_DUE);
    }

    @Test
    void shouldMeetACaseDoneOneSecondBeforeItsDueTimeAndMissOneDoneAtOrAfterIt() {
        assertThat(cutDecidedWhenDisabledAt(CUT_DUE.minusSeconds(1))).isEqualTo(CaseStatus.MET);
        assertThat(cutDecidedWhenDisabledAt(CUT_DUE)).isEqualTo(CaseStatus.MISSED);
        assertThat(cutDecidedWhenDisabledAt(CUT_DUE.plusSeconds(1))).isEqualTo(CaseStatus.MISSED);
    }

    @Test
    void shouldCountAnActionOnceWhateverOutcomesItGets() {
        // Given a cut-off done once
        lifecycle(left("leaver-1", END, LEAVER_SUBMITTED), LEAVER_SUBMITTED);
        access(done("out-1", "leaver-1", "a1", AccessAction.ACCOUNT_DISABLED, null, CUT_OFF), CUT_OFF);
        PersonCases once = state;

        // When the same outcome comes again, and a replay confirms it ALREADY_SO later
        List<CaseUpdate> again = access(done("out-1", "leaver-1", "a1", AccessAction.ACCOUNT_DISABLED, null, CUT_OFF),
                CUT_OFF.plusSeconds(5));
        List<CaseUpdate> alreadySo = access(done("out-2", "leaver-1", "a1", AccessAction.ACCOUNT_DISABLED, null,
                CUT_OFF.plusSeconds(60)), CUT_OFF.plusSeconds(60));

        // Then nothing is reported and the action is still done at the first success
        assertThat(again).isEmpty();
        assertThat(alreadySo).isEmpty();
        assertThat(state.cases()).isEqualTo(once.cases());
    }

    @Test
    void shouldTurnAMissedCaseMetWhenALateOutcomeShowsItWasDoneInTime() {
        // Given a cut-off case missed for lack of news
        lifecycle(left("leaver-1", END, LEAVER_SUBMITTED), LEAVER_SUBMITTED);
        time(CUT_DUE);

        // When the outcome of a disable done at the cut-off arrives a day later
        List<CaseUpdate> updates = access(done("out-1", "leaver-1", "a1", AccessAction.ACCOUNT_DISABLED, null,
                CUT_OFF), CUT_DUE.plus(Duration.ofDays(1)));

        // Then the case is met, reported once (the deprovisioning case, still pending, takes it too)
        assertThat(reported(updates)).filteredOn(view -> view.caseId().equals(CUT)).singleElement().satisfies(view -> {
            assertThat(view.caseId()).isEqualTo(CUT);
            assertThat(view.status()).isEqualTo(CaseStatus.MET);
            assertThat(view.completedAt()).isEqualTo(CUT_OFF);
        });
    }

    @Test
    void shouldWaitForEveryPlannedStepOfTheCutOffNotJustTheAccount() {
        // Given the account disabled but the VPN revocation planned and failed
        lifecycle(left("leaver-1", END, LEAVER_SUBMITTED), LEAVER_SUBMITTED);
        access(done("out-1", "leaver-1", "a1", AccessAction.ACCOUNT_DISABLED, null, CUT_OFF), CUT_OFF);
        access(planned("leaver-1", "vpn1", AccessAction.ENTITLEMENT_REVOKED, "vpn"), CUT_OFF);
        access(outcome("out-2", "leaver-1", "vpn1", AccessAction.ENTITLEMENT_REVOKED, "directory", "vpn",
                Result.FAILED, CUT_OFF), CUT_OFF);

        // Then at the due time the cut-off is missed
        assertThat(view(time(CUT_DUE), CUT).status()).isEqualTo(CaseStatus.MISSED);
    }

    @Test
    void shouldCountGroupRemovalsForDeprovisioningButNotForTheCutOff() {
        // Given the account disabled on time and a group removal that only succeeds five days later
        lifecycle(left("leaver-1", END, LEAVER_SUBMITTED), LEAVER_SUBMITTED);
        access(done("out-1", "leaver-1", "a1", AccessAction.ACCOUNT_DISABLED, null, CUT_OFF), CUT_OFF);
        access(outcome("out-2", "leaver-1", "g1", AccessAction.ENTITLEMENT_REVOKED, "directory", "finance-share",
                Result.FAILED, CUT_OFF), CUT_OFF);
        assertThat(view(time(CUT_DUE), CUT).status()).isEqualTo(CaseStatus.MET);
        access(done("out-3", "leaver-1", "g1", AccessAction.ENTITLEMENT_REVOKED, "finance-share",
                CUT_OFF.plus(Duration.ofDays(5))), CUT_OFF.plus(Duration.ofDays(5)));

        // Then deprovisioning completed with the group removal, within its window
        List<CaseUpdate> updates = time(DEPROVISIONING_DUE);
        assertThat(view(updates, DEPROVISIONING).status()).isEqualTo(CaseStatus.MET);
        assertThat(view(updates, DEPROVISIONING).completedAt()).isEqualTo(CUT_OFF.plus(Duration.ofDays(5)));
    }

    @Test
    void shouldCountIdentityProviderStepsForTheCutOffWhenTheyAppear() {
        // Given the directory account disabled on time, and MFA revoked in the identity provider only the next day
        lifecycle(left("leaver-1", END, LEAVER_SUBMITTED), LEAVER_SUBMITTED);
        access(done("out-1", "leaver-1", "a1", AccessAction.ACCOUNT_DISABLED, null, CUT_OFF), CUT_OFF);
        access(outcome("out-2", "leaver-1", "mfa1", AccessAction.MFA_REVOKED, "idp", null, Result.DONE,
                CUT_DUE.plusSeconds(3600)), CUT_DUE.plusSeconds(3600));

        // Then the cut-off was missed: MFA is part of it
        assertThat(state.cases().get(0).reported().status()).isEqualTo(CaseStatus.MISSED);
        assertThat(state.cases().get(0).reported().completedAt()).isEqualTo(CUT_DUE.plusSeconds(3600));
    }

    @Test
    void shouldNotCountAnApplicationAccountAsTheAccountOfTheCutOff() {
        // Given only a SCIM application's account disabled
        lifecycle(left("leaver-1", END, LEAVER_SUBMITTED), LEAVER_SUBMITTED);
        access(outcome("out-1", "leaver-1", "app1", AccessAction.ACCOUNT_DISABLED, "scim-payroll", null, Result.DONE,
                CUT_OFF), CUT_OFF);

        // Then the cut-off misses its account step, and the application's account waits in deprovisioning
        List<CaseUpdate> updates = time(CUT_DUE);
        assertThat(view(updates, CUT).status()).isEqualTo(CaseStatus.MISSED);
        assertThat(state.cases()).filteredOn(c -> c.caseId().equals(DEPROVISIONING)).singleElement()
                .satisfies(c -> assertThat(c.tasks()).containsKey("access:app1"));
    }

    @Test
    void shouldMoveTheLeaverCasesToACorrectedEndDate() {
        // Given a leaver whose end date is corrected a week later before the cut-off
        lifecycle(left("leaver-1", END, LEAVER_SUBMITTED), LEAVER_SUBMITTED);
        List<CaseUpdate> updates = lifecycle(new LifecycleFact.EndDateChanged(
                envelope("change-1", Instant.parse("2026-04-01T14:00:00Z")), END.plusDays(7)),
                Instant.parse("2026-04-01T14:00:00Z"));

        // Then both cases move to the new date, and keep the original notice (the date moved later)
        assertThat(view(updates, CUT).dueAt()).isEqualTo(CUT_DUE.plus(Duration.ofDays(7)));
        assertThat(view(updates, CUT).effectiveDate()).isEqualTo(END.plusDays(7));
        assertThat(view(updates, CUT).submittedAt()).isEqualTo(LEAVER_SUBMITTED);
        assertThat(view(updates, DEPROVISIONING).dueAt()).isEqualTo(DEPROVISIONING_DUE.plus(Duration.ofDays(7)));

        // And nothing is decided at the old due time; a disable at the new cut-off meets it
        assertThat(time(CUT_DUE)).isEmpty();
        Instant newCutOff = CUT_OFF.plus(Duration.ofDays(7));
        access(done("out-1", "leaver-1", "a1", AccessAction.ACCOUNT_DISABLED, null, newCutOff), newCutOff);
        assertThat(view(time(CUT_DUE.plus(Duration.ofDays(7))), CUT).status()).isEqualTo(CaseStatus.MET);
    }

    @Test
    void shouldMeasureNoticeFromTheCorrectionWhenTheEndDateMovesEarlier() {
        // Given a leaver submitted three weeks ahead, corrected five days before a new, earlier end date
        lifecycle(left("leaver-1", END, LEAVER_SUBMITTED), LEAVER_SUBMITTED);
        Instant corrected = Instant.parse("2026-03-31T14:00:00Z");
        List<CaseUpdate> updates = lifecycle(new LifecycleFact.EndDateChanged(envelope("change-1", corrected),
                LocalDate.of(2026, 4, 5)), corrected);

        // Then the cases are late submissions
        assertThat(view(updates, CUT).status()).isEqualTo(CaseStatus.LATE_SUBMISSION);
        assertThat(view(updates, CUT).submittedAt()).isEqualTo(corrected);
    }

    @Test
    void shouldWithdrawTheCasesOfALeaverCancelledBeforeTheirDueTime() {
        lifecycle(left("leaver-1", END, LEAVER_SUBMITTED), LEAVER_SUBMITTED);

        List<CaseUpdate> updates = lifecycle(new LifecycleFact.LeaverCancelled(
                envelope("cancel-1", Instant.parse("2026-04-01T14:00:00Z")), "leaver-1"),
                Instant.parse("2026-04-01T14:00:00Z"));

        assertThat(updates).extracting(CaseUpdate::caseId).containsExactly(CUT, DEPROVISIONING);
        assertThat(updates).allSatisfy(update -> assertThat(update).isInstanceOf(Withdrawn.class));
        assertThat(state.cases()).isEmpty();
        assertThat(state.wakeAt()).isNull();
    }

    @Test
    void shouldKeepACutOffAlreadyDueWhenTheLeaverIsCancelledAfterIt() {
        // Given a leaver cut off on time, then withdrawn three days after the end date
        lifecycle(left("leaver-1", END, LEAVER_SUBMITTED), LEAVER_SUBMITTED);
        access(done("out-1", "leaver-1", "a1", AccessAction.ACCOUNT_DISABLED, null, CUT_OFF), CUT_OFF);
        time(CUT_DUE);
        Instant cancelled = CUT_DUE.plus(Duration.ofDays(3));

        List<CaseUpdate> updates = lifecycle(new LifecycleFact.LeaverCancelled(envelope("cancel-1", cancelled),
                null), cancelled);

        // Then the met cut-off stands and the deprovisioning, not due yet, is withdrawn
        assertThat(updates).singleElement().isInstanceOf(Withdrawn.class)
                .extracting(CaseUpdate::caseId).isEqualTo(DEPROVISIONING);
        assertThat(state.cases()).extracting(SleCase::caseId).containsExactly(CUT);
    }

    @Test
    void shouldSupersedeAJoinerCaseNotDueYetWithANewJoiner() {
        Instant submitted = Instant.parse("2026-04-01T14:00:00Z");
        lifecycle(joined("joiner-1", LocalDate.of(2026, 5, 4), submitted), submitted);

        List<CaseUpdate> updates = lifecycle(joined("joiner-2", LocalDate.of(2026, 5, 11), submitted.plusSeconds(60)),
                submitted.plusSeconds(60));

        assertThat(updates).first().isInstanceOf(Withdrawn.class)
                .extracting(CaseUpdate::caseId).isEqualTo("PROVISIONED_BEFORE_START:EOTSS:joiner-1");
        assertThat(reported(updates)).extracting(CaseView::caseId)
                .containsExactly("PROVISIONED_BEFORE_START:EOTSS:joiner-2");
    }

    @Test
    void shouldMeetProvisioningWhenTheAccountGrantsAndEquipmentAreReadyBeforeTheStart() {
        // Given a joiner starting Monday 4 May 2026 (due at 04:00 UTC, local midnight)
        Instant submitted = Instant.parse("2026-04-01T14:00:00Z");
        Instant due = Instant.parse("2026-05-04T04:00:00Z");
        lifecycle(joined("joiner-1", LocalDate.of(2026, 5, 4), submitted), submitted);
        equipment(item("eq-1", "item-1", "joiner-1", "corr-joiner-1", ItemChange.REQUESTED, ItemState.REQUESTED,
                submitted), submitted);
        Instant prepared = Instant.parse("2026-04-27T04:00:00Z");
        access(done("out-1", "joiner-1", "c1", AccessAction.ACCOUNT_CREATED, null, prepared), prepared);
        access(done("out-2", "joiner-1", "g1", AccessAction.ENTITLEMENT_GRANTED, "staff", prepared), prepared);
        // the account is enabled on the start date: not part of "before the start date"
        access(done("out-3", "joiner-1", "e1", AccessAction.ACCOUNT_ENABLED, null, due.plusSeconds(1)),
                due.plusSeconds(1));

        // When the laptop is delivered (a deskside step: only the item ties it to the case) a day before the start
        equipment(item("eq-2", "item-1", "step-9", "corr-joiner-1", ItemChange.DELIVERED, ItemState.DELIVERED,
                due.minus(Duration.ofDays(1))), due.minus(Duration.ofDays(1)));

        // Then provisioning is met at the start date, completed at the delivery
        CaseView view = view(time(due), "PROVISIONED_BEFORE_START:EOTSS:joiner-1");
        assertThat(view.status()).isEqualTo(CaseStatus.MET);
        assertThat(view.completedAt()).isEqualTo(due.minus(Duration.ofDays(1)));
    }

    @Test
    void shouldWaitForEquipmentAskedBackAtTheCutOffToBeCollected() {
        // Given a leaver whose laptop is locked and asked back at the cut-off, and collected 15 days later
        lifecycle(left("leaver-1", END, LEAVER_SUBMITTED), LEAVER_SUBMITTED);
        access(done("out-1", "leaver-1", "a1", AccessAction.ACCOUNT_DISABLED, null, CUT_OFF), CUT_OFF);
        equipment(item("eq-1", "item-1", "leaver-1", "corr-leaver-1", ItemChange.LOCKED, ItemState.LOCKED, CUT_OFF),
                CUT_OFF);
        equipment(item("eq-2", "item-1", "leaver-1", "corr-leaver-1", ItemChange.COLLECTION_REQUESTED,
                ItemState.COLLECTION_REQUESTED, CUT_OFF), CUT_OFF);

        // Then deprovisioning is missed at its due time, completed when the laptop came back
        assertThat(view(time(DEPROVISIONING_DUE), DEPROVISIONING).status()).isEqualTo(CaseStatus.MISSED);
        Instant collected = CUT_OFF.plus(Duration.ofDays(15));
        List<CaseUpdate> updates = equipment(item("eq-3", "item-1", "step-1", "corr-leaver-1", ItemChange.COLLECTED,
                ItemState.COLLECTED, collected), collected);
        assertThat(view(updates, DEPROVISIONING).status()).isEqualTo(CaseStatus.MISSED);
        assertThat(view(updates, DEPROVISIONING).completedAt()).isEqualTo(collected);
    }

    @Test
    void shouldMeetAMoverWithNothingToRemoveAtItsDueTime() {
        Instant submitted = Instant.parse("2026-05-01T14:00:00Z");
        lifecycle(moved("move-1", LocalDate.of(2026, 6, 1), submitted), submitted);

        List<CaseUpdate> updates = time(Instant.parse("2026-06-16T04:00:00Z"));

        assertThat(view(updates, "MOVER_PRIOR_ACCESS_REMOVED:EOTSS:move-1").status()).isEqualTo(CaseStatus.MET);
        assertThat(view(updates, "MOVER_PRIOR_ACCESS_REMOVED:EOTSS:move-1").completedAt()).isNull();
    }

    @Test
    void shouldWaitForAMoversPriorRoleRevocations() {
        Instant submitted = Instant.parse("2026-05-01T14:00:00Z");
        Instant moveAt = Instant.parse("2026-06-01T04:00:00Z");
        lifecycle(moved("move-1", LocalDate.of(2026, 6, 1), submitted), submitted);
        access(planned("move-1", "r1", AccessAction.ENTITLEMENT_REVOKED, "finance-share"), moveAt);
        access(done("out-1", "move-1", "g1", AccessAction.ENTITLEMENT_GRANTED, "legal-share", moveAt), moveAt);

        List<CaseUpdate> updates = time(Instant.parse("2026-06-16T04:00:00Z"));

        assertThat(view(updates, "MOVER_PRIOR_ACCESS_REMOVED:EOTSS:move-1").status()).isEqualTo(CaseStatus.MISSED);
    }

    @Test
    void shouldMeetAMoverWhosePriorRoleManualAppWasRemovedByHandInTime() {
        Instant submitted = Instant.parse("2026-05-01T14:00:00Z");
        Instant moveAt = Instant.parse("2026-06-01T04:00:00Z");
        Instant doneByHand = Instant.parse("2026-06-03T15:00:00Z");
        lifecycle(moved("move-1", LocalDate.of(2026, 6, 1), submitted), submitted);
        access(planned("move-1", "r1", AccessAction.ENTITLEMENT_REVOKED, "payroll-legacy"), moveAt);
        access(done("out-1", "move-1", "r1", AccessAction.MANUAL_TASK_COMPLETED, "payroll-legacy", doneByHand),
                doneByHand);

        List<CaseUpdate> updates = time(Instant.parse("2026-06-16T04:00:00Z"));

        assertThat(view(updates, "MOVER_PRIOR_ACCESS_REMOVED:EOTSS:move-1").status()).isEqualTo(CaseStatus.MET);
        assertThat(view(updates, "MOVER_PRIOR_ACCESS_REMOVED:EOTSS:move-1").completedAt()).isEqualTo(doneByHand);
    }

    @Test
    void shouldReportALateSubmissionAsSuchAndStillShowItsCompletion() {
        Instant submitted = END.minusDays(3).atStartOfDay(java.time.ZoneId.of(Facts.ZONE)).toInstant();
        List<CaseUpdate> updates = lifecycle(left("leaver-1", END, submitted), submitted);
        assertThat(view(updates, CUT).status()).isEqualTo(CaseStatus.LATE_SUBMISSION);

        updates = access(done("out-1", "leaver-1", "a1", AccessAction.ACCOUNT_DISABLED, null, CUT_OFF), CUT_OFF);
        assertThat(view(updates, CUT).status()).isEqualTo(CaseStatus.LATE_SUBMISSION);
        assertThat(view(updates, CUT).completedAt()).isEqualTo(CUT_OFF);
        assertThat(time(CUT_DUE)).isEmpty();
    }

    @Test
    void shouldKeepAnOutcomeThatArrivesBeforeItsLifecycleEventForIt() {
        // Given the disable's outcome processed before the leaver itself
        access(done("out-1", "leaver-1", "a1", AccessAction.ACCOUNT_DISABLED, null, CUT_OFF), CUT_OFF);
        assertThat(state.unmatched()).hasSize(1);

        // When the leaver arrives
        lifecycle(left("leaver-1", END, LEAVER_SUBMITTED), CUT_OFF.plusSeconds(1));

        // Then the outcome went to its cases
        assertThat(state.unmatched()).isEmpty();
        assertThat(view(time(CUT_DUE), CUT).status()).isEqualTo(CaseStatus.MET);
    }

    @Test
    void shouldDropWorkOfAKnownEventThatNoCaseWantsAndUnmatchedWorkAfterItsRetention() {
        // Given a VPN request (no SLE) and the grant it caused
        Instant at = Instant.parse("2026-03-02T15:00:00Z");
        lifecycle(new LifecycleFact.Other(envelope("vpn-1", at)), at);
        access(done("out-1", "vpn-1", "v1", AccessAction.ENTITLEMENT_GRANTED, "vpn", at), at);
        assertThat(state.unmatched()).isEmpty();

        // And an outcome of an event never seen
        access(done("out-2", "unknown-1", "x1", AccessAction.ACCOUNT_DISABLED, null, at), at);
        assertThat(state.unmatched()).hasSize(1);
        assertThat(state.wakeAt()).isEqualTo(at.plus(Duration.ofDays(1)));

        time(at.plus(Duration.ofDays(1)));
        assertThat(state.unmatched()).isEmpty();
    }

    @Test
    void shouldDropACaseFromTheStateOnceFinal() {
        lifecycle(left("leaver-1", END, LEAVER_SUBMITTED), LEAVER_SUBMITTED);
        time(CUT_DUE);
        assertThat(state.wakeAt()).isEqualTo(DEPROVISIONING_DUE);
        time(DEPROVISIONING_DUE);
        assertThat(state.wakeAt()).isEqualTo(CUT_DUE.plus(Duration.ofDays(30)));

        time(CUT_DUE.plus(Duration.ofDays(30)));
        assertThat(state.cases()).extracting(SleCase::caseId).containsExactly(DEPROVISIONING);

        // A late outcome of the leaver still reaches the deprovisioning case (not final yet), not the dropped cut-off
        assertThat(access(done("out-1", "leaver-1", "a1", AccessAction.ACCOUNT_DISABLED, null, CUT_OFF),
                CUT_DUE.plus(Duration.ofDays(31)))).extracting(CaseUpdate::caseId).containsExactly(DEPROVISIONING);
        assertThat(state.unmatched()).isEmpty();
    }

    @Test
    void shouldIgnoreALifecycleEventDeliveredTwice() {
        lifecycle(left("leaver-1", END, LEAVER_SUBMITTED), LEAVER_SUBMITTED);
        PersonCases once = state;

        assertThat(lifecycle(left("leaver-1", END, LEAVER_SUBMITTED), LEAVER_SUBMITTED.plusSeconds(5))).isEmpty();
        assertThat(state).isEqualTo(once);
    }

    @Test
    void shouldReckonALeaverInTheZoneOfThePersonsPosition() {
        // Given a joiner in a Los Angeles position, whose leaver event says New York
        Instant submitted = Instant.parse("2026-01-02T14:00:00Z");
        lifecycle(new LifecycleFact.Joined(envelope("joiner-1", submitted), LocalDate.of(2026, 1, 20),
                "America/Los_Angeles"), submitted);

        List<CaseUpdate> updates = lifecycle(left("leaver-1", END, LEAVER_SUBMITTED), LEAVER_SUBMITTED);

        // Then the cut-off is due at the end of the end date in Los Angeles (PDT, -07:00)
        assertThat(view(updates, CUT).dueAt()).isEqualTo(Instant.parse("2026-04-11T07:00:00Z"));
        assertThat(view(updates, CUT).timeZone()).isEqualTo("America/Los_Angeles");
    }

    @Test
    void shouldNotOpenCasesDueBeforeMeasurementBegan() {
        // Given measurement from the start of 2026-04-11 UTC: the cut-off (due 04:00 UTC) is before it
        SleSettings d = SleSettings.DEFAULTS;
        SleCaseRules fromApril = new SleCaseRules(new SleSettings(d.targets(), d.noticeDays(),
                d.deprovisioningWindowDays(), d.moverWindowDays(), d.cutOffAccountSystems(), d.cutOffEntitlements(),
                d.finalAfter(), d.unmatchedRetention(), Instant.parse("2026-04-11T12:00:00Z")));

        SleCaseRules.Step step = fromApril.onLifecycle(state, left("leaver-1", END, LEAVER_SUBMITTED),
                Instant.parse("2026-04-12T00:00:00Z"));

        assertThat(step.state().cases()).extracting(SleCase::caseId).containsExactly(DEPROVISIONING);
        assertThat(step.state().seenEvents()).contains("leaver-1");
    }

    // ----------------------------------------------------------------------------------------------------------

    private CaseStatus cutDecidedWhenDisabledAt(Instant disabledAt) {
        state = PersonCases.empty(Facts.PERSON);
        lifecycle(left("leaver-1", END, LEAVER_SUBMITTED), LEAVER_SUBMITTED);
        access(done("out-1", "leaver-1", "a1", AccessAction.ACCOUNT_DISABLED, null, disabledAt), disabledAt);
        time(CUT_DUE.plusSeconds(2));
        return state.cases().get(0).reported().status();
    }

    private List<CaseUpdate> lifecycle(LifecycleFact fact, Instant now) {
        return take(rules.onLifecycle(state, fact, now));
    }

    private List<CaseUpdate> access(AccessEvidence evidence, Instant now) {
        return take(rules.onAccess(state, evidence, now));
    }

    private List<CaseUpdate> equipment(EquipmentEvidence evidence, Instant now) {
        return take(rules.onEquipment(state, evidence, now));
    }

    private List<CaseUpdate> time(Instant now) {
        return take(rules.onTime(state, now));
    }

    private List<CaseUpdate> take(SleCaseRules.Step step) {
        state = step.state();
        return step.updates();
    }

    private static List<CaseView> reported(List<CaseUpdate> updates) {
        return updates.stream().filter(Reported.class::isInstance).map(u -> ((Reported) u).view()).toList();
    }

    private static CaseView view(List<CaseUpdate> updates, String caseId) {
        return reported(updates).stream().filter(v -> v.caseId().equals(caseId)).findFirst()
                .orElseThrow(() -> new AssertionError("no report of " + caseId + " in " + updates));
    }
}
