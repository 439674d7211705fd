package dev.tenure.audit.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenure.audit.domain.AuditEntry;
import dev.tenure.audit.domain.ChainHash;
import dev.tenure.audit.domain.ChainLink;
import dev.tenure.audit.domain.Checkpoint;
import dev.tenure.audit.domain.Evidence;
import dev.tenure.audit.domain.LoggedEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An evidence export as JSON (README, "Evidence"): every value of a record as the canonical form writes it, so an
 * auditor hashes the strings as they stand.
 */
public final class EvidenceJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvidenceJson() {
    }

    public static String write(Evidence evidence) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", Evidence.FORMAT);
        root.put("hash", ChainHash.VERSION);
        root.put("scope", evidence.scope());
        root.put("exportedAt", ChainHash.instant(evidence.exportedAt()));
        ArrayNode records = root.putArray("records");
        for (LoggedEntry logged : evidence.records()) {
            ObjectNode record = records.addObject();
            record.put("partition", logged.partition());
            record.put("offset", logged.offset());
            for (Map.Entry<String, String> field : ChainHash.canonicalValues(logged.entry()).entrySet()) {
                record.put(field.getKey(), field.getValue());
            }
            record.put("previousHash", logged.entry().previousHash());
            record.put("contentDigest", ChainHash.contentDigest(logged.entry()));
            record.put("hash", logged.entry().hash());
        }
        ArrayNode links = root.putArray("links");
        for (ChainLink link : evidence.links()) {
            links.addObject().put("partition", link.partition()).put("sequence", link.sequence())
                    .put("previousHash", link.previousHash()).put("contentDigest", link.contentDigest())
                    .put("hash", link.hash());
        }
        ArrayNode anchors = root.putArray("anchors");
        for (Checkpoint anchor : evidence.anchors()) {
            anchors.addObject().put("partition", anchor.partition()).put("sequence", anchor.sequence())
                    .put("hash", anchor.hash()).put("checkpointedAt", ChainHash.instant(anchor.at()));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Evidence read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (!Evidence.FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not an evidence export of format " + Evidence.FORMAT);
        }
        List<LoggedEntry> records = new ArrayList<>();
        for (JsonNode r : root.path("records")) {
            records.add(new LoggedEntry(r.path("partition").asInt(), r.path("offset").asLong(),
                    text(r, "subjectPersonId"), entry(r)));
        }
        List<ChainLink> links = new ArrayList<>();
        for (JsonNode l : root.path("links")) {
            links.add(new ChainLink(l.path("partition").asInt(), l.path("sequence").asLong(),
                    text(l, "previousHash"), text(l, "contentDigest"), text(l, "hash")));
        }
        List<Checkpoint> anchors = new ArrayList<>();
        for (JsonNode a : root.path("anchors")) {
            anchors.add(new Checkpoint(a.path("partition").asInt(), a.path("sequence").asLong(), text(a, "hash"),
                    ChainHash.parseInstant(text(a, "checkpointedAt"))));
        }
        return new Evidence(text(root, "scope"), ChainHash.parseInstant(text(root, "exportedAt")), records, links,
                anchors);
    }

    /** An exported record read back, from the same strings an auditor hashes. */
    static AuditEntry entry(Map<String, String> v) {
        return new AuditEntry(v.get("eventId"), ChainHash.parseInstant(v.get("occurredAt")), v.get("causationId"),
                v.get("correlationId"), v.get("source"), Long.parseLong(v.get("sequence")), v.get("actor"),
                v.get("action"), v.get("subjectPersonId"), v.get("target"),
                ChainHash.parseInstant(v.get("effectiveAt")), ChainHash.parseInstant(v.get("recordedAt")),
                v.get("sourceTopic"), Integer.parseInt(v.get("sourcePartition")),
                Long.parseLong(v.get("sourceOffset")), v.get("payloadDigest"), v.get("previousHash"), v.get("hash"));
    }

    private static AuditEntry entry(JsonNode r) {
        Map<String, String> values = new java.util.HashMap<>();
        for (String field : ChainHash.FIELDS) {
            values.put(field, text(r, field));
        }
        values.put("previousHash", text(r, "previousHash"));
        values.put("hash", text(r, "hash"));
        return entry(values);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
