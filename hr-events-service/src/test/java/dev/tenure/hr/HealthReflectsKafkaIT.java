package dev.tenure.hr;

import dev.tenure.hr.support.Tokens;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.tenure.testkit.ServiceHealthContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(HealthReflectsKafkaIT.UnreachableKafka.class)
class HealthReflectsKafkaIT {

    private static final String KAFKA_CHECK = ServiceHealthContract.KAFKA_CHECK;

    @Test
    void shouldNotBeReadyWhileTheBrokerCannotBeReached() {
        // Given kafka.bootstrap.servers points at a port nothing listens on

        // When / Then
        given()
                .when().get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == '" + KAFKA_CHECK + "' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == '" + KAFKA_CHECK + "' }.data.reason", notNullValue());
    }

    @Test
    void shouldStayLiveWhileTheBrokerCannotBeReached() {
        // A missing broker makes the service unready, not dead: restarting it would not help.
        given()
                .when().get("/q/health/live")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }

    public static class UnreachableKafka implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kafka.bootstrap.servers", "localhost:" + closedPort(),
                    // The admin client behind the check otherwise waits 60 s (default.api.timeout.ms).
                    "kafka.request.timeout.ms", "1000",
                    "kafka.default.api.timeout.ms", "2000",
                    "mp.jwt.verify.publickey.location", Tokens.publicKeyFile().toString());
        }

        // A port just released by the OS; nothing listens there unless another process races for it.
        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
