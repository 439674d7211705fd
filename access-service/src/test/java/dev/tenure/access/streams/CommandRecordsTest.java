package dev.tenure.access.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.access.connector.AccessCommand.DeleteAccount;
import dev.tenure.access.connector.AccessCommand.EndSessions;
import dev.tenure.access.connector.AccessCommand.EnsureAccount;
import dev.tenure.access.connector.AccessCommand.EnsureMembership;
import dev.tenure.access.connector.AccessCommand.RemoveMembership;
import dev.tenure.access.connector.AccessCommand.RevokeMfa;
import dev.tenure.access.connector.AccessCommand.SetAccountEnabled;
import dev.tenure.access.connector.AccountProfile;
import dev.tenure.access.connector.GroupKind;
import dev.tenure.access.planning.Execution;
import dev.tenure.access.planning.Execution.Step;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessOperation;
import dev.tenure.schemas.access.AccessStep;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

class CommandRecordsTest {

    private static final Instant PLANNED = Instant.parse("2026-12-05T08:00:00Z");
    private static final Instant DUE = Instant.parse("2026-12-05T22:00:00Z");

    @Test
    void shouldCarryEveryKindOfCommandToTheExecutorUnchanged() throws IOException {
        AccountProfile profile = new AccountProfile("P-1", "Ada", "Lovelace", Optional.empty(), "DOR", "Audit",
                "Auditor", Optional.of("P-0"));
        List<dev.tenure.access.connector.AccessCommand> commands = List.of(
                new EnsureAccount(profile, false),
                new SetAccountEnabled("P-1", true),
                new EnsureMembership("P-1", "DOR-All", GroupKind.DISTRIBUTION),
                new RemoveMembership("P-1", "VPN-Users"),
                new DeleteAccount("P-1"),
                new RevokeMfa("P-1"),
                new EndSessions("P-1"));

        for (dev.tenure.access.connector.AccessCommand command : commands) {
            // When
            AccessCommand record = CommandRecords.toRecord(execution(command), PLANNED);

            // Then it serialises (every required field is set) and reads back as the same command
            write(record);
            assertThat(CommandRecords.toCommand(record)).isEqualTo(command);
        }
    }

    @Test
    void shouldSayWhoWhatWhyAndWhen() {
        AccessCommand record = CommandRecords.toRecord(execution(new RemoveMembership("P-1", "VPN-Users")), PLANNED);

        assertThat(record.getActionId()).isEqualTo("e1/cut-off/entitlement_revoked/vpn");
        assertThat(record.getEventId()).isEqualTo(UUID.nameUUIDFromBytes(
                "e1/cut-off/entitlement_revoked/vpn".getBytes()).toString());
        assertThat(record.getCausationId()).isEqualTo("e1");
        assertThat(record.getCorrelationId()).isEqualTo("e1");
        assertThat(record.getSource()).isEqualTo(CommandRecords.SOURCE);
        assertThat(record.getPersonId()).isEqualTo("P-1");
        assertThat(record.getAgency()).isEqualTo("DOR");
        assertThat(record.getTargetSystem()).isEqualTo("directory");
        assertThat(record.getEntitlement()).isEqualTo("vpn");
        assertThat(record.getStep()).isEqualTo(AccessStep.ENTITLEMENT_REVOKED);
        assertThat(record.getOperation()).isEqualTo(AccessOperation.REMOVE_MEMBERSHIP);
        assertThat(record.getOccurredAt()).isEqualTo(PLANNED);
        assertThat(record.getDueAt()).isEqualTo(DUE);
        assertThat(record.getEnabled()).isNull();
        assertThat(record.getAccount()).isNull();
    }

    private static Execution execution(dev.tenure.access.connector.AccessCommand command) {
        return new Execution("e1/cut-off/entitlement_revoked/vpn", "e1", "P-1", "DOR", "directory", "vpn",
                Step.ENTITLEMENT_REVOKED, command, DUE);
    }

    private static void write(AccessCommand record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new SpecificDatumWriter<>(AccessCommand.class).write(record, encoder);
        encoder.flush();
    }
}
