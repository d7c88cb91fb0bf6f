package dev.evently.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium, as a person would see the pages: Debian's chromium driven by its matching
 * chromedriver (./evently test installs both where it may). Each test saves screenshots under target/screenshots.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("evently.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("evently.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A fresh browser with an empty profile; the test is skipped where no browser may be installed. */
    static Browser open() throws IOException {
        boolean required = Boolean.getBoolean("evently.browser.required");
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!required) {
            Assumptions.assumeTrue(present, "no chromium/chromedriver here (./evently test installs them as root)");
        }
        Path profile = Files.createTempDirectory("evently-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // no sandbox as root; no background traffic: this machine reaches no other host
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile);
    }

    Browser go(String url) {
        driver.get(url);
        return this;
    }

    WebElement find(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Searches again in a console form with a search field and a Search button ({@code form:search}, {@code form:find}):
     * once the button is enabled again (PrimeFaces disables it while its last search is under way, and Enter on a
     * disabled button does nothing), the field's text is replaced and Enter sent.
     */
    void searchAgain(String form, String text) {
        searchAgain(form, "search", text);
    }

    /** {@link #searchAgain(String, String)} in a form whose search field has another name. */
    void searchAgain(String form, String field, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(By.id(form + ":find")));
        WebElement input = find(By.id(form + ":" + field));
        input.clear();
        input.sendKeys(text + org.openqa.selenium.Keys.ENTER);
    }

    /** Clicks the element once it is there, again if a page's live update replaced it under the click. */
    void click(By by) {
        new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    d.findElement(by).click();
                    return true;
                });
    }

    /** Waits until the element shows the text (it may be replaced meanwhile, as AJAX updates do); returns it. */
    WebElement findWithText(By by, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    String title() {
        return driver.getTitle();
    }

    /** The address the browser shows now, after any redirects. */
    String url() {
        return driver.getCurrentUrl();
    }

    /** The id of the element that has the keyboard focus ("" for none). */
    String focusedId() {
        WebElement focused = driver.switchTo().activeElement();
        return focused == null || focused.getAttribute("id") == null ? "" : focused.getAttribute("id");
    }

    /** The browser's cookies for the current page as a Cookie header, to ask the same session over plain HTTP. */
    String cookieHeader() {
        return driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** A phone's window, for pages people use standing up (the door). */
    Browser phone() {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        return this;
    }

    String pageSource() {
        return driver.getPageSource();
    }

    /** Saves what the browser shows as target/screenshots/{name}.png; returns the file. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
