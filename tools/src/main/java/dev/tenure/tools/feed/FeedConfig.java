package dev.tenure.tools.feed;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What {@link SampleFeedGenerator} makes: how many people, from which seed, over which period, and
 * the shares of each kind of event. Shares are probabilities per person (joiner corrections, moves,
 * leaves), per leaver (immediate terminations, leaver corrections, rehires) or per move (transfers).
 *
 * @param people              people in the organisation, each with a joiner
 * @param seed                same seed, same feed (byte for byte)
 * @param start               the first day submissions happen, in {@link SampleFeedGenerator#OFFICE_ZONE}
 * @param days                submissions happen on days {@code [start, start + days)}
 * @param personIdPrefix      person ids are this prefix and a 6-digit number
 * @param hrisPrincipal       the name the HR system submits under
 * @param lateJoinerShare     joiners and rehires submitted with less than 14 days' notice
 * @param lateLeaverShare     (non-immediate) leavers submitted with less than 14 days' notice
 * @param coordinatorShare    events a DPC submits rather than the HR system
 * @param moverShare          people who move at least once
 * @param transferShare       moves that are transfers between agencies
 * @param leaverShare         people who leave
 * @param immediateShare      leavers terminated immediately (end date today or earlier)
 * @param startDateChangedShare joiners whose start date is corrected
 * @param joinerCancelledShare  joiners cancelled (no-show, offer declined or rescinded)
 * @param endDateChangedShare   leavers whose end date is corrected
 * @param leaverCancelledShare  leavers withdrawn (the person stays)
 * @param rehireShare         leavers (who may come back) rehired later in the period
 */
public record FeedConfig(
        int people,
        long seed,
        LocalDate start,
        int days,
        String personIdPrefix,
        String hrisPrincipal,
        double lateJoinerShare,
        double lateLeaverShare,
        double coordinatorShare,
        double moverShare,
        double transferShare,
        double leaverShare,
        double immediateShare,
        double startDateChangedShare,
        double joinerCancelledShare,
        double endDateChangedShare,
        double leaverCancelledShare,
        double rehireShare) {

    public static final int DEFAULT_PEOPLE = 500;
    public static final long DEFAULT_SEED = 20270101L;
    public static final LocalDate DEFAULT_START = LocalDate.of(2027, 1, 1);

    public FeedConfig {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(personIdPrefix, "personIdPrefix");
        Objects.requireNonNull(hrisPrincipal, "hrisPrincipal");
        if (people < 1) {
            throw new IllegalArgumentException("people must be at least 1, was " + people);
        }
        if (days < 60) {
            throw new IllegalArgumentException("days must be at least 60, was " + days);
        }
        if (!personIdPrefix.matches("[A-Za-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("personIdPrefix must be a letter then letters or digits, was '" + personIdPrefix + "'");
        }
        share("lateJoinerShare", lateJoinerShare);
        share("lateLeaverShare", lateLeaverShare);
        share("coordinatorShare", coordinatorShare);
        share("moverShare", moverShare);
        share("transferShare", transferShare);
        share("leaverShare", leaverShare);
        share("immediateShare", immediateShare);
        share("startDateChangedShare", startDateChangedShare);
        share("joinerCancelledShare", joinerCancelledShare);
        share("endDateChangedShare", endDateChangedShare);
        share("leaverCancelledShare", leaverCancelledShare);
        share("rehireShare", rehireShare);
        if (startDateChangedShare + joinerCancelledShare > 1) {
            throw new IllegalArgumentException("startDateChangedShare + joinerCancelledShare must not exceed 1");
        }
        if (endDateChangedShare + leaverCancelledShare > 1) {
            throw new IllegalArgumentException("endDateChangedShare + leaverCancelledShare must not exceed 1");
        }
    }

    /** 500 people, seed 20270101, a year from 2027-01-01, the default shares. */
    public static FeedConfig defaults() {
        return new FeedConfig(DEFAULT_PEOPLE, DEFAULT_SEED, DEFAULT_START, 365, "P", "workday",
                0.12, 0.20, 0.30, 0.30, 0.30, 0.25, 0.15, 0.08, 0.04, 0.10, 0.06, 0.30);
    }

    public FeedConfig withPeople(int value) {
        return new FeedConfig(value, seed, start, days, personIdPrefix, hrisPrincipal, lateJoinerShare, lateLeaverShare,
                coordinatorShare, moverShare, transferShare, leaverShare, immediateShare, startDateChangedShare,
                joinerCancelledShare, endDateChangedShare, leaverCancelledShare, rehireShare);
    }

    public FeedConfig withSeed(long value) {
        return new FeedConfig(people, value, start, days, personIdPrefix, hrisPrincipal, lateJoinerShare, lateLeaverShare,
                coordinatorShare, moverShare, transferShare, leaverShare, immediateShare, startDateChangedShare,
                joinerCancelledShare, endDateChangedShare, leaverCancelledShare, rehireShare);
    }

    public FeedConfig withStart(LocalDate value) {
        return new FeedConfig(people, seed, value, days, personIdPrefix, hrisPrincipal, lateJoinerShare, lateLeaverShare,
                coordinatorShare, moverShare, transferShare, leaverShare, immediateShare, startDateChangedShare,
                joinerCancelledShare, endDateChangedShare, leaverCancelledShare, rehireShare);
    }

    public FeedConfig withDays(int value) {
        return new FeedConfig(people, seed, start, value, personIdPrefix, hrisPrincipal, lateJoinerShare, lateLeaverShare,
                coordinatorShare, moverShare, transferShare, leaverShare, immediateShare, startDateChangedShare,
                joinerCancelledShare, endDateChangedShare, leaverCancelledShare, rehireShare);
    }

    public FeedConfig withPersonIdPrefix(String value) {
        return new FeedConfig(people, seed, start, days, value, hrisPrincipal, lateJoinerShare, lateLeaverShare,
                coordinatorShare, moverShare, transferShare, leaverShare, immediateShare, startDateChangedShare,
                joinerCancelledShare, endDateChangedShare, leaverCancelledShare, rehireShare);
    }

    public FeedConfig withHrisPrincipal(String value) {
        return new FeedConfig(people, seed, start, days, personIdPrefix, value, lateJoinerShare, lateLeaverShare,
                coordinatorShare, moverShare, transferShare, leaverShare, immediateShare, startDateChangedShare,
                joinerCancelledShare, endDateChangedShare, leaverCancelledShare, rehireShare);
    }

    public FeedConfig withLateJoinerShare(double value) {
        return new FeedConfig(people, seed, start, days, personIdPrefix, hrisPrincipal, value, lateLeaverShare,
                coordinatorShare, moverShare, transferShare, leaverShare, immediateShare, startDateChangedShare,
                joinerCancelledShare, endDateChangedShare, leaverCancelledShare, rehireShare);
    }

    public FeedConfig withLateLeaverShare(double value) {
        return new FeedConfig(people, seed, start, days, personIdPrefix, hrisPrincipal, lateJoinerShare, value,
                coordinatorShare, moverShare, transferShare, leaverShare, immediateShare, startDateChangedShare,
                joinerCancelledShare, endDateChangedShare, leaverCancelledShare, rehireShare);
    }

    public FeedConfig withCoordinatorShare(double value) {
        return new FeedConfig(people, seed, start, days, personIdPrefix, hrisPrincipal, lateJoinerShare, lateLeaverShare,
                value, moverShare, transferShare, leaverShare, immediateShare, startDateChangedShare,
                joinerCancelledShare, endDateChangedShare, leaverCancelledShare, rehireShare);
    }

    private static void share(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
        }
    }
}
