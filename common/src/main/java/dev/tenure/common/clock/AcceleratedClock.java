package dev.tenure.common.clock;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock whose time runs {@code speed} times as fast as a real clock:
 * {@code simulated = start + (real − anchor) × speed}, where {@code anchor} is the real instant at
 * which simulated time equals {@code start}.
 *
 * <p>Every process given the same start, anchor and speed reads the same simulated time, which is
 * how separately started services agree on "now" in a demo that compresses weeks into minutes.
 * Before the anchor the clock reads earlier than {@code start}; it never jumps, and it is monotonic
 * whenever the real clock is.
 */
public final class AcceleratedClock extends Clock {

    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

    private final Instant start;
    private final Instant anchor;
    private final double speed;
    private final Clock realClock;
    private final ZoneId zone;
    // The speed as an exact decimal, so fractional speeds such as 0.1 scale without binary drift.
    private final BigDecimal exactSpeed;

    /** An accelerated clock in UTC, driven by the system clock. */
    public AcceleratedClock(Instant start, Instant anchor, double speed) {
        this(start, anchor, speed, Clock.systemUTC());
    }

    /** An accelerated clock in UTC, driven by {@code realClock} (tests pass a fixed or mutable one). */
    public AcceleratedClock(Instant start, Instant anchor, double speed, Clock realClock) {
        this(start, anchor, speed, realClock, ZoneOffset.UTC);
    }

    private AcceleratedClock(Instant start, Instant anchor, double speed, Clock realClock, ZoneId zone) {
        this.start = Objects.requireNonNull(start, "start");
        this.anchor = Objects.requireNonNull(anchor, "anchor");
        this.realClock = Objects.requireNonNull(realClock, "realClock");
        this.zone = Objects.requireNonNull(zone, "zone");
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a finite number > 0, was " + speed);
        }
        this.speed = speed;
        this.exactSpeed = BigDecimal.valueOf(speed);
    }

    @Override
    public Instant instant() {
        BigInteger realElapsedNanos = nanosBetween(anchor, realClock.instant());
        // Floor, so the simulated clock never reads ahead of where the real clock has got to.
        BigInteger simulatedElapsedNanos = new BigDecimal(realElapsedNanos).multiply(exactSpeed)
                .setScale(0, RoundingMode.FLOOR)
                .toBigInteger();
        BigInteger[] secondsAndNanos = simulatedElapsedNanos.divideAndRemainder(NANOS_PER_SECOND);
        // A negative span gives a negative remainder too; plusNanos handles both signs.
        return start.plusSeconds(secondsAndNanos[0].longValueExact())
                .plusNanos(secondsAndNanos[1].longValueExact());
    }

    private static BigInteger nanosBetween(Instant from, Instant to) {
        // Not Duration.toNanos(): spans multiplied by a speed outgrow a long quickly.
        Duration span = Duration.between(from, to);
        return BigInteger.valueOf(span.getSeconds()).multiply(NANOS_PER_SECOND)
                .add(BigInteger.valueOf(span.getNano()));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public AcceleratedClock withZone(ZoneId zone) {
        if (this.zone.equals(zone)) {
            return this;
        }
        return new AcceleratedClock(start, anchor, speed, realClock, zone);
    }

    public Instant start() {
        return start;
    }

    public Instant anchor() {
        return anchor;
    }

    public double speed() {
        return speed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AcceleratedClock that
                && start.equals(that.start)
                && anchor.equals(that.anchor)
                && Double.compare(speed, that.speed) == 0
                && realClock.equals(that.realClock)
                && zone.equals(that.zone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, anchor, speed, realClock, zone);
    }

    @Override
    public String toString() {
        return "AcceleratedClock[start=" + start + ", anchor=" + anchor + ", speed=" + speed
                + ", zone=" + zone + ", realClock=" + realClock + "]";
    }
}
