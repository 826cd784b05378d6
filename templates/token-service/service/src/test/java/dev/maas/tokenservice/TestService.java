package dev.maas.tokenservice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maas.tokenservice.config.ModelEntry;
import dev.maas.tokenservice.config.QuotaEntry;
import dev.maas.tokenservice.config.ServiceConfig;
import dev.maas.tokenservice.config.TierEntry;
import dev.maas.tokenservice.json.Json;
import dev.maas.tokenservice.quota.RecordedLimitador;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service started in this JVM on free loopback ports, with a three-tier config, two keys, a
 * captured log, and a recorded-format Limitador ({@link RecordedLimitador}) where it reads quota.
 */
public final class TestService implements AutoCloseable {

  public static final String ISSUER =
      "http://acme-token-service.maas-system.svc.cluster.local:8080";
  public static final String AUDIENCE = "maas:acme";
  public static final String FREE = "[\"system:authenticated\"]";
  public static final String PREMIUM = "[\"premium-users\"]";
  public static final String ENTERPRISE = "[\"enterprise-users\"]";

  public static final ServiceConfig CONFIG =
      new ServiceConfig(
          "acme",
          ISSUER,
          AUDIENCE,
          4 * 3600,
          720 * 3600,
          2160 * 3600,
          List.of(
              new TierEntry(
                  "free", "Free", 0, List.of("system:authenticated"), List.of("granite-8b")),
              new TierEntry(
                  "premium",
                  "Premium",
                  10,
                  List.of("premium-users"),
                  List.of("granite-8b", "llama-70b")),
              new TierEntry("enterprise", "Enterprise", 20, List.of("enterprise-users"), null)),
          List.of(
              new ModelEntry(
                  "granite-8b",
                  "llm",
                  "Granite",
                  "/llm/granite-8b/v1",
                  "/llm/granite-8b/v1/chat/completions"),
              new ModelEntry(
                  "llama-70b",
                  "llm",
                  "Llama",
                  "/llm/llama-70b/v1",
                  "/llm/llama-70b/v1/chat/completions"),
              new ModelEntry(
                  "mnist",
                  "vision",
                  "MNIST",
                  "/vision/mnist/v2/models/mnist/infer",
                  "/vision/mnist/v2/models/mnist/infer")),
          null);

  /** The Limitador namespace of the model route's limits. */
  public static final String MODELS_NAMESPACE = "maas-gateway/acme-models";

  /** The Limitador namespace of the MaaS API's own limit. */
  public static final String API_NAMESPACE = "maas-system/acme-token-service";

  /** Where {@link #CONFIG}'s service reads quota: the Limitador at {@code url}. */
  public static QuotaEntry quota(String url) {
    return new QuotaEntry(url, MODELS_NAMESPACE, API_NAMESPACE);
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public final Path dir;
  public final KeyPair oldKey;
  public final KeyPair newKey;
  public final RecordedLimitador limitador;
  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  private TokenServiceApp app;

  public TestService(Path dir) throws Exception {
    this.dir = dir;
    limitador = new RecordedLimitador();
    ServiceConfig withQuota = CONFIG.withQuota(quota(limitador.url()));
    Files.write(dir.resolve("config.json"), Json.MAPPER.writeValueAsBytes(withQuota));
    Path keys = Files.createDirectories(dir.resolve("keys"));
    oldKey = ecKeyPair();
    newKey = ecKeyPair();
    writePem(keys.resolve("2026-01-01.pem"), oldKey, oldKey);
    writePem(keys.resolve("2026-06-01.pem"), newKey, newKey);
    start();
  }

  /** Starts (again) on new ports, with the same files. */
  public void start() throws Exception {
    app =
        TokenServiceApp.start(
            Settings.from(
                Map.of(
                    "MAAS_CONFIG", dir.resolve("config.json").toString(),
                    "MAAS_KEYS_DIR", dir.resolve("keys").toString(),
                    "MAAS_STATE_DIR", dir.resolve("state").toString(),
                    "MAAS_BIND_ADDRESS", "127.0.0.1",
                    "MAAS_PORT", "0",
                    "MAAS_METRICS_PORT", "0",
                    "MAAS_THREADS", "64")),
            new PrintStream(logBytes, true, StandardCharsets.UTF_8));
  }

  public TokenServiceApp app() {
    return app;
  }

  public String base() {
    return "http://127.0.0.1:" + app.port();
  }

  public String managementBase() {
    return "http://127.0.0.1:" + app.managementPort();
  }

  /** How long the management port took to answer GET {@code path}, which answered 200. */
  public long managementMillis(String path) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    HttpResponse<String> r = call(managementBase(), "GET", path, null, null, null, null);
    assertEquals(200, r.statusCode(), path);
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
  }

  public String log() {
    synchronized (logBytes) {
      return logBytes.toString(StandardCharsets.UTF_8);
    }
  }

  public static KeyPair ecKeyPair() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  /** A key file: the private key of {@code priv} and the public key of {@code pub}. */
  public static void writePem(Path file, KeyPair priv, KeyPair pub) throws IOException {
    Files.writeString(
        file,
        pem("PRIVATE KEY", priv.getPrivate().getEncoded())
            + pem("PUBLIC KEY", pub.getPublic().getEncoded()));
  }

  public static String pem(String type, byte[] der) {
    String b64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
  }

  public HttpResponse<String> call(
      String method, String path, String user, String groups, String body)
      throws IOException, InterruptedException {
    return call(base(), method, path, user, groups, body, null);
  }

  /** The JSON object {@link #call} answers, which must come with {@code status}. */
  public Map<String, Object> expect(
      int status, String method, String path, String user, String groups, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> r = call(method, path, user, groups, body);
    assertEquals(status, r.statusCode(), r.body());
    return json(r);
  }

  public static HttpResponse<String> call(
      String base,
      String method,
      String path,
      String user,
      String groups,
      String body,
      String bearer)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      b.header("X-MaaS-Username", user);
    }
    if (groups != null) {
      b.header("X-MaaS-Groups", groups);
    }
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> json(HttpResponse<String> r) throws IOException {
    return Json.MAPPER.readValue(r.body(), Map.class);
  }

  @Override
  public void close() {
    if (app != null) {
      app.close();
    }
    limitador.close();
  }
}
