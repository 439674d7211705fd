package dev.tenure.audit.domain;

import dev.tenure.audit.domain.Finding.Kind;
import java.util.Iterator;
import java.util.Objects;

/**
 * Walks one partition's chain in offset order and reports either "intact up to record N" or the first edited,
 * removed, reordered or duplicated record; then compares the chain's end with the partition's latest checkpoint, so
 * that a truncated (or rewritten) log is reported too. Each record is checked in this order:
 * <ol>
 *   <li>its content digest and previousHash give its hash, and its key is its subject — else EDITED;</li>
 *   <li>its sequence is the next one — else the missing sequence is looked for further on: REORDERED when it is
 *       there, REMOVED when it is not; a sequence seen before is DUPLICATED;</li>
 *   <li>its previousHash is the hash of the record before it — else BROKEN_LINK.</li>
 * </ol>
 */
public final class ChainVerifier {

    private ChainVerifier() {
    }

    /**
     * @param records    the partition's records in offset order (read_committed: what consumers see)
     * @param checkpoint the partition's latest published checkpoint, or null
     */
    public static ChainReport verify(int partition, Iterator<LoggedEntry> records, Checkpoint checkpoint) {
        long expected = 0;
        String previousHash = ChainHash.GENESIS;
        Long previousOffset = null;
        String hashAtCheckpoint = null;
        while (records.hasNext()) {
            LoggedEntry logged = records.next();
            AuditEntry e = logged.entry();
            Finding finding = contentFinding(partition, expected, logged);
            if (finding == null && e.sequence() != expected) {
                finding = placeFinding(partition, expected, previousOffset, logged, records);
            }
            if (finding == null && !e.previousHash().equals(previousHash)) {
                finding = new Finding(Kind.BROKEN_LINK, partition, expected, logged.offset(),
                        "it commits to previousHash " + e.previousHash() + ", but the record before it"
                                + (previousOffset == null ? " is the start of the chain (" + ChainHash.GENESIS + ")"
                                : " (offset " + previousOffset + ") has hash " + previousHash)
                                + ": one of the two was rewritten, or a record between them was replaced");
            }
            if (finding != null) {
                return new ChainReport(partition, expected, expected - 1, previousHash, checkpoint, finding);
            }
            if (checkpoint != null && e.sequence() == checkpoint.sequence()) {
                hashAtCheckpoint = e.hash();
            }
            previousHash = e.hash();
            previousOffset = logged.offset();
            expected++;
        }
        return new ChainReport(partition, expected, expected - 1, previousHash, checkpoint,
                checkpointFinding(partition, expected, hashAtCheckpoint, checkpoint));
    }

    private static Finding contentFinding(int partition, long expected, LoggedEntry logged) {
        AuditEntry e = logged.entry();
        if (e == null) {
            return new Finding(Kind.EDITED, partition, expected, logged.offset(),
                    "the record here cannot be read as an audit record: its bytes were edited");
        }
        String recomputed = ChainHash.hashOf(e);
        if (!recomputed.equals(e.hash())) {
            return new Finding(Kind.EDITED, partition, expected, logged.offset(), "the record here (it says sequence "
                    + e.sequence() + ", event " + e.eventId() + ") hashes to " + recomputed + ", not to the "
                    + e.hash() + " it carries: its content was edited after it was written");
        }
        if (logged.key() != null && !logged.key().equals(e.subjectPersonId())) {
            return new Finding(Kind.EDITED, partition, expected, logged.offset(), "its key " + logged.key()
                    + " is not its subject " + e.subjectPersonId() + ": the key was edited");
        }
        return null;
    }

    private static Finding placeFinding(int partition, long expected, Long previousOffset, LoggedEntry logged,
                                        Iterator<LoggedEntry> rest) {
        long found = logged.entry().sequence();
        if (found < expected) {
            return new Finding(Kind.DUPLICATED, partition, found, logged.offset(), "sequence " + found
                    + " appears again after sequence " + (expected - 1) + " (sequence " + expected + " was expected)");
        }
        while (rest.hasNext()) {
            LoggedEntry later = rest.next();
            if (later.entry() != null && later.entry().sequence() == expected) {
                return new Finding(Kind.REORDERED, partition, expected, later.offset(), "it stands at offset "
                        + later.offset() + ", after sequence " + found + " (offset " + logged.offset()
                        + ") which stands where it belongs: records were moved");
            }
        }
        String missing = found - expected == 1 ? "record " + expected + " is" : "records " + expected + " to "
                + (found - 1) + " are";
        return new Finding(Kind.REMOVED, partition, expected, logged.offset(), missing + " missing: "
                + (previousOffset == null ? "the chain starts" : "after sequence " + (expected - 1) + " (offset "
                + previousOffset + ")") + " comes sequence " + found + " (offset " + logged.offset()
                + "), and the missing sequence is nowhere further on");
    }

    private static Finding checkpointFinding(int partition, long next, String hashAtCheckpoint, Checkpoint checkpoint) {
        if (checkpoint == null) {
            return null;
        }
        if (checkpoint.sequence() >= next) {
            return new Finding(Kind.TRUNCATED, partition, next, null, "the log ends at sequence " + (next - 1)
                    + ", but the checkpoint of " + checkpoint.at() + " says the chain reached sequence "
                    + checkpoint.sequence() + " (hash " + checkpoint.hash() + "): records " + next + " to "
                    + checkpoint.sequence() + " are missing from the end");
        }
        if (!Objects.equals(hashAtCheckpoint, checkpoint.hash())) {
            return new Finding(Kind.REWRITTEN, partition, checkpoint.sequence(), null, "the record at sequence "
                    + checkpoint.sequence() + " has hash " + hashAtCheckpoint + ", but the checkpoint of "
                    + checkpoint.at() + " published " + checkpoint.hash() + ": the chain was rewritten up to there");
        }
        return null;
    }
}
