package dev.tenure.hr.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * A receipt as the ledger keeps it, for every event ever accepted: primitives instead of date objects, the digest as
 * bytes, and shared instances of the few distinct agencies, types and submitters. About a third of the memory of a
 * {@link Receipt}; the ledger hands out full receipts built on demand.
 */
final class StoredReceipt {

    private static final HexFormat HEX = HexFormat.of();
    private static final int NO_NOTICE = Integer.MIN_VALUE;

    private final String personId;
    private final String type;
    private final String agency;
    private final String submittedBy;
    private final long acceptedAtMillis;
    private final int effectiveEpochDay;
    private final int noticeDays;
    private final boolean late;
    private final byte[] digest;
    /** A digest that is not lower-case hex SHA-256 (not written by this intake), kept as is. */
    private final String otherDigest;
    private final int partition;
    private final long offset;

    StoredReceipt(Receipt receipt, Interner interner) {
        this.personId = receipt.personId();
        this.type = interner.intern(receipt.type());
        this.agency = interner.intern(receipt.agency());
        this.submittedBy = interner.intern(receipt.submittedBy());
        this.acceptedAtMillis = receipt.acceptedAt().toEpochMilli();
        this.effectiveEpochDay = Math.toIntExact(receipt.effectiveDate().toEpochDay());
        this.noticeDays = receipt.noticeDays() == null ? NO_NOTICE : receipt.noticeDays();
        this.late = receipt.lateSubmission();
        this.digest = isHexSha256(receipt.contentDigest()) ? HEX.parseHex(receipt.contentDigest()) : null;
        this.otherDigest = digest == null ? receipt.contentDigest() : null;
        this.partition = receipt.partition();
        this.offset = receipt.offset();
    }

    Receipt toReceipt(String eventId) {
        return new Receipt(eventId, personId, type, agency, submittedBy, Instant.ofEpochMilli(acceptedAtMillis),
                LocalDate.ofEpochDay(effectiveEpochDay), noticeDays == NO_NOTICE ? null : noticeDays, late,
                digest == null ? otherDigest : HEX.formatHex(digest), partition, offset);
    }

    private static boolean isHexSha256(String digest) {
        return digest != null && digest.length() == 64
                && digest.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }
}
