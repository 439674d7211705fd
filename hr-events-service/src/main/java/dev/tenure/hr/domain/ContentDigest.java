package dev.tenure.hr.domain;

import dev.tenure.hr.domain.LifecycleSubmission.DateChange;
import dev.tenure.hr.domain.LifecycleSubmission.Details;
import dev.tenure.hr.domain.LifecycleSubmission.Hire;
import dev.tenure.hr.domain.LifecycleSubmission.JoinerCancellation;
import dev.tenure.hr.domain.LifecycleSubmission.Leave;
import dev.tenure.hr.domain.LifecycleSubmission.LeaverCancellation;
import dev.tenure.hr.domain.LifecycleSubmission.Move;
import dev.tenure.hr.domain.LifecycleSubmission.VpnRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A stable SHA-256 (lower-case hex) of a submission's normalised content, to tell an idempotent replay (same
 * eventId, same digest) from a conflicting reuse of an eventId (same eventId, another digest: HTTP 409).
 *
 * <p>It covers every field of the {@link LifecycleSubmission} under its wire name — eventId, type, personId,
 * agency, effectiveDate, timeZone and every detail field of the type — as normalised values (trimmed NFC text,
 * canonical enum names, lower-case UUID, ISO date, canonical zone id; changedAttributes deduplicated in a fixed
 * order; an absent boolean is false). It does not cover who submitted it, when, or how (JSON or CSV, field or column
 * order, letter case of enum names): those are not content. The canonical form is versioned ({@code v1}): fields
 * sorted by name, each as {@code name=length:value\n}, absent optional fields left out.
 */
public final class ContentDigest {

    private static final String VERSION = "tenure-lifecycle-submission-v1\n";

    private ContentDigest() {}

    public static String of(LifecycleSubmission submission) {
        StringBuilder canonical = new StringBuilder(VERSION);
        canonicalFields(submission).forEach((name, value) ->
                canonical.append(name).append('=').append(value.length()).append(':').append(value).append('\n'));
        return HexFormat.of().formatHex(sha256().digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The covered fields by wire name, as the digest sees them. */
    public static SortedMap<String, String> canonicalFields(LifecycleSubmission submission) {
        SortedMap<String, String> fields = new TreeMap<>();
        fields.put("eventId", submission.eventId().toString());
        fields.put("type", submission.type().name());
        fields.put("personId", submission.personId());
        fields.put("agency", submission.agency());
        fields.put("effectiveDate", submission.effectiveDate().toString());
        fields.put("timeZone", submission.timeZone().getId());
        putDetails(fields, submission.details());
        return fields;
    }

    private static void putDetails(Map<String, String> fields, Details details) {
        if (details instanceof Hire hire) {
            fields.put("givenName", hire.person().givenName());
            fields.put("familyName", hire.person().familyName());
            put(fields, "preferredName", hire.person().preferredName());
            fields.put("department", hire.position().department());
            fields.put("jobCode", hire.position().jobCode());
            fields.put("jobTitle", hire.position().jobTitle());
            fields.put("location", hire.position().location());
            put(fields, "managerPersonId", hire.position().managerPersonId());
            fields.put("employmentType", hire.position().employmentType().name());
            fields.put("contactName", hire.pointOfContact().name());
            fields.put("contactEmail", hire.pointOfContact().email());
        } else if (details instanceof Move move) {
            put(fields, "department", move.change().department());
            put(fields, "jobCode", move.change().jobCode());
            put(fields, "jobTitle", move.change().jobTitle());
            put(fields, "location", move.change().location());
            put(fields, "managerPersonId", move.change().managerPersonId());
            put(fields, "employmentType", move.change().employmentType());
            fields.put("changedAttributes",
                    move.changedAttributes().stream().sorted().map(Enum::name).collect(Collectors.joining(";")));
            fields.put("transfer", Boolean.toString(move.transfer()));
        } else if (details instanceof Leave leave) {
            fields.put("leaveReason", leave.reason().name());
            fields.put("immediate", Boolean.toString(leave.immediate()));
        } else if (details instanceof DateChange change) {
            put(fields, "previousDate", change.previousDate());
        } else if (details instanceof JoinerCancellation cancellation) {
            fields.put("cancelReason", cancellation.reason().name());
            put(fields, "cancelledEventId", cancellation.cancelledEventId());
        } else if (details instanceof LeaverCancellation cancellation) {
            put(fields, "cancelReason", cancellation.reason());
            put(fields, "cancelledEventId", cancellation.cancelledEventId());
        } else if (details instanceof VpnRequest request) {
            fields.put("vpnAction", request.action().name());
            put(fields, "reason", request.reason());
        }
    }

    private static void put(Map<String, String> fields, String name, Optional<?> value) {
        value.ifPresent(v -> fields.put(name, v instanceof Enum<?> constant ? constant.name() : v.toString()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
