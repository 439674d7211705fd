package dev.tenure.audit.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tenure.audit.domain.ChainReport;
import dev.tenure.audit.domain.Checkpoint;
import dev.tenure.audit.domain.Finding;
import dev.tenure.audit.domain.Verification;
import java.util.List;

/** The verification as JSON: intact or not, one entry per chain, and the summary lines a person reads. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationView(boolean intact, long records, List<Chain> chains, Finding firstFinding,
                               String summary) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Chain(int partition, boolean intact, long verified, long lastSequence, String headHash,
                        Checkpoint checkpoint, Finding finding, String summary) {
    }

    static VerificationView of(Verification v) {
        return new VerificationView(v.intact(), v.records(), v.chains().stream().map(VerificationView::chain).toList(),
                v.firstFinding().orElse(null), v.summary());
    }

    private static Chain chain(ChainReport r) {
        return new Chain(r.partition(), r.intact(), r.verified(), r.lastSequence(), r.headHash(), r.checkpoint(),
                r.finding(), r.summary());
    }
}
