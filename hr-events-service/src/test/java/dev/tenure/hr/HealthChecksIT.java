package dev.tenure.hr;

import dev.tenure.testkit.ServiceHealthContract;
import dev.tenure.hr.support.IntakeTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Ready when the real broker answers, live always: the checks are ServiceHealthContract's. */
@QuarkusTest
@QuarkusTestResource(value = IntakeTestResource.class, restrictToAnnotatedClass = true)
class HealthChecksIT extends ServiceHealthContract {
}
