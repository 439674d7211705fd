package dev.tenure.equipment;

import dev.tenure.equipment.support.EquipmentTestResource;
import dev.tenure.equipment.support.Readiness;
import dev.tenure.testkit.ServiceHealthContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;

/**
 * Ready when the real broker answers (and the equipment state is restored), live always: the checks are
 * ServiceHealthContract's. The topics exist, as the launcher creates them: the streams wait for them.
 */
@QuarkusTest
@QuarkusTestResource(value = EquipmentTestResource.class, restrictToAnnotatedClass = true)
class HealthChecksIT extends ServiceHealthContract {

    @BeforeEach
    void streamsRunning() throws InterruptedException {
        Readiness.awaitReady();
    }
}
