package dev.maas.tests.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import dev.maas.model.Platform;
import dev.maas.render.tokenservice.TokenServiceEndpoints;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MaaS API module run as its own JVM with the config the compiler generates from the reference
 * spec: the generated {@code config.json} is what the service reads, tokens verify against its
 * JWKS, the caller's models come from the spec, revocations survive a forced kill, and fifty
 * concurrent clients get their tokens.
 */
class MaasApiProcessTest {

  @TempDir static Path dir;

  private static Platform platform;
  private static KeyPair key;
  @AutoClose private static ServiceProcess service;

  @BeforeAll
  static void start() throws Exception {
    platform = ServiceProcess.acme();
    ServiceProcess.writeConfig(platform, dir);
    key = ServiceProcess.newSigningKey();
    ServiceProcess.writeSigningKey(dir.resolve("keys/2026-06-01.pem"), key);
    launch();
  }

  /** Kills the service as a crash would, and starts it again on the same folder. */
  private static void killAndRelaunch() throws Exception {
    service.process().destroyForcibly();
    assertTrue(service.process().waitFor(10, TimeUnit.SECONDS));
    launch();
  }

  /** The built service in a JVM of its own, started as the image's entrypoint starts it. */
  private static void launch() throws Exception {
    service = ServiceProcess.launch(ServiceProcess.serviceCommand(), dir);
  }

  private static String log() {
    return ServiceProcess.log(dir);
  }

  private static HttpResponse<String> call(
      String method, String path, String user, String groups, String body)
      throws IOException, InterruptedException {
    return ServiceProcess.call(service.base(), method, path, user, groups, body);
  }

  private static Map<String, Object> json(HttpResponse<String> r) throws Exception {
    return JSONObjectUtils.parse(r.body());
  }

  @Test
  void theGeneratedConfigIsWhatTheServiceServes() throws Exception {
    HttpResponse<String> r =
        call("POST", "/v1/tokens", "alice", "[\"premium-users\"]", "{\"ttl\":\"1h\"}");
    assertEquals(201, r.statusCode(), r.body());
    SignedJWT jwt = SignedJWT.parse((String) json(r).get("token"));
    JWKSet jwks = JWKSet.parse(call("GET", "/.well-known/jwks.json", null, null, null).body());
    assertTrue(jwt.verify(new ECDSAVerifier((ECKey) jwks.getKeyByKeyId("2026-06-01"))));
    assertEquals(TokenServiceEndpoints.issuer(platform), jwt.getJWTClaimsSet().getIssuer());
    assertEquals(
        List.of(TokenServiceEndpoints.audience(platform)), jwt.getJWTClaimsSet().getAudience());
    assertEquals("premium", jwt.getJWTClaimsSet().getStringClaim("tier"));

    Map<String, Object> me = json(call("GET", "/v1/me", "alice", "[\"premium-users\"]", null));
    String text = me.toString();
    // acme.yaml: premium may call granite-8b and llama-70b, both LLMs behind their OpenAI base
    // URLs.
    assertTrue(
        text.contains("id=llama-70b")
            && text.contains("url=/llm/llama-70b/v1")
            && !text.contains("mnist"),
        text);
    assertEquals(
        List.of("free", "premium", "enterprise"),
        ((List<?>)
                json(call("GET", "/v1/tiers", "alice", "[\"premium-users\"]", null)).get("tiers"))
            .stream().map(t -> ((Map<?, ?>) t).get("name")).toList());
  }

  @Test
  void revocationsHoldAcrossAForcedKill() throws Exception {
    Map<String, Object> one = json(call("POST", "/v1/tokens", "dave", "[\"premium-users\"]", null));
    Map<String, Object> kept =
        json(call("POST", "/v1/tokens", "dave", "[\"premium-users\"]", null));
    assertEquals(
        204,
        call("DELETE", "/v1/tokens/" + one.get("jti"), "dave", "[\"premium-users\"]", null)
            .statusCode());
    killAndRelaunch();
    HttpResponse<String> status =
        call(
            "POST",
            "/internal/v1/tokens/status",
            null,
            null,
            "{\"token\":\"" + one.get("token") + "\"}");
    assertEquals(Boolean.TRUE, json(status).get("revoked"), status.body());
    List<?> live =
        (List<?>)
            json(call("GET", "/v1/tokens", "dave", "[\"premium-users\"]", null)).get("tokens");
    assertEquals(
        List.of(kept.get("jti")), live.stream().map(t -> ((Map<?, ?>) t).get("jti")).toList());
  }

  @Test
  void anApiKeyResolvesToItsTierUntilRevokedAndStaysRevokedAcrossAForcedKill() throws Exception {
    // The spec's apiKeyMaxTTL defaults to its maxTTL: a key asked for without a lifetime gets it, a
    // longer one is refused.
    HttpResponse<String> created =
        call("POST", "/v1/api-keys", "erin", "[\"premium-users\"]", "{\"name\":\"ci\"}");
    assertEquals(201, created.statusCode(), created.body());
    Map<String, Object> key = json(created);
    assertEquals(platform.tokens().maxTTL(), "720h");
    assertEquals(
        720L * 3600,
        ((Number) key.get("expiresAt")).longValue() - ((Number) key.get("createdAt")).longValue());
    assertEquals(
        400,
        call("POST", "/v1/api-keys", "erin", "[\"premium-users\"]", "{\"ttl\":\"721h\"}")
            .statusCode());
    String resolve = "{\"authorization\":\"Bearer " + key.get("key") + "\"}";
    Map<String, Object> answer =
        json(call("POST", "/internal/v1/api-keys/resolve", null, null, resolve));
    assertEquals(
        Map.of(
            "valid",
            true,
            "user",
            "erin",
            "tier",
            "premium",
            "keyId",
            key.get("id"),
            "expiresAt",
            key.get("expiresAt")),
        answer);

    assertEquals(
        204,
        call("DELETE", "/v1/api-keys/" + key.get("id"), "erin", "[\"premium-users\"]", null)
            .statusCode());
    killAndRelaunch();
    assertEquals(
        Map.of("valid", false),
        json(call("POST", "/internal/v1/api-keys/resolve", null, null, resolve)));
    assertFalse(log().contains((String) key.get("key")), "the log never names the key");
    assertFalse(
        Files.readString(dir.resolve("state/tokens.json")).contains((String) key.get("key")),
        "the store never holds the key");
  }

  @Test
  void fiftyConcurrentClientsGetTheirTokensWithoutError() throws Exception {
    int clients = 50;
    int total = 2_000;
    ConcurrentLoad load =
        ConcurrentLoad.run(
            clients,
            total,
            i -> {
              // 40 users, 50 tokens each: within the 100 live tokens one user may hold.
              HttpResponse<String> r =
                  call(
                      "POST", "/v1/tokens", "load-" + (i % 40), "[\"system:authenticated\"]", null);
              return r.statusCode() != 201 ? "HTTP " + r.statusCode() : null;
            });
    System.out.printf(
        "MaaS API load: %d tokens, %d clients, %.2f s, %.0f tokens/s, p50 %.1f ms, p99 %.1f ms%n",
        total, clients, load.seconds(), total / load.seconds(), load.p50Millis(), load.p99Millis());
    assertEquals(Map.of(), load.errors(), "errors under load");
    String log = log();
    assertFalse(log.contains("eyJ"), "no token in the log");
    assertFalse(log.contains("PRIVATE KEY"), "no key in the log");
    assertTrue(
        log.lines().filter(l -> l.contains("\"event\":\"issue\"")).count() >= total,
        "one audit line per issue");
  }
}
