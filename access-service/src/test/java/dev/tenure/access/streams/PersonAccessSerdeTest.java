package dev.tenure.access.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tenure.access.planning.Milestone;
import dev.tenure.access.planning.Milestone.MilestoneKind;
import dev.tenure.access.planning.PersonAccess;
import dev.tenure.access.planning.PersonFacts;
import dev.tenure.access.planning.Phase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class PersonAccessSerdeTest {

    private final PersonAccessSerde serde = new PersonAccessSerde();

    @Test
    void shouldReadBackEveryFieldOfAState() {
        // Given a state with every kind of field set, nulls among them
        PersonAccess state = fullState();

        // When
        byte[] bytes = serde.serializer().serialize("changelog", state);
        PersonAccess read = serde.deserializer().deserialize("changelog", bytes);

        // Then
        assertThat(bytes[0]).isEqualTo(PersonAccessSerde.VERSION_1);
        assertThat(read).isEqualTo(state);
    }

    @Test
    void shouldReadBackAnUnknownPerson() {
        PersonAccess unknown = PersonAccess.unknown("P-1");

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", unknown))).isEqualTo(unknown);
    }

    @Test
    void shouldStillReadStatesThatEarlierVersionsWroteAsJson() throws Exception {
        // Given a state as versions before the binary form wrote it
        ObjectMapper earlier = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        byte[] json = earlier.writeValueAsBytes(fullState());

        // When / Then
        assertThat(serde.deserializer().deserialize("changelog", json)).isEqualTo(fullState());
    }

    @Test
    void shouldRefuseAFormatItDoesNotKnowWithTheReason() {
        byte[] newer = {9, 0, 0};

        assertThatThrownBy(() -> serde.deserializer().deserialize("changelog", newer))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown state format version 9");
    }

    @Test
    void shouldPassNullThrough() {
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    private static PersonAccess fullState() {
        PersonFacts facts = new PersonFacts("P-1", "DOR", "Ada", "Lovelace", null, "Audit", "AUD-2", "Auditor",
                "Boston", "EMPLOYEE", "P-0", "America/New_York");
        PersonFacts position = new PersonFacts("P-1", "EOTSS", "Ada", "Lovelace", "Ada L.", "Security", "SEC-1",
                "Analyst", "Chelsea", "CONTRACTOR", null, "America/Chicago");
        List<Milestone> pending = List.of(
                new Milestone("e2/move", "e2", Instant.parse("2026-03-01T05:00:00.123456789Z"), MilestoneKind.MOVE,
                        position, null),
                new Milestone("e3/vpn", "e3", Instant.parse("2026-03-02T05:00:00Z"), MilestoneKind.VPN_GRANT, null,
                        "vpn-users"));
        return new PersonAccess("P-1", facts, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 12, 31), Phase.ACTIVE, true,
                new TreeSet<>(List.of("account", "dor-all", "mailbox")), new TreeSet<>(List.of("vpn-users")), pending,
                List.of("e1", "e2", "e3"));
    }
}
