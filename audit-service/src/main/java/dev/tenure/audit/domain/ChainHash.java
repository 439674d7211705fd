package dev.tenure.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hash of an audit record, computed so that anyone can recompute it without this code (README, "The hash"):
 * <pre>
 * canonical     = "tenure-audit-v1\n" + for each field F of {@link #FIELDS}, in that order:
 *                     F + "=-\n"                                   when the value is null
 *                     F + "=" + byteLength(v) + ":" + v + "\n"     otherwise (v as text, UTF-8)
 * contentDigest = hex(SHA-256(UTF-8 bytes of canonical))
 * hash          = hex(SHA-256(ASCII bytes of previousHash + contentDigest))      (128 hex digits in)
 * </pre>
 * Instants are written {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC (always three digits of milliseconds), numbers in
 * decimal, hex in lower case. The content digest lets a chain be checked through records whose content is not shown
 * (another person's): their sequence, previousHash, contentDigest and hash are enough to follow the links.
 */
public final class ChainHash {

    /** The previousHash of the first record of every chain: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);
    public static final String VERSION = "tenure-audit-v1";
    /** The fields the content digest covers, in the order they are written: every field but previousHash and hash. */
    public static final java.util.List<String> FIELDS = java.util.List.of("eventId", "occurredAt", "causationId",
            "correlationId", "source", "sequence", "actor", "action", "subjectPersonId", "target", "effectiveAt",
            "recordedAt", "sourceTopic", "sourcePartition", "sourceOffset", "payloadDigest");

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private ChainHash() {
    }

    /** The record's fields as the canonical form writes them (null stays null), in {@link #FIELDS} order. */
    public static Map<String, String> canonicalValues(AuditEntry e) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("eventId", e.eventId());
        values.put("occurredAt", instant(e.occurredAt()));
        values.put("causationId", e.causationId());
        values.put("correlationId", e.correlationId());
        values.put("source", e.source());
        values.put("sequence", Long.toString(e.sequence()));
        values.put("actor", e.actor());
        values.put("action", e.action());
        values.put("subjectPersonId", e.subjectPersonId());
        values.put("target", e.target());
        values.put("effectiveAt", instant(e.effectiveAt()));
        values.put("recordedAt", instant(e.recordedAt()));
        values.put("sourceTopic", e.sourceTopic());
        values.put("sourcePartition", Integer.toString(e.sourcePartition()));
        values.put("sourceOffset", Long.toString(e.sourceOffset()));
        values.put("payloadDigest", e.payloadDigest());
        return values;
    }

    /** The canonical form of the record's content (every field but previousHash and hash). */
    public static String canonical(AuditEntry e) {
        StringBuilder out = new StringBuilder(VERSION).append('\n');
        canonicalValues(e).forEach((field, value) -> {
            out.append(field).append('=');
            if (value == null) {
                out.append('-');
            } else {
                out.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
            }
            out.append('\n');
        });
        return out.toString();
    }

    public static String contentDigest(AuditEntry e) {
        return sha256(canonical(e).getBytes(StandardCharsets.UTF_8));
    }

    /** The hash of a record whose previousHash and content digest are given. */
    public static String link(String previousHash, String contentDigest) {
        return sha256((previousHash + contentDigest).getBytes(StandardCharsets.US_ASCII));
    }

    /** The hash the record should carry: {@code link(previousHash, contentDigest(e))}. */
    public static String hashOf(AuditEntry e) {
        return link(e.previousHash(), contentDigest(e));
    }

    /** An instant as the canonical form writes it, or null. */
    public static String instant(Instant instant) {
        return instant == null ? null : INSTANT.format(instant);
    }

    /** Reads an instant written by {@link #instant(Instant)} (or any ISO-8601 instant), or null for null/blank. */
    public static Instant parseInstant(String text) {
        return text == null || text.isBlank() ? null : Instant.parse(text);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
