package dev.maas.tests.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.maas.model.Platform;
import dev.maas.render.tokenservice.TokenServiceEndpoints;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the built MaaS API module with the config generated from the reference spec, started as the
 * image's entrypoint starts it, on 127.0.0.1, and checks it from the outside: tokens verified with
 * nimbus against the served JWKS, tiers, refusals, validation, revocation surviving a restart,
 * limits, load and metrics.
 */
class TokenServiceProcessTest {

  private static final String OLD_KID = "2026-01-01";
  private static final String NEW_KID = "2026-06-01";

  @TempDir static Path dir;

  private static Platform platform;
  private static Path config;
  private static Path keysDir;
  private static Path stateDir;
  private static Path logFile;
  private static KeyPair oldKey;
  private static KeyPair newKey;
  private static Process process;
  private static String base;
  private static String metricsBase;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    platform = ServiceProcess.acme();
    ServiceProcess.writeConfig(platform, dir);
    config = dir.resolve("config.json");
    keysDir = Files.createDirectories(dir.resolve("keys"));
    stateDir = dir.resolve("state");
    logFile = dir.resolve("service.log");
    oldKey = ServiceProcess.newSigningKey();
    newKey = ServiceProcess.newSigningKey();
    ServiceProcess.writeSigningKey(keysDir.resolve(OLD_KID + ".pem"), oldKey);
    ServiceProcess.writeSigningKey(keysDir.resolve(NEW_KID + ".pem"), newKey);
    launch();
  }

  @AfterAll
  static void stop() throws Exception {
    ServiceProcess.stop(process);
  }

  /** Starts the built service as the image's entrypoint does and waits for /health. */
  private static void launch() throws Exception {
    ServiceProcess started = ServiceProcess.launch(ServiceProcess.serviceCommand(), dir);
    process = started.process();
    base = started.base();
    metricsBase = started.metricsBase();
  }

  private static String log() {
    try {
      return Files.readString(logFile);
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static HttpResponse<String> call(
      String method, String path, String user, String groupsJson, String body)
      throws IOException, InterruptedException {
    return call(method, path, user, groupsJson, body, null);
  }

  private static HttpResponse<String> call(
      String method, String path, String user, String groupsJson, String body, String bearer)
      throws IOException, InterruptedException {
    return ServiceProcess.call(base, method, path, user, groupsJson, body, bearer);
  }

  private static Map<String, Object> json(HttpResponse<String> r) throws Exception {
    return JSONObjectUtils.parse(r.body());
  }

  private static Map<String, Object> issue(String user, String groupsJson, String body)
      throws Exception {
    HttpResponse<String> r = call("POST", "/v1/tokens", user, groupsJson, body);
    assertEquals(201, r.statusCode(), r.body());
    return json(r);
  }

  /** Verifies a token with nimbus against the JWKS the service serves; returns its claims. */
  private static JWTClaimsSet verifyWithJwks(String token) throws Exception {
    JWKSet jwks = JWKSet.parse(call("GET", "/.well-known/jwks.json", null, null, null).body());
    SignedJWT jwt = SignedJWT.parse(token);
    assertEquals(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm());
    assertEquals(NEW_KID, jwt.getHeader().getKeyID(), "the newest key signs");
    ECKey key = (ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
    assertNotNull(key, "the signing key is published");
    assertTrue(jwt.verify(new ECDSAVerifier(key)), "signature verifies against the JWKS");
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertEquals(TokenServiceEndpoints.issuer(platform), claims.getIssuer());
    assertEquals(List.of(TokenServiceEndpoints.audience(platform)), claims.getAudience());
    assertTrue(claims.getExpirationTime().after(new Date()));
    assertTrue(claims.getJWTID().matches("[0-9a-f]{32}"), claims.getJWTID());
    return claims;
  }

  private static String sign(KeyPair pair, String kid, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).build(), claims);
    jwt.sign(new ECDSASigner((ECPrivateKey) pair.getPrivate()));
    return jwt.serialize();
  }

  private static JWTClaimsSet.Builder goodClaims(String user, String tier) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(TokenServiceEndpoints.issuer(platform))
        .audience(TokenServiceEndpoints.audience(platform))
        .subject(user)
        .claim("tier", tier)
        .jwtID("0123456789abcdef0123456789abcdef")
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)));
  }

  private static Map<String, Object> tokenStatus(String token) throws Exception {
    return status("{\"token\":\"" + token + "\"}");
  }

  private static Map<String, Object> statusOf(Map<String, Object> issued, String user)
      throws Exception {
    return status(
        "{\"jti\":\"%s\",\"sub\":\"%s\",\"iat\":%s}"
            .formatted(issued.get("jti"), user, issued.get("issuedAt")));
  }

  /** The status the gateway's revocation call with {@code body} gets. */
  private static Map<String, Object> status(String body) throws Exception {
    HttpResponse<String> r = call("POST", "/internal/v1/tokens/status", null, null, body);
    assertEquals(200, r.statusCode(), r.body());
    return json(r);
  }

  private static Map<String, Long> metrics() throws Exception {
    // Metrics are served on the management port only.
    String text =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(metricsBase + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Map<String, Long> out = new HashMap<>();
    Matcher m = Pattern.compile("(?m)^([a-z_]+(?:\\{[^}]*\\})?) ([0-9]+)$").matcher(text);
    while (m.find()) {
      out.put(m.group(1), Long.parseLong(m.group(2)));
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------------

  @Test
  void everyTierGetsAVerifiableTokenSignedByTheNewestKey() throws Exception {
    Map<String, String> groupsByTier =
        Map.of(
            "free", "[\"system:authenticated\"]",
            "premium", "[\"premium-users\"]",
            "enterprise", "[\"acme:ml-admins\"]");
    for (var e : groupsByTier.entrySet()) {
      Map<String, Object> issued = issue("user-" + e.getKey(), e.getValue(), null);
      assertEquals(e.getKey(), issued.get("tier"));
      assertEquals("Bearer", issued.get("tokenType"));
      JWTClaimsSet claims = verifyWithJwks((String) issued.get("token"));
      assertEquals(e.getKey(), claims.getStringClaim("tier"));
      assertEquals("user-" + e.getKey(), claims.getSubject());
      assertEquals(issued.get("jti"), claims.getJWTID());
      // The default lifetime is the spec's defaultTTL (4h).
      assertEquals(
          4 * 3600,
          (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
      assertEquals(
          ((Number) issued.get("expiresAt")).longValue(),
          claims.getExpirationTime().getTime() / 1000);
    }
    JWKSet jwks = JWKSet.parse(call("GET", "/.well-known/jwks.json", null, null, null).body());
    assertEquals(2, jwks.getKeys().size(), "both keys are published for rotation");
    assertEquals(
        ((ECPublicKey) oldKey.getPublic()).getW(),
        ((ECKey) jwks.getKeyByKeyId(OLD_KID)).toECPublicKey().getW());
    assertFalse(
        jwks.getKeys().stream().anyMatch(k -> k.isPrivate()), "no private part is published");
  }

  @Test
  void requestedLifetimeIsHonouredAndAboveTheMaximumRefused() throws Exception {
    Map<String, Object> issued = issue("ttl-user", "[\"premium-users\"]", "{\"ttl\": \"1h\"}");
    JWTClaimsSet claims = verifyWithJwks((String) issued.get("token"));
    assertEquals(
        3600, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
    Map<String, Object> viaExpiration =
        issue("ttl-user", "[\"premium-users\"]", "{\"expiration\": \"30m\"}");
    assertEquals(
        1800,
        ((Number) viaExpiration.get("expiresAt")).longValue()
            - ((Number) viaExpiration.get("issuedAt")).longValue());

    HttpResponse<String> tooLong =
        call("POST", "/v1/tokens", "ttl-user", "[\"premium-users\"]", "{\"ttl\": \"721h\"}");
    assertEquals(400, tooLong.statusCode());
    assertTrue(tooLong.body().contains("longer than the maximum"), tooLong.body());
    HttpResponse<String> garbage =
        call("POST", "/v1/tokens", "ttl-user", "[\"premium-users\"]", "{\"ttl\": \"soon\"}");
    assertEquals(400, garbage.statusCode());
    HttpResponse<String> notJson =
        call("POST", "/v1/tokens", "ttl-user", "[\"premium-users\"]", "{\"ttl\":");
    assertEquals(400, notJson.statusCode());
  }

  @Test
  void highestLevelWinsAndNoMatchIsForbidden() throws Exception {
    assertEquals(
        "enterprise",
        issue("multi", "[\"system:authenticated\",\"premium-users\",\"enterprise-users\"]", null)
            .get("tier"));
    assertEquals(
        "premium",
        issue("multi", "[\"system:authenticated\",\"premium-users\"]", null).get("tier"));

    HttpResponse<String> none =
        call("POST", "/v1/tokens", "stranger", "[\"nobody\",\"visitors\"]", null);
    assertEquals(403, none.statusCode());
    Map<String, Object> body = json(none);
    assertEquals("no tier matches your groups", body.get("error"));
    assertEquals(List.of("nobody", "visitors"), body.get("groups"));

    HttpResponse<String> anonymous = call("POST", "/v1/tokens", null, null, null);
    assertEquals(401, anonymous.statusCode());

    HttpResponse<String> lookup =
        call(
            "POST",
            "/v1/tiers/lookup",
            null,
            null,
            "{\"groups\":[\"premium-users\",\"acme:ml-admins\"]}");
    assertEquals(200, lookup.statusCode());
    assertEquals(
        Map.of("tier", "enterprise", "displayName", "Enterprise", "level", 20L), json(lookup));
    assertEquals(
        404,
        call("POST", "/v1/tiers/lookup", null, null, "{\"groups\":[\"nobody\"]}").statusCode());
    assertEquals(
        400,
        call("POST", "/v1/tiers/lookup", null, null, "{\"groups\":\"premium-users\"}")
            .statusCode());
    assertEquals(400, call("POST", "/v1/tiers/lookup", null, null, "[]").statusCode());
  }

  @Test
  void modelsAreThoseOfTheCallersTier() throws Exception {
    HttpResponse<String> free =
        call("GET", "/v1/models", "m-user", "[\"system:authenticated\"]", null);
    assertEquals(200, free.statusCode());
    assertEquals("list", json(free).get("object"));
    assertEquals(List.of("granite-8b"), ids(free));
    HttpResponse<String> enterprise =
        call("GET", "/v1/models", "m-user", "[\"enterprise-users\"]", null);
    assertEquals(List.of("granite-8b", "llama-70b", "mnist-classifier"), ids(enterprise));
    @SuppressWarnings("unchecked")
    Map<String, Object> first = ((List<Map<String, Object>>) json(enterprise).get("data")).get(0);
    assertEquals("model", first.get("object"));
    assertEquals("llm", first.get("owned_by"));
    assertEquals("/llm/granite-8b/v1", first.get("url"));

    // With one of the platform's own tokens and no identity headers, the token's tier decides.
    String premium = (String) issue("m-user", "[\"premium-users\"]", null).get("token");
    HttpResponse<String> byToken = call("GET", "/v1/models", null, null, null, premium);
    assertEquals(200, byToken.statusCode(), byToken.body());
    assertEquals(List.of("granite-8b", "llama-70b"), ids(byToken));
    String forged =
        sign(newKey, NEW_KID, goodClaims("m-user", "enterprise").audience("maas:other").build());
    assertEquals(401, call("GET", "/v1/models", null, null, null, forged).statusCode());
  }

  @SuppressWarnings("unchecked")
  private static List<String> ids(HttpResponse<String> r) throws Exception {
    return ((List<Map<String, Object>>) json(r).get("data"))
        .stream().map(m -> (String) m.get("id")).toList();
  }

  @Test
  void badTokensAreRejected() throws Exception {
    String valid = (String) issue("v-user", "[\"premium-users\"]", null).get("token");
    assertEquals(Boolean.TRUE, tokenStatus(valid).get("valid"));
    assertEquals(Boolean.FALSE, tokenStatus(valid).get("revoked"));
    // A token signed by the older key (kid published in the JWKS) stays valid after rotation.
    assertEquals(
        Boolean.TRUE,
        tokenStatus(sign(oldKey, OLD_KID, goodClaims("v-user", "free").build())).get("valid"));

    String[] parts = valid.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"tier\":\"premium\"", "\"tier\":\"enterprise\"");
    String tampered =
        String.join(
            ".",
            parts[0],
            Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)),
            parts[2]);
    String expired =
        sign(
            newKey,
            NEW_KID,
            goodClaims("v-user", "free")
                .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .notBeforeTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(60)))
                .build());
    String none = new PlainJWT(goodClaims("v-user", "enterprise").build()).serialize();
    String noneWithKid =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    ("{\"alg\":\"none\",\"kid\":\"" + NEW_KID + "\"}")
                        .getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[1]
            + ".";
    String wrongAudience =
        sign(newKey, NEW_KID, goodClaims("v-user", "free").audience("maas:other").build());
    String unknownKid =
        sign(ServiceProcess.newSigningKey(), "2099-01-01", goodClaims("v-user", "free").build());
    String wrongKeyForKid = sign(oldKey, NEW_KID, goodClaims("v-user", "free").build());
    String wrongIssuer =
        sign(newKey, NEW_KID, goodClaims("v-user", "free").issuer("https://evil.example").build());
    Map<String, String> bad = new java.util.LinkedHashMap<>();
    bad.put("tampered", tampered);
    bad.put("expired", expired);
    bad.put("alg none", none);
    bad.put("alg none with a known kid", noneWithKid);
    bad.put("wrong audience", wrongAudience);
    bad.put("unknown kid", unknownKid);
    bad.put("signed by another key than its kid", wrongKeyForKid);
    bad.put("wrong issuer", wrongIssuer);
    bad.put("garbage", "not.a.token");
    for (var e : bad.entrySet()) {
      Map<String, Object> status = tokenStatus(e.getValue());
      assertEquals(Boolean.FALSE, status.get("valid"), e.getKey() + ": " + status);
      assertEquals(Boolean.TRUE, status.get("revoked"), e.getKey() + " must fail closed");
    }
    assertTrue(((String) tokenStatus(expired).get("error")).contains("expired"));
    assertTrue(((String) tokenStatus(unknownKid).get("error")).contains("key id"));
  }

  @Test
  void revocationHoldsAcrossARestart() throws Exception {
    Map<String, Object> before = issue("dave", "[\"premium-users\"]", null);
    Map<String, Object> other = issue("erin", "[\"premium-users\"]", null);
    assertEquals(Boolean.FALSE, statusOf(before, "dave").get("revoked"));

    assertEquals(
        204, call("DELETE", "/v1/tokens", "dave", "[\"premium-users\"]", null).statusCode());
    assertEquals(Boolean.TRUE, statusOf(before, "dave").get("revoked"));
    assertEquals(Boolean.TRUE, tokenStatus((String) before.get("token")).get("revoked"));
    assertEquals(
        Boolean.FALSE, statusOf(other, "erin").get("revoked"), "only dave's tokens are revoked");
    Map<String, Object> after = issue("dave", "[\"premium-users\"]", null);
    assertEquals(
        Boolean.FALSE,
        statusOf(after, "dave").get("revoked"),
        "a token issued after the revocation is valid");

    // Revoking a single token by its id: another user's id is not found, the owner's is revoked.
    Map<String, Object> single = issue("erin", "[\"premium-users\"]", null);
    assertEquals(
        404, call("DELETE", "/v1/tokens/" + single.get("jti"), "dave", "[]", null).statusCode());
    assertEquals(
        204, call("DELETE", "/v1/tokens/" + single.get("jti"), "erin", "[]", null).statusCode());
    assertEquals(Boolean.TRUE, statusOf(single, "erin").get("revoked"));
    assertEquals(Boolean.FALSE, statusOf(other, "erin").get("revoked"));

    process.destroyForcibly();
    assertTrue(process.waitFor(10, TimeUnit.SECONDS));
    launch();

    assertEquals(
        Boolean.TRUE, statusOf(before, "dave").get("revoked"), "still revoked after a restart");
    assertEquals(
        Boolean.TRUE, statusOf(single, "erin").get("revoked"), "still revoked after a restart");
    assertEquals(Boolean.FALSE, statusOf(after, "dave").get("revoked"));
    assertEquals(Boolean.FALSE, statusOf(other, "erin").get("revoked"));
    assertTrue(Files.readString(stateDir.resolve("tokens.json")).contains("\"dave\""));
  }

  @Test
  void oversizedBodiesAndBadRequestsAreRefused() throws Exception {
    char[] big = new char[100 * 1024];
    Arrays.fill(big, ' ');
    String body = "{\"ttl\":\"1h\"" + new String(big) + "}";
    assertEquals(413, call("POST", "/v1/tokens", "big", "[\"premium-users\"]", body).statusCode());
    assertEquals(413, call("POST", "/v1/tiers/lookup", null, null, body).statusCode());
    assertEquals(400, call("POST", "/v1/tokens", "big", "not-json", null).statusCode());
    assertEquals(405, call("PUT", "/v1/tokens", "big", "[]", "{}").statusCode());
    assertEquals(404, call("GET", "/nothing", null, null, null).statusCode());
    // An encoded path is not decoded into an internal one behind the gateway policy's back.
    assertEquals(
        404,
        call(
                "POST",
                "/%69nternal/v1/tokens/status",
                null,
                null,
                "{\"jti\":\"x\",\"sub\":\"y\",\"iat\":1}")
            .statusCode());
    assertEquals(404, call("GET", "/%6Detrics", null, null, null).statusCode());
    // Deeply nested JSON is refused, not a stack overflow.
    String deep = "[".repeat(5000) + "]".repeat(5000);
    assertEquals(400, call("POST", "/v1/tiers/lookup", null, null, deep).statusCode());
    assertEquals(200, call("GET", "/health", null, null, null).statusCode(), "still healthy");
  }

  @Test
  void aSlowClientIsCutOff() throws Exception {
    URI uri = URI.create(base);
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      // Headers announce 100 bytes, only 6 arrive: the server must not wait for the rest forever.
      java.io.OutputStream out = socket.getOutputStream();
      out.write(
          "POST /v1/tiers/lookup HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"gro"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      long t0 = System.nanoTime();
      int read = socket.getInputStream().read();
      long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
      assertEquals(-1, read, "the connection is closed without an answer");
      assertTrue(waited <= 20, "cut off after " + waited + " s");
    }
    assertEquals(200, call("GET", "/health", null, null, null).statusCode());
  }

  @Test
  void aCraftedLifetimeIsRefusedWithoutOverflowingTheStack() throws Exception {
    // 30,000 number-unit pairs: the pattern alone recursed once per pair and overflowed the stack.
    HttpResponse<String> r =
        call(
            "POST",
            "/v1/tokens",
            "crafted",
            "[\"premium-users\"]",
            "{\"ttl\":\"" + "1s".repeat(30_000) + "\"}");
    assertEquals(400, r.statusCode(), r.body());
    assertEquals(200, call("GET", "/health", null, null, null).statusCode(), "still healthy");
  }

  @Test
  void controlCharactersOfAUserNameAreEscapedInTheLog() throws Exception {
    URI uri = URI.create(base);
    // The JDK client refuses control characters in headers, so the request is written by hand: ESC
    // and a C1 NEL.
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket
          .getOutputStream()
          .write(
              ("DELETE /v1/tokens HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
                      + "X-MaaS-Groups: []\r\nConnection: close\r\nX-MaaS-Username: mallet\u001b[2J\u0085forged\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      String answer =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertTrue(answer.startsWith("HTTP/1.1 204"), answer);
    }
    String log = log();
    // The audit line is JSON with every control and non-ASCII character escaped.
    assertTrue(
        log.contains("\"event\":\"revoke_all\",\"user\":\"mallet\\u001B[2J\\u0085forged\""), log);
    assertFalse(log.contains("\u001b"), "no raw ESC in the log");
    assertFalse(log.contains("\u0085"), "no raw NEL in the log");
  }

  @Test
  void discoveryPointsAtTheJwks() throws Exception {
    Map<String, Object> discovery =
        json(call("GET", "/.well-known/openid-configuration", null, null, null));
    assertEquals(TokenServiceEndpoints.issuer(platform), discovery.get("issuer"));
    assertEquals(TokenServiceEndpoints.jwksUrl(platform), discovery.get("jwks_uri"));
    assertEquals(List.of("ES256"), discovery.get("id_token_signing_alg_values_supported"));
  }

  @Test
  void fiftyConcurrentClientsIssueTenThousandTokensWithoutError() throws Exception {
    Map<String, Long> before = metrics();
    int clients = 50;
    int total = 10_000;
    String[][] users = {
      {"free", "[\"system:authenticated\"]"},
      {"premium", "[\"premium-users\"]"},
      {"enterprise", "[\"enterprise-users\"]"}
    };
    ConcurrentHashMap<String, AtomicInteger> perTier = new ConcurrentHashMap<>();
    ConcurrentLoad load =
        ConcurrentLoad.run(
            clients,
            total,
            i -> {
              String[] u = users[i % users.length];
              // 997 users: each holds fewer live tokens than the per-user cap of 100.
              HttpResponse<String> r = call("POST", "/v1/tokens", "load-" + (i % 997), u[1], null);
              if (r.statusCode() != 201 || !r.body().contains("\"token\":\"ey")) {
                return "HTTP " + r.statusCode();
              }
              perTier.computeIfAbsent(u[0], k -> new AtomicInteger()).incrementAndGet();
              return null;
            });
    System.out.printf(
        "token service load: %d tokens, %d clients, %.2f s, %.0f tokens/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        total,
        clients,
        load.seconds(),
        total / load.seconds(),
        load.p50Millis(),
        load.p99Millis(),
        load.maxMillis());
    assertEquals(Map.of(), load.errors(), "errors under load");

    Map<String, Long> after = metrics();
    for (String tier : List.of("free", "premium", "enterprise")) {
      String key = "maas_tokens_issued_total{tier=\"" + tier + "\"}";
      assertEquals(perTier.get(tier).get(), after.get(key) - before.getOrDefault(key, 0L), key);
    }
  }

  @Test
  void metricsCountIssuesRefusalsAndRevocations() throws Exception {
    Map<String, Long> before = metrics();
    issue("metrics-a", "[\"system:authenticated\"]", null);
    issue("metrics-a", "[\"system:authenticated\"]", null);
    issue("metrics-b", "[\"premium-users\"]", null);
    call("POST", "/v1/tokens", "metrics-c", "[\"nobody\"]", null);
    call("POST", "/v1/tokens", "metrics-c", "[\"premium-users\"]", "{\"ttl\":\"9999h\"}");
    call("POST", "/v1/tokens", "metrics-c", "[\"premium-users\"]", "{\"ttl\":\"9999h\"}");
    call("DELETE", "/v1/tokens", "metrics-a", "[]", null);
    Map<String, Long> after = metrics();
    assertEquals(2, delta(before, after, "maas_tokens_issued_total{tier=\"free\"}"));
    assertEquals(1, delta(before, after, "maas_tokens_issued_total{tier=\"premium\"}"));
    assertEquals(0, delta(before, after, "maas_tokens_issued_total{tier=\"enterprise\"}"));
    assertEquals(1, delta(before, after, "maas_token_refusals_total{reason=\"no_tier\"}"));
    assertEquals(2, delta(before, after, "maas_token_refusals_total{reason=\"ttl_too_long\"}"));
    assertEquals(1, delta(before, after, "maas_token_revocations_total"));
  }

  @Test
  void theMetricsPortServesCountersAndHealthButNoApi() throws Exception {
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    issue("scraped-user", "[\"premium-users\"]", null);
    HttpResponse<String> scrape =
        client.send(
            HttpRequest.newBuilder(URI.create(metricsBase + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, scrape.statusCode());
    assertTrue(scrape.body().contains("maas_tokens_issued_total{tier=\"premium\"}"), scrape.body());
    assertEquals(
        200,
        client
            .send(
                HttpRequest.newBuilder(URI.create(metricsBase + "/health")).build(),
                HttpResponse.BodyHandlers.ofString())
            .statusCode());
    // The port Prometheus may reach from anywhere issues nothing and shows no keys.
    for (String path :
        List.of(
            "/v1/tokens",
            "/.well-known/jwks.json",
            "/v1/tiers/lookup",
            "/internal/v1/tokens/status")) {
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(URI.create(metricsBase + path))
                  .header("X-MaaS-Username", "x")
                  .header("X-MaaS-Groups", "[\"premium-users\"]")
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(404, r.statusCode(), path);
    }
  }

  private static long delta(Map<String, Long> before, Map<String, Long> after, String key) {
    return after.getOrDefault(key, 0L) - before.getOrDefault(key, 0L);
  }

  @Test
  void theLogNamesNoTokenAndNoKey() throws Exception {
    issue("log-user", "[\"premium-users\"]", null);
    String log = log();
    assertTrue(log.contains("signing with " + NEW_KID), log);
    assertFalse(log.contains("eyJ"), "a token was logged");
    assertFalse(log.contains("PRIVATE KEY"), "a key was logged");
    assertFalse(
        log.contains(
            Base64.getEncoder().encodeToString(newKey.getPrivate().getEncoded()).substring(0, 40)));
  }
}
