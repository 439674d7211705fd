package dev.tenure.tools.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedCsvWriterTest {

    @Test
    void shouldQuoteOnlyCellsThatNeedIt() {
        assertThat(FeedCsvWriter.quote("Boston")).isEqualTo("Boston");
        assertThat(FeedCsvWriter.quote("O'Brien")).isEqualTo("O'Brien");
        assertThat(FeedCsvWriter.quote("José")).isEqualTo("José");
        assertThat(FeedCsvWriter.quote("")).isEqualTo("");
        assertThat(FeedCsvWriter.quote("1 Ashburton Place, Boston")).isEqualTo("\"1 Ashburton Place, Boston\"");
        assertThat(FeedCsvWriter.quote("the \"Big Dig\" office")).isEqualTo("\"the \"\"Big Dig\"\" office\"");
        assertThat(FeedCsvWriter.quote("line one\nline two")).isEqualTo("\"line one\nline two\"");
        assertThat(FeedCsvWriter.quote("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(FeedCsvWriter.quote(" padded ")).isEqualTo("\" padded \"");
    }

    @Test
    void shouldRoundTripAwkwardValuesThroughAStrictReader() {
        // Given an event whose text has commas, quotes, line breaks, accents and apostrophes
        FeedEvent awkward = FeedEvent.builder("9b2f8f1e-6a43-4d5e-9b7e-0c1d2e3f4a5b", EventType.LEAVER_CANCELLED, "P000001")
                .agency("DOR")
                .effectiveDate(LocalDate.of(2027, 6, 30))
                .timeZone("America/New_York")
                .cancelReason("Withdrawn, after \"counter-offer\"\r\nsee ticket; O'Brien/José ✓")
                .cancelledEventId("3c0e4c2a-8f1b-4b6d-a1c2-d3e4f5a6b7c8")
                .build();
        FeedEvent mover = FeedEvent.builder("1f0e9d8c-7b6a-4954-8321-0fedcba98765", EventType.MOVER, "P000002")
                .agency("EOTSS")
                .effectiveDate(LocalDate.of(2027, 5, 3))
                .timeZone("America/Denver")
                .department("Digital Services")
                .job("ITSE-3", "Software Engineer III")
                .location("Remote, Denver")
                .employmentType(EmploymentType.CONTRACTOR)
                .transfer(true)
                .changedAttributes(List.of(PositionAttribute.AGENCY, PositionAttribute.LOCATION, PositionAttribute.TIME_ZONE))
                .build();

        // When written and read back
        List<List<String>> records = Rfc4180Reader.read(FeedCsvWriter.toCsv(List.of(awkward, mover)));

        // Then the header is the contract's names and every cell comes back as written
        assertThat(records).hasSize(3);
        assertThat(records.get(0)).containsExactlyElementsOf(FeedFields.NAMES);
        Map<String, String> first = row(records.get(0), records.get(1));
        assertThat(first.get("cancelReason")).isEqualTo("Withdrawn, after \"counter-offer\"\r\nsee ticket; O'Brien/José ✓");
        assertThat(first.get("givenName")).isEmpty();
        assertThat(first.get("immediate")).isEmpty();
        Map<String, String> second = row(records.get(0), records.get(2));
        assertThat(second.get("changedAttributes")).isEqualTo("AGENCY;LOCATION;TIME_ZONE");
        assertThat(second.get("transfer")).isEqualTo("true");
        assertThat(second.get("location")).isEqualTo("Remote, Denver");
        assertThat(second.get("employmentType")).isEqualTo("CONTRACTOR");
    }

    @Test
    void shouldRoundTripAWholeGeneratedFeed() {
        List<FeedEvent> events = ScheduledEvent.events(SampleFeedGenerator.generate(FeedConfig.defaults()));

        byte[] bytes = FeedCsvWriter.toBytes(events);
        List<List<String>> records = Rfc4180Reader.read(new String(bytes, StandardCharsets.UTF_8));

        assertThat(bytes[0]).isEqualTo((byte) 'e'); // no byte-order mark
        assertThat(records).hasSize(events.size() + 1);
        for (int i = 0; i < events.size(); i++) {
            Map<String, String> cells = row(records.get(0), records.get(i + 1));
            Map<String, Object> fields = FeedFields.present(events.get(i));
            for (String name : FeedFields.NAMES) {
                Object value = fields.get(name);
                String expected = value == null ? "" : value instanceof List ? String.join(";", (List<String>) value) : value.toString();
                assertThat(cells.get(name)).as("row %d %s", i + 1, name).isEqualTo(expected);
            }
        }
    }

    private static Map<String, String> row(List<String> header, List<String> cells) {
        assertThat(cells).hasSameSizeAs(header);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), cells.get(i));
        }
        return row;
    }
}
