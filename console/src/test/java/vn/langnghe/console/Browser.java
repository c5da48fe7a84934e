package vn.langnghe.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium driven by Debian's chromedriver (never a downloaded browser). */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("langnghe.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("langnghe.chromedriver", "/usr/bin/chromedriver"));

    final ChromeDriver driver;
    final String base;

    Browser(String base, int width, int height) {
        this.base = base;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height, "--lang=vi-VN", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    WebElement waitFor(By by) {
        return waitFor(by, Duration.ofSeconds(20));
    }

    WebElement waitFor(By by, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void waitUntil(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition, Duration timeout) {
        new WebDriverWait(driver, timeout).pollingEvery(Duration.ofMillis(100))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /** Signs in with the saved token of a role (the local sign-in page's one-click buttons). */
    void signInAs(String role) {
        driver.manage().deleteAllCookies();
        open("/sign-in");
        waitFor(By.cssSelector("button[data-role='" + role + "']")).click();
        waitUntil(d -> !d.getCurrentUrl().contains("/sign-in"), Duration.ofSeconds(20));
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /**
     * Saves a PNG under console/target/screenshots and, when it is not there yet or with
     * {@code -Dlangnghe.screenshots=update}, under docs/screenshots (the README shows them): a test run does not
     * rewrite committed images by itself.
     */
    void screenshot(Path root, String name) {
        try {
            driver.executeScript("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur();");
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Path target = Files.createDirectories(root.resolve("console/target/screenshots")).resolve(name + ".png");
            Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
            Path docs = root.resolve("docs/screenshots").resolve(name + ".png");
            if (!Files.exists(docs) || "update".equals(System.getProperty("langnghe.screenshots"))) {
                Files.createDirectories(docs.getParent());
                Files.copy(png, docs, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(docs, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
