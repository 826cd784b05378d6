package dev.maas.tokenservice.api;

import static dev.maas.tokenservice.TestService.PREMIUM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.tokenservice.TestService;
import dev.maas.tokenservice.http.Route;
import dev.maas.tokenservice.json.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document against the server: the same operations, and answers the document lists. */
class OpenApiTest {

  @TempDir static Path dir;

  private static TestService service;
  private static JsonNode document;

  @BeforeAll
  static void start() throws Exception {
    service = new TestService(dir);
    HttpResponse<String> r = service.call("GET", "/openapi.json", null, null, null);
    assertEquals(200, r.statusCode());
    document = Json.MAPPER.readTree(r.body());
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void theDocumentNamesExactlyTheServersOperations() {
    TreeSet<String> documented = new TreeSet<>();
    document
        .path("paths")
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fieldNames()
                    .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
    TreeSet<String> served = new TreeSet<>();
    for (Route r : service.app().router().routes()) {
      served.add(r.method() + " " + r.template());
    }
    assertEquals(served, documented);
    assertEquals("3.0.3", document.path("openapi").asText());
  }

  @Test
  void everyOperationAnswersAStatusTheDocumentLists() throws Exception {
    Map<String, String> bodies =
        Map.of(
            "POST /v1/tiers/lookup", "{\"groups\":[\"premium-users\"]}",
            "POST /internal/v1/tokens/status", "{\"jti\":\"x\",\"sub\":\"doc\",\"iat\":1}");
    var paths = document.path("paths").fields();
    int checked = 0;
    while (paths.hasNext()) {
      var path = paths.next();
      var operations = path.getValue().fields();
      while (operations.hasNext()) {
        var op = operations.next();
        String method = op.getKey().toUpperCase();
        String key = method + " " + path.getKey();
        // A token of the caller's own, issued just before: the revoke-all operation may have run
        // already.
        String concrete =
            path.getKey().contains("{jti}")
                ? path.getKey()
                    .replace(
                        "{jti}",
                        (String)
                            TestService.json(
                                    service.call("POST", "/v1/tokens", "doc", PREMIUM, null))
                                .get("jti"))
                : path.getKey();
        // An API key of the caller's own, made just before: revoked by id, or resolved by the
        // gateway's call.
        Map<String, Object> apiKey =
            concrete.contains("{id}") || key.equals("POST /internal/v1/api-keys/resolve")
                ? TestService.json(service.call("POST", "/v1/api-keys", "doc", PREMIUM, null))
                : Map.of();
        concrete = concrete.replace("{id}", String.valueOf(apiKey.get("id")));
        String body =
            key.equals("POST /internal/v1/api-keys/resolve")
                ? "{\"key\":\"" + apiKey.get("key") + "\"}"
                : bodies.get(key);
        HttpResponse<String> r = service.call(method, concrete, "doc", PREMIUM, body);
        JsonNode responses = op.getValue().path("responses");
        assertTrue(
            responses.has(String.valueOf(r.statusCode())),
            key
                + " answered "
                + r.statusCode()
                + ", which the document does not list: "
                + r.body());
        assertTrue(r.statusCode() < 300, key + " answered " + r.statusCode() + ": " + r.body());
        checked++;
      }
    }
    assertEquals(service.app().router().routes().size(), checked);
  }
}
