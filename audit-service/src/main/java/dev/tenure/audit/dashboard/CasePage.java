package dev.tenure.audit.dashboard;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.tenure.audit.sle.domain.CaseView;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A page of the case list: its rows in the list's order ({@link CasePosition}), how many cases match the query in all
 * ({@code total}), and whether any comes after the last row ({@code more}). One instance answers the page of its own
 * partitions; {@link #merge} makes the page of all of them.
 *
 * <p>A row is an index entry and the case read for it, or none when the case moved (another status, due time) or was
 * withdrawn between the two reads: the row still holds its place, so pages follow the index exactly, and the caller
 * leaves it out of what it shows.
 */
public record CasePage(List<Row> rows, long total, boolean more) {

    /** An index entry's place, and its case as it is now (null: it no longer matches the query). */
    public record Row(CasePosition at, CaseView view) {
        public Row {
            Objects.requireNonNull(at, "at");
        }
    }

    public CasePage {
        rows = List.copyOf(rows);
    }

    /**
     * The page of several parts (instances, partitions) that each answered the same query: the first {@code limit}
     * of their rows in order (every part gave its own first {@code limit}, so these are the first of all), the totals
     * summed; more come after it if some row was left out or some part has more after its own last row.
     */
    public static CasePage merge(List<CasePage> parts, int limit) {
        List<Row> all = parts.stream().flatMap(part -> part.rows().stream())
                .sorted(Comparator.comparing(Row::at)).toList();
        return new CasePage(all.subList(0, Math.min(limit, all.size())),
                parts.stream().mapToLong(CasePage::total).sum(),
                all.size() > limit || parts.stream().anyMatch(CasePage::more));
    }

    /** The cases to show: the rows whose case still matches. */
    @JsonIgnore
    public List<CaseView> cases() {
        return rows.stream().map(Row::view).filter(Objects::nonNull).toList();
    }

    /** The cursor of the next page, or null when nothing comes after this one. */
    @JsonIgnore
    public String next() {
        return more && !rows.isEmpty() ? rows.get(rows.size() - 1).at().cursor() : null;
    }
}
