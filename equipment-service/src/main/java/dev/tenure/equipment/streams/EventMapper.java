package dev.tenure.equipment.streams;

import dev.tenure.equipment.domain.DesksideStep;
import dev.tenure.equipment.domain.EquipmentChange;
import dev.tenure.equipment.domain.ItemState;
import dev.tenure.schemas.equipment.DesksideStepSubmitted;
import dev.tenure.schemas.equipment.EquipmentEvent;
import dev.tenure.schemas.equipment.EquipmentState;
import dev.tenure.schemas.equipment.EquipmentType;

/** Between the rules' records and the Avro contracts of equipment-events and equipment-deskside-steps. */
public final class EventMapper {

    public static final String SOURCE = "equipment-service";

    private EventMapper() {
    }

    public static EquipmentEvent toEvent(EquipmentChange change) {
        return EquipmentEvent.newBuilder()
                .setEventId(change.eventId())
                .setOccurredAt(change.occurredAt())
                .setCausationId(change.causationId())
                .setCorrelationId(change.correlationId())
                .setSource(SOURCE)
                .setPersonId(change.personId())
                .setAgency(change.agency() == null ? "" : change.agency())
                .setItemType(EquipmentType.valueOf(change.type().name()))
                .setModel(change.model())
                .setAssetTag(change.assetTag())
                .setSerialNumber(change.serialNumber())
                .setState(state(change.state()))
                .setDueAt(change.dueAt())
                .setActor(change.actor())
                .setItemId(change.itemId())
                .setChange(dev.tenure.schemas.equipment.EquipmentChange.valueOf(change.change().name()))
                .setPreviousState(change.previousState() == null ? null : state(change.previousState()))
                .setCatalogueItem(change.catalogueItem())
                .setCatalogueVersion(change.catalogueVersion())
                .setSite(change.site())
                .setReason(change.reason())
                .build();
    }

    public static DesksideStep toStep(DesksideStepSubmitted submitted) {
        return new DesksideStep(submitted.getEventId(), submitted.getPersonId(), submitted.getItemId(),
                itemState(submitted.getStep()), submitted.getAssetTag(), submitted.getSerialNumber(),
                submitted.getNote(), submitted.getActor(), submitted.getCorrelationId(), submitted.getOccurredAt());
    }

    public static DesksideStepSubmitted toSubmitted(DesksideStep step) {
        return DesksideStepSubmitted.newBuilder()
                .setEventId(step.stepId())
                .setOccurredAt(step.submittedAt())
                .setCausationId(null)
                .setCorrelationId(step.correlationId())
                .setSource(SOURCE)
                .setPersonId(step.personId())
                .setItemId(step.itemId())
                .setStep(state(step.target()))
                .setAssetTag(step.assetTag())
                .setSerialNumber(step.serialNumber())
                .setNote(step.note())
                .setActor(step.actor())
                .build();
    }

    static EquipmentState state(ItemState state) {
        return EquipmentState.valueOf(state.name());
    }

    /** UNKNOWN (a newer writer's state) maps to null: the rules refuse it as no deskside step. */
    static ItemState itemState(EquipmentState state) {
        return state == null || state == EquipmentState.UNKNOWN ? null : ItemState.valueOf(state.name());
    }
}
