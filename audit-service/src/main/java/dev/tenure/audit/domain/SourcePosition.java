package dev.tenure.audit.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Where an audited record was read: its topic, partition and offset. */
public record SourcePosition(String topic, int partition, long offset) {

    /** The audit record's eventId: a name-based UUID of the position, so a replay of the same record gets the same id. */
    public String auditEventId() {
        return UUID.nameUUIDFromBytes((topic + "/" + partition + "/" + offset).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
