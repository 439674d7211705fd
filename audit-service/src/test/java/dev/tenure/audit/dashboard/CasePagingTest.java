package dev.tenure.audit.dashboard;

import static dev.tenure.audit.dashboard.CaseIndexReaderTest.AT_RISK_BY;
import static dev.tenure.audit.dashboard.CaseIndexReaderTest.NOW;
import static dev.tenure.audit.dashboard.CaseIndexReaderTest.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenure.audit.sle.domain.CaseStatus;
import dev.tenure.audit.sle.domain.CaseView;
import dev.tenure.audit.sle.streams.CaseIndex;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The case list's order, cursors, page sizes and the merge of the pages of several instances. */
class CasePagingTest {

    private static final String CUT = "ACCESS_CUT_ON_END_DATE";

    @Test
    void shouldOrderByDueTimeThenCaseIdWithCasesWithoutDueTimeLast() {
        CasePosition early = new CasePosition(CaseIndex.dueKey(NOW), "B");
        CasePosition sameTimeLowerId = new CasePosition(CaseIndex.dueKey(NOW), "A");
        CasePosition none = new CasePosition(CaseIndex.dueKey(null), "A");
        CasePosition beforeEpoch = new CasePosition(CaseIndex.dueKey(Instant.parse("1969-12-31T00:00:00Z")), "Z");
        // code-point order (the index's byte order), not UTF-16's: U+1F600 sorts after U+FF21
        CasePosition fullWidth = new CasePosition(CaseIndex.dueKey(NOW), "B\uFF21");
        CasePosition emoji = new CasePosition(CaseIndex.dueKey(NOW), "B\uD83D\uDE00");

        List<CasePosition> sorted = new ArrayList<>(List.of(none, emoji, early, fullWidth, sameTimeLowerId,
                beforeEpoch));
        sorted.sort(null);

        assertThat(sorted).containsExactly(beforeEpoch, sameTimeLowerId, early, fullWidth, emoji, none);
    }

    @Test
    void shouldReadBackItsOwnCursorAndRefuseAnyOtherNamingTheParameter() {
        CasePosition position = CasePosition.of(view(CUT + ":DOR 2:é/1", "DOR 2", CaseStatus.MISSED, NOW, null));

        assertThat(CasePosition.parse("after", position.cursor())).isEqualTo(position);
        assertThat(position.cursor()).matches("[A-Za-z0-9_-]+");
        for (String bad : List.of("not-base64!", "bm8tY29sb24", "eDph", "")) {
            assertThatThrownBy(() -> CasePosition.parse("after", bad)).isInstanceOf(BadFilterException.class)
                    .extracting("parameter").isEqualTo("after");
        }
    }

    @Test
    void shouldTakeAPageSizeFromOneToTheMaximumAndTheDefaultWhenNoneIsNamed() {
        assertThat(query(null).limit()).isEqualTo(50);
        assertThat(query("500").limit()).isEqualTo(500);
        for (String bad : List.of("0", "501", "-1", "ten")) {
            assertThatThrownBy(() -> query(bad)).isInstanceOf(BadFilterException.class)
                    .hasMessageContaining("from 1 to 500").extracting("parameter").isEqualTo("limit");
        }
    }

    @Test
    void shouldWriteAQueryForAPeerThatReadsBackTheSame() {
        CasePosition after = CasePosition.of(view(CUT + ":DOR 2:L-1", "DOR 2", CaseStatus.MISSED, NOW, null));
        CaseQuery query = CaseQuery.parse(List.of("missed,at_risk"), "DOR 2", CUT, "2026-04-01", "2026-04-30",
                after.cursor(), "7", 50, 500, AT_RISK_BY);

        Map<String, List<String>> parameters = new HashMap<>();
        for (String pair : query.toQueryString().split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.computeIfAbsent(nameValue[0], n -> new ArrayList<>())
                    .add(URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        CaseQuery read = CaseQuery.parse(parameters.get("status"), one(parameters, "agency"), one(parameters, "sle"),
                one(parameters, "from"), one(parameters, "to"), one(parameters, "after"), one(parameters, "limit"),
                50, 500, CaseQuery.instant("atRiskBy", one(parameters, "atRiskBy")));

        assertThat(read).isEqualTo(query);
    }

    @Test
    void shouldMergeThePagesOfSeveralInstancesIntoTheFirstOfAllWithTheCountsSummed() {
        // Given two instances' first pages of two (each holds three cases in all)
        CaseView a1 = missed("L-a1", 1);
        CaseView a2 = missed("L-a2", 4);
        CaseView b1 = missed("L-b1", 2);
        CaseView b2 = missed("L-b2", 3);
        CasePage onA = new CasePage(List.of(row(a1), row(a2)), 3, true);
        CasePage onB = new CasePage(List.of(row(b1), row(b2)), 3, true);

        // When they are merged into a page of two
        CasePage page = CasePage.merge(List.of(onB, onA), 2);

        // Then it is the first two of all, with the totals of both and a cursor after its last case
        assertThat(page.cases()).containsExactly(a1, b1);
        assertThat(page.total()).isEqualTo(6);
        assertThat(CasePosition.parse("after", page.next())).isEqualTo(CasePosition.of(b1));
        assertThat(CasePage.merge(List.of(new CasePage(List.of(row(a2)), 3, false),
                new CasePage(List.of(row(b2)), 3, false)), 2).next()).as("the last page, full").isNull();
        assertThat(CasePage.merge(List.of(new CasePage(List.of(row(a2)), 3, true),
                new CasePage(List.of(), 3, false)), 2).next()).as("a part with more after its last row")
                .isEqualTo(CasePosition.of(a2).cursor());
    }

    private static CaseQuery query(String limit) {
        return CaseQuery.parse(List.of(), null, null, null, null, null, limit, 50, 500, AT_RISK_BY);
    }

    /** A missed case {@code rank} hours after the first. */
    private static CaseView missed(String id, int rank) {
        return view(CUT + ":EOTSS:" + id, "EOTSS", CaseStatus.MISSED, NOW.plus(Duration.ofHours(rank)), null);
    }

    private static CasePage.Row row(CaseView view) {
        return new CasePage.Row(CasePosition.of(view), view);
    }

    private static String one(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null ? null : values.get(0);
    }
}
