package dev.tenure.access.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessGroupKind;
import dev.tenure.schemas.access.AccessOperation;
import dev.tenure.schemas.access.AccessStep;
import dev.tenure.schemas.access.AccountAttributes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

class AccessCommandWriterTest {

    private static final Instant OCCURRED = Instant.parse("2026-12-05T08:00:00.123Z");
    private static final Instant DUE = Instant.parse("2026-12-05T22:00:00Z");

    @Test
    void shouldWriteExactlyWhatAvrosOwnWriterWrites() throws IOException {
        // Given records with every optional field set, and with none, and every symbol of every enum
        List<AccessCommand> records = List.of(
                command(AccessStep.ACCOUNT_CREATED, AccessOperation.ENSURE_ACCOUNT, true, null, null,
                        new AccountAttributes("Ada", "Lovelace", "Ada L.", "Audit", "Auditor", "P-0"), "e1", "account"),
                command(AccessStep.ACCOUNT_UPDATED, AccessOperation.ENSURE_ACCOUNT, false, null, null,
                        new AccountAttributes("Ada", "Lovelace", null, "Audit", "Auditor", null), null, null),
                command(AccessStep.ENTITLEMENT_GRANTED, AccessOperation.ENSURE_MEMBERSHIP, null, "DOR-All",
                        AccessGroupKind.DISTRIBUTION, null, "e1", "dor-all"),
                command(AccessStep.ENTITLEMENT_REVOKED, AccessOperation.REMOVE_MEMBERSHIP, null, "VPN-Users",
                        AccessGroupKind.SECURITY, null, "e1", "vpn"),
                command(AccessStep.ENTITLEMENT_REVOKED, AccessOperation.REMOVE_MEMBERSHIP, null, "x",
                        AccessGroupKind.UNKNOWN, null, "e1", "x"),
                command(AccessStep.ACCOUNT_DISABLED, AccessOperation.SET_ACCOUNT_ENABLED, false, null, null, null,
                        "é-ü-漢", null),
                command(AccessStep.ACCOUNT_ENABLED, AccessOperation.SET_ACCOUNT_ENABLED, true, null, null, null, "e", null),
                command(AccessStep.ACCOUNT_DELETED, AccessOperation.DELETE_ACCOUNT, null, null, null, null, "e", null),
                command(AccessStep.MFA_REVOKED, AccessOperation.REVOKE_MFA, null, null, null, null, "e", "mfa"),
                command(AccessStep.SESSIONS_REVOKED, AccessOperation.END_SESSIONS, null, null, null, null, "e", "mfa"),
                command(AccessStep.UNKNOWN, AccessOperation.UNKNOWN, null, "", null, null, "", ""));

        assertThat(records).extracting(AccessCommand::getStep).containsAll(List.of(AccessStep.values()));
        assertThat(records).extracting(AccessCommand::getOperation).containsAll(List.of(AccessOperation.values()));
        for (AccessCommand record : records) {
            // When / Then
            assertThat(bytes(new AccessCommandWriter(), record))
                    .as("%s", record)
                    .isEqualTo(bytes(new SpecificDatumWriter<>(AccessCommand.class), record));
        }
    }

    private static AccessCommand command(AccessStep step, AccessOperation operation, Boolean enabled, String group,
                                         AccessGroupKind kind, AccountAttributes account, String causation,
                                         String entitlement) {
        return new AccessCommand("0f8fad5b-d9cb-469f-a165-70867728950e", OCCURRED, causation, "corr-1", "access-service",
                "e1/prepare/account_created/account", "P-1", "DOR", "directory", entitlement, step, operation, enabled,
                group, kind, account, DUE);
    }

    private static byte[] bytes(DatumWriter<AccessCommand> writer, AccessCommand record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        writer.write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
