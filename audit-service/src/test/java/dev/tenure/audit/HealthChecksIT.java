package dev.tenure.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.tenure.testkit.TenurePeersTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = TenurePeersTestResource.class, restrictToAnnotatedClass = true)
class HealthChecksIT {

    private static final String KAFKA_CHECK = "Kafka connection health check";

    @Test
    void shouldBeReadyWhenTheBrokerAnswers() {
        // Given a real Kafka broker and Apicurio registry, started by TenurePeersTestResource

        // When / Then
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
