package dev.tenure.audit.sle.streams;

import static dev.tenure.audit.sle.streams.SleEvents.NEW_YORK;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The index of cases by status, agency and due time, kept by the topology beside the case store (TopologyTestDriver,
 * explicit times): each case's entries follow its status, a withdrawn case leaves, and an index that was never built
 * is built from the case store.
 */
class SleCaseIndexTest {

    // A leaver in New York: last day Friday 10 April 2026; the cut-off is due at midnight local, 04:00 UTC
    private static final LocalDate END = LocalDate.of(2026, 4, 10);
    private static final Instant SUBMITTED = Instant.parse("2026-03-20T14:00:00Z");
    private static final Instant CUT_DUE = Instant.parse("2026-04-11T04:00:00Z");
    private static final Instant DEPROVISIONING_DUE = Instant.parse("2026-04-25T04:00:00Z");
    private static final String CUT = "ACCESS_CUT_ON_END_DATE:EOTSS:L-1";
    private static final String DEPROVISIONING = "DEPROVISIONED_WITHIN_14_DAYS:EOTSS:L-1";

    private final SleDriver sle = new SleDriver(SUBMITTED);

    @AfterEach
    void stop() {
        sle.close();
    }

    @Test
    void shouldIndexEachCaseByStatusAgencyAndDueTimeAndMoveItWhenItIsDecided() {
        // Given a leaver's two cases, pending and not complete
        sle.at(SUBMITTED).lifecycle(SleEvents.leaver("L-1", "P-1", END, NEW_YORK, SUBMITTED));

        // Then each is under its bucket for every agency and for its own, by due time (epoch ms, 15 digits)
        assertThat(entries()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "A|PENDING_OPEN|" + millis(CUT_DUE) + "|" + CUT, "ACCESS_CUT_ON_END_DATE|2026-04-10",
                "G|EOTSS|PENDING_OPEN|" + millis(CUT_DUE) + "|" + CUT, "ACCESS_CUT_ON_END_DATE|2026-04-10",
                "A|PENDING_OPEN|" + millis(DEPROVISIONING_DUE) + "|" + DEPROVISIONING,
                "DEPROVISIONED_WITHIN_14_DAYS|2026-04-10",
                "G|EOTSS|PENDING_OPEN|" + millis(DEPROVISIONING_DUE) + "|" + DEPROVISIONING,
                "DEPROVISIONED_WITHIN_14_DAYS|2026-04-10"));

        // When the cut-off's due time passes with no outcome
        sle.passTime(CUT_DUE);

        // Then its entries move to MISSED, the other case's stay
        assertThat(entries().keySet()).containsExactlyInAnyOrder(
                "A|MISSED|" + millis(CUT_DUE) + "|" + CUT,
                "G|EOTSS|MISSED|" + millis(CUT_DUE) + "|" + CUT,
                "A|PENDING_OPEN|" + millis(DEPROVISIONING_DUE) + "|" + DEPROVISIONING,
                "G|EOTSS|PENDING_OPEN|" + millis(DEPROVISIONING_DUE) + "|" + DEPROVISIONING);
    }

    @Test
    void shouldTakeTheCasesOfACancelledLeaverOutOfTheIndex() {
        sle.at(SUBMITTED).lifecycle(SleEvents.leaver("L-1", "P-1", END, NEW_YORK, SUBMITTED));
        assertThat(entries()).hasSize(4);

        Instant withdrawn = Instant.parse("2026-04-02T14:00:00Z");
        sle.at(withdrawn).lifecycle(SleEvents.leaverCancelled("X-1", "P-1", "L-1", END, NEW_YORK, withdrawn));

        assertThat(entries()).isEmpty();
        assertThat(sle.caseStore().get(CUT)).isNull();
    }

    @Test
    void shouldBuildAnIndexThatWasNeverBuiltFromTheCaseStoreAndMarkIt() {
        // Given cases kept before the index was (the index store new and empty beside them)
        sle.at(SUBMITTED).lifecycle(SleEvents.leaver("L-1", "P-1", END, NEW_YORK, SUBMITTED));
        sle.lifecycle(SleEvents.leaver("L-2", "P-2", "DOR", END, NEW_YORK, SUBMITTED));
        Map<String, String> kept = entries();
        assertThat(kept).hasSize(8);
        assertThat(sle.caseIndex().get(CaseIndex.VERSION_KEY)).as("not checked yet").isNull();
        kept.keySet().forEach(sle.caseIndex()::delete);
        assertThat(entries()).isEmpty();

        // When the task's first wall-clock check comes
        sle.passTime(SUBMITTED);

        // Then every case is in the index as the topology keeps it, and the index is marked built
        assertThat(entries()).isEqualTo(kept);
        assertThat(sle.caseIndex().get(CaseIndex.VERSION_KEY)).isEqualTo(CaseIndex.VERSION);
    }

    /** The index's entries, without its version mark. */
    private Map<String, String> entries() {
        Map<String, String> entries = new LinkedHashMap<>();
        try (KeyValueIterator<String, String> all = sle.caseIndex().all()) {
            all.forEachRemaining(kv -> entries.put(kv.key, kv.value));
        }
        entries.remove(CaseIndex.VERSION_KEY);
        return entries;
    }

    private static String millis(Instant instant) {
        return String.format("%015d", instant.toEpochMilli());
    }
}
