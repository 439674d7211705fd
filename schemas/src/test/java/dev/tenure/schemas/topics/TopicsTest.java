package dev.tenure.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenure.schemas.hr.HrLifecycleEvent;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void shouldNameEveryTopicLowercaseHyphenatedAndUnder63Characters() {
        assertThat(Topics.ALL).isNotEmpty().allSatisfy(topic -> {
            assertThat(topic.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(topic.name().length()).isLessThan(63);
        });
    }

    @Test
    void shouldGiveEveryTopicAUniqueName() {
        assertThat(Topics.ALL).extracting(TopicSpec::name).doesNotHaveDuplicates();
    }

    @Test
    void shouldListEveryCatalogueConstantInAll() {
        // Given every public TopicSpec constant of the catalogue
        List<Object> constants = Arrays.stream(Topics.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == TopicSpec.class)
                .map(TopicsTest::valueOf)
                .toList();

        // Then ALL holds exactly those
        assertThat(List.<Object>copyOf(Topics.ALL)).containsExactlyInAnyOrderElementsOf(constants);
        assertThat(Topics.ALL).extracting(TopicSpec::name).containsExactly(
                "hr-lifecycle-events", "access-events", "access-commands", "access-legal-holds", "access-manual-tasks",
                "equipment-events",
                "equipment-deskside-steps", "audit-log", "audit-checkpoints", "sle-case-status", "sle-compliance");
    }

    @Test
    void shouldNameTheSingleWriterOfEachTopic() {
        assertThat(Topics.HR_LIFECYCLE_EVENTS.writer()).isEqualTo("hr-events-service");
        assertThat(Topics.ACCESS_EVENTS.writer()).isEqualTo("access-service");
        assertThat(Topics.EQUIPMENT_EVENTS.writer()).isEqualTo("equipment-service");
        assertThat(Topics.EQUIPMENT_DESKSIDE_STEPS.writer()).isEqualTo("equipment-service");
        assertThat(Topics.AUDIT_LOG.writer()).isEqualTo("audit-service");
        assertThat(Topics.AUDIT_CHECKPOINTS.writer()).isEqualTo("audit-service");
        assertThat(Topics.SLE_CASE_STATUS.writer()).isEqualTo("audit-service");
        assertThat(Topics.SLE_COMPLIANCE.writer()).isEqualTo("audit-service");
    }

    @Test
    void shouldKeepLifecycleEventsAndTheAuditLogForever() {
        assertThat(Topics.HR_LIFECYCLE_EVENTS.configs()).containsEntry("retention.ms", "-1").containsEntry("cleanup.policy", "delete");
        assertThat(Topics.AUDIT_LOG.configs()).containsEntry("retention.ms", "-1").containsEntry("cleanup.policy", "delete");
        assertThat(Topics.AUDIT_CHECKPOINTS.configs()).containsEntry("retention.ms", "-1").containsEntry("cleanup.policy", "delete");
    }

    @Test
    void shouldCompactTheSleStatusTopics() {
        assertThat(Topics.SLE_CASE_STATUS.cleanupPolicy()).isEqualTo(CleanupPolicy.COMPACT);
        assertThat(Topics.SLE_CASE_STATUS.configs()).containsEntry("cleanup.policy", "compact");
        assertThat(Topics.SLE_COMPLIANCE.configs()).containsEntry("cleanup.policy", "compact");
    }

    @Test
    void shouldKeepTheLatestStateOfEachManualTask() {
        assertThat(Topics.ACCESS_MANUAL_TASKS.configs()).containsEntry("cleanup.policy", "compact");
        assertThat(Topics.ACCESS_MANUAL_TASKS.writer()).isEqualTo("access-service");
    }

    @Test
    void shouldCoPartitionThePersonKeyedTopics() {
        assertThat(Topics.ALL).filteredOn(topic -> topic.key().contains("person id"))
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(topic -> assertThat(topic.partitions()).isEqualTo(Topics.HR_LIFECYCLE_EVENTS.partitions()));
        assertThat(Topics.HR_LIFECYCLE_EVENTS.partitions()).isEqualTo(6);
    }

    @Test
    void shouldDeriveTheValueArtifactIdAsTopicIdStrategyDoes() {
        assertThat(Topics.HR_LIFECYCLE_EVENTS.valueSchemaArtifactId()).isEqualTo("hr-lifecycle-events-value");
        assertThat(Topics.ALL).allSatisfy(topic ->
                assertThat(topic.valueSchemaArtifactId()).isEqualTo(topic.name() + "-value"));
    }

    @Test
    void shouldExposeTheGeneratedClassSchemaAsValueSchema() {
        assertThat(Topics.HR_LIFECYCLE_EVENTS.valueType()).isEqualTo(HrLifecycleEvent.class);
        assertThat(Topics.HR_LIFECYCLE_EVENTS.valueSchema()).isSameAs(HrLifecycleEvent.getClassSchema());
    }

    @Test
    void shouldNameDeadLetterTopicAfterConsumerAndTopic() {
        String dlq = Topics.deadLetter("access-service", Topics.HR_LIFECYCLE_EVENTS);

        assertThat(dlq).isEqualTo("access-service-hr-lifecycle-events-dlq");
        assertThat(TopicNames.isValid(dlq)).isTrue();
    }

    @Test
    void shouldRejectDeadLetterNameOf63CharactersOrMore() {
        String consumer = "c".repeat(63 - "-hr-lifecycle-events-dlq".length());

        assertThatThrownBy(() -> Topics.deadLetter(consumer, Topics.HR_LIFECYCLE_EVENTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(consumer);
        assertThat(Topics.deadLetter(consumer.substring(1), Topics.HR_LIFECYCLE_EVENTS)).hasSize(62);
    }

    @Test
    void shouldRejectDeadLetterConsumerThatIsNotLowercaseHyphenated() {
        assertThatThrownBy(() -> Topics.deadLetter("Access-Service", Topics.ACCESS_EVENTS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.deadLetter("access_service", Topics.ACCESS_EVENTS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.deadLetter("audit-", Topics.ACCESS_EVENTS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.deadLetter(" ", Topics.ACCESS_EVENTS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldBeImmutable() {
        assertThatThrownBy(() -> Topics.ALL.add(Topics.ACCESS_EVENTS)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Topics.ACCESS_EVENTS.configs().put("retention.ms", "1"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldRejectConfigsThatContradictTheCleanupPolicy() {
        assertThatThrownBy(() -> new TopicSpec<>("x-events", HrLifecycleEvent.class, "person id", 1,
                CleanupPolicy.DELETE, Map.of("cleanup.policy", "compact"), "x-service"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cleanup.policy=compact");
    }

    @Test
    void shouldRejectAnInvalidTopicName() {
        assertThatThrownBy(() -> new TopicSpec<>("HR.Events", HrLifecycleEvent.class, "person id", 1,
                CleanupPolicy.DELETE, Map.of(), "x-service"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HR.Events");
    }

    private static Object valueOf(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
