package dev.tenure.audit.dashboard;

import dev.tenure.audit.sle.domain.CaseView;
import dev.tenure.audit.sle.streams.CaseIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * One instance's page of the case list, read from the case index of each of its partitions ({@link CaseIndex}): per
 * partition and bucket, one range scan in the list's order, counting what matches and keeping the first
 * {@code limit} after the cursor; then the first {@code limit} of all of them, each with its case from the case store. A partition's
 * stores are queried one by one because only within one are the keys in order.
 */
final class CaseIndexReader {

    /** The SLE stores of one partition (one task). */
    record Partition(int number, ReadOnlyKeyValueStore<String, String> index,
                     ReadOnlyKeyValueStore<String, CaseView> cases) {
    }

    private record Candidate(CasePosition position, Partition partition) {
    }

    private CaseIndexReader() {
    }

    /** @throws StoresUnavailableException while a partition's index is not built yet */
    static CasePage page(List<Partition> partitions, CaseQuery query) {
        long total = 0;
        long remaining = 0;
        List<Candidate> candidates = new ArrayList<>();
        for (Partition partition : partitions) {
            if (!CaseIndex.VERSION.equals(partition.index().get(CaseIndex.VERSION_KEY))) {
                throw new StoresUnavailableException("the case index of partition " + partition.number()
                        + " is being built");
            }
            for (CaseQuery.Scan scan : query.scans()) {
                String prefix = CaseIndex.prefix(scan.bucket(), query.filter().agency());
                String end = scan.dueBy() == null ? CaseIndex.endOf(prefix)
                        : CaseIndex.endOfDueBy(prefix, scan.dueBy());
                int kept = 0;
                try (KeyValueIterator<String, String> range = partition.index().range(prefix, end)) {
                    while (range.hasNext()) {
                        KeyValue<String, String> entry = range.next();
                        CaseIndex.Entry read = CaseIndex.parse(prefix, entry.key, entry.value);
                        if (!query.matches(read)) {
                            continue;
                        }
                        total++;
                        CasePosition position = new CasePosition(read.due(), read.caseId());
                        if (query.isAfterCursor(position)) {
                            remaining++;
                            if (kept++ < query.limit()) {
                                candidates.add(new Candidate(position, partition));
                            }
                        }
                    }
                }
            }
        }
        List<CasePage.Row> rows = candidates.stream().sorted(Comparator.comparing(Candidate::position))
                .limit(query.limit())
                .map(c -> new CasePage.Row(c.position(), current(c, query)))
                .toList();
        return new CasePage(rows, total, remaining);
    }

    /** The case of an entry as it is now, or null if it moved or was withdrawn since its entry was read. */
    private static CaseView current(Candidate candidate, CaseQuery query) {
        CaseView view = candidate.partition().cases().get(candidate.position().caseId());
        return view != null && query.matches(view) ? view : null;
    }
}
