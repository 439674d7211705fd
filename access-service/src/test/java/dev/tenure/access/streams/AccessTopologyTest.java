package dev.tenure.access.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.access.planning.AccessPlanner;
import dev.tenure.access.planning.PlanningSettings;
import dev.tenure.access.policy.PolicyLoader;
import dev.tenure.access.support.HrEvents;
import dev.tenure.testkit.MovableClock;
import dev.tenure.testkit.PlainAvroSerde;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessOperation;
import dev.tenure.schemas.access.LegalHoldChanged;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.hr.Position;
import dev.tenure.schemas.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessTopologyTest {

    /** Monday 1 March 2027, 14:00 UTC. */
    private static final Instant NOW = Instant.parse("2027-03-01T14:00:00Z");
    private static final LocalDate START = LocalDate.of(2027, 3, 22);
    private static final Instant START_MIDNIGHT_NY = Instant.parse("2027-03-22T04:00:00Z");
    private static final Position ENGINEER = HrEvents.position("EOTSS", "Infrastructure Services", "IT-ENG-2",
            "Systems Engineer");

    private final MovableClock clock = new MovableClock(NOW);
    private TopologyTestDriver driver;
    private TestInputTopic<String, HrLifecycleEvent> hr;
    private TestInputTopic<String, LegalHoldChanged> holds;
    private TestOutputTopic<String, AccessCommand> commands;

    @BeforeEach
    void start() throws Exception {
        PlainAvroSerde<HrLifecycleEvent> hrSerde = new PlainAvroSerde<>(HrLifecycleEvent.class);
        PlainAvroSerde<AccessCommand> commandSerde = new PlainAvroSerde<>(AccessCommand.class);
        AccessPlanner planner = new AccessPlanner(PolicyLoader.loadResource(PolicyLoader.EXAMPLE_RESOURCE),
                PlanningSettings.DEFAULTS);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "access-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("access-topology").toString());
        driver = new TopologyTestDriver(AccessTopology.build(planner, clock, Duration.ofSeconds(1), hrSerde,
                new PlainAvroSerde<>(LegalHoldChanged.class), commandSerde), props, NOW);
        holds = driver.createInputTopic(Topics.ACCESS_LEGAL_HOLDS.name(), Serdes.String().serializer(),
                new PlainAvroSerde<>(LegalHoldChanged.class).serializer());
        hr = driver.createInputTopic(Topics.HR_LIFECYCLE_EVENTS.name(), Serdes.String().serializer(),
                hrSerde.serializer());
        commands = driver.createOutputTopic(Topics.ACCESS_COMMANDS.name(), Serdes.String().deserializer(),
                commandSerde.deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void shouldHoldAJoinersCommandsUntilTheirTimeAndThenEmitThemInOrder() {
        // Given a joiner three weeks ahead
        hr.pipeInput("E1", HrEvents.joiner("E1", "Alice", "Nakamura", ENGINEER, START, NOW));

        // Then nothing is commanded yet, even as the punctuator runs
        tick(Duration.ofMinutes(5));
        assertThat(commands.isEmpty()).isTrue();

        // When the wall clock reaches the prepare time (a week before the start)
        clock.set(START_MIDNIGHT_NY.minus(Duration.ofDays(7)));
        tick(Duration.ofSeconds(1));

        // Then the account is commanded first, disabled, then the groups and lists of the example policy
        List<AccessCommand> prepared = commands.readValuesToList();
        assertThat(prepared.get(0).getOperation()).isEqualTo(AccessOperation.ENSURE_ACCOUNT);
        assertThat(prepared.get(0).getEnabled()).isFalse();
        assertThat(prepared.get(0).getDueAt()).isEqualTo(START_MIDNIGHT_NY.minus(Duration.ofDays(7)));
        assertThat(prepared).extracting(AccessCommand::getGroup).contains("SG-EOTSS-Staff", "DL-All-Staff");
        assertThat(prepared).allSatisfy(c -> assertThat(c.getPersonId()).isEqualTo("E1"));

        // And at midnight of the start date the account is enabled
        clock.set(START_MIDNIGHT_NY);
        tick(Duration.ofSeconds(1));
        List<AccessCommand> started = commands.readValuesToList();
        assertThat(started).extracting(AccessCommand::getOperation).containsExactly(AccessOperation.SET_ACCOUNT_ENABLED);
        assertThat(started.get(0).getEnabled()).isTrue();
    }

    @Test
    void shouldDisableEveryLeaverDueAtTheSameCutOffBeforeRemovingAnyonesGroups() {
        // Given three employees who all leave on the same day in the same zone (cut-off 17:00 New York time)
        List<String> people = List.of("E10", "E11", "E12");
        for (String person : people) {
            hr.pipeInput(person, HrEvents.joiner(person, "Dee", "Leaver", ENGINEER, LocalDate.of(2026, 1, 5), NOW));
            hr.pipeInput(person, HrEvents.leaver(person, "EOTSS", LocalDate.of(2027, 3, 1), false, NOW));
        }
        commands.readValuesToList();

        // When the cut-off comes
        clock.set(Instant.parse("2027-03-01T22:00:00Z"));
        tick(Duration.ofSeconds(1));

        // Then the three disables go out first, and only then anyone's group and list removals
        List<AccessCommand> cut = commands.readValuesToList();
        assertThat(cut.subList(0, 3)).allSatisfy(c -> {
            assertThat(c.getOperation()).isEqualTo(AccessOperation.SET_ACCOUNT_ENABLED);
            assertThat(c.getEnabled()).isFalse();
        });
        assertThat(cut.subList(0, 3)).extracting(AccessCommand::getPersonId).containsExactlyInAnyOrderElementsOf(people);
        assertThat(cut.subList(3, cut.size())).isNotEmpty().extracting(AccessCommand::getOperation)
                .containsOnly(AccessOperation.REMOVE_MEMBERSHIP);
    }

    @Test
    void shouldCutAnImmediateTerminationWhileItsEventIsProcessedNotAtTheNextPunctuation() {
        // Given an active employee
        hr.pipeInput("E2", HrEvents.joiner("E2", "Bob", "Okafor", ENGINEER, LocalDate.of(2026, 1, 5), NOW));
        commands.readValuesToList();

        // When HR terminates them immediately
        HrLifecycleEvent leaver = HrEvents.leaver("E2", "EOTSS", LocalDate.of(2027, 3, 1), true, NOW);
        hr.pipeInput("E2", leaver);

        // Then the disable is already on the topic, first, caused by that event, and the groups follow
        List<AccessCommand> cut = commands.readValuesToList();
        assertThat(cut.get(0).getOperation()).isEqualTo(AccessOperation.SET_ACCOUNT_ENABLED);
        assertThat(cut.get(0).getEnabled()).isFalse();
        assertThat(cut.get(0).getCausationId()).isEqualTo(leaver.getEventId());
        assertThat(cut.subList(1, cut.size())).extracting(AccessCommand::getOperation)
                .containsOnly(AccessOperation.REMOVE_MEMBERSHIP);
    }

    @Test
    void shouldIgnoreAnEventDeliveredTwice() {
        HrLifecycleEvent joiner = HrEvents.joiner("E3", "Carol", "Diaz", ENGINEER, LocalDate.of(2026, 1, 5), NOW);
        hr.pipeInput("E3", joiner);
        int first = commands.readValuesToList().size();

        hr.pipeInput("E3", joiner);

        assertThat(first).isGreaterThan(1);
        assertThat(commands.isEmpty()).isTrue();
    }

    @Test
    void shouldFireOverdueMilestonesOnTheFirstPunctuationAfterDowntime() {
        // Given a leaver cut off at 17:00 New York time on 19 March
        hr.pipeInput("E4", HrEvents.joiner("E4", "Dan", "Ito", ENGINEER, LocalDate.of(2026, 1, 5), NOW));
        hr.pipeInput("E4", HrEvents.leaver("E4", "EOTSS", LocalDate.of(2027, 3, 19), false, NOW));
        commands.readValuesToList();

        // When the clock jumps past the cut-off (the service was down over it)
        clock.set(Instant.parse("2027-03-19T23:30:00Z"));
        tick(Duration.ofSeconds(1));

        // Then the cut happens at once, and says when it was due
        List<AccessCommand> cut = commands.readValuesToList();
        assertThat(cut.get(0).getOperation()).isEqualTo(AccessOperation.SET_ACCOUNT_ENABLED);
        assertThat(cut.get(0).getDueAt()).isEqualTo(Instant.parse("2027-03-19T21:00:00Z"));
    }

    @Test
    void shouldNotDeleteAHeldAccountUntilTheHoldIsCleared() {
        // Given a leaver cut off at once, with a legal hold set
        hr.pipeInput("E5", HrEvents.joiner("E5", "Eve", "Moss", ENGINEER, LocalDate.of(2026, 1, 5), NOW));
        hr.pipeInput("E5", HrEvents.leaver("E5", "EOTSS", LocalDate.of(2027, 3, 1), true, NOW));
        holds.pipeInput("E5", hold("E5", true));
        commands.readValuesToList();

        // When the retention window (90 days) has long passed
        clock.set(NOW.plus(Duration.ofDays(200)));
        tick(Duration.ofSeconds(1));

        // Then nothing is deleted; once the hold is cleared, the account is
        assertThat(commands.isEmpty()).isTrue();
        holds.pipeInput("E5", hold("E5", false));
        tick(Duration.ofSeconds(1));
        assertThat(commands.readValuesToList()).extracting(AccessCommand::getOperation)
                .containsExactly(AccessOperation.DELETE_ACCOUNT);
    }

    private static LegalHoldChanged hold(String personId, boolean hold) {
        return LegalHoldChanged.newBuilder().setEventId(java.util.UUID.randomUUID().toString()).setOccurredAt(NOW)
                .setCausationId(null).setCorrelationId("matter-42").setSource("access-service").setPersonId(personId)
                .setHold(hold).setReason("matter 42").setActor("legal.counsel").build();
    }

    private void tick(Duration by) {
        driver.advanceWallClockTime(by);
    }
}
