package dev.tenure.audit.sle.domain;

/** A change to report: a case's new view, or a case withdrawn (its lifecycle event was cancelled or superseded). */
public sealed interface CaseUpdate {

    String caseId();

    /**
     * @param causationId the event that changed it; null when the passing of time did
     * @param revision    1 for the first report of the case, then one more per report
     */
    record Reported(CaseView view, String causationId, int revision) implements CaseUpdate {
        @Override
        public String caseId() {
            return view.caseId();
        }
    }

    record Withdrawn(String caseId, Sle sle, String agency, String personId, String causationId)
            implements CaseUpdate {
    }
}
