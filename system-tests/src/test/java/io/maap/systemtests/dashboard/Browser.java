package io.maap.systemtests.dashboard;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Chromium (Debian's {@code chromium} and {@code chromedriver}, never downloaded),
 * with an axe-core check of WCAG 2.2 A and AA and, when {@code maap.screenshots} names a
 * directory, a full-page screenshot of each page.
 */
final class Browser implements AutoCloseable {

    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path userDataDir;
    private final Path screenshots;

    Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        try {
            userDataDir = Files.createTempDirectory("maap-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("maap.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + userDataDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("maap.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        String dir = System.getProperty("maap.screenshots");
        screenshots = dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * Signs in at the identity provider's login page, as a person does: the dashboard sends the
     * browser there, and back once the provider has checked the password.
     */
    Browser signIn(String username, String password) {
        driver.get(baseUrl + "/");
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> !d.findElements(By.id("username")).isEmpty());
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> d.getCurrentUrl().startsWith(baseUrl));
        return this;
    }

    /** Opens a dashboard path, and checks that it is a page of the dashboard, not an error. */
    Browser open(String path) {
        driver.get(baseUrl + path);
        assertThat(driver.getTitle()).as("title of %s", path).endsWith("MAAP dashboard").doesNotContain("problem", "not found");
        return this;
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks; a button or link that loads a page is waited for until the new page is there. */
    void click(String id) {
        click(driver.findElement(By.id(id)));
    }

    void click(WebElement element) {
        boolean navigates = List.of("button", "a").contains(element.getTagName());
        WebElement page = navigates ? driver.findElement(By.tagName("html")) : null;
        element.click();
        if (navigates) {
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(page));
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> "complete".equals(
                    ((JavascriptExecutor) d).executeScript("return document.readyState")));
        }
    }

    /** The text of every element matching, read at once (a live region may replace them between reads). */
    @SuppressWarnings("unchecked")
    List<String> texts(String css) {
        return (List<String>) driver.executeScript(
                "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.innerText.trim())", css);
    }

    String h1() {
        return text("h1");
    }

    /** A file the signed-in browser fetched: its status, headers and bytes. */
    record Download(int status, String contentType, String disposition, byte[] body) {
    }

    /**
     * Fetches the href of the link matching {@code css} in the page's session (its cookies), as
     * following the download link does, and returns what came back.
     */
    @SuppressWarnings("unchecked")
    Download download(String css) {
        String href = find(css).getDomAttribute("href");
        Map<String, Object> answer = (Map<String, Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {
                    const bytes = new Uint8Array(await r.arrayBuffer());
                    let binary = '';
                    for (let i = 0; i < bytes.length; i += 0x8000) {
                        binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
                    }
                    done({status: r.status, type: r.headers.get('Content-Type') || '',
                          disposition: r.headers.get('Content-Disposition') || '', body: btoa(binary)});
                }).catch(e => done({status: 0, type: '', disposition: String(e), body: ''}));
                """, href);
        return new Download(((Number) answer.get("status")).intValue(), (String) answer.get("type"),
                (String) answer.get("disposition"), java.util.Base64.getDecoder().decode((String) answer.get("body")));
    }

    /** Asserts that axe-core finds no WCAG 2.0, 2.1 or 2.2 A or AA violation on the page. */
    Browser accessible() {
        Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
        List<Rule> violations = results.getViolations();
        assertThat(violations).as("axe-core violations on %s:%n%s", driver.getCurrentUrl(), describe(violations)).isEmpty();
        return this;
    }

    /** Keeps a full-page screenshot as {@code name}.png when screenshots are asked for. */
    Browser screenshot(String name) {
        if (screenshots == null) {
            return this;
        }
        try {
            Files.createDirectories(screenshots);
            Dimension original = driver.manage().window().getSize();
            long height = ((Number) ((JavascriptExecutor) driver).executeScript(
                    "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")).longValue();
            driver.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height + 140, 800), 6000)));
            Thread.sleep(300);
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            Files.write(screenshots.resolve(name + ".png"), png);
            driver.manage().window().setSize(original);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return this;
    }

    private static String describe(List<Rule> violations) {
        return violations.stream()
                .map(rule -> rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes().stream()
                        .map(node -> node.getTarget() + " " + node.getFailureSummary()).collect(Collectors.joining("; ")))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(userDataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
