package dev.maas.tokenservice;

import static dev.maas.tokenservice.TestService.ENTERPRISE;
import static dev.maas.tokenservice.TestService.FREE;
import static dev.maas.tokenservice.TestService.PREMIUM;
import static dev.maas.tokenservice.TestService.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * API keys from the outside: shown once, kept as a hash, bound to the tier at creation, capped,
 * listed, revoked.
 */
class ApiKeyApiTest extends WithService {

  private static Map<String, Object> create(String user, String groups, String body)
      throws Exception {
    return service.expect(201, "POST", "/v1/api-keys", user, groups, body);
  }

  private static Map<String, Object> resolve(Object key) throws Exception {
    return service.expect(
        200, "POST", "/internal/v1/api-keys/resolve", null, null, "{\"key\":\"" + key + "\"}");
  }

  @Test
  void aKeyIsShownOnceKeptAsItsHashAndResolvesToItsOwnerAndTier() throws Exception {
    Map<String, Object> created = create("kate", PREMIUM, "{\"name\":\"ci\",\"ttl\":\"30d\"}");
    String key = (String) created.get("key");
    assertTrue(key.matches("maas_[A-Za-z0-9_-]{43}"), key);
    assertEquals("premium", created.get("tier"));
    assertEquals(
        30L * 86400,
        ((Number) created.get("expiresAt")).longValue()
            - ((Number) created.get("createdAt")).longValue());

    Map<String, Object> resolved = resolve(key);
    assertEquals(
        Map.of(
            "valid",
            true,
            "user",
            "kate",
            "tier",
            "premium",
            "keyId",
            created.get("id"),
            "expiresAt",
            created.get("expiresAt")),
        resolved);
    assertEquals(Map.of("valid", false), resolve(key.substring(0, key.length() - 1) + "x"));
    assertEquals(Map.of("valid", false), resolve("not-a-key"));
    // As the gateway sends it: the Authorization header the client sent.
    HttpResponse<String> asSent =
        service.call(
            "POST",
            "/internal/v1/api-keys/resolve",
            null,
            null,
            "{\"authorization\":\"Bearer " + key + "\"}");
    assertEquals(resolved, json(asSent));

    String listed = service.call("GET", "/v1/api-keys", "kate", PREMIUM, null).body();
    assertTrue(
        listed.contains("\"id\":\"" + created.get("id") + "\"")
            && listed.contains("\"name\":\"ci\""),
        listed);
    assertFalse(listed.contains(key), "the list never shows a key");
    String state = Files.readString(dir.resolve("state/tokens.json"));
    assertFalse(state.contains(key), "the store never holds a key");
    assertTrue(state.contains(sha256(key)), "the store holds its hash");
    assertFalse(service.log().contains(key), "the log never names a key");
    assertTrue(
        service
            .log()
            .contains(
                "\"event\":\"api_key_issue\",\"user\":\"kate\",\"tier\":\"premium\",\"keyId\":\""
                    + created.get("id")
                    + "\""),
        service.log());
  }

  @Test
  void theTierIsTheOneAtCreation() throws Exception {
    Map<String, Object> created = create("leo", FREE, null);
    // Leo later joins the enterprise group: the key still carries the tier it was made for.
    assertEquals("free", resolve(created.get("key")).get("tier"));
    assertEquals("enterprise", create("leo", ENTERPRISE, null).get("tier"));
  }

  @Test
  void lifetimesAreCappedByTheApiKeyMaximum() throws Exception {
    HttpResponse<String> tooLong =
        service.call("POST", "/v1/api-keys", "max", PREMIUM, "{\"ttl\":\"2161h\"}");
    assertEquals(400, tooLong.statusCode(), tooLong.body());
    assertTrue(tooLong.body().contains("\"maxTTL\":7776000"), tooLong.body());
    Map<String, Object> unnamed = create("max", PREMIUM, null);
    assertEquals(
        2160L * 3600,
        ((Number) unnamed.get("expiresAt")).longValue()
            - ((Number) unnamed.get("createdAt")).longValue(),
        "a key asked for without a lifetime gets the maximum");
  }

  @Test
  void aRevokedKeyNoLongerResolvesAndOnlyItsOwnerRevokesIt() throws Exception {
    Map<String, Object> created = create("mia", PREMIUM, null);
    assertEquals(
        404,
        service
            .call("DELETE", "/v1/api-keys/" + created.get("id"), "mallory", PREMIUM, null)
            .statusCode());
    assertEquals(true, resolve(created.get("key")).get("valid"));
    assertEquals(
        204,
        service
            .call("DELETE", "/v1/api-keys/" + created.get("id"), "mia", PREMIUM, null)
            .statusCode());
    assertEquals(Map.of("valid", false), resolve(created.get("key")));
    assertTrue(
        service
            .call("GET", "/v1/api-keys", "mia", PREMIUM, null)
            .body()
            .contains("\"revoked\":true"));
    assertTrue(
        service
            .log()
            .contains(
                "\"event\":\"api_key_revoke\",\"user\":\"mia\",\"keyId\":\"" + created.get("id")),
        service.log());
    // Across a restart the revocation holds: it is in the store, not only in memory.
    service.close();
    service.start();
    assertEquals(Map.of("valid", false), resolve(created.get("key")));
  }

  @Test
  void oneUserHoldsAtMostFiftyKeys() throws Exception {
    for (int i = 0; i < 50; i++) {
      create("nina", FREE, null);
    }
    HttpResponse<String> r = service.call("POST", "/v1/api-keys", "nina", FREE, null);
    assertEquals(429, r.statusCode(), r.body());
    assertEquals(
        50,
        ((List<?>) json(service.call("GET", "/v1/api-keys", "nina", FREE, null)).get("apiKeys"))
            .size());
  }

  private static String sha256(String key) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
