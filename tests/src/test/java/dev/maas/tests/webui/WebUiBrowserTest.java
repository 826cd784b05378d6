package dev.maas.tests.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maas.tests.tokens.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Web UI in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), served
 * by the MaaS API run as its own process from a spec whose tier and model display names are HTML,
 * behind a stand-in for the gateway's route and AuthPolicy. Screenshots of every page go to {@code
 * target/screenshots/}.
 *
 * <p>The quota page reads a recorded-format Limitador, not the real one ({@link LimitadorStandIn}:
 * Limitador's documented {@code /counters} JSON for the limits the generated config names); the
 * test's model calls are stood in by the hits the gateway would report to it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final String HOSTILE_TIER = "<img src=x onerror=\"window.pwned=1\">Premium";
  static final String HOSTILE_MODEL = "<script>window.pwned=2</script>Llama";
  static final String ALICE = "k8s-token-of-alice";

  @TempDir static Path dir;

  static Process service;
  static Process oidc;
  static String issuer;
  static String serviceBase;
  @AutoClose static GatewayStandIn gateway;
  @AutoClose static LimitadorStandIn limitador;
  static ChromeDriver browser;
  static WebDriverWait wait;
  static final Path SHOTS = Path.of("target/screenshots");
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "Debian's chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)");
    String spec =
        Files.readString(
                Path.of(System.getProperty("maas.repoRoot", ".."))
                    .resolve("platform-specs/acme.yaml"))
            .replace(
                "displayName: Premium", "displayName: '" + HOSTILE_TIER.replace("'", "''") + "'")
            .replace("displayName: Llama 3.3 70B Instruct", "displayName: '" + HOSTILE_MODEL + "'");
    Path specFile = dir.resolve("acme.yaml");
    Files.writeString(specFile, spec);
    int oidcPort = ServiceProcess.freePort();
    issuer = "http://127.0.0.1:" + oidcPort;
    limitador = new LimitadorStandIn(specFile);
    ServiceProcess started =
        ServiceProcess.launchFromSpec(
            specFile,
            dir,
            Map.of(
                "MAAS_OIDC_ISSUER_URL",
                issuer,
                "MAAS_OIDC_CLIENT_ID",
                "maas-ui",
                "MAAS_LIMITADOR_URL",
                limitador.url()));
    assertTrue(
        Files.readString(dir.resolve("config.json")).contains("window.pwned=1"),
        "the hostile display name reaches the service's config");
    service = started.process();
    serviceBase = started.base();
    gateway =
        new GatewayStandIn(
            serviceBase,
            Map.of(
                ALICE,
                new GatewayStandIn.Person(
                    "alice", List.of("premium-users", "system:authenticated"))));
    Path ide =
        Path.of(System.getProperty("maas.repoRoot", "..")).resolve("tests/ide").toAbsolutePath();
    if (Files.isDirectory(ide.resolve("node_modules/oidc-provider"))) {
      oidc =
          new ProcessBuilder(
                  "node",
                  ide.resolve("oidc-provider.mjs").toString(),
                  String.valueOf(oidcPort),
                  gateway.base() + "/maas-api/ui/")
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("oidc.log").toFile())
              .start();
      gateway.trustOidc(issuer + "/jwks");
    }
    Files.createDirectories(SHOTS);
    browser = chrome();
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  static ChromeDriver chrome() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--disable-gpu",
        "--no-first-run");
    return new ChromeDriver(
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    ServiceProcess.stop(oidc);
    ServiceProcess.stop(service);
  }

  static void shot(String name) throws Exception {
    Files.write(
        SHOTS.resolve(name + ".png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  static void open(String page) {
    browser.get(gateway.base() + "/maas-api/ui/#" + page);
    wait.until(d -> page.equals(d.findElement(By.tagName("body")).getAttribute("data-page")));
  }

  static void go(String page) {
    browser.findElement(By.cssSelector("nav a[href='#" + page + "']")).click();
    wait.until(d -> page.equals(d.findElement(By.tagName("body")).getAttribute("data-page")));
  }

  static String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  /** What the service itself lists as alice's tokens, asked directly as the gateway would. */
  static JsonNode alicesTokens() throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(serviceBase + "/v1/tokens"))
                .header("X-MaaS-Username", "alice")
                .header("X-MaaS-Groups", "[\"premium-users\"]")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body()).path("tokens");
  }

  @Test
  @Order(1)
  void signInByPastingAKubernetesTokenShowsTheTierAsText() throws Exception {
    open("signin");
    String hint = browser.findElement(By.id("page-signin")).getText();
    assertTrue(hint.contains("kubectl create token") && hint.contains("oc whoami -t"), hint);
    shot("01-sign-in");
    browser.findElement(By.id("k8s-token")).sendKeys(ALICE);
    browser.findElement(By.id("k8s-token")).sendKeys(Keys.TAB);
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    wait.until(d -> "tier".equals(d.findElement(By.tagName("body")).getAttribute("data-page")));
    assertEquals("alice", text("me-user"));
    assertEquals(HOSTILE_TIER + " (premium)", text("me-tier"));
    assertTrue(browser.findElements(By.cssSelector("#page-tier img, #page-tier script")).isEmpty());
    assertNull(((JavascriptExecutor) browser).executeScript("return window.pwned"));
    List<String> models =
        browser.findElements(By.cssSelector("#tier-models li")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(
        List.of("Granite 3.1 8B Instruct (granite-8b)", HOSTILE_MODEL + " (llama-70b)"), models);
    assertTrue(browser.manage().getCookies().isEmpty(), "the credential is never a cookie");
    shot("02-tier");
  }

  @Test
  @Order(2)
  void modelsShowTheirUrlAndSnippetsThatCopy() throws Exception {
    go("models");
    List<WebElement> urls = browser.findElements(By.cssSelector(".model-url"));
    assertEquals(
        List.of(gateway.base() + "/llm/granite-8b/v1", gateway.base() + "/llm/llama-70b/v1"),
        urls.stream().map(WebElement::getText).toList());
    String curl = browser.findElements(By.cssSelector(".snippet-curl")).get(0).getText();
    assertTrue(
        curl.startsWith("curl -sS " + gateway.base() + "/llm/granite-8b/v1/chat/completions"),
        curl);
    assertTrue(
        curl.contains("Authorization: Bearer $MAAS_TOKEN")
            && curl.contains("\"model\": \"granite-8b\""),
        curl);
    String python = browser.findElements(By.cssSelector(".snippet-openai")).get(1).getText();
    assertTrue(
        python.contains("OpenAI(base_url=\"" + gateway.base() + "/llm/llama-70b/v1\"")
            && python.contains("model=\"llama-70b\""),
        python);
    browser.findElements(By.xpath("//button[text()='Copy curl snippet']")).get(0).click();
    wait.until(
        ExpectedConditions.textToBe(By.id("status"), "curl snippet copied to the clipboard."));
    assertNull(((JavascriptExecutor) browser).executeScript("return window.pwned"));
    shot("03-models");
  }

  @Test
  @Order(3)
  void aTokenIsShownOnceListedAndRevoked() throws Exception {
    go("tokens");
    browser.findElement(By.id("token-label")).sendKeys("notebook");
    browser.findElement(By.id("token-ttl")).sendKeys("2h");
    browser.findElement(By.cssSelector("#token-create button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("secret-value")));
    String token = text("secret-value");
    assertEquals(3, token.split("\\.").length, token);
    assertEquals(
        "", browser.findElement(By.id("token-label")).getAttribute("value"), "the form is cleared");
    wait.until(d -> !d.findElements(By.cssSelector("#token-list tr[data-jti]")).isEmpty());
    JsonNode listed = alicesTokens();
    assertEquals(1, listed.size(), listed::toString);
    assertEquals("notebook", listed.get(0).path("label").asText());
    String jti = listed.get(0).path("jti").asText();
    assertTrue(text("key-list").contains("No key yet."), text("key-list"));
    shot("04-tokens-created");
    browser.findElement(By.id("secret-copy")).click();
    wait.until(ExpectedConditions.textToBe(By.id("status"), "Secret copied to the clipboard."));
    browser.findElement(By.id("secret-hide")).click();
    assertFalse(browser.findElement(By.id("secret-box")).isDisplayed());
    assertEquals(
        "",
        ((JavascriptExecutor) browser)
            .executeScript("return document.getElementById('secret-value').textContent"));
    browser.findElement(By.cssSelector("#token-list tr[data-jti='" + jti + "'] button")).click();
    wait.until(ExpectedConditions.textToBe(By.id("status"), "Token revoked."));
    wait.until(d -> d.findElements(By.cssSelector("#token-list tr[data-jti]")).isEmpty());
    assertEquals(0, alicesTokens().size(), "the service no longer lists the revoked token");
    shot("05-tokens-revoked");
  }

  /** The bar of limit {@code name} per {@code window}. */
  static WebElement bar(String name, String window) {
    return browser.findElement(
        By.cssSelector(".quota[data-limit='" + name + "'][data-window='" + window + "'] progress"));
  }

  @Test
  @Order(4)
  void theQuotaBarsDropAfterModelCalls() throws Exception {
    go("quota");
    wait.until(d -> !d.findElements(By.cssSelector(".quota progress")).isEmpty());
    assertEquals("20", bar("premium-requests", "2m").getAttribute("value"));
    assertEquals("20", bar("premium-requests", "2m").getAttribute("max"));
    assertEquals("50000", bar("premium-tokens", "1m").getAttribute("value"));
    assertTrue(
        text("quota-list").contains("20 of 20 left · nothing counted in this window yet"),
        text("quota-list"));
    shot("06-quota-before");
    // Five chat calls of alice's, 240 tokens each, as the gateway reports them to Limitador.
    for (int i = 0; i < 5; i++) {
      limitador.hit("maas-system/acme-models", "premium-requests", "alice", 1);
      limitador.hit("maas-system/acme-models", "premium-tokens", "alice", 240);
    }
    browser.findElement(By.id("quota-refresh")).click();
    wait.until(d -> "15".equals(bar("premium-requests", "2m").getAttribute("value")));
    assertEquals("48800", bar("premium-tokens", "1m").getAttribute("value"));
    assertEquals("1998800", bar("premium-tokens", "1d").getAttribute("value"));
    assertTrue(
        text("quota-list").matches("(?s).*15 of 20 left · window ends in \\d+ s.*"),
        text("quota-list"));
    assertEquals(
        "30",
        bar("per-caller", "1m").getAttribute("value"),
        "the MaaS API's own limit: nobody reported calls to it");
    shot("06-quota");
  }

  @Test
  @Order(5)
  void platformPageShowsTiersByModels() throws Exception {
    go("platform");
    assertEquals("", text("status"), "a message belongs to the page it was shown on");
    List<String> rows =
        browser.findElements(By.cssSelector("#platform-matrix tbody tr")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(3, rows.size(), rows::toString);
    assertTrue(rows.get(0).startsWith("Free (free)"), rows.get(0));
    assertTrue(rows.get(1).startsWith(HOSTILE_TIER + " (premium)"), rows.get(1));
    List<String> head =
        browser.findElements(By.cssSelector("#platform-matrix thead th")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(List.of("Tier", "Limits", "granite-8b", "llama-70b", "mnist-classifier"), head);
    assertEquals(
        List.of("allowed", "not allowed", "not allowed"),
        browser
            .findElements(By.cssSelector("#platform-matrix tbody tr:first-child td[aria-label]"))
            .stream()
            .map(e -> e.getAttribute("aria-label"))
            .toList());
    shot("07-platform");
  }

  @Test
  @Order(6)
  void thePolicyRefusesInlineScriptAndThePageFits360Pixels() throws Exception {
    go("models");
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript(
        "var s = document.createElement('script'); s.textContent = 'window.inline = 1;';"
            + " document.body.appendChild(s);");
    assertNull(
        js.executeScript("return window.inline"),
        "the Content-Security-Policy blocks inline script");
    browser.manage().window().setSize(new Dimension(360, 800));
    Thread.sleep(300);
    long width = (Long) js.executeScript("return document.documentElement.scrollWidth");
    long viewport = (Long) js.executeScript("return document.documentElement.clientWidth");
    assertTrue(
        width <= viewport, "the page is " + width + " px wide in a " + viewport + " px viewport");
    shot("08-models-360px");
    go("tokens");
    shot("09-tokens-360px");
    browser.manage().window().setSize(new Dimension(1280, 900));
  }

  @Test
  @Order(7)
  void signingOutForgetsTheCredential() throws Exception {
    browser.findElement(By.id("signout")).click();
    wait.until(d -> d.findElement(By.id("page-signin")).isDisplayed());
    wait.until(ExpectedConditions.textToBe(By.id("status"), "Signed out."));
    assertFalse(
        browser.findElement(By.id("nav")).isDisplayed(),
        "the pages' links hide with the credential");
    assertNull(
        ((JavascriptExecutor) browser)
            .executeScript("return sessionStorage.getItem('maas.credential')"));
  }

  @Test
  @Order(8)
  void oidcSignInRunsTheCodeFlowWithPkceAgainstARealProvider() throws Exception {
    assumeTrue(
        oidc != null,
        "tests/ide/node_modules/oidc-provider is not installed (the build installs it with npm)");
    waitForProvider();
    open("signin");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("oidc-signin")));
    assertEquals(issuer, text("oidc-issuer"));
    shot("10-sign-in-oidc");
    browser.findElement(By.id("oidc-signin")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.name("login")));
    String authorize = browser.getCurrentUrl();
    assertTrue(authorize.startsWith(issuer + "/"), authorize);
    browser.findElement(By.name("login")).sendKeys("carol");
    browser.findElement(By.name("password")).sendKeys("any");
    shot("11-oidc-provider-login");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[text()='Continue']")))
        .click();
    wait.until(
        d ->
            d.getCurrentUrl().startsWith(gateway.base())
                && "tier".equals(d.findElement(By.tagName("body")).getAttribute("data-page")));
    assertEquals("carol", text("me-user"));
    assertEquals(HOSTILE_TIER + " (premium)", text("me-tier"));
    assertFalse(
        browser.getCurrentUrl().contains("code="),
        "the code leaves the address bar: " + browser.getCurrentUrl());
    assertTrue(
        browser.manage().getCookies().stream().noneMatch(c -> c.getName().startsWith("maas")),
        "the credential is never a cookie");
    shot("12-tier-after-oidc");
  }

  static void waitForProvider() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      assertTrue(oidc.isAlive(), () -> "the OIDC provider exited: " + readLog("oidc.log"));
      try {
        if (HTTP.send(
                    HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode()
            == 200) {
          return;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the OIDC provider did not start: " + readLog("oidc.log"));
  }

  static String readLog(String name) {
    try {
      return Files.readString(dir.resolve(name));
    } catch (java.io.IOException e) {
      return "(no log)";
    }
  }
}
