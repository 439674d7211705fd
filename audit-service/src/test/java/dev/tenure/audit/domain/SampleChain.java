package dev.tenure.audit.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Chains of audit records for the verifier's tests: person P-i's access event i, recorded one second apart. */
final class SampleChain {

    static final Instant START = Instant.parse("2027-03-01T09:00:00Z");

    private SampleChain() {
    }

    /** {@code length} records of one partition, at offsets 0, 1, 2, ... */
    static List<LoggedEntry> of(int partition, int length) {
        List<LoggedEntry> chain = new ArrayList<>();
        ChainHead head = ChainHead.EMPTY;
        for (int i = 0; i < length; i++) {
            AuditEntry entry = head.append(facts(i), new SourcePosition("access-events", partition, 100 + i),
                    ChainHash.sha256(("payload " + i).getBytes()), START.plusSeconds(i).plusMillis(5));
            chain.add(new LoggedEntry(partition, i, entry.subjectPersonId(), entry));
            head = ChainHead.of(entry);
        }
        return chain;
    }

    static AuditFacts facts(int i) {
        return new AuditFacts(START.plusSeconds(i), "cause-" + i, "case-" + (i % 3), "access-service",
                "ACCOUNT_DISABLED:DONE", "P-" + (i % 4), "directory", START.plusSeconds(i));
    }

    /** The same records at consecutive offsets again (as a copy of the topic would have them). */
    static List<LoggedEntry> renumbered(List<LoggedEntry> chain) {
        List<LoggedEntry> copy = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            LoggedEntry l = chain.get(i);
            copy.add(new LoggedEntry(l.partition(), i, l.key(), l.entry()));
        }
        return copy;
    }

    static ChainHead head(List<LoggedEntry> chain) {
        return ChainHead.of(chain.get(chain.size() - 1).entry());
    }
}
