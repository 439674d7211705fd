package dev.tenure.audit.sle.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.audit.sle.domain.AccessAction;
import dev.tenure.audit.sle.domain.AccessEvidence;
import dev.tenure.audit.sle.domain.CaseView;
import dev.tenure.audit.sle.domain.Compliance;
import dev.tenure.audit.sle.domain.ComplianceCounts;
import dev.tenure.audit.sle.domain.ComplianceKey;
import dev.tenure.audit.sle.domain.LifecycleFact;
import dev.tenure.audit.sle.domain.Period;
import dev.tenure.audit.sle.domain.PersonCases;
import dev.tenure.audit.sle.domain.Sle;
import dev.tenure.audit.sle.domain.SleCaseRules;
import dev.tenure.audit.sle.domain.SleSettings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The stores' JSON: what a restarted instance reads back from a changelog is what was written. */
class SleStoreFormatTest {

    private final SleCaseRules rules = new SleCaseRules(SleSettings.DEFAULTS);

    @Test
    void shouldReadBackAPersonsCasesWithTheirWorkAndUnmatchedEvidence() {
        // Given a person with a leaver's cases, one access change done and one outcome of an unknown event waiting
        Instant now = Instant.parse("2026-04-10T21:00:00Z");
        PersonCases state = PersonCases.empty("P-1");
        state = rules.onLifecycle(state, new LifecycleFact.Left(new LifecycleFact.Envelope("L-1", "P-1", "EOTSS",
                Instant.parse("2026-03-20T14:00:00Z"), "America/New_York", "L-1"), LocalDate.of(2026, 4, 10)), now)
                .state();
        state = rules.onAccess(state, new AccessEvidence("o-1", "a-1", "L-1", "L-1", AccessAction.ACCOUNT_DISABLED,
                "directory", null, AccessEvidence.Result.DONE, now, now), now).state();
        state = rules.onAccess(state, new AccessEvidence("o-2", "a-2", "X-9", "X-9", AccessAction.ACCOUNT_DISABLED,
                "directory", null, AccessEvidence.Result.FAILED, now, null), now).state();

        // When it is written and read back
        JsonSerde<PersonCases> serde = new JsonSerde<>(PersonCases.class);
        byte[] json = serde.serializer().serialize("changelog", state);
        PersonCases read = serde.deserializer().deserialize("changelog", json);

        // Then it is the same state, in readable JSON
        assertThat(read).isEqualTo(state);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"dueAt\":\"2026-04-11T04:00:00Z\"")
                .contains("\"effectiveDate\":\"2026-04-10\"");
    }

    @Test
    void shouldReadBackTheQueryableViews() {
        JsonSerde<Compliance> compliance = new JsonSerde<>(Compliance.class);
        Compliance aggregate = new Compliance(new ComplianceKey(Sle.ACCESS_CUT_ON_END_DATE, "EOTSS",
                Period.of(Period.Kind.WEEK, LocalDate.of(2026, 4, 10))), new ComplianceCounts(3, 1, 1, 1, 0), 1.0,
                Instant.parse("2026-04-11T04:00:05Z"), 7);
        assertThat(compliance.deserializer().deserialize("t", compliance.serializer().serialize("t", aggregate)))
                .isEqualTo(aggregate);

        JsonSerde<CaseView> cases = new JsonSerde<>(CaseView.class);
        CaseView view = new CaseView("ACCESS_CUT_ON_END_DATE:EOTSS:L-1", Sle.ACCESS_CUT_ON_END_DATE, "P-1", "EOTSS",
                dev.tenure.audit.sle.domain.CaseStatus.MET, Instant.parse("2026-03-20T14:00:00Z"),
                Instant.parse("2026-04-11T04:00:00Z"), null, LocalDate.of(2026, 4, 10), "America/New_York", "L-1");
        assertThat(cases.deserializer().deserialize("t", cases.serializer().serialize("t", view))).isEqualTo(view);
    }

    @Test
    void shouldIgnoreFieldsAddedByALaterVersion() {
        JsonSerde<ComplianceCounts> serde = new JsonSerde<>(ComplianceCounts.class);
        byte[] later = "{\"total\":2,\"met\":1,\"missed\":1,\"pending\":0,\"lateSubmissions\":0,\"waived\":4}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(serde.deserializer().deserialize("t", later)).isEqualTo(new ComplianceCounts(2, 1, 1, 0, 0));
    }
}
