package dev.tenure.tools.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleFeedGeneratorTest {

    private static final FeedConfig DEFAULTS = FeedConfig.defaults();
    private static final List<ScheduledEvent> DEFAULT_FEED = SampleFeedGenerator.generate(DEFAULTS);
    private static final List<ScheduledEvent> LARGE_FEED = SampleFeedGenerator.generate(DEFAULTS.withPeople(4000).withSeed(7));

    @Test
    void shouldWriteByteIdenticalCsvForTheSameSeed() {
        // Given two generators with the same settings
        byte[] first = FeedCsvWriter.toBytes(ScheduledEvent.events(SampleFeedGenerator.generate(DEFAULTS)));
        byte[] second = FeedCsvWriter.toBytes(ScheduledEvent.events(new SampleFeedGenerator(DEFAULTS).generate()));

        // Then they write the same bytes
        assertThat(first).isEqualTo(second);
        assertThat(first.length).isGreaterThan(100_000);
    }

    @Test
    void shouldRepeatTheSubmissionScheduleForTheSameSeed() {
        List<ScheduledEvent> again = SampleFeedGenerator.generate(DEFAULTS);

        assertThat(again).isEqualTo(DEFAULT_FEED);
    }

    @Test
    void shouldMakeAnotherFeedFromAnotherSeed() {
        List<ScheduledEvent> other = SampleFeedGenerator.generate(DEFAULTS.withSeed(DEFAULTS.seed() + 1));

        assertThat(FeedCsvWriter.toBytes(ScheduledEvent.events(other)))
                .isNotEqualTo(FeedCsvWriter.toBytes(ScheduledEvent.events(DEFAULT_FEED)));
        Set<String> ids = DEFAULT_FEED.stream().map(s -> s.event().eventId()).collect(Collectors.toSet());
        assertThat(other).noneMatch(s -> ids.contains(s.event().eventId()));
    }

    @Test
    void shouldKeepEveryPersonsHistoryConsistent() {
        // joiner first; moves and leaves only while employed; end dates after the start and every move;
        // immediate terminations not in the future of their submission; rehires only after the end date
        assertThat(FeedInvariants.violations(DEFAULT_FEED)).isEmpty();
        assertThat(FeedInvariants.violations(LARGE_FEED)).isEmpty();
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(FeedInvariants.violations(SampleFeedGenerator.generate(DEFAULTS.withSeed(seed).withPeople(800))))
                    .as("seed %d", seed).isEmpty();
        }
    }

    @Test
    void shouldStayConsistentWithExtremeShares() {
        FeedConfig busy = new FeedConfig(600, 3, LocalDate.of(2027, 1, 1), 365, "X", "hris", 1, 1, 1, 1, 1, 1, 1, 0.5, 0.5,
                0.5, 0.5, 1);
        FeedConfig quiet = new FeedConfig(600, 3, LocalDate.of(2027, 1, 1), 90, "X", "hris", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        assertThat(FeedInvariants.violations(SampleFeedGenerator.generate(busy))).isEmpty();
        assertThat(SampleFeedGenerator.generate(quiet)).allMatch(s -> s.event().type() == EventType.JOINER).hasSize(600);
    }

    @Test
    void shouldGenerateEveryKindOfEvent() {
        Map<EventType, Long> counts = DEFAULT_FEED.stream()
                .collect(Collectors.groupingBy(s -> s.event().type(), () -> new EnumMap<>(EventType.class), Collectors.counting()));

        assertThat(counts).containsOnlyKeys(EventType.values());
        assertThat(counts.get(EventType.JOINER)).isEqualTo(DEFAULTS.people());
        assertThat(DEFAULT_FEED).anyMatch(s -> Boolean.TRUE.equals(s.event().transfer()));
        assertThat(DEFAULT_FEED).anyMatch(s -> Boolean.TRUE.equals(s.event().immediate()));
        assertThat(DEFAULT_FEED).anyMatch(s -> "NO_SHOW".equals(s.event().cancelReason()));
        assertThat(DEFAULT_FEED).anyMatch(s -> s.event().preferredName() != null);
        assertThat(DEFAULT_FEED).anyMatch(s -> s.submitter().kind() == Submitter.Kind.COORDINATOR);
    }

    @Test
    void shouldSubmitAboutTheConfiguredShareOfJoinersLate() {
        for (double share : new double[] {0.12, 0.3}) {
            List<ScheduledEvent> feed = SampleFeedGenerator.generate(DEFAULTS.withPeople(3000).withLateJoinerShare(share));
            List<ScheduledEvent> joiners = feed.stream().filter(s -> s.event().type() == EventType.JOINER).collect(Collectors.toList());
            long late = joiners.stream().filter(s -> FeedInvariants.noticeDays(s) < SampleFeedGenerator.MINIMUM_NOTICE_DAYS).count();

            assertThat((double) late / joiners.size()).as("late share for %s", share).isCloseTo(share, offset(0.03));
        }
    }

    @Test
    void shouldKeepNoticeClearOfTheFourteenDayLine() {
        // on time means at least 15 calendar days, late at most 12: every way of counting agrees
        assertThat(LARGE_FEED).filteredOn(s -> s.event().type() == EventType.JOINER || s.event().type() == EventType.REHIRE
                        || (s.event().type() == EventType.LEAVER && !s.event().immediate()))
                .allSatisfy(s -> assertThat(FeedInvariants.noticeDays(s)).isNotIn(12L, 13L).isGreaterThanOrEqualTo(0));
    }

    @Test
    void shouldSubmitInOfficeHoursWithinThePeriodInSubmissionOrder() {
        Instant first = DEFAULTS.start().atStartOfDay(SampleFeedGenerator.OFFICE_ZONE).toInstant();
        Instant end = DEFAULTS.start().plusDays(DEFAULTS.days()).atStartOfDay(SampleFeedGenerator.OFFICE_ZONE).toInstant();

        assertThat(DEFAULT_FEED).extracting(ScheduledEvent::submitAt).isSorted();
        assertThat(DEFAULT_FEED).allSatisfy(s -> {
            assertThat(s.submitAt()).isAfterOrEqualTo(first).isBefore(end);
            ZonedDateTime local = s.submitAt().atZone(SampleFeedGenerator.OFFICE_ZONE);
            assertThat(local.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(local.toLocalTime()).isBetween(LocalTime.of(8, 0), LocalTime.of(18, 0));
        });
    }

    @Test
    void shouldFillTheRequiredFieldsOfEachTypeAndNoOthers() {
        Map<EventType, Set<String>> allowed = FeedInvariants.allowedFields();
        Set<String> always = Set.of("eventId", "type", "personId", "agency", "effectiveDate", "timeZone");
        Set<String> joinerRequired = Set.of("givenName", "familyName", "department", "jobCode", "jobTitle", "location",
                "employmentType", "contactName", "contactEmail");

        assertThat(LARGE_FEED).allSatisfy(s -> {
            FeedEvent e = s.event();
            Set<String> present = FeedFields.present(e).keySet();
            assertThat(present).containsAll(always);
            Set<String> extra = new HashSet<>(present);
            extra.removeAll(always);
            assertThat(extra).as("%s fields", e.type()).isSubsetOf(allowed.get(e.type()));
            switch (e.type()) {
                case JOINER:
                case REHIRE:
                    assertThat(present).containsAll(joinerRequired);
                    break;
                case MOVER:
                    assertThat(present).contains("department", "jobCode", "location", "employmentType", "transfer");
                    assertThat(e.changedAttributes()).isNotEmpty().doesNotHaveDuplicates();
                    assertThat(e.transfer()).isEqualTo(e.changedAttributes().contains(PositionAttribute.AGENCY));
                    break;
                case LEAVER:
                    assertThat(present).contains("leaveReason", "immediate");
                    break;
                case JOINER_CANCELLED:
                    assertThat(JoinerCancelReason.valueOf(e.cancelReason())).isNotNull();
                    assertThat(present).contains("cancelledEventId");
                    break;
                case LEAVER_CANCELLED:
                    assertThat(present).contains("cancelReason", "cancelledEventId");
                    break;
                default:
                    assertThat(present).contains("previousDate");
            }
        });
    }

    @Test
    void shouldNotStartAnyValueWithAFormulaCharacter() {
        assertThat(LARGE_FEED).allSatisfy(s -> FeedFields.present(s.event()).values().forEach(value ->
                assertThat(String.valueOf(value)).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                        .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r").isNotBlank()));
    }

    @Test
    void shouldUseRealisticAgenciesLocationsAndNames() {
        assertThat(DEFAULT_FEED).extracting(s -> s.event().agency()).containsOnly(Organisation.agencyCodes().toArray(new String[0]))
                .contains("EOTSS", "DOR", "EOHHS", "DCR", "MASSDOT");
        Set<String> zones = DEFAULT_FEED.stream().map(s -> s.event().timeZone()).collect(Collectors.toSet());
        assertThat(zones).contains(Organisation.NEW_YORK).hasSizeGreaterThanOrEqualTo(3);
        assertThat(LARGE_FEED).anyMatch(s -> s.event().familyName() != null && s.event().familyName().contains("'"))
                .anyMatch(s -> s.event().givenName() != null && !s.event().givenName().matches("\\p{ASCII}+"));
        assertThat(LARGE_FEED).filteredOn(s -> s.event().contactEmail() != null)
                .allSatisfy(s -> assertThat(s.event().contactEmail()).matches("[a-z0-9.-]+@[a-z]+\\.mass\\.example"));
        assertThat(LARGE_FEED).allSatisfy(s -> {
            assertThat(UUID.fromString(s.event().eventId()).version()).isEqualTo(4);
            assertThat(s.event().personId()).matches("P\\d{6}");
        });
    }

    @Test
    void shouldNameManagersWhoStartedEarlierInTheSameAgency() {
        Map<String, LocalDate> starts = new HashMap<>();
        Map<String, String> agencies = new HashMap<>();
        for (ScheduledEvent s : LARGE_FEED) {
            FeedEvent e = s.event();
            if (e.type() == EventType.JOINER) {
                starts.put(e.personId(), e.effectiveDate());
                agencies.put(e.personId(), e.agency());
            }
            if (e.managerPersonId() != null) {
                assertThat(starts).as("manager of %s known before", e.eventId()).containsKey(e.managerPersonId());
                assertThat(starts.get(e.managerPersonId())).isBefore(e.effectiveDate());
                assertThat(agencies.get(e.managerPersonId())).isEqualTo(e.agency());
                assertThat(e.managerPersonId()).isNotEqualTo(e.personId());
            }
        }
        assertThat(LARGE_FEED).filteredOn(s -> s.event().managerPersonId() != null).hasSizeGreaterThan(LARGE_FEED.size() / 2);
    }

    @Test
    void shouldLetCoordinatorsSubmitOnlyForTheirOwnAgency() {
        assertThat(DEFAULT_FEED).filteredOn(s -> s.submitter().kind() == Submitter.Kind.COORDINATOR)
                .isNotEmpty()
                .allSatisfy(s -> {
                    assertThat(s.submitter().agency()).isEqualTo(s.event().agency());
                    assertThat(s.submitter().principal()).isEqualTo(Organisation.agency(s.event().agency()).coordinator().principal());
                });
        assertThat(DEFAULT_FEED).filteredOn(s -> s.submitter().kind() == Submitter.Kind.HRIS)
                .allSatisfy(s -> assertThat(s.submitter().principal()).isEqualTo("workday"));
    }

    @Test
    void shouldUseThePersonIdPrefix() {
        List<ScheduledEvent> feed = SampleFeedGenerator.generate(DEFAULTS.withPeople(20).withPersonIdPrefix("BX7R2P"));

        assertThat(feed).allSatisfy(s -> assertThat(s.event().personId()).matches("BX7R2P\\d{6}"));
        assertThatThrownBy(() -> DEFAULTS.withPersonIdPrefix("-P")).isInstanceOf(IllegalArgumentException.class);
    }
}
