package dev.tenure.tools.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedJsonWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldWriteAFlatObjectOfThePresentFieldsWithTypedValues() throws Exception {
        FeedEvent leaver = FeedEvent.builder("0d4b1c8e-2f3a-4e5b-8c6d-7e8f9a0b1c2d", EventType.LEAVER, "P000042")
                .agency("EOPSS").effectiveDate(LocalDate.of(2027, 3, 5)).timeZone("America/New_York")
                .leaveReason(LeaveReason.TERMINATION_FOR_CAUSE).immediate(true).build();

        JsonNode json = JSON.readTree(FeedJsonWriter.toJson(leaver));

        assertThat(json.isObject()).isTrue();
        assertThat(json.fieldNames()).toIterable().containsExactly("eventId", "type", "personId", "agency", "effectiveDate",
                "timeZone", "leaveReason", "immediate");
        assertThat(json.get("immediate").isBoolean()).isTrue();
        assertThat(json.get("effectiveDate").asText()).isEqualTo("2027-03-05");
        assertThat(json.get("leaveReason").asText()).isEqualTo("TERMINATION_FOR_CAUSE");
    }

    @Test
    void shouldWriteChangedAttributesAsAnArray() throws Exception {
        FeedEvent mover = FeedEvent.builder("5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9", EventType.MOVER, "P000007")
                .agency("ANF").effectiveDate(LocalDate.of(2027, 9, 6)).timeZone("America/Chicago")
                .location("Remote, Chicago").transfer(false)
                .changedAttributes(List.of(PositionAttribute.LOCATION, PositionAttribute.TIME_ZONE)).build();

        JsonNode json = JSON.readTree(FeedJsonWriter.toJsonBytes(mover));

        assertThat(json.get("changedAttributes").isArray()).isTrue();
        assertThat(json.get("changedAttributes").get(1).asText()).isEqualTo("TIME_ZONE");
        assertThat(json.get("transfer").booleanValue()).isFalse();
    }

    @Test
    void shouldWriteOneScheduledEventPerLine() throws Exception {
        List<ScheduledEvent> feed = SampleFeedGenerator.generate(FeedConfig.defaults().withPeople(30));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        FeedJsonWriter.writeLines(feed, out);

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(feed.size());
        JsonNode first = JSON.readTree(lines[0]);
        assertThat(Instant.parse(first.get("submitAt").asText())).isEqualTo(feed.get(0).submitAt());
        assertThat(first.get("submittedBy").get("kind").asText()).isIn("HRIS", "COORDINATOR");
        assertThat(first.get("event").get("eventId").asText()).isEqualTo(feed.get(0).event().eventId());
    }
}
