package dev.tenure.audit.sle.streams;

import static dev.tenure.audit.sle.streams.SleEvents.NEW_YORK;
import static dev.tenure.audit.sle.streams.SleEvents.command;
import static dev.tenure.audit.sle.streams.SleEvents.equipment;
import static dev.tenure.audit.sle.streams.SleEvents.joiner;
import static dev.tenure.audit.sle.streams.SleEvents.leaver;
import static dev.tenure.audit.sle.streams.SleEvents.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.audit.sle.domain.CaseStatus;
import dev.tenure.audit.sle.domain.CaseView;
import dev.tenure.audit.sle.domain.Compliance;
import dev.tenure.audit.sle.domain.ComplianceCounts;
import dev.tenure.schemas.access.AccessAction;
import dev.tenure.schemas.access.AccessOutcome;
import dev.tenure.schemas.access.AccessStep;
import dev.tenure.schemas.equipment.EquipmentChange;
import dev.tenure.schemas.equipment.EquipmentState;
import dev.tenure.schemas.sle.PeriodKind;
import dev.tenure.schemas.sle.ServiceLevelExpectation;
import dev.tenure.schemas.sle.SleCaseStatus;
import dev.tenure.schemas.sle.SleCompliance;
import dev.tenure.schemas.sle.SleStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SLE topology end to end in a TopologyTestDriver: lifecycle events, planned changes, outcomes and equipment in,
 * case statuses and aggregates out, with explicit times. The service's clock is moved by hand; the punctuator decides
 * what comes due.
 */
class SleTopologyTest {

    private static final String PERSON = "P-1";

    // A leaver in New York (EDT): last day Friday 10 April 2026, submitted three weeks ahead; cut-off 17:00 local.
    private static final LocalDate END = LocalDate.of(2026, 4, 10);
    private static final Instant SUBMITTED = Instant.parse("2026-03-20T14:00:00Z");
    private static final Instant CUT_OFF = Instant.parse("2026-04-10T21:00:00Z");
    private static final Instant CUT_DUE = Instant.parse("2026-04-11T04:00:00Z");
    private static final Instant DEPROVISIONING_DUE = Instant.parse("2026-04-25T04:00:00Z");
    private static final String CUT = "ACCESS_CUT_ON_END_DATE:EOTSS:L-1";
    private static final String DEPROVISIONING = "DEPROVISIONED_WITHIN_14_DAYS:EOTSS:L-1";
    private static final String CUT_WEEK = "ACCESS_CUT_ON_END_DATE:EOTSS:WEEK:2026-04-06";
    private static final String CUT_MONTH = "ACCESS_CUT_ON_END_DATE:EOTSS:MONTH:2026-04-01";

    private SleDriver sle = new SleDriver(SUBMITTED);

    @AfterEach
    void stop() {
        sle.close();
    }

    // ------------------------------------------------------------------------------------------------ cut-off

    @Test
    void shouldMeetTheCutOffWhenTheAccountIsDisabledOneSecondBeforeItsDueTime() {
        // Given a leaver whose account is disabled at 23:59:59 local on the end date
        leave("L-1", END, NEW_YORK, SUBMITTED);
        disable("L-1", CUT_DUE.minusSeconds(1));

        // Then the case stays pending until its due time, then is met
        assertThat(sle.latestStatuses().get(CUT).getStatus()).isEqualTo(SleStatus.PENDING);
        sle.passTime(CUT_DUE);
        SleCaseStatus cut = sle.latestStatuses().get(CUT);
        assertThat(cut.getStatus()).isEqualTo(SleStatus.MET);
        assertThat(cut.getCompletedAt()).isEqualTo(CUT_DUE.minusSeconds(1));
        assertThat(cut.getDueAt()).isEqualTo(CUT_DUE);
        assertThat(cut.getSle()).isEqualTo(ServiceLevelExpectation.ACCESS_CUT_ON_END_DATE);
        assertThat(cut.getEffectiveDate()).isEqualTo(END);
        assertThat(cut.getTimeZone()).isEqualTo(NEW_YORK);

        // And it counts as met in its week and month, against the 100% target
        SleCompliance month = sle.latestAggregates().get(CUT_MONTH);
        assertThat(counts(month)).isEqualTo(new ComplianceCounts(1, 1, 0, 0, 0));
        assertThat(month.getTarget()).isEqualTo(1.0);
        assertThat(month.getPeriodKind()).isEqualTo(PeriodKind.MONTH);
        assertThat(month.getPeriodStart()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(counts(sle.latestAggregates().get(CUT_WEEK))).isEqualTo(new ComplianceCounts(1, 1, 0, 0, 0));
    }

    @Test
    void shouldMissTheCutOffWhenTheAccountIsDisabledOneSecondAfterItsDueTime() {
        leave("L-1", END, NEW_YORK, SUBMITTED);

        disable("L-1", CUT_DUE.plusSeconds(1));

        assertThat(sle.latestStatuses().get(CUT).getStatus()).isEqualTo(SleStatus.MISSED);
        assertThat(sle.latestStatuses().get(CUT).getCompletedAt()).isEqualTo(CUT_DUE.plusSeconds(1));
        assertThat(counts(sle.latestAggregates().get(CUT_MONTH))).isEqualTo(new ComplianceCounts(1, 0, 1, 0, 0));
    }

    @Test
    void shouldMarkACaseMissedWhenItsDueTimePassesWithoutAnyOutcome() {
        // Given a leaver, and an executor that never reports anything
        leave("L-1", END, NEW_YORK, SUBMITTED);
        sle.at(CUT_OFF).command(command(PERSON, "L-1", "L-1/cut-off/account_disabled/account",
                AccessStep.ACCOUNT_DISABLED, "directory", null, CUT_OFF));

        // When time passes up to a second before the due time, the case is pending and counted so
        sle.passTime(CUT_DUE.minusSeconds(1));
        assertThat(sle.latestStatuses().get(CUT).getStatus()).isEqualTo(SleStatus.PENDING);
        assertThat(counts(sle.latestAggregates().get(CUT_MONTH))).isEqualTo(new ComplianceCounts(1, 0, 0, 1, 0));

        // Then at the due time the punctuator decides it missed, and the aggregate moves it from pending to missed
        sle.passTime(CUT_DUE);
        assertThat(sle.latestStatuses().get(CUT).getStatus()).isEqualTo(SleStatus.MISSED);
        assertThat(sle.latestStatuses().get(CUT).getCausationId()).isNull();
        assertThat(counts(sle.latestAggregates().get(CUT_MONTH))).isEqualTo(new ComplianceCounts(1, 0, 1, 0, 0));
        assertThat(sle.caseStore().get(CUT).status()).isEqualTo(CaseStatus.MISSED);
    }

    @Test
    void shouldWaitForTheVpnAndMfaOfTheCutOffNotJustTheAccount() {
        // Given the account disabled on time, the VPN revocation failing, and MFA revoked by the identity provider
        leave("L-1", END, NEW_YORK, SUBMITTED);
        disable("L-1", CUT_OFF.plusSeconds(1));
        sle.at(CUT_OFF.plusSeconds(2)).command(command(PERSON, "L-1", "L-1/cut-off/entitlement_revoked/vpn",
                AccessStep.ENTITLEMENT_REVOKED, "directory", "vpn", CUT_OFF));
        sle.outcome(outcome("o-vpn-1", PERSON, "L-1", "L-1/cut-off/entitlement_revoked/vpn",
                AccessAction.ENTITLEMENT_REVOKED, "directory", "vpn", AccessOutcome.FAILED, CUT_OFF, CUT_OFF));
        sle.outcome(outcome("o-mfa-1", PERSON, "L-1", "L-1/cut-off/mfa", AccessAction.MFA_REVOKED, "idp", null,
                AccessOutcome.DONE, CUT_OFF.plusSeconds(2), CUT_OFF));

        // Then at the due time the cut-off is missed: the VPN is still on
        sle.passTime(CUT_DUE);
        assertThat(sle.latestStatuses().get(CUT).getStatus()).isEqualTo(SleStatus.MISSED);

        // When the retried revocation's success arrives, done before the due time after all
        sle.at(CUT_DUE.plus(Duration.ofHours(2))).outcome(outcome("o-vpn-2", PERSON, "L-1",
                "L-1/cut-off/entitlement_revoked/vpn", AccessAction.ENTITLEMENT_REVOKED, "directory", "vpn",
                AccessOutcome.DONE, CUT_DUE.minusSeconds(60), CUT_OFF));

        // Then the cut-off was met, completed by its last step
        assertThat(sle.latestStatuses().get(CUT).getStatus()).isEqualTo(SleStatus.MET);
        assertThat(sle.latestStatuses().get(CUT).getCompletedAt()).isEqualTo(CUT_DUE.minusSeconds(60));
    }

    // ------------------------------------------------------------------------------------------ idempotency

    @Test
    void shouldChangeNothingWhenAnOutcomeArrivesTwiceOrAlreadySoFollowsDone() {
        // Given a cut-off done once
        leave("L-1", END, NEW_YORK, SUBMITTED);
        disable("L-1", CUT_OFF.plusSeconds(1));
        sle.newStatuses();
        sle.newAggregates();

        // When the same outcome is delivered again, and a replay after a crash reports ALREADY_SO later
        sle.at(CUT_OFF.plusSeconds(30)).outcome(disabled("o-L-1", "L-1", AccessOutcome.DONE, CUT_OFF.plusSeconds(1)));
        sle.at(CUT_OFF.plusSeconds(90)).outcome(disabled("o-L-1-replay", "L-1", AccessOutcome.ALREADY_SO,
                CUT_OFF.plusSeconds(90)));

        // Then no case status and no aggregate is written again
        assertThat(sle.newStatuses()).isEmpty();
        assertThat(sle.newAggregates()).isEmpty();

        // And at the due time the case is met once, completed at the first success
        sle.passTime(CUT_DUE);
        assertThat(sle.latestStatuses().get(CUT).getCompletedAt()).isEqualTo(CUT_OFF.plusSeconds(1));
        assertThat(counts(sle.latestAggregates().get(CUT_MONTH))).isEqualTo(new ComplianceCounts(1, 1, 0, 0, 0));
        assertThat(sle.complianceStore().get(CUT_MONTH).counts()).isEqualTo(new ComplianceCounts(1, 1, 0, 0, 0));
    }

    @Test
    void shouldUpdateAnOldCaseAndItsAggregatesExactlyOnceWhenALateOutcomeArrives() {
        // Given a cut-off decided missed for lack of news
        leave("L-1", END, NEW_YORK, SUBMITTED);
        sle.passTime(CUT_DUE);
        assertThat(sle.latestStatuses().get(CUT).getStatus()).isEqualTo(SleStatus.MISSED);
        sle.newStatuses();
        sle.newAggregates();

        // When, two days later, the outcome of a disable done at the cut-off arrives (twice)
        sle.at(CUT_DUE.plus(Duration.ofDays(2))).outcome(disabled("o-late", "L-1", AccessOutcome.DONE, CUT_OFF));
        sle.at(CUT_DUE.plus(Duration.ofDays(2)).plusSeconds(5)).outcome(disabled("o-late", "L-1",
                AccessOutcome.DONE, CUT_OFF));

        // Then the cut-off case is reported met exactly once
        List<KeyValue<String, SleCaseStatus>> statuses = sle.newStatuses();
        assertThat(statuses).filteredOn(kv -> kv.key.equals(CUT)).singleElement()
                .satisfies(kv -> assertThat(kv.value.getStatus()).isEqualTo(SleStatus.MET));

        // And its week and month each move once from missed to met; the pending deprovisioning aggregates do not move
        List<KeyValue<String, SleCompliance>> aggregates = sle.newAggregates();
        assertThat(aggregates).extracting(kv -> kv.key).containsExactlyInAnyOrder(CUT_WEEK, CUT_MONTH);
        assertThat(aggregates).allSatisfy(kv -> assertThat(counts(kv.value))
                .isEqualTo(new ComplianceCounts(1, 1, 0, 0, 0)));
        assertThat(aggregates).allSatisfy(kv -> assertThat(kv.value.getCausationId())
                .isEqualTo(statuses.stream().filter(s -> s.key.equals(CUT)).findFirst().orElseThrow().value
                        .getEventId()));
    }

    @Test
    void shouldTakeAnOutcomeProcessedBeforeItsLeaver() {
        // Given the disable's outcome read before the leaver event (they come from different topics)
        sle.at(CUT_OFF.plusSeconds(1)).outcome(disabled("o-early", "L-1", AccessOutcome.DONE, CUT_OFF));
        assertThat(sle.latestStatuses()).isEmpty();

        // When the leaver arrives
        sle.at(CUT_OFF.plusSeconds(2)).lifecycle(leaver("L-1", PERSON, END, NEW_YORK, SUBMITTED));

        // Then the outcome counts for it
        sle.passTime(CUT_DUE);
        assertThat(sle.latestStatuses().get(CUT).getStatus()).isEqualTo(SleStatus.MET);
    }

    // ------------------------------------------------------------------------------------------ provisioning

    @Test
    void shouldMeetProvisioningReadyOneSecondBeforeTheStartDateAndMissOneReadyOneSecondAfter() {
        // Given two joiners starting Monday 4 May 2026 in New York (due at local midnight, 04:00 UTC)
        LocalDate start = LocalDate.of(2026, 5, 4);
        Instant due = Instant.parse("2026-05-04T04:00:00Z");
        Instant submitted = Instant.parse("2026-04-01T14:00:00Z");
        sle.at(submitted).lifecycle(joiner("J-1", "P-1", start, NEW_YORK, submitted));
        sle.lifecycle(joiner("J-2", "P-2", start, NEW_YORK, submitted));
        sle.equipment(equipment("eq-1", "P-1", "item-1", "J-1", "J-1", EquipmentChange.REQUESTED,
                EquipmentState.REQUESTED, submitted));

        // When the first's account, groups and laptop are ready a second before the start, the second's a second after
        created("P-1", "J-1", due.minus(Duration.ofDays(7)));
        sle.at(due.minusSeconds(1)).equipment(equipment("eq-2", "P-1", "item-1", "step-1", "J-1",
                EquipmentChange.DELIVERED, EquipmentState.DELIVERED, due.minusSeconds(1)));
        created("P-2", "J-2", due.plusSeconds(1));
        sle.passTime(due.plusSeconds(1));

        // Then the first is met and the second missed, 1 of 2 against the 90% target
        Map<String, SleCaseStatus> latest = sle.latestStatuses();
        assertThat(latest.get("PROVISIONED_BEFORE_START:EOTSS:J-1").getStatus()).isEqualTo(SleStatus.MET);
        assertThat(latest.get("PROVISIONED_BEFORE_START:EOTSS:J-1").getCompletedAt()).isEqualTo(due.minusSeconds(1));
        assertThat(latest.get("PROVISIONED_BEFORE_START:EOTSS:J-2").getStatus()).isEqualTo(SleStatus.MISSED);
        SleCompliance may = sle.latestAggregates().get("PROVISIONED_BEFORE_START:EOTSS:MONTH:2026-05-01");
        assertThat(counts(may)).isEqualTo(new ComplianceCounts(2, 1, 1, 0, 0));
        assertThat(may.getTarget()).isEqualTo(0.9);
    }

    @Test
    void shouldCountARequestSubmittedExactlyFourteenDaysAheadAndReportOneSecondLessAsLate() {
        // Given joiners starting 20 March 2026 in New York (EDT since 8 March): exactly 14 calendar days before
        // the start is 6 March 00:00 EST, 05:00 UTC — an hour later than 14 × 24 h before the start instant
        LocalDate start = LocalDate.of(2026, 3, 20);
        Instant exactly = Instant.parse("2026-03-06T05:00:00Z");
        sle.at(exactly).lifecycle(joiner("J-1", "P-1", start, NEW_YORK, exactly));
        sle.at(exactly.plusSeconds(1)).lifecycle(joiner("J-2", "P-2", start, NEW_YORK, exactly.plusSeconds(1)));

        // Then the first is counted against the SLE, the second is a late submission, reported apart
        Map<String, SleCaseStatus> latest = sle.latestStatuses();
        assertThat(latest.get("PROVISIONED_BEFORE_START:EOTSS:J-1").getStatus()).isEqualTo(SleStatus.PENDING);
        assertThat(latest.get("PROVISIONED_BEFORE_START:EOTSS:J-2").getStatus()).isEqualTo(SleStatus.LATE_SUBMISSION);
        assertThat(latest.get("PROVISIONED_BEFORE_START:EOTSS:J-2").getSubmittedAt()).isEqualTo(exactly.plusSeconds(1));
        assertThat(counts(sle.latestAggregates().get("PROVISIONED_BEFORE_START:EOTSS:MONTH:2026-03-01")))
                .isEqualTo(new ComplianceCounts(2, 0, 0, 1, 1));

        // And a late submission stays one whatever happens by its due time
        sle.passTime(Instant.parse("2026-03-20T04:00:00Z"));
        assertThat(sle.latestStatuses().get("PROVISIONED_BEFORE_START:EOTSS:J-2").getStatus())
                .isEqualTo(SleStatus.LATE_SUBMISSION);
        assertThat(counts(sle.latestAggregates().get("PROVISIONED_BEFORE_START:EOTSS:MONTH:2026-03-01")))
                .isEqualTo(new ComplianceCounts(2, 0, 1, 0, 1));
    }

    @Test
    void shouldWithdrawACancelledJoinersCaseAndMoveACorrectedStartDate() {
        Instant submitted = Instant.parse("2026-04-01T14:00:00Z");
        sle.at(submitted).lifecycle(joiner("J-1", "P-1", LocalDate.of(2026, 5, 4), NEW_YORK, submitted));
        sle.lifecycle(joiner("J-2", "P-2", LocalDate.of(2026, 5, 4), NEW_YORK, submitted));

        // When the first's start moves to June and the second is a no-show cancelled before the start
        sle.at(submitted.plus(Duration.ofDays(3))).lifecycle(SleEvents.startDateChanged("C-1", "P-1",
                LocalDate.of(2026, 6, 1), NEW_YORK, submitted.plus(Duration.ofDays(3))));
        sle.lifecycle(SleEvents.joinerCancelled("X-2", "P-2", "J-2", LocalDate.of(2026, 5, 4), NEW_YORK,
                submitted.plus(Duration.ofDays(3))));

        // Then the first is due at the new start and counted in June; the second is gone from topic, store and counts
        Map<String, SleCaseStatus> latest = sle.latestStatuses();
        assertThat(latest).containsOnlyKeys("PROVISIONED_BEFORE_START:EOTSS:J-1");
        assertThat(latest.get("PROVISIONED_BEFORE_START:EOTSS:J-1").getDueAt())
                .isEqualTo(Instant.parse("2026-06-01T04:00:00Z"));
        assertThat(sle.caseStore().get("PROVISIONED_BEFORE_START:EOTSS:J-2")).isNull();
        Map<String, SleCompliance> aggregates = sle.latestAggregates();
        assertThat(aggregates).doesNotContainKey("PROVISIONED_BEFORE_START:EOTSS:MONTH:2026-05-01");
        assertThat(counts(aggregates.get("PROVISIONED_BEFORE_START:EOTSS:MONTH:2026-06-01")))
                .isEqualTo(new ComplianceCounts(1, 0, 0, 1, 0));
    }

    // ------------------------------------------------------------------------------------------ corrections

    @Test
    void shouldMoveTheLeaverCasesAndTheirCountsToACorrectedEndDate() {
        // Given a leaver whose end date is corrected from Friday 10 to Friday 17 April before the cut-off
        leave("L-1", END, NEW_YORK, SUBMITTED);
        Instant corrected = Instant.parse("2026-04-01T14:00:00Z");
        sle.at(corrected).lifecycle(SleEvents.endDateChanged("C-1", PERSON, END.plusDays(7), NEW_YORK, corrected));

        // Then the cases are due a week later, and nothing is decided at the old due time
        sle.passTime(CUT_DUE);
        assertThat(sle.latestStatuses().get(CUT).getStatus()).isEqualTo(SleStatus.PENDING);
        assertThat(sle.latestStatuses().get(CUT).getDueAt()).isEqualTo(CUT_DUE.plus(Duration.ofDays(7)));
        assertThat(sle.latestStatuses().get(DEPROVISIONING).getDueAt())
                .isEqualTo(DEPROVISIONING_DUE.plus(Duration.ofDays(7)));

        // And the cut-off counts in the new week only (the old week's aggregate is gone), still in April
        Map<String, SleCompliance> aggregates = sle.latestAggregates();
        assertThat(aggregates).doesNotContainKey(CUT_WEEK);
        assertThat(counts(aggregates.get("ACCESS_CUT_ON_END_DATE:EOTSS:WEEK:2026-04-13")))
                .isEqualTo(new ComplianceCounts(1, 0, 0, 1, 0));
        assertThat(counts(aggregates.get(CUT_MONTH))).isEqualTo(new ComplianceCounts(1, 0, 0, 1, 0));

        // When the account is disabled at the new cut-off
        disable("L-1", CUT_OFF.plus(Duration.ofDays(7)));
        sle.passTime(CUT_DUE.plus(Duration.ofDays(7)));

        // Then the cut-off is met
        assertThat(sle.latestStatuses().get(CUT).getStatus()).isEqualTo(SleStatus.MET);
        assertThat(counts(sle.latestAggregates().get(CUT_MONTH))).isEqualTo(new ComplianceCounts(1, 1, 0, 0, 0));
    }

    @Test
    void shouldWithdrawTheCasesOfACancelledLeaverAndUncountThem() {
        // Given a leaver counted as pending
        leave("L-1", END, NEW_YORK, SUBMITTED);
        assertThat(sle.latestAggregates()).containsKeys(CUT_WEEK, CUT_MONTH);
        sle.newStatuses();

        // When the resignation is withdrawn before the end date
        Instant withdrawn = Instant.parse("2026-04-02T14:00:00Z");
        sle.at(withdrawn).lifecycle(SleEvents.leaverCancelled("X-1", PERSON, "L-1", END, NEW_YORK, withdrawn));

        // Then both cases get a tombstone, leave the store, and the aggregates they alone made are deleted
        assertThat(sle.newStatuses()).extracting(kv -> kv.key, kv -> kv.value)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(CUT, null),
                        org.assertj.core.groups.Tuple.tuple(DEPROVISIONING, null));
        assertThat(sle.latestStatuses()).isEmpty();
        assertThat(sle.caseStore().get(CUT)).isNull();
        assertThat(sle.latestAggregates()).isEmpty();
        assertThat(sle.complianceStore().get(CUT_MONTH)).isNull();

        // And nothing is decided for them later
        sle.passTime(DEPROVISIONING_DUE);
        assertThat(sle.newStatuses()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ time zones

    @Test
    void shouldReckonTheEndDateInThePersonsZoneAcrossMidnightUtc() {
        // Given two leavers in Los Angeles whose last day is Saturday 31 January 2026: the day ends at 08:00 UTC on
        // 1 February
        LocalDate end = LocalDate.of(2026, 1, 31);
        Instant due = Instant.parse("2026-02-01T08:00:00Z");
        Instant submitted = Instant.parse("2026-01-02T17:00:00Z");
        sle.at(submitted).lifecycle(leaver("L-1", "P-1", end, "America/Los_Angeles", submitted));
        sle.lifecycle(leaver("L-2", "P-2", end, "America/Los_Angeles", submitted));

        // When one is disabled at 23:59:59 local (already 1 February in UTC), the other a second after midnight
        sle.at(due.minusSeconds(1)).outcome(outcome("o-1", "P-1", "L-1", "a-1", AccessAction.ACCOUNT_DISABLED,
                "directory", null, AccessOutcome.DONE, due.minusSeconds(1), null));
        sle.at(due.plusSeconds(1)).outcome(outcome("o-2", "P-2", "L-2", "a-2", AccessAction.ACCOUNT_DISABLED,
                "directory", null, AccessOutcome.DONE, due.plusSeconds(1), null));
        sle.passTime(due.plusSeconds(1));

        // Then the first met and the second missed the cut-off, both counted in January, the month of their end date
        Map<String, SleCaseStatus> latest = sle.latestStatuses();
        assertThat(latest.get("ACCESS_CUT_ON_END_DATE:EOTSS:L-1").getStatus()).isEqualTo(SleStatus.MET);
        assertThat(latest.get("ACCESS_CUT_ON_END_DATE:EOTSS:L-2").getStatus()).isEqualTo(SleStatus.MISSED);
        Map<String, SleCompliance> aggregates = sle.latestAggregates();
        assertThat(counts(aggregates.get("ACCESS_CUT_ON_END_DATE:EOTSS:MONTH:2026-01-01")))
                .isEqualTo(new ComplianceCounts(2, 1, 1, 0, 0));
        assertThat(counts(aggregates.get("ACCESS_CUT_ON_END_DATE:EOTSS:WEEK:2026-01-26")))
                .isEqualTo(new ComplianceCounts(2, 1, 1, 0, 0));
        assertThat(aggregates).doesNotContainKey("ACCESS_CUT_ON_END_DATE:EOTSS:MONTH:2026-02-01");
    }

    @Test
    void shouldCountTheDeprovisioningWindowInLocalDaysAcrossTheDaylightSavingChange() {
        // Given two leavers in New York whose last day is Sunday 1 March 2026; DST starts on 8 March, so the window
        // ends at local midnight after 15 March, 04:00 UTC — an hour short of 14 × 24 h after the end of the end date
        LocalDate end = LocalDate.of(2026, 3, 1);
        Instant due = Instant.parse("2026-03-16T04:00:00Z");
        Instant submitted = Instant.parse("2026-02-02T15:00:00Z");
        Instant cutOff = Instant.parse("2026-03-01T22:00:00Z");
        sle.at(submitted).lifecycle(leaver("L-1", "P-1", end, NEW_YORK, submitted));
        sle.lifecycle(leaver("L-2", "P-2", end, NEW_YORK, submitted));
        for (String person : List.of("P-1", "P-2")) {
            String leaver = person.equals("P-1") ? "L-1" : "L-2";
            sle.at(cutOff).outcome(outcome("o-a-" + person, person, leaver, leaver + "/account",
                    AccessAction.ACCOUNT_DISABLED, "directory", null, AccessOutcome.DONE, cutOff, cutOff));
            sle.outcome(outcome("o-g-" + person, person, leaver, leaver + "/group", AccessAction.ENTITLEMENT_REVOKED,
                    "directory", "finance-share", AccessOutcome.FAILED, cutOff, cutOff));
        }

        // When the group removals succeed at 23:59:59 on 15 March and at 00:30 on 16 March, local time
        sle.at(due.minusSeconds(1)).outcome(outcome("o-g2-P-1", "P-1", "L-1", "L-1/group",
                AccessAction.ENTITLEMENT_REVOKED, "directory", "finance-share", AccessOutcome.DONE,
                due.minusSeconds(1), cutOff));
        sle.at(due.plus(Duration.ofMinutes(30))).outcome(outcome("o-g2-P-2", "P-2", "L-2", "L-2/group",
                AccessAction.ENTITLEMENT_REVOKED, "directory", "finance-share", AccessOutcome.DONE,
                due.plus(Duration.ofMinutes(30)), cutOff));
        sle.passTime(due.plus(Duration.ofMinutes(30)));

        // Then the first met and the second missed deprovisioning, though both finished within 14 × 24 h of the end
        Map<String, SleCaseStatus> latest = sle.latestStatuses();
        assertThat(latest.get("DEPROVISIONED_WITHIN_14_DAYS:EOTSS:L-1").getStatus()).isEqualTo(SleStatus.MET);
        assertThat(latest.get("DEPROVISIONED_WITHIN_14_DAYS:EOTSS:L-2").getStatus()).isEqualTo(SleStatus.MISSED);
        assertThat(latest.get("DEPROVISIONED_WITHIN_14_DAYS:EOTSS:L-1").getDueAt()).isEqualTo(due);
        SleCompliance march = sle.latestAggregates().get("DEPROVISIONED_WITHIN_14_DAYS:EOTSS:MONTH:2026-03-01");
        assertThat(counts(march)).isEqualTo(new ComplianceCounts(2, 1, 1, 0, 0));
        assertThat(march.getTarget()).isEqualTo(0.99);
    }

    // ------------------------------------------------------------------------------------------ deprovisioning

    @Test
    void shouldWaitForTheLaptopToBeCollectedBeforeDeprovisioningIsComplete() {
        // Given a leaver whose account and groups go at the cut-off, and whose laptop is locked and asked back
        leave("L-1", END, NEW_YORK, SUBMITTED);
        disable("L-1", CUT_OFF.plusSeconds(1));
        sle.at(CUT_OFF.plusSeconds(5)).equipment(equipment("eq-1", PERSON, "item-1", "L-1", "L-1",
                EquipmentChange.LOCKED, EquipmentState.LOCKED, CUT_OFF.plusSeconds(5)));
        sle.equipment(equipment("eq-2", PERSON, "item-1", "L-1", "L-1", EquipmentChange.COLLECTION_REQUESTED,
                EquipmentState.COLLECTION_REQUESTED, CUT_OFF.plusSeconds(5)));

        // When deskside records it collected a second before the window ends
        sle.at(DEPROVISIONING_DUE.minusSeconds(1)).equipment(equipment("eq-3", PERSON, "item-1", "step-7", "L-1",
                EquipmentChange.COLLECTED, EquipmentState.COLLECTED, DEPROVISIONING_DUE.minusSeconds(1)));
        sle.passTime(DEPROVISIONING_DUE);

        // Then deprovisioning is met, completed by the collection
        SleCaseStatus deprovisioning = sle.latestStatuses().get(DEPROVISIONING);
        assertThat(deprovisioning.getStatus()).isEqualTo(SleStatus.MET);
        assertThat(deprovisioning.getCompletedAt()).isEqualTo(DEPROVISIONING_DUE.minusSeconds(1));
    }

    @Test
    void shouldMissDeprovisioningWhenTheLaptopComesBackOneSecondLate() {
        leave("L-1", END, NEW_YORK, SUBMITTED);
        disable("L-1", CUT_OFF.plusSeconds(1));
        sle.at(CUT_OFF.plusSeconds(5)).equipment(equipment("eq-2", PERSON, "item-1", "L-1", "L-1",
                EquipmentChange.COLLECTION_REQUESTED, EquipmentState.COLLECTION_REQUESTED, CUT_OFF.plusSeconds(5)));

        sle.passTime(DEPROVISIONING_DUE);
        sle.at(DEPROVISIONING_DUE.plusSeconds(1)).equipment(equipment("eq-3", PERSON, "item-1", "step-7", "L-1",
                EquipmentChange.COLLECTED, EquipmentState.COLLECTED, DEPROVISIONING_DUE.plusSeconds(1)));

        SleCaseStatus deprovisioning = sle.latestStatuses().get(DEPROVISIONING);
        assertThat(deprovisioning.getStatus()).isEqualTo(SleStatus.MISSED);
        assertThat(deprovisioning.getCompletedAt()).isEqualTo(DEPROVISIONING_DUE.plusSeconds(1));
    }

    // ------------------------------------------------------------------------------------------ movers

    @Test
    void shouldMeetAMoversRemovalOneSecondBeforeTheWindowEndsAndMissOneSecondAfter() {
        // Given two movers on Monday 1 June 2026 in New York: due at local midnight after 15 June
        LocalDate move = LocalDate.of(2026, 6, 1);
        Instant due = Instant.parse("2026-06-16T04:00:00Z");
        Instant submitted = Instant.parse("2026-05-01T14:00:00Z");
        sle.at(submitted).lifecycle(SleEvents.mover("M-1", "P-1", move, NEW_YORK, submitted));
        sle.lifecycle(SleEvents.mover("M-2", "P-2", move, NEW_YORK, submitted));
        Instant moved = Instant.parse("2026-06-01T04:00:00Z");
        for (String person : List.of("P-1", "P-2")) {
            String mover = person.equals("P-1") ? "M-1" : "M-2";
            sle.at(moved).command(command(person, mover, mover + "/move/entitlement_revoked/finance-share",
                    AccessStep.ENTITLEMENT_REVOKED, "directory", "finance-share", moved));
        }

        // When the prior role's group goes a second before the due time for one, a second after for the other
        sle.at(due.minusSeconds(1)).outcome(outcome("o-1", "P-1", "M-1", "M-1/move/entitlement_revoked/finance-share",
                AccessAction.ENTITLEMENT_REVOKED, "directory", "finance-share", AccessOutcome.DONE, due.minusSeconds(1),
                moved));
        sle.passTime(due);
        sle.at(due.plusSeconds(1)).outcome(outcome("o-2", "P-2", "M-2", "M-2/move/entitlement_revoked/finance-share",
                AccessAction.ENTITLEMENT_REVOKED, "directory", "finance-share", AccessOutcome.DONE, due.plusSeconds(1),
                moved));

        Map<String, SleCaseStatus> latest = sle.latestStatuses();
        assertThat(latest.get("MOVER_PRIOR_ACCESS_REMOVED:EOTSS:M-1").getStatus()).isEqualTo(SleStatus.MET);
        assertThat(latest.get("MOVER_PRIOR_ACCESS_REMOVED:EOTSS:M-2").getStatus()).isEqualTo(SleStatus.MISSED);
        assertThat(counts(sle.latestAggregates().get("MOVER_PRIOR_ACCESS_REMOVED:EOTSS:MONTH:2026-06-01")))
                .isEqualTo(new ComplianceCounts(2, 1, 1, 0, 0));
    }

    @Test
    void shouldNotLeaveAMoverWithNothingToRemovePendingForever() {
        Instant submitted = Instant.parse("2026-05-01T14:00:00Z");
        sle.at(submitted).lifecycle(SleEvents.mover("M-1", "P-1", LocalDate.of(2026, 6, 1), NEW_YORK, submitted));

        sle.passTime(Instant.parse("2026-06-16T04:00:00Z"));

        SleCaseStatus mover = sle.latestStatuses().get("MOVER_PRIOR_ACCESS_REMOVED:EOTSS:M-1");
        assertThat(mover.getStatus()).isEqualTo(SleStatus.MET);
        assertThat(mover.getCompletedAt()).isNull();
    }

    // ------------------------------------------------------------------------------------------ aggregates

    @Test
    void shouldKeepOneAggregatePerSleAgencyAndPeriodQueryableInTheStore() {
        // Given leavers of two agencies in the same week
        leave("L-1", END, NEW_YORK, SUBMITTED);
        sle.at(SUBMITTED).lifecycle(leaver("L-2", "P-2", "DOR", END, NEW_YORK, SUBMITTED));
        disable("L-1", CUT_OFF.plusSeconds(1));
        sle.passTime(CUT_DUE);

        // Then each agency has its own week and month of each leaver SLE
        assertThat(sle.latestAggregates()).containsOnlyKeys(CUT_WEEK, CUT_MONTH,
                "ACCESS_CUT_ON_END_DATE:DOR:WEEK:2026-04-06", "ACCESS_CUT_ON_END_DATE:DOR:MONTH:2026-04-01",
                "DEPROVISIONED_WITHIN_14_DAYS:EOTSS:WEEK:2026-04-06",
                "DEPROVISIONED_WITHIN_14_DAYS:EOTSS:MONTH:2026-04-01",
                "DEPROVISIONED_WITHIN_14_DAYS:DOR:WEEK:2026-04-06",
                "DEPROVISIONED_WITHIN_14_DAYS:DOR:MONTH:2026-04-01");
        Compliance dor = sle.complianceStore().get("ACCESS_CUT_ON_END_DATE:DOR:MONTH:2026-04-01");
        assertThat(dor.counts()).isEqualTo(new ComplianceCounts(1, 0, 1, 0, 0));
        assertThat(dor.key().agency()).isEqualTo("DOR");
        CaseView view = sle.caseStore().get(CUT);
        assertThat(view.status()).isEqualTo(CaseStatus.MET);
        assertThat(view.personId()).isEqualTo(PERSON);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private void leave(String eventId, LocalDate end, String zone, Instant submitted) {
        sle.at(submitted).lifecycle(leaver(eventId, PERSON, end, zone, submitted));
    }

    /** The planner's disable command and its DONE outcome, effective at {@code at} and read then. */
    private void disable(String leaverEventId, Instant at) {
        sle.at(at).command(command(PERSON, leaverEventId, leaverEventId + "/cut-off/account_disabled/account",
                AccessStep.ACCOUNT_DISABLED, "directory", null, at));
        sle.outcome(disabled("o-" + leaverEventId, leaverEventId, AccessOutcome.DONE, at));
    }

    private static dev.tenure.schemas.access.AccessEvent disabled(String eventId, String leaverEventId,
                                                                  AccessOutcome result, Instant at) {
        return outcome(eventId, PERSON, leaverEventId, leaverEventId + "/cut-off/account_disabled/account",
                AccessAction.ACCOUNT_DISABLED, "directory", null, result, at, CUT_OFF);
    }

    /** A joiner's account created and a birthright group granted, both done at {@code at}. */
    private void created(String person, String joinerEventId, Instant at) {
        sle.at(at).command(command(person, joinerEventId, joinerEventId + "/prepare/account_created/account",
                AccessStep.ACCOUNT_CREATED, "directory", null, at));
        sle.outcome(outcome("o-c-" + person, person, joinerEventId, joinerEventId + "/prepare/account_created/account",
                AccessAction.ACCOUNT_CREATED, "directory", null, AccessOutcome.DONE, at, at));
        sle.outcome(outcome("o-g-" + person, person, joinerEventId, joinerEventId + "/prepare/granted/staff",
                AccessAction.ENTITLEMENT_GRANTED, "directory", "staff", AccessOutcome.DONE, at, at));
    }

    private static ComplianceCounts counts(SleCompliance c) {
        assertThat(c).as("aggregate").isNotNull();
        return new ComplianceCounts(c.getTotal(), c.getMet(), c.getMissed(), c.getPending(), c.getLateSubmissions());
    }
}
