package dev.tenure.audit.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Picks the records of a scope from the log and adds the chain data to re-verify them: for each partition with a
 * record in scope, the links from its first such record to the earliest checkpoint at or after its last one (the
 * chain's head when no checkpoint covers it yet).
 */
public final class EvidenceBuilder {

    private EvidenceBuilder() {
    }

    public static Predicate<AuditEntry> person(String personId) {
        return e -> e.subjectPersonId().equals(personId);
    }

    /** Records whose audited event occurred in [from, to). */
    public static Predicate<AuditEntry> period(Instant from, Instant to) {
        return e -> !e.occurredAt().isBefore(from) && e.occurredAt().isBefore(to);
    }

    /**
     * @param log         each partition's records in offset order
     * @param checkpoints every checkpoint published, in any order
     */
    public static Evidence build(String scope, Instant exportedAt, Map<Integer, List<LoggedEntry>> log,
                                 List<Checkpoint> checkpoints, Predicate<AuditEntry> inScope) {
        List<LoggedEntry> records = new ArrayList<>();
        List<ChainLink> links = new ArrayList<>();
        List<Checkpoint> anchors = new ArrayList<>();
        log.keySet().stream().sorted().forEach(partition -> {
            List<LoggedEntry> chain = log.get(partition);
            List<LoggedEntry> picked = chain.stream().filter(l -> inScope.test(l.entry())).toList();
            if (picked.isEmpty()) {
                return;
            }
            long first = picked.get(0).entry().sequence();
            long last = picked.get(picked.size() - 1).entry().sequence();
            Optional<Checkpoint> covering = checkpoints.stream()
                    .filter(c -> c.partition() == partition && c.sequence() >= last)
                    .min(Comparator.comparingLong(Checkpoint::sequence));
            long end = covering.map(Checkpoint::sequence).orElse(Long.MAX_VALUE);
            AuditEntry head = null;
            for (LoggedEntry logged : chain) {
                long sequence = logged.entry().sequence();
                if (sequence >= first && sequence <= end) {
                    links.add(ChainLink.of(partition, logged.entry()));
                    head = logged.entry();
                }
            }
            records.addAll(picked);
            AuditEntry lastLinked = head;
            anchors.add(covering.orElseGet(() -> new Checkpoint(partition, lastLinked.sequence(), lastLinked.hash(),
                    null)));
        });
        return new Evidence(scope, exportedAt, records, links, anchors);
    }
}
