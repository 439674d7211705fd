package dev.tenure.audit.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.audit.domain.AuditEntry;
import dev.tenure.audit.domain.ChainHash;
import dev.tenure.audit.domain.ChainHead;
import dev.tenure.audit.domain.AuditFacts;
import dev.tenure.audit.domain.Evidence;
import dev.tenure.audit.domain.EvidenceBuilder;
import dev.tenure.audit.domain.EvidenceVerifier;
import dev.tenure.audit.domain.Finding;
import dev.tenure.audit.domain.LoggedEntry;
import dev.tenure.audit.domain.SourcePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceFormatsTest {

    private static final Instant AT = Instant.parse("2027-06-30T21:00:00Z");

    /** A chain with what CSV finds hard: commas, quotes, a line break, an empty string, nulls, non-ASCII. */
    private final Evidence evidence = EvidenceBuilder.build("person P-1", AT, Map.of(0, chain()), List.of(),
            EvidenceBuilder.person("P-1"));

    @Test
    void shouldReadBackTheJsonItWrites() {
        Evidence read = EvidenceJson.read(EvidenceJson.write(evidence));

        assertThat(read).isEqualTo(evidence);
        assertThat(EvidenceVerifier.verify(read).intact()).isTrue();
    }

    @Test
    void shouldReadBackTheCsvItWritesKeepingNullApartFromEmpty() {
        String csv = EvidenceCsv.write(evidence);

        Evidence read = EvidenceCsv.read(csv);

        assertThat(read).isEqualTo(evidence);
        assertThat(EvidenceVerifier.verify(read).intact()).isTrue();
        assertThat(csv).startsWith(String.join(",", EvidenceCsv.COLUMNS) + "\r\n");
    }

    @Test
    void shouldNameTheRecordWhoseFieldWasEditedInTheFile() {
        String edited = EvidenceJson.write(evidence).replace("\"deskside, \\\"Ann\\\"\"", "\"deskside-bob\"");

        Finding finding = EvidenceVerifier.verify(EvidenceJson.read(edited)).firstFinding().orElseThrow();

        assertThat(finding.kind()).isEqualTo(Finding.Kind.EDITED);
        assertThat(finding.sequence()).isEqualTo(1);
    }

    private static List<LoggedEntry> chain() {
        List<AuditFacts> facts = List.of(
                new AuditFacts(AT, "c-0", "case", "HRIS:workday", "EmployeeJoined", "P-1", null, AT),
                new AuditFacts(AT, "c-1", "case", "deskside, \"Ann\"", "COLLECTED", "P-1", "LAPTOP asset MA-1", null),
                new AuditFacts(AT, "c-2", "", "José\nNguyễn", "UNREADABLE", "P-2", "", null),
                new AuditFacts(AT, "c-3", "case", "access-service", "ACCOUNT_DISABLED:DONE", "P-1", "directory", AT));
        List<LoggedEntry> chain = new ArrayList<>();
        ChainHead head = ChainHead.EMPTY;
        for (int i = 0; i < facts.size(); i++) {
            AuditEntry e = head.append(facts.get(i), new SourcePosition("t", 0, i), ChainHash.sha256(new byte[]{(byte) i}),
                    AT.plusMillis(i));
            chain.add(new LoggedEntry(0, i, e.subjectPersonId(), e));
            head = ChainHead.of(e);
        }
        return chain;
    }
}
