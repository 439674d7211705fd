package dev.tenure.testkit;

import dev.tenure.peers.DebianPackages;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through its chromedriver, for a test of a service's web page: Debian's
 * {@code chromium} and {@code chromium-driver} are installed when missing ({@link DebianPackages#require}). Each
 * browser has a fresh profile and its chromedriver a free port. The test brings Selenium ({@code selenium-java}, test
 * scope) and quits the browser it started.
 */
public final class HeadlessChromium {

    private HeadlessChromium() {
    }

    /** A new headless browser with a window of {@code width} × {@code height} pixels. */
    public static WebDriver start(int width, int height) throws IOException {
        Path driver = DebianPackages.require("chromedriver", "chromium", "chromium-driver");
        Path chromium = DebianPackages.require("chromium", "chromium", "chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createTempDirectory("tenure-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Quits {@code browser} with its chromedriver, if it was started. */
    public static void quit(WebDriver browser) {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Saves what {@code browser} shows, as a PNG, to {@code file} (replacing it; its folder is made if missing). */
    public static void screenshot(WebDriver browser, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }
}
