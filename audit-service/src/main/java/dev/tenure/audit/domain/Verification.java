package dev.tenure.audit.domain;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The verifier's answer for a whole log: one report per chain (partition). */
public record Verification(List<ChainReport> chains) {

    public Verification {
        chains = List.copyOf(chains);
    }

    public boolean intact() {
        return chains.stream().allMatch(ChainReport::intact);
    }

    /** The first finding in partition order. */
    public Optional<Finding> firstFinding() {
        return chains.stream().filter(c -> !c.intact()).map(ChainReport::finding).findFirst();
    }

    public long records() {
        return chains.stream().mapToLong(ChainReport::verified).sum();
    }

    /** One line per chain, then INTACT or TAMPERED. */
    public String summary() {
        return chains.stream().map(ChainReport::summary).collect(Collectors.joining("\n"))
                + (chains.isEmpty() ? "" : "\n") + (intact() ? "INTACT" : "TAMPERED");
    }
}
