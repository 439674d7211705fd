package dev.tenure.audit.sle.domain;

import dev.tenure.audit.sle.domain.AccessEvidence.Result;
import dev.tenure.audit.sle.domain.LifecycleFact.Envelope;
import java.time.Instant;
import java.time.LocalDate;

/** Domain inputs for the rules' tests: one person in New York, agency EOTSS. */
final class Facts {

    static final String PERSON = "p-1";
    static final String AGENCY = "EOTSS";
    static final String ZONE = "America/New_York";

    private Facts() {
    }

    static Envelope envelope(String eventId, Instant submittedAt) {
        return new Envelope(eventId, PERSON, AGENCY, submittedAt, ZONE, "corr-" + eventId);
    }

    static LifecycleFact.Joined joined(String eventId, LocalDate start, Instant submittedAt) {
        return new LifecycleFact.Joined(envelope(eventId, submittedAt), start, ZONE);
    }

    static LifecycleFact.Left left(String eventId, LocalDate end, Instant submittedAt) {
        return new LifecycleFact.Left(envelope(eventId, submittedAt), end);
    }

    static LifecycleFact.Moved moved(String eventId, LocalDate effective, Instant submittedAt) {
        return new LifecycleFact.Moved(envelope(eventId, submittedAt), effective, ZONE);
    }

    static AccessEvidence planned(String causation, String actionId, AccessAction action, String entitlement) {
        return new AccessEvidence("cmd-" + actionId, actionId, causation, causation, action, "directory", entitlement,
                Result.PLANNED, null, null);
    }

    static AccessEvidence done(String eventId, String causation, String actionId, AccessAction action,
                               String entitlement, Instant at) {
        return outcome(eventId, causation, actionId, action, "directory", entitlement, Result.DONE, at);
    }

    static AccessEvidence outcome(String eventId, String causation, String actionId, AccessAction action,
                                  String target, String entitlement, Result result, Instant at) {
        return new AccessEvidence(eventId, actionId, causation, causation, action, target, entitlement, result, at,
                null);
    }

    static EquipmentEvidence item(String eventId, String itemId, String causation, String correlation,
                                  ItemChange change, ItemState state, Instant at) {
        return new EquipmentEvidence(eventId, itemId, causation, correlation, change, state, "LAPTOP", at);
    }
}
