package dev.tenure.access.support;

import dev.tenure.schemas.topics.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@link AccessTestResource} with a planner and an executor of their own that start at the end of their input topics
 * (what other tests of this JVM left there is not this test's), the embedded directory, and manual tasks that remind
 * after 2 days and escalate after 5 to {@code payroll-escalations} / {@code payroll-lead}, checked every 200 ms.
 */
public class ManualTasksTestResource extends AccessTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String planner = "access-service-manual-it-" + suffix;
        ConsumerGroups.startAtTheEnd(planner, Topics.HR_LIFECYCLE_EVENTS, Topics.ACCESS_LEGAL_HOLDS);
        String executor = "access-service-executor-manual-it-" + suffix;
        ConsumerGroups.startAtTheEnd(executor, Topics.ACCESS_COMMANDS);
        config.put("quarkus.kafka-streams.application-id", planner);
        config.put("tenure.access.executor.group-id", executor);
        config.put("tenure.access.executor.retry.initial-delay", "100ms");
        config.put("tenure.access.executor.retry.max-delay", "1s");
        config.put("tenure.access.timer-resolution", "200ms");
        config.put("tenure.access.manual.remind-after", "P2D");
        config.put("tenure.access.manual.escalate-after", "P5D");
        config.put("tenure.access.manual.escalation-queue", "payroll-escalations");
        config.put("tenure.access.manual.escalation-assignee", "payroll-lead");
        config.put("tenure.access.manual.check-every", "200ms");
        return config;
    }
}
