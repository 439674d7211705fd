package dev.tenure.hr.support;

import static io.restassured.RestAssured.given;

/** Waits until the service under test says it is ready (its ledger has read the topic). */
public final class Readiness {

    private Readiness() {
    }

    public static void awaitReady() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (given().get("/q/health/ready").statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not ready in 60 s: " + given().get("/q/health/ready").asString());
    }
}
