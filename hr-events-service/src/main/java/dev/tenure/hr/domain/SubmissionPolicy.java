package dev.tenure.hr.domain;

import java.util.Optional;

/**
 * Who may submit and read lifecycle events. HRIS: submit and read for every agency. DPC: submit and read for their
 * own agency only (for a transfer, the receiving agency: the event's {@code agency}). DSO: read their own agency,
 * submit nothing. AUDITOR: read every agency, submit nothing. Refusal reasons name no person and no personal data.
 */
public final class SubmissionPolicy {

    /** Why this caller may not submit this event, or empty when it may. */
    public Optional<String> refusalToSubmit(Caller caller, LifecycleSubmission submission) {
        switch (caller.role()) {
            case HRIS:
                return Optional.empty();
            case DPC:
                return ownAgency(caller, submission.agency())
                        ? Optional.empty()
                        : Optional.of("a coordinator may submit events only for their own agency");
            default:
                return Optional.of("the " + caller.role() + " role may not submit lifecycle events");
        }
    }

    /** Why this caller may not read events of this agency, or empty when it may. */
    public Optional<String> refusalToRead(Caller caller, String eventAgency) {
        switch (caller.role()) {
            case HRIS:
            case AUDITOR:
                return Optional.empty();
            default:
                return ownAgency(caller, eventAgency)
                        ? Optional.empty()
                        : Optional.of("the " + caller.role() + " role may read events only of its own agency");
        }
    }

    private static boolean ownAgency(Caller caller, String agency) {
        return agency != null && caller.agency().filter(agency::equals).isPresent();
    }
}
