package dev.tenure.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.access.support.CommandTopics;
import dev.tenure.access.support.ManualTaskTopics;
import dev.tenure.access.support.ManualTasksProfile;
import dev.tenure.access.support.TestClockProducer;
import dev.tenure.schemas.access.AccessAction;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.testkit.HeadlessChromium;
import dev.tenure.testkit.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through its chromedriver, on the provisioners' page of the running service (the
 * same app and profile as ManualTasksIT): a provisioner signs in with a token, sees two new tasks in the payroll queue,
 * selects both and marks them done with a comment; the tasks are done, by them, on access-events. Screenshot:
 * {@code target/manual-task-screenshots/}.
 */
@QuarkusTest
@TestProfile(ManualTasksProfile.class)
class ManualTasksPageIT {

    private static final Path SCREENSHOTS = Path.of("target", "manual-task-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String AUDITOR = TestTokens.sign("auditor-1", "auditor", null);

    @TestHTTPResource("/tasks/index.html")
    URL page;

    private WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.start(1400, 1000);
    }

    @AfterEach
    void closeBrowser() {
        HeadlessChromium.quit(browser);
    }

    @Test
    void shouldListTheQueueAndMarkTheSelectedTasksDone() throws Exception {
        // Given two new tasks in the legacy payroll queue
        List<AccessCommand> revokes = List.of(revoke(), revoke());
        CommandTopics.send(revokes.toArray(AccessCommand[]::new));
        for (AccessCommand c : revokes) {
            awaitState(c.getActionId(), "OPEN");
        }

        // When a provisioner opens the page, signs in and lists the payroll queue
        browser.get(page.toString());
        browser.findElement(By.id("token")).sendKeys(TestTokens.sign("prov-cara", "provisioner", null));
        browser.findElement(By.id("app")).sendKeys("payroll-legacy");
        browser.findElement(By.id("useToken")).click();
        WebDriverWait wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(250));
        for (AccessCommand c : revokes) {
            wait.until(ExpectedConditions.presenceOfElementLocated(checkbox(c.getActionId())));
        }

        // And selects both and marks them done, with a comment
        revokes.forEach(c -> browser.findElement(checkbox(c.getActionId())).click());
        browser.findElement(By.id("text")).sendKeys("removed in payroll");
        browser.findElement(By.cssSelector("#act button[data-action='done']")).click();

        // Then the page says both were done, and so does the service, with the provisioner and the comment
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "2 of 2 done"));
        screenshot("done.png");
        for (AccessCommand c : revokes) {
            JsonPath task = awaitState(c.getActionId(), "DONE");
            assertThat(task.getString("updatedBy")).isEqualTo("prov-cara");
            assertThat(task.getString("comment")).isEqualTo("removed in payroll");
            AccessEvent done = CommandTopics.awaitEvents(e -> c.getActionId().equals(e.getActionId())
                    && e.getAction() == AccessAction.MANUAL_TASK_COMPLETED, 1, WAIT).get(0);
            assertThat(done.getActor()).isEqualTo("prov-cara");
        }
    }

    private static By checkbox(String id) {
        return By.cssSelector("#tasks tbody input[data-id='" + id + "']");
    }

    private static AccessCommand revoke() {
        return ManualTaskTopics.revoke("W" + UUID.randomUUID().toString().substring(0, 8),
                TestClockProducer.CLOCK.instant());
    }

    private static JsonPath awaitState(String id, String state) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var response = given().auth().oauth2(AUDITOR).get("/api/v1/manual-tasks/" + id);
            if (response.statusCode() == 200 && state.equals(response.jsonPath().getString("state"))) {
                return response.jsonPath();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("task " + id + " not " + state + " within " + WAIT);
    }

    private void screenshot(String name) throws Exception {
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve(name));
    }
}
