package dev.tenure.equipment;

import dev.tenure.testkit.ServiceHealthContract;
import dev.tenure.testkit.TenurePeersTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Ready when the real broker answers, live always: the checks are ServiceHealthContract's. */
@QuarkusTest
@QuarkusTestResource(value = TenurePeersTestResource.class, restrictToAnnotatedClass = true)
class HealthChecksIT extends ServiceHealthContract {
}
