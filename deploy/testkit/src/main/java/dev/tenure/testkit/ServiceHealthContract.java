package dev.tenure.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

/**
 * What every Tenure service promises about its health, checked against the real broker. A service
 * states it once:
 * <pre>
 * &#64;QuarkusTest
 * &#64;QuarkusTestResource(value = TenurePeersTestResource.class, restrictToAnnotatedClass = true)
 * class HealthChecksIT extends ServiceHealthContract { }
 * </pre>
 */
public abstract class ServiceHealthContract {

    public static final String KAFKA_CHECK = "Kafka connection health check";

    @Test
    void shouldBeReadyWhenTheBrokerAnswers() {
        given()
                .when().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(KAFKA_CHECK))
                .body("checks.find { it.name == '" + KAFKA_CHECK + "' }.status", equalTo("UP"));
    }

    @Test
    void shouldBeLive() {
        given()
                .when().get("/q/health/live")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }
}
