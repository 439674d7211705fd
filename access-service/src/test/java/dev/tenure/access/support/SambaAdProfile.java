package dev.tenure.access.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** access-service against the test kit's Samba AD domain controller, on a clock the test moves. */
public class SambaAdProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.arc.selected-alternatives", TestClockProducer.class.getName(),
                "tenure.access.timer-resolution", "200ms",
                // its own application id: a planner state apart from the other test classes' app
                "quarkus.kafka-streams.application-id", "access-service-samba-it");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(AccessTestResource.class), new TestResourceEntry(SambaAdTestResource.class));
    }
}
