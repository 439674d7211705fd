package dev.tenure.audit.domain;

import dev.tenure.audit.domain.Finding.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Re-verifies an export offline: every exported record hashes to what it carries and to its link; the links of each
 * partition follow one another without a gap from the first to the anchor; the anchor is where they end. What it
 * cannot tell from the export alone: that no record of the scope was left out (compare with the live log's
 * verification, or export again).
 */
public final class EvidenceVerifier {

    private EvidenceVerifier() {
    }

    public static Verification verify(Evidence evidence) {
        TreeSet<Integer> partitions = new TreeSet<>();
        evidence.records().forEach(r -> partitions.add(r.partition()));
        evidence.links().forEach(l -> partitions.add(l.partition()));
        List<ChainReport> reports = new ArrayList<>();
        for (int partition : partitions) {
            List<ChainLink> links = evidence.links().stream().filter(l -> l.partition() == partition).toList();
            List<LoggedEntry> records = evidence.records().stream().filter(r -> r.partition() == partition).toList();
            Checkpoint anchor = evidence.anchors().stream().filter(a -> a.partition() == partition).findFirst()
                    .orElse(null);
            reports.add(verify(partition, links, records, anchor));
        }
        return new Verification(reports);
    }

    private static ChainReport verify(int partition, List<ChainLink> links, List<LoggedEntry> records,
                                      Checkpoint anchor) {
        Map<Long, ChainLink> bySequence = new HashMap<>();
        ChainLink previous = null;
        long verified = 0;
        for (ChainLink link : links) {
            Finding finding = linkFinding(partition, previous, link);
            if (finding != null) {
                return report(partition, verified, previous, anchor, finding);
            }
            bySequence.put(link.sequence(), link);
            previous = link;
            verified++;
        }
        Long lastSequence = null;
        for (LoggedEntry logged : records) {
            AuditEntry e = logged.entry();
            Finding finding = null;
            ChainLink link = bySequence.get(e.sequence());
            if (!ChainHash.hashOf(e).equals(e.hash())) {
                finding = edited(partition, logged, "it hashes to " + ChainHash.hashOf(e) + ", not to the " + e.hash()
                        + " it carries: its content was edited");
            } else if (link == null) {
                finding = edited(partition, logged, "its sequence is not among the chain links of the export");
            } else if (!link.hash().equals(e.hash()) || !link.contentDigest().equals(ChainHash.contentDigest(e))) {
                finding = edited(partition, logged, "it does not match the chain link of its sequence");
            } else if (lastSequence != null && e.sequence() <= lastSequence) {
                finding = new Finding(Kind.REORDERED, partition, e.sequence(), logged.offset(),
                        "it is listed after sequence " + lastSequence + ": records were moved");
            }
            if (finding != null) {
                return report(partition, verified, previous, anchor, finding);
            }
            lastSequence = e.sequence();
        }
        return report(partition, verified, previous, anchor, anchorFinding(partition, previous, anchor));
    }

    private static Finding linkFinding(int partition, ChainLink previous, ChainLink link) {
        if (!link.consistent()) {
            return new Finding(Kind.EDITED, partition, link.sequence(), null,
                    "the chain link's hash is not SHA-256 of its previousHash and content digest");
        }
        if (previous == null) {
            return link.sequence() == 0 && !link.previousHash().equals(ChainHash.GENESIS)
                    ? new Finding(Kind.BROKEN_LINK, partition, 0, null, "the first record does not start from "
                    + ChainHash.GENESIS) : null;
        }
        long expected = previous.sequence() + 1;
        if (link.sequence() > expected) {
            return new Finding(Kind.REMOVED, partition, expected, null, "the chain links jump from sequence "
                    + previous.sequence() + " to " + link.sequence());
        }
        if (link.sequence() < expected) {
            return new Finding(Kind.REORDERED, partition, link.sequence(), null, "the chain link of sequence "
                    + link.sequence() + " comes after sequence " + previous.sequence());
        }
        if (!link.previousHash().equals(previous.hash())) {
            return new Finding(Kind.BROKEN_LINK, partition, link.sequence(), null, "it commits to previousHash "
                    + link.previousHash() + ", but sequence " + previous.sequence() + " has hash " + previous.hash());
        }
        return null;
    }

    private static Finding anchorFinding(int partition, ChainLink last, Checkpoint anchor) {
        if (anchor == null || last == null) {
            return null;
        }
        if (anchor.sequence() > last.sequence()) {
            return new Finding(Kind.TRUNCATED, partition, last.sequence() + 1, null, "the links end at sequence "
                    + last.sequence() + ", before the anchor at " + anchor.sequence());
        }
        if (anchor.sequence() != last.sequence() || !anchor.hash().equals(last.hash())) {
            return new Finding(Kind.REWRITTEN, partition, anchor.sequence(), null, "the links end at sequence "
                    + last.sequence() + " with hash " + last.hash() + ", but the anchor is sequence "
                    + anchor.sequence() + " with hash " + anchor.hash());
        }
        return null;
    }

    private static Finding edited(int partition, LoggedEntry logged, String detail) {
        return new Finding(Kind.EDITED, partition, logged.entry().sequence(), logged.offset(), "the exported record ("
                + "event " + logged.entry().eventId() + ") — " + detail);
    }

    private static ChainReport report(int partition, long verified, ChainLink last, Checkpoint anchor,
                                      Finding finding) {
        return new ChainReport(partition, verified, last == null ? -1 : last.sequence(),
                last == null ? ChainHash.GENESIS : last.hash(), anchor, finding);
    }
}
