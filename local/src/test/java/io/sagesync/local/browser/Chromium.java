package io.sagesync.local.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Headless Chromium driven through the Debian {@code chromedriver} with the W3C WebDriver protocol (plain HTTP +
 * JSON; no browser is downloaded and no driver library is needed). One instance = one chromedriver process, one
 * browser session with a fresh profile; {@link #close()} ends both and deletes the profile.
 */
public final class Chromium implements AutoCloseable {
    public static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("SAGESYNC_CHROMEDRIVER",
            "/usr/bin/chromedriver"));
    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("SAGESYNC_CHROMIUM",
            "/usr/bin/chromium"));
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process driver;
    private final Path profile;
    private final String base;
    private final String session;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Chromium(Process driver, Path profile, String base, String session) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
        this.session = session;
    }

    public static boolean installed() {
        return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    }

    public static Chromium start() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path profile = Files.createTempDirectory("sagesync-chromium-");
        Process driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(profile.resolveSibling(profile.getFileName() + ".log")
                        .toFile()).start();
        String base = "http://127.0.0.1:" + port;
        Chromium probe = new Chromium(driver, profile, base, null);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                if (probe.call("GET", "/status", null).path("value").path("ready").asBoolean()) {
                    break;
                }
            } catch (IOException notYet) {
                // chromedriver is still starting
            }
            if (System.nanoTime() > deadline || !driver.isAlive()) {
                driver.destroyForcibly();
                throw new IOException("chromedriver did not start");
            }
            sleep(100);
        }
        ObjectNode options = JSON.createObjectNode().put("binary", CHROMIUM.toString());
        var args = options.putArray("args");
        List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile).forEach(args::add);
        ObjectNode caps = JSON.createObjectNode();
        caps.putObject("capabilities").putObject("alwaysMatch").put("browserName", "chrome")
                .set("goog:chromeOptions", options);
        JsonNode created = probe.call("POST", "/session", caps);
        String id = created.path("value").path("sessionId").asText(null);
        if (id == null) {
            driver.destroyForcibly();
            throw new IOException("no browser session: " + created);
        }
        return new Chromium(driver, profile, base, id);
    }

    public void open(String url) throws IOException {
        command("POST", "/url", JSON.createObjectNode().put("url", url));
    }

    public String url() throws IOException {
        return command("GET", "/url", null).path("value").asText();
    }

    public String pageText() throws IOException {
        return text("body");
    }

    public String text(String css) throws IOException {
        return command("GET", "/element/" + find(css) + "/text", null).path("value").asText();
    }

    /** The current value of a form field (what the user sees in it). */
    public String value(String css) throws IOException {
        return command("GET", "/element/" + find(css) + "/property/value", null).path("value").asText();
    }

    public boolean exists(String css) throws IOException {
        JsonNode r = command("POST", "/elements", locator(css));
        return r.path("value").isArray() && !r.path("value").isEmpty();
    }

    public void type(String css, String text) throws IOException {
        String el = find(css);
        command("POST", "/element/" + el + "/clear", JSON.createObjectNode());
        command("POST", "/element/" + el + "/value", JSON.createObjectNode().put("text", text));
    }

    /**
     * Clicks, then waits (up to 10 s) for the page the click leads to: every click in the console follows a link or
     * posts a form, and the driver can answer before the browser has followed the post's redirects and loaded the
     * new page, so reading the page at once would race it.
     */
    public void click(String css) throws IOException {
        script("window.__sagesyncBeforeClick = true; return true;");
        command("POST", "/element/" + find(css) + "/click", JSON.createObjectNode());
        waitFor(Duration.ofSeconds(10), () -> {
            try {
                return script("return !window.__sagesyncBeforeClick && document.readyState === 'complete';")
                        .asBoolean(false);
            } catch (IOException navigating) {
                return false;
            }
        });
    }

    /** Runs {@code js} in the page and returns its value (an error object while the page is being replaced). */
    private JsonNode script(String js) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("script", js);
        body.putArray("args");
        return command("POST", "/execute/sync", body).path("value");
    }

    public void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(command("GET", "/screenshot", null).path("value").asText()));
    }

    /** Polls (every 200 ms) until the condition holds; false on timeout. */
    public static boolean waitFor(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            sleep(200);
        }
        return condition.getAsBoolean();
    }

    private String find(String css) throws IOException {
        JsonNode r = command("POST", "/element", locator(css));
        String id = r.path("value").path(ELEMENT).asText(null);
        if (id == null) {
            throw new IOException("no element " + css + " on " + url() + ": " + r.path("value").path("message"));
        }
        return id;
    }

    private static ObjectNode locator(String css) {
        return JSON.createObjectNode().put("using", "css selector").put("value", css);
    }

    private JsonNode command(String method, String path, JsonNode body) throws IOException {
        return call(method, "/session/" + session + path, body);
    }

    private JsonNode call(String method, String path, JsonNode body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.method(method, HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Content-Type", "application/json");
        try {
            return JSON.readTree(http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                call("DELETE", "/session/" + session, null);
            }
        } catch (IOException ignored) {
            // the driver is stopped below anyway
        }
        driver.destroy();
        try {
            driver.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
