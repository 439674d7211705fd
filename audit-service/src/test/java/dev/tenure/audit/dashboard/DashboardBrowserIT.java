package dev.tenure.audit.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.audit.support.AuditTestResource;
import dev.tenure.testkit.HeadlessChromium;
import dev.tenure.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through its chromedriver, loads the dashboard of the running service (its SLE
 * topology fed by the real broker and registry), sees the numbers the topology computed, and watches the cut-off's
 * compliance change live when a late outcome arrives. Screenshots: {@code target/dashboard-screenshots/}.
 */
@QuarkusTest
@QuarkusTestResource(value = AuditTestResource.class, restrictToAnnotatedClass = true)
class DashboardBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    private static final Duration TOPOLOGY = Duration.ofSeconds(90);

    @TestHTTPResource("/dashboard/index.html")
    URL page;

    private WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.start(1280, 1600);
    }

    @AfterEach
    void closeBrowser() {
        HeadlessChromium.quit(browser);
    }

    @Test
    void shouldShowTheComputedComplianceAndFollowALiveChange() throws Exception {
        // Given an agency's recent leavers and joiners on the real topics
        DashboardScenario scenario = new DashboardScenario();
        scenario.publishHistory();

        // When an analyst opens the dashboard, signs in with a token and picks the agency
        browser.get(page.toString());
        browser.findElement(By.id("token")).sendKeys(TestTokens.sign("analyst-ana", "analyst", null));
        browser.findElement(By.id("useToken")).click();
        WebDriverWait wait = new WebDriverWait(browser, TOPOLOGY, Duration.ofMillis(250));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#agency option[value='" + scenario.agency + "']")));
        new Select(browser.findElement(By.id("agency"))).selectByValue(scenario.agency);

        // Then it shows the cut-off's 50% against its 100% target, and the missed and at-risk cases
        By cutOff = By.cssSelector(".card[data-sle='ACCESS_CUT_ON_END_DATE'] .compliance");
        wait.until(ExpectedConditions.textToBe(cutOff, "50.0%"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#cases tbody tr"), 3));
        assertThat(browser.findElement(By.cssSelector(".card[data-sle='ACCESS_CUT_ON_END_DATE'] .target")).getText())
                .isEqualTo("target 100.0%");
        assertThat(browser.findElement(By.cssSelector(".card[data-sle='PROVISIONED_BEFORE_START'] .compliance"))
                .getText()).isEqualTo("0.0%");
        assertThat(browser.findElement(By.cssSelector(
                "#cases tr[data-case-id='" + scenario.deprovisioningCase(scenario.personB) + "'] td.status"))
                .getText()).isEqualTo("AT_RISK");
        assertThat(browser.findElement(By.cssSelector("#complianceChart canvas")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("#trendChart canvas")).isDisplayed()).isTrue();
        wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));

        // And a case drills down to its details and the link to its audit trail
        browser.findElement(By.linkText(scenario.cutCase(scenario.personB))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail"), "\"status\": \"MISSED\""));
        browser.findElement(By.id("auditTrail")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("trail"),
                "/api/v1/audit/people/" + scenario.personB + "/evidence"));
        screenshot("1-before-late-outcome.png");

        // When the outcome of B's disable, done on the end date, arrives now
        long sent = System.nanoTime();
        scenario.disableB();

        // Then the page updates by itself: the cut-off is met, its case leaves the list
        wait.until(ExpectedConditions.textToBe(cutOff, "100.0%"));
        long shown = (System.nanoTime() - sent) / 1_000_000;
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#cases tbody tr"), 1));
        assertThat(browser.findElement(By.cssSelector(".card[data-sle='ACCESS_CUT_ON_END_DATE']"))
                .getAttribute("class")).contains("ok");
        System.out.printf("dashboard: the browser showed the change %d ms after the outcome was published%n", shown);
        screenshot("2-after-late-outcome.png");
    }

    private void screenshot(String name) throws Exception {
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve(name));
    }
}
