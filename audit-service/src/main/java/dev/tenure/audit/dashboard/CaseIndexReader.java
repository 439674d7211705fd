package dev.tenure.audit.dashboard;

import dev.tenure.audit.sle.domain.CaseView;
import dev.tenure.audit.sle.streams.CaseIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * One instance's page of the case list, read from the case index of each of its partitions ({@link CaseIndex}): per
 * partition and bucket, one range scan from the cursor that stops after {@code limit + 1} matching entries; then the
 * first {@code limit} of all of them, each with its case from the case store. The total is a count of every matching
 * entry (one scan of the ranges), which the caller may share between requests. A partition's stores are queried one
 * by one because only within one are the keys in order.
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

    /** The page, with the total counted now. */
    static CasePage page(List<Partition> partitions, CaseQuery query) {
        return page(partitions, query, () -> count(partitions, query));
    }

    /**
     * The page, with the total from {@code total} (asked once the index is known to be built).
     *
     * @throws StoresUnavailableException while a partition's index is not built yet
     */
    static CasePage page(List<Partition> partitions, CaseQuery query, LongSupplier total) {
        for (Partition partition : partitions) {
            if (!CaseIndex.VERSION.equals(partition.index().get(CaseIndex.VERSION_KEY))) {
                throw new StoresUnavailableException("the case index of partition " + partition.number()
                        + " is being built");
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Partition partition : partitions) {
            for (CaseQuery.Scan scan : query.scans()) {
                String prefix = CaseIndex.prefix(scan.bucket(), query.filter().agency());
                CasePosition after = query.after();
                if (after != null && scan.dueBy() != null && after.due() > CaseIndex.dueKey(scan.dueBy())) {
                    continue; // the cursor is past this range's end
                }
                String from = after == null ? prefix : CaseIndex.keyAt(prefix, after.due(), after.caseId());
                int found = 0;
                try (KeyValueIterator<String, String> range = partition.index().range(from, end(prefix, scan))) {
                    while (found <= query.limit() && range.hasNext()) {
                        KeyValue<String, String> entry = range.next();
                        CaseIndex.Entry read = CaseIndex.parse(prefix, entry.key, entry.value);
                        CasePosition position = new CasePosition(read.due(), read.caseId());
                        if (query.matches(read) && query.isAfterCursor(position)) {
                            candidates.add(new Candidate(position, partition));
                            found++;
                        }
                    }
                }
            }
        }
        List<CasePage.Row> rows = candidates.stream().sorted(Comparator.comparing(Candidate::position))
                .limit(query.limit())
                .map(c -> new CasePage.Row(c.position(), current(c, query)))
                .toList();
        return new CasePage(rows, total.getAsLong(), candidates.size() > query.limit());
    }

    /** How many entries of the partitions match the query: every one of its ranges read. */
    static long count(List<Partition> partitions, CaseQuery query) {
        long count = 0;
        boolean readValues = query.filter().sle() != null || query.filter().from() != null
                || query.filter().to() != null;
        for (Partition partition : partitions) {
            for (CaseQuery.Scan scan : query.scans()) {
                String prefix = CaseIndex.prefix(scan.bucket(), query.filter().agency());
                try (KeyValueIterator<String, String> range = partition.index().range(prefix, end(prefix, scan))) {
                    while (range.hasNext()) {
                        KeyValue<String, String> entry = range.next();
                        if (!readValues || query.matches(CaseIndex.parse(prefix, entry.key, entry.value))) {
                            count++;
                        }
                    }
                }
            }
        }
        return count;
    }

    private static String end(String prefix, CaseQuery.Scan scan) {
        return scan.dueBy() == null ? CaseIndex.endOf(prefix) : CaseIndex.endOfDueBy(prefix, scan.dueBy());
    }

    /** The case of an entry as it is now, or null if it moved or was withdrawn since its entry was read. */
    private static CaseView current(Candidate candidate, CaseQuery query) {
        CaseView view = candidate.partition().cases().get(candidate.position().caseId());
        return view != null && query.matches(view) ? view : null;
    }
}
