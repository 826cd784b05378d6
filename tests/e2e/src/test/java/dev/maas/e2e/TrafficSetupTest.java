package dev.maas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the traffic test takes for granted, checked without a cluster so that a drift shows on every
 * e2e run: the names its spec compiles to, the order of the sync waves it applies, and the client
 * that reaches the gateway by hostname through a local port.
 */
class TrafficSetupTest {

  @TempDir Path work;

  @Test
  void theTrafficSpecCompilesToTheNamesTheTrafficTestUses() throws Exception {
    TreeMap<Integer, List<JsonNode>> waves = ModelTrafficE2eTest.syncWaves(baseManifest());
    List<JsonNode> all = waves.values().stream().flatMap(List::stream).collect(Collectors.toList());

    JsonNode gateway = find(all, "Gateway", "maas-gateway").path("spec");
    assertEquals("istio", gateway.path("gatewayClassName").asText());
    assertEquals(ModelTrafficE2eTest.HOSTNAME, gateway.at("/listeners/0/hostname").asText());
    assertEquals(
        ModelTrafficE2eTest.TLS_SECRET,
        gateway.at("/listeners/0/tls/certificateRefs/0/name").asText());

    // The call takes the generated routes as on a cluster: the public model route hands the model
    // namespace to the
    // internal Gateway's Service, whose predictor route sends it to the model's Service.
    JsonNode models = modelRule(all, "e2e-models", "maas-gateway", 1);
    assertEquals("maas-gateway-internal", models.at("/backendRefs/0/name").asText());
    JsonNode internal = find(all, "Service", "maas-gateway-internal").path("spec");
    assertEquals(
        "maas-gateway-internal",
        internal.at("/selector").path("gateway.networking.k8s.io/gateway-name").asText());
    JsonNode route = modelRule(all, "e2e-sim-model", "maas-gateway-internal", 0);
    // The simulator's Service (traffic/simulator.yaml) is what the route's backendRef names.
    assertEquals("sim-model-predictor", route.at("/backendRefs/0/name").asText());
    assertEquals(80, route.at("/backendRefs/0/port").asInt());
    String simulator = Files.readString(ModelTrafficE2eTest.resource("traffic/simulator.yaml"));
    assertTrue(
        simulator.contains("name: sim-model-predictor") && simulator.contains("port: 80,"),
        simulator);

    JsonNode limit =
        find(all, "RateLimitPolicy", "e2e-request-limits")
            .at("/spec/limits/trial-requests/rates/0");
    assertEquals(ModelTrafficE2eTest.REQUEST_LIMIT, limit.path("limit").asInt());
    assertEquals("1m", limit.path("window").asText());

    JsonNode review =
        find(all, "AuthPolicy", "e2e-token-service-auth")
            .at("/spec/rules/authentication/kubernetes-users/kubernetesTokenReview/audiences");
    assertEquals(ModelTrafficE2eTest.AUDIENCE, review.path(0).asText());
    JsonNode config =
        new ObjectMapper()
            .readTree(
                find(all, "ConfigMap", "e2e-token-service-config")
                    .at("/data/config.json")
                    .asText());
    assertEquals(
        "system:serviceaccounts:" + ModelTrafficE2eTest.USERS_NAMESPACE,
        config.at("/tiers/0/groups/0").asText());
    assertTrue(
        find(all, "Deployment", "e2e-token-service")
            .toString()
            .contains("\"secretName\":\"" + ModelTrafficE2eTest.SIGNING_KEY_SECRET + "\""));
  }

  @Test
  void theGatewayAndKuadrantComeBeforeTheTokenServiceWhichComesBeforeThePolicies()
      throws Exception {
    TreeMap<Integer, List<JsonNode>> waves = ModelTrafficE2eTest.syncWaves(baseManifest());
    int gateway = waveOf(waves, "Gateway");
    int kuadrant = waveOf(waves, "Kuadrant");
    int tokenService = waveOf(waves, "Deployment");
    int policies = waveOf(waves, "AuthPolicy");
    assertTrue(
        gateway < tokenService && kuadrant < tokenService && tokenService < policies,
        "waves: gateway "
            + gateway
            + ", Kuadrant "
            + kuadrant
            + ", token service "
            + tokenService
            + ", policies "
            + policies);
    assertEquals(policies, waveOf(waves, "RateLimitPolicy"));
    for (var wave : waves.entrySet()) {
      Path file = ModelTrafficE2eTest.writeManifest(work.resolve("wave.yaml"), wave.getValue());
      assertEquals(
          wave.getValue(),
          ModelTrafficE2eTest.syncWaves(Files.readString(file)).values().stream()
              .flatMap(List::stream)
              .collect(Collectors.toList()),
          "wave " + wave.getKey() + " is written as it was read");
    }
  }

  /**
   * The client sends the platform hostname as SNI and as Host to 127.0.0.1, and trusts the
   * certificate the test made: checked against a local HTTPS server (on 127.0.0.1 only) with that
   * certificate.
   */
  @Test
  void theClientReachesAnHttpsServerByHostnameThroughALocalPort() throws Exception {
    TestKeys.Tls tls = TestKeys.selfSignedTls(work, ModelTrafficE2eTest.HOSTNAME);
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    SSLContext serverTls = serverContext(tls);
    server.setHttpsConfigurator(
        new HttpsConfigurator(serverTls) {
          @Override
          public void configure(HttpsParameters params) {
            params.setSSLParameters(serverTls.getDefaultSSLParameters());
          }
        });
    AtomicReference<String> seen = new AtomicReference<>();
    server.createContext(
        "/",
        exchange -> {
          ExtendedSSLSession session =
              (ExtendedSSLSession) ((HttpsExchange) exchange).getSSLSession();
          String sni =
              session.getRequestedServerNames().stream()
                  .filter(SNIHostName.class::isInstance)
                  .map(n -> ((SNIHostName) n).getAsciiName())
                  .findFirst()
                  .orElse("none");
          seen.set(
              "sni="
                  + sni
                  + " host="
                  + exchange.getRequestHeaders().getFirst("Host")
                  + " auth="
                  + exchange.getRequestHeaders().getFirst("Authorization")
                  + " path="
                  + exchange.getRequestURI().getPath());
          byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(201, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      GatewayClient client =
          new GatewayClient(
              server.getAddress().getPort(), ModelTrafficE2eTest.HOSTNAME, tls.certificate());
      HttpResponse<String> response = client.post("/maas-api/v1/tokens", "abc", "{}");
      assertEquals(201, response.statusCode());
      assertEquals(
          "sni=maas.e2e.example.com host=maas.e2e.example.com auth=Bearer abc path=/maas-api/v1/tokens",
          seen.get());
    } finally {
      server.stop(0);
    }
  }

  private static SSLContext serverContext(TestKeys.Tls tls) throws Exception {
    String pem = Files.readString(tls.keyPem()).replaceAll("-----[A-Z ]+-----|\\s", "");
    PrivateKey key =
        KeyFactory.getInstance("EC")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("gateway", key, "x".toCharArray(), new Certificate[] {tls.certificate()});
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, "x".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  /** The base of the compiled traffic spec as one manifest (the overlay adds nothing to it). */
  private String baseManifest() throws Exception {
    Path overlay = ModelTrafficE2eTest.compile(work.resolve("out"));
    assertEquals(
        List.of("../../base"), resources(Files.readString(overlay.resolve("kustomization.yaml"))));
    Path base = overlay.resolve("../../base").normalize();
    List<String> documents = new ArrayList<>();
    for (String file : resources(Files.readString(base.resolve("kustomization.yaml")))) {
      documents.add(Files.readString(base.resolve(file)));
    }
    return String.join("\n---\n", documents);
  }

  private static List<String> resources(String kustomization) {
    return kustomization
        .lines()
        .dropWhile(l -> !l.equals("resources:"))
        .skip(1)
        .takeWhile(l -> l.startsWith("- "))
        .map(l -> l.substring(2))
        .collect(Collectors.toList());
  }

  private static JsonNode find(List<JsonNode> objects, String kind, String name) {
    return objects.stream()
        .filter(
            o ->
                o.path("kind").asText().equals(kind)
                    && o.at("/metadata/name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the output has no " + kind + " " + name));
  }

  /**
   * Rule {@code index} of HTTPRoute {@code name}, after asserting that the route is attached to
   * Gateway {@code gateway} and that the rule's first match takes the model's path.
   */
  private static JsonNode modelRule(List<JsonNode> all, String name, String gateway, int index) {
    JsonNode route = find(all, "HTTPRoute", name).path("spec");
    assertEquals(gateway, route.at("/parentRefs/0/name").asText(), name);
    JsonNode rule = route.path("rules").path(index);
    assertTrue(
        ModelTrafficE2eTest.MODEL_PATH.startsWith(rule.at("/matches/0/path/value").asText() + "/"),
        name);
    return rule;
  }

  private static int waveOf(TreeMap<Integer, List<JsonNode>> waves, String kind) {
    return waves.entrySet().stream()
        .filter(e -> e.getValue().stream().anyMatch(o -> o.path("kind").asText().equals(kind)))
        .map(e -> e.getKey())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " in any wave"));
  }
}
