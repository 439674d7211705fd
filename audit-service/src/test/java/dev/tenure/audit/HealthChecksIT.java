package dev.tenure.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.tenure.audit.support.AuditTestResource;
import dev.tenure.testkit.ServiceHealthContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Ready when the real broker answers and the audit chain runs, live always: ServiceHealthContract's checks, and the
 * chain's. The topics exist, as the launcher creates them: the chain waits for them.
 */
@DisabledIfSystemProperty(named = "tenure.crash-jvm", matches = "true")
@QuarkusTest
@QuarkusTestResource(value = AuditTestResource.class, restrictToAnnotatedClass = true)
class HealthChecksIT extends ServiceHealthContract {

    @BeforeEach
    void chainRunning() throws InterruptedException {
        dev.tenure.audit.support.AuditLogTopics.awaitReady();
    }

    @Test
    void shouldReportTheChainRunning() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'audit chain' }.data.streams", equalTo("RUNNING"));
    }
}
