package dev.maas.tokenservice;

import static dev.maas.tokenservice.TestService.ENTERPRISE;
import static dev.maas.tokenservice.TestService.FREE;
import static dev.maas.tokenservice.TestService.PREMIUM;
import static dev.maas.tokenservice.TestService.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The API from the outside: issue, list, revoke one and all, tiers, the caller, models, discovery,
 * restart.
 */
class TokenApiTest extends WithService {

  private static Map<String, Object> issue(String user, String groups, String body)
      throws Exception {
    return service.expect(201, "POST", "/v1/tokens", user, groups, body);
  }

  private static boolean revoked(Map<String, Object> issued, String user) throws Exception {
    HttpResponse<String> r =
        service.call(
            "POST",
            "/internal/v1/tokens/status",
            null,
            null,
            "{\"jti\":\""
                + issued.get("jti")
                + "\",\"sub\":\""
                + user
                + "\",\"iat\":"
                + issued.get("issuedAt")
                + "}");
    assertEquals(200, r.statusCode(), r.body());
    return (Boolean) json(r).get("revoked");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> tokensOf(String user) throws Exception {
    HttpResponse<String> r = service.call("GET", "/v1/tokens", user, FREE, null);
    assertEquals(200, r.statusCode(), r.body());
    return (List<Map<String, Object>>) json(r).get("tokens");
  }

  @Test
  void aTokenVerifiesAgainstTheServedJwksAndCarriesTheCallersTier() throws Exception {
    Map<String, Object> issued =
        issue("alice", "[\"system:authenticated\",\"premium-users\"]", "{\"ttl\":\"1h\"}");
    assertEquals("premium", issued.get("tier"));
    SignedJWT jwt = SignedJWT.parse((String) issued.get("token"));
    assertEquals(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm());
    assertEquals("2026-06-01", jwt.getHeader().getKeyID(), "the newest key signs");
    JWKSet jwks =
        JWKSet.parse(service.call("GET", "/.well-known/jwks.json", null, null, null).body());
    assertEquals(2, jwks.getKeys().size());
    assertFalse(
        jwks.getKeys().stream().anyMatch(k -> k.isPrivate()), "no private part is published");
    assertEquals(
        ((ECPublicKey) service.oldKey.getPublic()).getW(),
        ((ECKey) jwks.getKeyByKeyId("2026-01-01")).toECPublicKey().getW());
    assertTrue(jwt.verify(new ECDSAVerifier((ECKey) jwks.getKeyByKeyId("2026-06-01"))));
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertEquals(TestService.ISSUER, claims.getIssuer());
    assertEquals(List.of(TestService.AUDIENCE), claims.getAudience());
    assertEquals("alice", claims.getSubject());
    assertEquals("premium", claims.getStringClaim("tier"));
    assertEquals(
        3600, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
    assertEquals(issued.get("jti"), claims.getJWTID());
  }

  @Test
  void onceTheNativeProviderHasLoadedItSignsTokensTheJwksVerifies() throws Exception {
    // The service answers before the native provider has loaded (it loads in the background) and
    // switches to it for the tokens after; both kinds verify against the same published key.
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!service.log().contains("ES256 signatures by AWS-LC") && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(service.log().contains("ES256 signatures by AWS-LC"), service.log());
    JWKSet jwks =
        JWKSet.parse(service.call("GET", "/.well-known/jwks.json", null, null, null).body());
    ECDSAVerifier verifier = new ECDSAVerifier((ECKey) jwks.getKeyByKeyId("2026-06-01"));
    for (int i = 0; i < 10; i++) {
      SignedJWT jwt = SignedJWT.parse((String) issue("native", PREMIUM, null).get("token"));
      assertTrue(jwt.verify(verifier), "token " + i);
    }
  }

  @Test
  void theCallerListsTheirOwnLiveTokensWithoutTheTokens() throws Exception {
    Map<String, Object> first = issue("bob", PREMIUM, "{\"label\":\"laptop\"}");
    Map<String, Object> second = issue("bob", PREMIUM, "{\"ttl\":600}");
    issue("carol", PREMIUM, null);
    HttpResponse<String> r = service.call("GET", "/v1/tokens", "bob", PREMIUM, null);
    assertFalse(r.body().contains("eyJ"), "a listing never holds a token");
    Map<Object, Map<String, Object>> tokens = new java.util.HashMap<>();
    tokensOf("bob").forEach(t -> tokens.put(t.get("jti"), t));
    assertEquals(java.util.Set.of(first.get("jti"), second.get("jti")), tokens.keySet());
    assertEquals("laptop", tokens.get(first.get("jti")).get("label"));
    assertNull(tokens.get(second.get("jti")).get("label"));
    assertEquals(second.get("expiresAt"), tokens.get(second.get("jti")).get("expiresAt"));
    assertEquals(401, service.call("GET", "/v1/tokens", null, null, null).statusCode());
  }

  @Test
  void oneTokenIsRevokedByItsIdAndOnlyByItsOwner() throws Exception {
    Map<String, Object> kept = issue("dave", PREMIUM, null);
    Map<String, Object> gone = issue("dave", PREMIUM, null);
    assertEquals(
        404,
        service
            .call("DELETE", "/v1/tokens/" + gone.get("jti"), "mallory", PREMIUM, null)
            .statusCode(),
        "another user's token is not found");
    assertFalse(revoked(gone, "dave"));
    assertEquals(
        204,
        service
            .call("DELETE", "/v1/tokens/" + gone.get("jti"), "dave", PREMIUM, null)
            .statusCode());
    assertTrue(revoked(gone, "dave"));
    assertFalse(revoked(kept, "dave"));
    assertEquals(
        List.of(kept.get("jti")), tokensOf("dave").stream().map(t -> t.get("jti")).toList());
    assertEquals(
        404,
        service.call("DELETE", "/v1/tokens/" + gone.get("jti"), "dave", PREMIUM, null).statusCode(),
        "a revoked token is no longer live");
    assertEquals(404, service.call("DELETE", "/v1/tokens/a/b", "dave", PREMIUM, null).statusCode());
  }

  @Test
  void revokingAllIsOneRecordWhateverTheNumberOfTokens() throws Exception {
    List<Map<String, Object>> tokens = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      tokens.add(issue("erin", FREE, null));
    }
    Map<String, Object> other = issue("frank", FREE, null);
    assertEquals(204, service.call("DELETE", "/v1/tokens", "erin", FREE, null).statusCode());
    for (Map<String, Object> t : tokens) {
      assertTrue(revoked(t, "erin"));
    }
    assertFalse(revoked(other, "frank"), "only erin's tokens are revoked");
    assertEquals(List.of(), tokensOf("erin"));
    String stored = Files.readString(dir.resolve("state/tokens.json"));
    assertEquals(
        1, count(stored, "\"erin\":"), "one cut-off for erin, no entry per token: " + stored);
    assertFalse(
        stored.contains((String) tokens.get(0).get("jti")),
        "revoked tokens are pruned from the list");
    Map<String, Object> after = issue("erin", FREE, null);
    assertFalse(revoked(after, "erin"), "a token issued after the revocation is valid");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  @SuppressWarnings("unchecked")
  void theTierCatalogueListsEveryTierWithItsModelsAndNoGroups() throws Exception {
    HttpResponse<String> r = service.call("GET", "/v1/tiers", "gina", FREE, null);
    assertEquals(200, r.statusCode());
    List<Map<String, Object>> tiers = (List<Map<String, Object>>) json(r).get("tiers");
    assertEquals(
        List.of("free", "premium", "enterprise"), tiers.stream().map(t -> t.get("name")).toList());
    assertEquals(
        List.of("granite-8b", "llama-70b", "mnist"),
        tiers.get(2).get("models"),
        "null models means all");
    assertEquals(10, tiers.get(1).get("level"));
    assertFalse(r.body().contains("premium-users"), "groups are not shown");
  }

  @Test
  @SuppressWarnings("unchecked")
  void meNamesTheCallerTheirTierAndTheModelsItAllows() throws Exception {
    Map<String, Object> me =
        json(service.call("GET", "/v1/me", "hank", "[\"premium-users\",\"x\"]", null));
    assertEquals("hank", me.get("username"));
    assertEquals(List.of("premium-users", "x"), me.get("groups"));
    assertEquals("premium", ((Map<String, Object>) me.get("tier")).get("name"));
    List<Map<String, Object>> models = (List<Map<String, Object>>) me.get("models");
    assertEquals(
        List.of("granite-8b", "llama-70b"), models.stream().map(m -> m.get("id")).toList());
    assertEquals("/llm/llama-70b/v1", models.get(1).get("url"));
    Map<String, Object> nobody =
        json(service.call("GET", "/v1/me", "ivan", "[\"visitors\"]", null));
    assertNull(nobody.get("tier"));
    assertEquals(List.of(), nobody.get("models"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void modelsFollowTheTierOfTheHeadersOrOfAPlatformToken() throws Exception {
    HttpResponse<String> enterprise = service.call("GET", "/v1/models", "jane", ENTERPRISE, null);
    assertEquals(
        List.of("granite-8b", "llama-70b", "mnist"),
        ((List<Map<String, Object>>) json(enterprise).get("data"))
            .stream().map(m -> m.get("id")).toList());
    String premium = (String) issue("jane", PREMIUM, null).get("token");
    HttpResponse<String> byToken =
        TestService.call(service.base(), "GET", "/v1/models", null, null, null, premium);
    assertEquals(200, byToken.statusCode(), byToken.body());
    assertEquals(2, ((List<?>) json(byToken).get("data")).size());
    assertEquals(
        403, service.call("GET", "/v1/models", "jane", "[\"visitors\"]", null).statusCode());
  }

  @Test
  void lifetimesAboveTheMaximumAndMalformedBodiesAreRefused() throws Exception {
    HttpResponse<String> tooLong =
        service.call("POST", "/v1/tokens", "kim", PREMIUM, "{\"ttl\":\"721h\"}");
    assertEquals(400, tooLong.statusCode());
    assertTrue(tooLong.body().contains("longer than the maximum"), tooLong.body());
    for (String body :
        List.of(
            "{\"ttl\":\"soon\"}",
            "{\"ttl\":-5}",
            "{\"ttl\":1.5}",
            "{\"ttl\":",
            "[]",
            "{\"label\":\"a\\u0007b\"}",
            "{\"label\":\"" + "x".repeat(65) + "\"}")) {
      assertEquals(
          400, service.call("POST", "/v1/tokens", "kim", PREMIUM, body).statusCode(), body);
    }
    assertEquals(400, service.call("POST", "/v1/tokens", "kim", "not-json", null).statusCode());
    assertEquals(
        413,
        service
            .call("POST", "/v1/tokens", "kim", PREMIUM, "{\"a\":\"" + "x".repeat(70_000) + "\"}")
            .statusCode());
    HttpResponse<String> put = service.call("PUT", "/v1/tokens", "kim", PREMIUM, "{}");
    assertEquals(405, put.statusCode());
    assertEquals("DELETE, GET, POST", put.headers().firstValue("Allow").orElseThrow());
    assertEquals(
        404, service.call("GET", "/%69nternal/v1/tokens/status", null, null, null).statusCode());
    assertEquals(403, service.call("POST", "/v1/tokens", "kim", "[\"nobody\"]", null).statusCode());
  }

  @Test
  void revocationsHoldAcrossARestart() throws Exception {
    Map<String, Object> one = issue("leo", PREMIUM, null);
    Map<String, Object> all = issue("mia", PREMIUM, null);
    Map<String, Object> live = issue("leo", PREMIUM, null);
    assertEquals(
        204,
        service.call("DELETE", "/v1/tokens/" + one.get("jti"), "leo", PREMIUM, null).statusCode());
    assertEquals(204, service.call("DELETE", "/v1/tokens", "mia", PREMIUM, null).statusCode());
    service.app().close();
    service.start();
    assertTrue(revoked(one, "leo"));
    assertTrue(revoked(all, "mia"));
    assertFalse(revoked(live, "leo"));
    assertEquals(
        List.of(live.get("jti")), tokensOf("leo").stream().map(t -> t.get("jti")).toList());
  }

  @Test
  void discoveryPointsAtTheJwks() throws Exception {
    Map<String, Object> discovery =
        json(service.call("GET", "/.well-known/openid-configuration", null, null, null));
    assertEquals(TestService.ISSUER, discovery.get("issuer"));
    assertEquals(TestService.ISSUER + "/.well-known/jwks.json", discovery.get("jwks_uri"));
  }
}
