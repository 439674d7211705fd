package dev.tenure.access.streams;

import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccountAttributes;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.Encoder;

/**
 * Writes an {@code access-commands} record field by field, in the schema's order, as Avro binary — exactly the bytes
 * Avro's generic {@code SpecificDatumWriter} writes, without its per-field look-ups (union branches, logical-type
 * conversions, enum schemas): on a replay the planner writes about five commands per HR event, and the generic
 * writer was a quarter of its time. {@code AccessCommandWriterTest} compares the two on every field; a change to
 * {@code AccessCommand.avsc} fails that test until this class follows it.
 */
final class AccessCommandWriter implements DatumWriter<AccessCommand> {

    @Override
    public void setSchema(Schema schema) {
        // Written for AccessCommand's schema only.
    }

    @Override
    public void write(AccessCommand c, Encoder out) throws IOException {
        out.writeString(c.getEventId());
        out.writeLong(c.getOccurredAt().toEpochMilli());
        nullable(out, c.getCausationId());
        out.writeString(c.getCorrelationId());
        out.writeString(c.getSource());
        out.writeString(c.getActionId());
        out.writeString(c.getPersonId());
        out.writeString(c.getAgency());
        out.writeString(c.getTargetSystem());
        nullable(out, c.getEntitlement());
        out.writeEnum(c.getStep().ordinal());
        out.writeEnum(c.getOperation().ordinal());
        if (c.getEnabled() == null) {
            out.writeIndex(0);
        } else {
            out.writeIndex(1);
            out.writeBoolean(c.getEnabled());
        }
        nullable(out, c.getGroup());
        if (c.getGroupKind() == null) {
            out.writeIndex(0);
        } else {
            out.writeIndex(1);
            out.writeEnum(c.getGroupKind().ordinal());
        }
        AccountAttributes a = c.getAccount();
        if (a == null) {
            out.writeIndex(0);
        } else {
            out.writeIndex(1);
            out.writeString(a.getGivenName());
            out.writeString(a.getFamilyName());
            nullable(out, a.getPreferredName());
            out.writeString(a.getDepartment());
            out.writeString(a.getJobTitle());
            nullable(out, a.getManagerPersonId());
        }
        out.writeLong(c.getDueAt().toEpochMilli());
    }

    /** A {@code ["null", "string"]} union: branch 0 for null, else branch 1 and the string. */
    private static void nullable(Encoder out, String value) throws IOException {
        if (value == null) {
            out.writeIndex(0);
        } else {
            out.writeIndex(1);
            out.writeString(value);
        }
    }
}
