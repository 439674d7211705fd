package dev.tenure.audit.domain;

/**
 * One record of a chain without its content: enough to follow the chain through records an export does not show,
 * since {@code hash = SHA-256(previousHash + contentDigest)} can be checked without the content.
 */
public record ChainLink(int partition, long sequence, String previousHash, String contentDigest, String hash) {

    public static ChainLink of(int partition, AuditEntry entry) {
        return new ChainLink(partition, entry.sequence(), entry.previousHash(), ChainHash.contentDigest(entry),
                entry.hash());
    }

    /** True when its hash is the hash of its previousHash and content digest. */
    public boolean consistent() {
        return ChainHash.link(previousHash, contentDigest).equals(hash);
    }
}
