package deltakv.cli.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.runner.serve.Server;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * {@code dkv serve} in a real headless browser: Debian's chromium, driven through Debian's chromedriver
 * (scripts/install-test-deps.sh installs both; nothing is downloaded). A real nightly of two runs (one valid, one
 * made invalid by a bug flag) and a half-written run; the index's colours, the nightly's page, a filter, a run
 * page's plots and timeline, the zip, traversal attempts, a phone-width screen. {@code -Ddkv.screenshots=DIR} also
 * saves each page.
 */
class ServeTest {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @TempDir
    Path dir;

    private Server server;
    private WebDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    /** @param tmp chromium's temp dir (TMPDIR): it leaves a directory there at every exit */
    private static WebDriver chromium(Path tmp) throws java.io.IOException {
        assertTrue(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
                "chromium and chromedriver missing: run scripts/install-test-deps.sh");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort().withEnvironment(java.util.Map.of("TMPDIR", Files.createDirectories(tmp).toString())).build();
        return new ChromeDriver(service, o);
    }

    private static String colour(WebElement td) {
        return td.getCssValue("background-color");
    }

    private void screenshot(String name) throws Exception {
        String to = System.getProperty("dkv.screenshots");
        if (to == null) return;
        Files.createDirectories(Path.of(to));
        Files.write(Path.of(to, name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void theStoreInABrowser() throws Exception {
        Path store = dir.resolve("store");
        // a real nightly of two runs: one valid, one made invalid by a bug flag
        Path plan = Files.writeString(dir.resolve("plan.txt"), "test list-append none delta 2\n"
                + "test hash none delta 4 --bug update-writes-delta\n");
        assertEquals(1, Harness.dkv("nightly", "--plan", plan.toString(), "--store", store.toString()).code());
        Path half = Files.createDirectories(store.resolve("half-written/20991231T235959.000"));
        Files.writeString(half.resolve("test.json"), "{\"options\": {\"workload\": \"queue\"");
        Files.writeString(dir.resolve("secret.txt"), "outside the store");
        Files.createSymbolicLink(store.resolve("escape"), dir);
        Harness.assertNoNodesLeft(store);

        server = Server.start(store, "127.0.0.1", 0);
        String base = "http://127.0.0.1:" + server.port();
        browser = chromium(dir.resolve("chromium-tmp"));

        // the index: every run, newest first, valid? in Jepsen's colours
        browser.get(base + "/");
        List<WebElement> rows = browser.findElements(By.cssSelector("#runs tr td.valid"));
        assertEquals(List.of("incomplete", "false", "true"), rows.stream().map(WebElement::getText).toList());
        assertEquals("rgba(234, 234, 234, 1)", colour(rows.get(0)), "incomplete grey");
        assertEquals("rgba(254, 181, 218, 1)", colour(rows.get(1)), "false pink");
        assertEquals("rgba(109, 182, 254, 1)", colour(rows.get(2)), "true blue");
        screenshot("serve-index.png");
        WebElement nightly = browser.findElement(By.cssSelector("#nightlies td.valid"));
        assertEquals("rgba(254, 181, 218, 1)", colour(nightly), "the nightly was invalid: pink");

        // the nightly's page, and its links to the runs' pages
        browser.findElement(By.cssSelector("#nightlies a")).click();
        assertEquals(2, browser.findElements(By.cssSelector("#runs td.valid")).size());
        screenshot("serve-nightly.png");
        browser.findElement(By.linkText("run")).click();
        assertTrue(browser.getCurrentUrl().contains("/run/"), browser.getCurrentUrl());
        browser.get(base + "/");

        // a filter
        new Select(browser.findElement(By.name("valid"))).selectByValue("false");
        browser.findElement(By.cssSelector("#filters button")).click();
        List<WebElement> filtered = browser.findElements(By.cssSelector("#runs tr td.valid"));
        assertEquals(1, filtered.size());
        assertTrue(browser.getCurrentUrl().contains("valid=false"), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.id("runs")).getText().contains("hash"));

        // the invalid run's page: explanation, plots that load, the timeline
        browser.findElement(By.cssSelector("#runs a")).click();
        assertTrue(browser.findElement(By.id("explanations")).getText().contains("valid? false"));
        List<WebElement> plots = browser.findElements(By.cssSelector("img.plot"));
        assertTrue(plots.size() >= 3, "plots: " + plots.size());
        for (WebElement img : plots) {
            Object w = ((JavascriptExecutor) browser).executeScript("return arguments[0].complete && arguments[0].naturalWidth", img);
            assertTrue(((Number) w).intValue() > 0, "image loaded: " + img.getAttribute("src"));
        }
        screenshot("serve-run.png");
        String runUrl = browser.getCurrentUrl();
        browser.switchTo().frame(browser.findElement(By.id("timeline")));
        assertTrue(browser.findElements(By.cssSelector("div.op")).size() > 10, "timeline bars rendered");
        browser.switchTo().defaultContent();

        // the zip holds the run's files
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String zipUrl = browser.findElement(By.id("zip")).getAttribute("href");
        HttpResponse<byte[]> zip = http.send(HttpRequest.newBuilder(URI.create(zipUrl)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zip.statusCode());
        List<String> entries = new ArrayList<>();
        try (ZipInputStream z = new ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) entries.add(e.getName().replaceFirst("^[^/]+/", ""));
        }
        assertTrue(entries.containsAll(List.of("summary.txt", "history.edn", "results.json", "timeline.html")), entries.toString());

        // nothing outside the store: .. in any spelling, and a symlink that leads out
        for (String p : List.of("/files/..%2Fsecret.txt", "/files/%2e%2e/secret.txt", "/files/escape/secret.txt",
                "/run/..%2F..%2Fetc", "/zip/..%2Fsecret.txt", "/files//etc/passwd", "/files/%252e%252e/secret.txt",
                "/files/..%5Csecret.txt", "/nope")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + p)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, r.statusCode(), p);
            assertTrue(!r.body().contains("outside the store"), p);
        }
        // a link inside a run that leads out is neither shown on its page nor served nor zipped
        Path invalidRun = Path.of(new URI(runUrl).getPath().replaceFirst("^/run/", store.toString() + "/"));
        Files.createSymbolicLink(invalidRun.resolve("stolen.txt"), dir.resolve("secret.txt"));
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(runUrl)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(!page.body().contains("outside the store") && !page.body().contains("stolen.txt"), "the page leaks nothing");
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(runUrl.replace("/run/", "/files/") + "/stolen.txt")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<byte[]> zip2 = http.send(HttpRequest.newBuilder(URI.create(zipUrl)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(!new String(zip2.body(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("outside the store"), "nor the zip");
        HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create(zipUrl)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode());
        browser.get(base + "/files/escape/secret.txt");
        assertEquals("Not found", browser.getTitle());

        // the variants compared
        browser.get(base + "/compare");
        assertTrue(browser.findElement(By.id("compare")).getText().contains("delta"));
        screenshot("serve-compare.png");

        // a phone-width screen: the page does not scroll sideways, the tables do
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(runUrl);
        Object wide = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1 || "
                        + "(document.documentElement.scrollWidth + ' > ' + document.documentElement.clientWidth + ' (inner ' + window.innerWidth + ')')");
        Object wider = ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
                        + ".filter(e => e.tagName != 'TD' && e.tagName != 'TH' && e.tagName != 'TR' && e.tagName != 'TBODY').slice(0, 12).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + ' ' + getComputedStyle(e).overflowX + ' ' + e.scrollWidth + '/' + e.clientWidth).join('; ')");
        assertEquals(Boolean.TRUE, wide, "no sideways scrolling at phone width; wider: " + wider);
        browser.get(base + "/");
        screenshot("serve-phone.png");
    }

    @Test
    void badOptionsGetOneLine() throws Exception {
        Harness.Outcome o = Harness.dkv("serve", "--store", dir.resolve("missing").toString(), "--port", "0");
        assertEquals(254, o.code());
        assertTrue(o.err().contains("no such store"), o.err());
        try (Server s = Server.start(dir, "127.0.0.1", 0)) {
            Harness.Outcome busy = Harness.dkv("serve", "--store", dir.toString(), "--port", String.valueOf(s.port()));
            assertEquals(254, busy.code());
            assertTrue(busy.err().contains("cannot listen on"), busy.err());
        }
    }
}
