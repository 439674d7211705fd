package dev.tenure.common.clock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * How the services' clock relates to real time, as configured by {@value #START_KEY},
 * {@value #ANCHOR_KEY} and {@value #SPEED_KEY}.
 *
 * <p>Simulated time equals {@code start} at the real instant {@code anchor} and runs {@code speed}
 * times as fast as real time. Without a start, simulated time equals real time at the anchor.
 * Without an anchor, the anchor is the moment the clock is created — so services that must agree
 * on simulated time are given the same anchor explicitly.
 */
public record ClockSettings(Optional<Instant> start, Optional<Instant> anchor, double speed) {

    public static final String START_KEY = "tenure.clock.start";
    public static final String ANCHOR_KEY = "tenure.clock.anchor";
    public static final String SPEED_KEY = "tenure.clock.speed";
    public static final double REAL_TIME_SPEED = 1.0;

    private static final String INSTANT_EXAMPLE = "2027-01-01T00:00:00Z";

    public ClockSettings {
        Objects.requireNonNull(start, START_KEY + " must be an Optional, was null");
        Objects.requireNonNull(anchor, ANCHOR_KEY + " must be an Optional, was null");
        if (Double.isNaN(speed) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException(SPEED_KEY + " must be a finite number, was " + speed);
        }
        if (speed <= 0) {
            throw new IllegalArgumentException(SPEED_KEY + " must be > 0, was " + format(speed));
        }
    }

    /** Real time: no start, no anchor, speed 1. */
    public static ClockSettings realTime() {
        return new ClockSettings(Optional.empty(), Optional.empty(), REAL_TIME_SPEED);
    }

    /**
     * Reads the settings from their configured text; an absent or blank value means "not set"
     * (speed then defaults to 1).
     *
     * @throws IllegalArgumentException naming the key, the reason and the offending value
     */
    public static ClockSettings parse(Optional<String> start, Optional<String> anchor, Optional<String> speed) {
        return new ClockSettings(
                present(start).map(text -> parseInstant(START_KEY, text)),
                present(anchor).map(text -> parseInstant(ANCHOR_KEY, text)),
                present(speed).map(ClockSettings::parseSpeed).orElse(REAL_TIME_SPEED));
    }

    /** True when time runs exactly as the real clock does. */
    public boolean isRealTime() {
        return start.isEmpty() && speed == REAL_TIME_SPEED;
    }

    private static Optional<String> present(Optional<String> text) {
        return text.map(String::strip).filter(value -> !value.isEmpty());
    }

    private static Instant parseInstant(String key, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    key + " must be an ISO-8601 instant such as " + INSTANT_EXAMPLE + ", was '" + text + "'", e);
        }
    }

    private static double parseSpeed(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    SPEED_KEY + " must be a number such as 1440 or 0.5, was '" + text + "'", e);
        }
    }

    // -2.0 reads as "-2" in messages, the way it was most likely written.
    private static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
