package dev.tenure.hr.domain;

import java.util.Optional;

/**
 * Who may submit and read lifecycle events.
 *
 * <ul>
 *   <li>HRIS: submit every type, VPN requests included, and read, for every agency.</li>
 *   <li>DPC: submit and read for their own agency only (for a transfer, the receiving agency: the event's
 *       {@code agency}); no VPN requests, which come from the agency's DSO.</li>
 *   <li>DSO: submit VPN requests ({@link EventType#VPN_ACCESS}) and nothing else, and read, for their own agency
 *       only. That the person belongs to that agency is checked by the validator, against the accepted events.</li>
 *   <li>AUDITOR: read every agency, submit nothing.</li>
 * </ul>
 *
 * Refusal reasons name no person and no personal data.
 */
public final class SubmissionPolicy {

    static final String COORDINATOR_OTHER_AGENCY = "a coordinator may submit events only for their own agency";
    static final String VPN_FROM_DSO = "VPN requests come from the agency's DSO";
    static final String DSO_ONLY_VPN = "a security officer may submit only VPN_ACCESS requests";
    static final String DSO_OTHER_AGENCY = "a security officer may submit VPN requests only for their own agency";

    /** Why this caller may not submit this event, or empty when it may. */
    public Optional<String> refusalToSubmit(Caller caller, LifecycleSubmission submission) {
        boolean vpn = submission.type() == EventType.VPN_ACCESS;
        switch (caller.role()) {
            case HRIS:
                return Optional.empty();
            case DPC:
                if (vpn) {
                    return Optional.of(VPN_FROM_DSO);
                }
                return ownAgency(caller, submission.agency())
                        ? Optional.empty()
                        : Optional.of(COORDINATOR_OTHER_AGENCY);
            case DSO:
                if (!vpn) {
                    return Optional.of(DSO_ONLY_VPN);
                }
                return ownAgency(caller, submission.agency()) ? Optional.empty() : Optional.of(DSO_OTHER_AGENCY);
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
