package dev.tenure.audit.domain;

/**
 * What the verifier found in one chain.
 *
 * @param verified     how many records were verified before the end or the finding
 * @param lastSequence the sequence of the last verified record (-1 when none)
 * @param headHash     its hash ({@link ChainHash#GENESIS} when none)
 * @param checkpoint   the checkpoint the chain was compared with, or null when there was none
 * @param finding      the first thing wrong, or null when the chain is intact
 */
public record ChainReport(int partition, long verified, long lastSequence, String headHash, Checkpoint checkpoint,
                          Finding finding) {

    public boolean intact() {
        return finding == null;
    }

    /** "partition 0: intact up to record 41 (42 records), checkpoint at 40 matched" or the finding. */
    public String summary() {
        if (!intact()) {
            return finding.describe();
        }
        String records = lastSequence < 0 ? "partition " + partition + ": intact, no records"
                : "partition " + partition + ": intact up to record " + lastSequence + " (" + verified + " records)";
        return records + (checkpoint == null ? ", no checkpoint published yet"
                : ", matches its checkpoint at record " + checkpoint.sequence());
    }
}
