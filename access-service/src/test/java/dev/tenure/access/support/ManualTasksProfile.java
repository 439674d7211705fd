package dev.tenure.access.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** access-service with manual tasks on the real broker and registry, on a clock the test moves. */
public class ManualTasksProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.arc.selected-alternatives", TestClockProducer.class.getName());
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ManualTasksTestResource.class));
    }
}
