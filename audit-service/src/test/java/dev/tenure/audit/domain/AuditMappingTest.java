package dev.tenure.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.audit.support.AuditedEvents;
import dev.tenure.schemas.access.AccessAction;
import dev.tenure.schemas.equipment.EquipmentChange;
import dev.tenure.schemas.equipment.EquipmentState;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AuditMappingTest {

    @Test
    void shouldRecordALifecycleEventAsSubmittedByItsSubmitterEffectiveAtTheStartOfItsDateInThePersonsZone() {
        HrLifecycleEvent leaver = AuditedEvents.leaver("P-CAROL", LocalDate.parse("2027-06-30"), "workday");

        AuditFacts facts = AuditMapping.of(leaver);

        assertThat(facts.actor()).isEqualTo("HRIS:workday");
        assertThat(facts.action()).isEqualTo("EmployeeLeft");
        assertThat(facts.subjectPersonId()).isEqualTo("P-CAROL");
        assertThat(facts.target()).isNull();
        assertThat(facts.effectiveAt()).isEqualTo(Instant.parse("2027-06-30T04:00:00Z"));
        assertThat(facts.causationId()).isEqualTo(leaver.getEventId());
        assertThat(facts.correlationId()).isEqualTo(leaver.getCorrelationId());
        assertThat(facts.occurredAt()).isEqualTo(leaver.getOccurredAt());
    }

    @Test
    void shouldRecordAnAccessEventWithItsActorActionOutcomeAndTarget() {
        Instant cut = Instant.parse("2027-06-30T21:00:00Z");
        var disabled = AuditedEvents.access("P-CAROL", AccessAction.ACCOUNT_DISABLED, "directory", null, cut, "hr-1");
        var revoked = AuditedEvents.access("P-CAROL", AccessAction.ENTITLEMENT_REVOKED, "directory", "GG-Finance", cut,
                "hr-1");

        AuditFacts facts = AuditMapping.of(disabled);

        assertThat(facts.actor()).isEqualTo("access-service");
        assertThat(facts.action()).isEqualTo("ACCOUNT_DISABLED:DONE");
        assertThat(facts.target()).isEqualTo("directory");
        assertThat(facts.effectiveAt()).isEqualTo(cut);
        assertThat(facts.causationId()).isEqualTo(disabled.getEventId());
        assertThat(AuditMapping.of(revoked).target()).isEqualTo("directory/GG-Finance");
    }

    @Test
    void shouldRecordAnEquipmentEventByTheDesksidePersonWithItsAssetOrItem() {
        var collected = AuditedEvents.equipment("P-CAROL", EquipmentChange.COLLECTED, EquipmentState.COLLECTED,
                "MA-1", "deskside-ann");
        var requested = AuditedEvents.equipment("P-CAROL", EquipmentChange.REQUESTED, EquipmentState.REQUESTED, null,
                "equipment-service");

        assertThat(AuditMapping.of(collected)).extracting(AuditFacts::actor, AuditFacts::action, AuditFacts::target,
                AuditFacts::effectiveAt).containsExactly("deskside-ann", "COLLECTED", "LAPTOP asset MA-1", null);
        assertThat(AuditMapping.of(requested).target()).isEqualTo("LAPTOP item item-P-CAROL");
    }

    @Test
    void shouldRecordAnUnreadableRecordByAnUnknownActor() {
        AuditFacts facts = AuditMapping.unreadable(null, Instant.EPOCH);

        assertThat(facts).extracting(AuditFacts::actor, AuditFacts::action, AuditFacts::subjectPersonId)
                .containsExactly("unknown", "UNREADABLE", "");
    }
}
