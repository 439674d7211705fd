package dev.tenure.access;

import static io.restassured.RestAssured.given;

import dev.tenure.testkit.ServiceHealthContract;
import dev.tenure.testkit.TenurePeersTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;

/** Ready when the real broker answers, live always: the checks are ServiceHealthContract's. */
@QuarkusTest
@QuarkusTestResource(value = TenurePeersTestResource.class, restrictToAnnotatedClass = true)
class HealthChecksIT extends ServiceHealthContract {

    /**
     * Quarkus' Kafka Streams liveness check says DOWN while the streams are still CREATED, for a moment after start-up
     * when the topics already exist (another test of this JVM created them): wait that moment out (a probe's initial
     * delay does the same in a deployment), at most 30 s.
     */
    @BeforeEach
    void startedUp() throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (given().get("/q/health/live").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
