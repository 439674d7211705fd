package dev.tenure.audit.domain;

/**
 * The first thing wrong with a chain, and the record it is about.
 *
 * @param sequence the sequence of the record concerned: the edited one, the first one missing, the one found out of
 *                 its place, the one a checkpoint names
 * @param offset   where in the partition it was found, or null (a record missing from the end)
 */
public record Finding(Kind kind, int partition, long sequence, Long offset, String detail) {

    public enum Kind {
        /** The record's content does not match its hash (or its key is not its subject). */
        EDITED,
        /** The record's hash is its own, but not what the next record committed to: one of the two was rewritten. */
        BROKEN_LINK,
        /** Records are missing from the chain (a gap in the sequence that nothing later fills). */
        REMOVED,
        /** A record stands elsewhere than its sequence says. */
        REORDERED,
        /** A sequence appears a second time. */
        DUPLICATED,
        /** The log ends before the head a checkpoint published. */
        TRUNCATED,
        /** The log holds another record at the sequence a checkpoint published: rewritten up to there. */
        REWRITTEN
    }

    /** "partition 2, sequence 17 (offset 40): EDITED — ..." */
    public String describe() {
        return "partition " + partition + ", sequence " + sequence + (offset == null ? "" : " (offset " + offset + ")")
                + ": " + kind + " — " + detail;
    }
}
