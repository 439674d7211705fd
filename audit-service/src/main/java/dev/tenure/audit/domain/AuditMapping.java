package dev.tenure.audit.domain;

import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.equipment.EquipmentEvent;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.hr.Submitter;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Turns each audited event into the facts of its audit record (README, "What a record says"):
 * <ul>
 *   <li>a lifecycle event: the actor is who submitted it ({@code HRIS:workday}, {@code COORDINATOR:dpc-jane}), the
 *       action its type ({@code EmployeeLeft}), no target, effective at the start of its effective date in the
 *       person's zone;</li>
 *   <li>an access event: the actor is the event's (the service, or who completed a manual task), the action
 *       {@code <action>:<outcome>} ({@code ACCOUNT_DISABLED:DONE}), the target {@code <system>} or
 *       {@code <system>/<entitlement>}, effective when the target system changed;</li>
 *   <li>an equipment event: the actor is the event's (the service or the deskside person), the action the change
 *       ({@code COLLECTED}), the target {@code <type> asset <tag>} (or {@code item <id>} before an asset is
 *       assigned); it took effect when it occurred.</li>
 * </ul>
 * A record that cannot be read is still recorded, as {@code UNREADABLE} by {@code unknown}: nothing on an audited
 * topic escapes the log.
 */
public final class AuditMapping {

    public static final String UNREADABLE = "UNREADABLE";
    public static final String UNKNOWN_ACTOR = "unknown";

    private AuditMapping() {
    }

    public static AuditFacts of(HrLifecycleEvent event) {
        String action = event.getPayload() == null ? "UNKNOWN" : event.getPayload().getClass().getSimpleName();
        Instant effectiveAt = event.getEffectiveDate() == null ? null
                : event.getEffectiveDate().atStartOfDay(zone(event.getTimeZone())).toInstant();
        return new AuditFacts(event.getOccurredAt(), event.getEventId(), event.getCorrelationId(),
                actor(event.getSubmittedBy()), action, event.getPersonId(), null, effectiveAt);
    }

    public static AuditFacts of(AccessEvent event) {
        String target = event.getEntitlement() == null ? event.getTargetSystem()
                : event.getTargetSystem() + "/" + event.getEntitlement();
        return new AuditFacts(event.getOccurredAt(), event.getEventId(), event.getCorrelationId(), event.getActor(),
                event.getAction() + ":" + event.getOutcome(), event.getPersonId(), target, event.getEffectiveAt());
    }

    public static AuditFacts of(EquipmentEvent event) {
        String item = event.getAssetTag() != null ? " asset " + event.getAssetTag()
                : event.getItemId() != null ? " item " + event.getItemId() : "";
        return new AuditFacts(event.getOccurredAt(), event.getEventId(), event.getCorrelationId(), event.getActor(),
                event.getChange().name(), event.getPersonId(), event.getItemType() + item, null);
    }

    /** A record that could not be read: recorded with its key and its topic's timestamp, by an unknown actor. */
    public static AuditFacts unreadable(String key, Instant timestamp) {
        return new AuditFacts(timestamp, null, "", UNKNOWN_ACTOR, UNREADABLE, key == null ? "" : key, null, null);
    }

    private static String actor(Submitter submitter) {
        return submitter == null ? UNKNOWN_ACTOR : submitter.getKind() + ":" + submitter.getPrincipal();
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
