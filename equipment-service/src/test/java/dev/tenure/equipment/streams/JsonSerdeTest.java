package dev.tenure.equipment.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.equipment.domain.EquipmentLifecycle;
import dev.tenure.equipment.domain.LifecycleEvent;
import dev.tenure.equipment.domain.PersonEquipment;
import dev.tenure.equipment.domain.Samples;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    private final JsonSerde<PersonEquipment> serde = new JsonSerde<>(PersonEquipment.class);

    @Test
    void shouldStoreAPersonAndReadThemBackUnchanged() {
        // Given a person with items, history, a pending leaver and remembered event ids
        EquipmentLifecycle rules = new EquipmentLifecycle(Samples.CATALOGUE);
        Instant now = Instant.parse("2027-02-01T12:00:00Z");
        PersonEquipment person = rules.onLifecycleEvent(PersonEquipment.unknown("p-1"),
                Samples.joiner("p-1", LocalDate.parse("2027-03-15"), Samples.accountant()), now).person();
        person = rules.onLifecycleEvent(person, Samples.event("p-1",
                new LifecycleEvent.Left(LocalDate.parse("2027-06-30"), false)), now).person();

        // When it is written and read back
        byte[] json = serde.serializer().serialize("changelog", person);
        PersonEquipment read = serde.deserializer().deserialize("changelog", json);

        // Then it is equal, and the JSON holds record components only (no derived isX() properties)
        assertThat(read).isEqualTo(person);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"leave\":{\"endDate\":\"2027-06-30\"")
                .doesNotContain("\"known\"").doesNotContain("\"locked\"");
    }

    @Test
    void shouldIgnoreFieldsAddedByANewerVersion() {
        byte[] newer = """
                {"personId":"p-2","agency":"DOR","profile":null,"startDate":null,"leave":null,"items":[],
                 "recentEventIds":[],"addedLater":"ignored"}""".getBytes(StandardCharsets.UTF_8);

        assertThat(serde.deserializer().deserialize("changelog", newer).personId()).isEqualTo("p-2");
    }
}
