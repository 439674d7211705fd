package dev.tenure.equipment.support;

import static io.restassured.RestAssured.given;

/** Waits until the service under test is ready: its streams run on restored state. */
public final class Readiness {

    private Readiness() {
    }

    public static void awaitReady() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            if (given().get("/q/health/ready").statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready in 90 s: " + given().get("/q/health/ready").asString());
    }
}
