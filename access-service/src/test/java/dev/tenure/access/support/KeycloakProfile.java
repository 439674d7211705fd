package dev.tenure.access.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** access-service with the embedded directory and the test kit's Keycloak as the identity provider, on a movable clock. */
public class KeycloakProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.arc.selected-alternatives", TestClockProducer.class.getName(),
                "tenure.access.timer-resolution", "200ms",
                // its own application id: a planner state apart from the other test classes' app
                "quarkus.kafka-streams.application-id", "access-service-keycloak-it");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(AccessTestResource.class),
                new TestResourceEntry(KeycloakTestResource.class));
    }
}
