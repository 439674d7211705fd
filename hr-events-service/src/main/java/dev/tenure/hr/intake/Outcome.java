package dev.tenure.hr.intake;

import dev.tenure.hr.domain.FieldError;
import dev.tenure.hr.ledger.Receipt;
import java.util.List;

/** How one submission ended. Nothing is published unless it is {@link Accepted}. */
public sealed interface Outcome {

    /** Accepted now, or earlier with the same content ({@code replay}): the same receipt either way. */
    record Accepted(Receipt receipt, boolean replay) implements Outcome {
    }

    record Invalid(List<FieldError> errors) implements Outcome {
    }

    record Forbidden(String reason) implements Outcome {
    }

    /** The event id was accepted before with other content. */
    record Conflict(String eventId) implements Outcome {
    }

    /** The intake is still reading what it accepted before; answering now could miss a replay. */
    record NotReady(String reason) implements Outcome {
    }
}
