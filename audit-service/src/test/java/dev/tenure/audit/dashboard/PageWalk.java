package dev.tenure.audit.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.audit.sle.domain.CaseView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A case list read page after page, each after the cursor of the one before, until a page has no next. */
record PageWalk(List<CaseView> cases, int pages) {

    /**
     * @param pageAfter the page after a cursor (null: the first)
     * @param total     what every page must say the total is
     * @param limit     the most rows a page may have
     */
    static PageWalk through(Function<String, CasePage> pageAfter, long total, int limit) {
        List<CaseView> cases = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            CasePage page = pageAfter.apply(cursor);
            assertThat(page.total()).as("total on page %d", pages).isEqualTo(total);
            assertThat(page.rows()).hasSizeLessThanOrEqualTo(limit);
            cases.addAll(page.cases());
            cursor = page.next();
            pages++;
        } while (cursor != null);
        return new PageWalk(cases, pages);
    }
}
