package dev.maas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.maas.api.GenerateRequest;
import dev.maas.api.GenerateResult;
import dev.maas.api.MaasCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Carries real traffic through a generated platform: k3s with Gateway API, Istio and Kuadrant
 * (Authorino, Limitador) installed from their public releases, the overlay of {@code
 * traffic/e2e.yaml} applied wave by wave as Argo CD would, and the llm-d inference simulator behind
 * the model's route. A ServiceAccount of the tier's group then asks the generated token service for
 * a token, calls the model with it and is limited after the tier's request limit; a call without a
 * token is refused.
 *
 * <p>Where Docker, kubectl, helm, an install URL or an image is unavailable, the test is skipped
 * saying which; every other problem is a failure.
 */
class ModelTrafficE2eTest {

  // Names fixed by src/test/resources/traffic/e2e.yaml (TrafficSetupTest checks them against its
  // output).
  static final String GATEWAY_NAMESPACE = "maas-system";
  static final String GATEWAY = "maas-gateway";
  static final String HOSTNAME = "maas.e2e.example.com";
  static final String TLS_SECRET = "maas-gateway-tls";
  static final String SIGNING_KEY_SECRET = "maas-token-signing-key";
  static final String MODEL_PATH = "/models/sim-model/v1/chat/completions";
  static final String USERS_NAMESPACE = "maas-e2e-users";
  static final String AUDIENCE = "maas-e2e";
  static final int REQUEST_LIMIT = 3;

  private static final String SIMULATOR_IMAGE = Prerequisites.SIMULATOR_IMAGE;

  private static final Duration TRAFFIC_TIMEOUT = Duration.ofMinutes(3);
  private static final String WAIT = Prerequisites.WAIT;
  private static final String SYNC_WAVE = "argocd.argoproj.io/sync-wave";
  private static final Set<String> POLICY_KINDS =
      Set.of("AuthPolicy", "RateLimitPolicy", "TokenRateLimitPolicy");

  // Statuses while the gateway or the services behind it cannot serve a call yet (no route,
  // endpoint or config).
  private static final Pattern NOT_READY = Pattern.compile("404|500|502|503");
  private static final Pattern NOT_READY_OR_401 = Pattern.compile("401|404|500|502|503");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  @AutoClose private static Cluster cluster;

  @TempDir static Path work;

  @Test
  void aTierMemberGetsATokenCallsTheModelAndIsLimitedAfterTheTierLimit() throws Exception {
    cluster = Cluster.start(work, Prerequisites.HELM);
    Prerequisites.gatewayApi(cluster);
    Prerequisites.istio(cluster);
    Prerequisites.kuadrant(cluster);
    Prerequisites.missingCrds(cluster);
    TestKeys.Tls tls = createSecrets();
    applyInSyncWaves(compile());
    deploySimulator();
    try (Cluster.PortForward gateway =
        cluster.portForward(GATEWAY_NAMESPACE, "svc/" + gatewayService(), 443)) {
      GatewayClient client = new GatewayClient(gateway.localPort(), HOSTNAME, tls.certificate());
      assertAnonymousCallIsRefused(client);
      String token = requestToken(client, serviceAccountToken());
      assertLimitedAfterTierLimit(client, token);
    }
  }

  /**
   * The gateway's TLS certificate and the token service's signing key, both made for this run only.
   */
  private TestKeys.Tls createSecrets() throws Exception {
    cluster.ensureNamespaces(List.of(GATEWAY_NAMESPACE));
    TestKeys.Tls tls = TestKeys.selfSignedTls(work, HOSTNAME);
    cluster.kubectl(
        "create",
        "secret",
        "tls",
        TLS_SECRET,
        "-n",
        GATEWAY_NAMESPACE,
        "--cert=" + tls.certificatePem(),
        "--key=" + tls.keyPem());
    Path signingKey = TestKeys.signingKey(work.resolve("e2e.pem"));
    cluster.kubectl(
        "create",
        "secret",
        "generic",
        SIGNING_KEY_SECRET,
        "-n",
        GATEWAY_NAMESPACE,
        "--from-file=e2e.pem=" + signingKey);
    Files.delete(signingKey);
    return tls;
  }

  // --- deploying the generated platform
  // ------------------------------------------------------------------

  private Path compile() throws IOException {
    return compile(work.resolve("out"));
  }

  /** Compiles the test spec with the real compiler into {@code out} and returns its one overlay. */
  static Path compile(Path out) throws IOException {
    Path spec = resource("traffic/e2e.yaml");
    GenerateResult result =
        new MaasCompiler()
            .generate(
                new GenerateRequest(
                    spec.getParent(), spec, out, Cluster.crdsFolder(), null, "e2e", true));
    assertFalse(
        result.hasErrors(),
        () -> String.valueOf(result.validation().diagnostics()) + result.checks());
    Path overlay = out.resolve("e2e/overlays/default");
    assertTrue(Files.isDirectory(overlay), "the overlay " + overlay + " was generated");
    return overlay;
  }

  /**
   * Applies the overlay one sync wave at a time and waits for each wave to be ready before the
   * next, as Argo CD does with the generated annotations: the token service must answer before the
   * AuthPolicies that fetch its keys are created. Force-conflicts, like Argo CD's server-side
   * apply, because operators co-own some objects (Kuadrant fills the Limitador CR).
   */
  private void applyInSyncWaves(Path overlay) throws Exception {
    TreeMap<Integer, List<JsonNode>> waves = syncWaves(Cluster.kustomize(overlay));
    TreeSet<String> namespaces = new TreeSet<>();
    waves
        .values()
        .forEach(
            objects ->
                objects.stream()
                    .map(o -> o.path("metadata").path("namespace").asText(""))
                    .filter(n -> !n.isEmpty())
                    .forEach(namespaces::add));
    cluster.ensureNamespaces(namespaces);
    for (Map.Entry<Integer, List<JsonNode>> wave : waves.entrySet()) {
      Path manifest =
          writeManifest(work.resolve("wave-" + wave.getKey() + ".yaml"), wave.getValue());
      cluster.kubectl("apply", "--server-side", "--force-conflicts", "-f", manifest.toString());
      for (JsonNode object : wave.getValue()) {
        awaitReady(object);
      }
    }
  }

  /**
   * The objects of a rendered manifest by Argo CD sync wave (no annotation = wave 0), waves in
   * order.
   */
  static TreeMap<Integer, List<JsonNode>> syncWaves(String manifest) throws IOException {
    TreeMap<Integer, List<JsonNode>> waves = new TreeMap<>();
    for (JsonNode object :
        YAML.readerFor(JsonNode.class).<JsonNode>readValues(manifest).readAll()) {
      String wave = object.path("metadata").path("annotations").path(SYNC_WAVE).asText("0");
      waves.computeIfAbsent(Integer.parseInt(wave), w -> new ArrayList<>()).add(object);
    }
    return waves;
  }

  /** Writes objects as one multi-document YAML manifest for kubectl. */
  static Path writeManifest(Path file, List<JsonNode> objects) throws IOException {
    try (SequenceWriter writer = YAML.writer().writeValues(file.toFile())) {
      writer.writeAll(objects);
    }
    return file;
  }

  /** Waits for the objects whose readiness the next wave or the traffic depends on. */
  private void awaitReady(JsonNode object) throws Exception {
    String kind = object.path("kind").asText();
    String name = object.path("metadata").path("name").asText();
    String namespace = object.path("metadata").path("namespace").asText();
    String what = kind + " " + namespace + "/" + name;
    switch (kind) {
      case "Deployment" ->
          cluster.awaitOrSkip(
              what, "rollout", "status", "-n", namespace, "deployment/" + name, WAIT);
      case "Kuadrant" ->
          cluster.awaitOrSkip(
              what, "wait", "-n", namespace, "kuadrant/" + name, "--for=condition=Ready", WAIT);
      case "Gateway" -> awaitGatewayProxy(what, namespace, name);
      default -> {
        if (POLICY_KINDS.contains(kind)) {
          cluster.awaitOrSkip(
              what,
              "wait",
              "-n",
              namespace,
              kind.toLowerCase() + "/" + name,
              "--for=condition=Enforced",
              WAIT);
        }
      }
    }
  }

  /**
   * Waits for the proxy Deployment that Istio creates for a Gateway. Its address is not waited for:
   * k3s's service load balancer may hand none out, and the test reaches the proxy through a
   * port-forward.
   */
  private void awaitGatewayProxy(String what, String namespace, String gateway) throws Exception {
    String selector = "gateway.networking.k8s.io/gateway-name=" + gateway;
    long deadline = System.nanoTime() + TRAFFIC_TIMEOUT.toNanos();
    String deployments = "";
    while (deployments.isBlank() && System.nanoTime() < deadline) {
      deployments =
          cluster
              .kubectl("get", "deployment", "-n", namespace, "-l", selector, "-o", "name")
              .trim();
      if (deployments.isBlank()) {
        Thread.sleep(2000);
      }
    }
    assertFalse(deployments.isBlank(), () -> "Istio created no proxy for " + what);
    cluster.awaitOrSkip(
        what,
        "rollout",
        "status",
        "-n",
        namespace,
        deployments.lines().findFirst().orElseThrow(),
        WAIT);
  }

  /**
   * The simulator behind the model's generated route (see traffic/simulator.yaml for why the test
   * makes it).
   */
  private void deploySimulator() throws Exception {
    String manifest;
    try (InputStream in = Files.newInputStream(resource("traffic/simulator.yaml"))) {
      manifest =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("${IMAGE}", SIMULATOR_IMAGE);
    }
    Path file = Files.writeString(work.resolve("simulator.yaml"), manifest);
    cluster.kubectl("apply", "--server-side", "-f", file.toString());
    cluster.awaitOrSkip(
        "the model simulator " + SIMULATOR_IMAGE,
        "rollout",
        "status",
        "-n",
        "models",
        "deployment/sim-model-predictor",
        WAIT);
  }

  private String gatewayService() throws Exception {
    String name =
        cluster
            .kubectl(
                "get",
                "service",
                "-n",
                GATEWAY_NAMESPACE,
                "-l",
                "gateway.networking.k8s.io/gateway-name=" + GATEWAY,
                "-o",
                "jsonpath={.items[0].metadata.name}")
            .trim();
    assertFalse(name.isEmpty(), "Istio created a Service for the gateway " + GATEWAY);
    return name;
  }

  // --- traffic
  // -------------------------------------------------------------------------------------------

  /**
   * Without a token the model's path is refused with 401. Polled, because the gateway receives its
   * Kuadrant configuration a moment after the policies report Enforced; anonymous calls never reach
   * the limiter.
   */
  private void assertAnonymousCallIsRefused(GatewayClient client) throws Exception {
    HttpResponse<String> response =
        pollWhile(NOT_READY, () -> client.post(MODEL_PATH, null, chatRequest()));
    assertEquals(
        401, response.statusCode(), () -> "an anonymous call is refused: " + describe(response));
  }

  /**
   * A Kubernetes token of a ServiceAccount in the tier's group, for the audience the spec names.
   */
  private String serviceAccountToken() throws Exception {
    cluster.ensureNamespaces(List.of(USERS_NAMESPACE));
    cluster.kubectl("create", "serviceaccount", "alice", "-n", USERS_NAMESPACE);
    String printed =
        cluster
            .kubectl(
                "create",
                "token",
                "alice",
                "-n",
                USERS_NAMESPACE,
                "--audience",
                AUDIENCE,
                "--duration",
                "10m")
            .trim();
    return printed.lines().reduce((first, last) -> last).orElseThrow();
  }

  /**
   * POST /maas-api/v1/tokens with the Kubernetes token: the token service answers 201 with a MaaS
   * token.
   */
  private String requestToken(GatewayClient client, String kubernetesToken) throws Exception {
    // 401 is retried too: until the route's own AuthPolicy is in the proxy, the gateway's policy
    // (which wants a
    // MaaS token) answers for /maas-api. A lasting 401 still fails, with the answer in the message.
    HttpResponse<String> response =
        pollWhile(
            NOT_READY_OR_401,
            () -> client.post("/maas-api/v1/tokens", kubernetesToken, "{\"expiration\": \"10m\"}"));
    assertEquals(
        201,
        response.statusCode(),
        () -> "the token service issues a token: " + describe(response));
    JsonNode body = JSON.readTree(response.body());
    assertEquals(
        "trial", body.path("tier").asText(), "the token is for the tier of the caller's group");
    String token = body.path("token").asText();
    assertFalse(token.isEmpty(), "the response holds a token");
    return token;
  }

  /**
   * The first {@value #REQUEST_LIMIT} calls reach the model; the next one is over the tier's limit.
   */
  private void assertLimitedAfterTierLimit(GatewayClient client, String token) throws Exception {
    List<Integer> statuses = new ArrayList<>();
    for (int call = 1; call <= REQUEST_LIMIT + 1; call++) {
      HttpResponse<String> response = client.post(MODEL_PATH, token, chatRequest());
      statuses.add(response.statusCode());
      if (call <= REQUEST_LIMIT) {
        assertEquals(
            200,
            response.statusCode(),
            () -> "a call within the limit reaches the model: " + describe(response));
        assertTrue(
            response.body().contains("\"choices\""),
            () -> "the model answered: " + describe(response));
      }
    }
    assertEquals(List.of(200, 200, 200, 429), statuses, "3 requests a minute, then 429");
  }

  private static String chatRequest() {
    return "{\"model\": \"sim-model\", \"max_tokens\": 8, \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]}";
  }

  /** One HTTP call, for polling. */
  private interface Call {
    HttpResponse<String> send() throws IOException, InterruptedException;
  }

  /** Repeats a call while its status matches {@code retry} (the platform is still coming up). */
  private static HttpResponse<String> pollWhile(Pattern retry, Call call) throws Exception {
    long deadline = System.nanoTime() + TRAFFIC_TIMEOUT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response = call.send();
        if (!retry.matcher(String.valueOf(response.statusCode())).matches()) {
          return response;
        }
        last = describe(response);
      } catch (IOException e) {
        last = e.toString(); // the proxy resets connections until its listener is configured
      }
      Thread.sleep(2000);
    }
    fail("the gateway did not settle within " + TRAFFIC_TIMEOUT + "; last answer: " + last);
    return null;
  }

  private static String describe(HttpResponse<String> response) {
    String body = response.body() == null ? "" : response.body();
    return response.statusCode()
        + " "
        + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
  }

  // --- plumbing
  // ------------------------------------------------------------------------------------------

  static Path resource(String name) {
    try {
      return Path.of(ModelTrafficE2eTest.class.getClassLoader().getResource(name).toURI());
    } catch (Exception e) {
      throw new IllegalStateException("test resource " + name + " is missing", e);
    }
  }
}
