package dev.tenure.equipment.desk;

import dev.tenure.equipment.domain.Rejection;
import java.util.Locale;

/** A step that is not recorded, with the HTTP status that says whose move it is, and why; nothing was published. */
public class StepRefusedException extends Exception {

    private final int status;
    private final String slug;

    public StepRefusedException(int status, String slug, String reason) {
        super(reason);
        this.status = status;
        this.slug = slug;
    }

    public static StepRefusedException of(Rejection rejection) {
        int status = switch (rejection.kind()) {
            case UNKNOWN_PERSON, UNKNOWN_ITEM, UNKNOWN_ASSET -> 404;
            case ASSET_MISMATCH, ASSET_IN_USE, INVALID_TRANSITION -> 409;
            case MISSING_DETAIL, NOT_A_DESKSIDE_STEP -> 422;
        };
        return new StepRefusedException(status, rejection.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                rejection.reason());
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }
}
