package dev.maas.tokenservice;

import static dev.maas.tokenservice.TestService.PREMIUM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.tokenservice.json.Json;
import dev.maas.tokenservice.state.TokenLedger;
import dev.maas.tokenservice.state.TokenState;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile callers: crafted lifetimes, slow clients, busy API threads, control characters, and the
 * audit trail.
 */
class AttackTest extends WithService {

  @Test
  void aCraftedLifetimeIsRefusedQuicklyWithoutOverflowingTheStack() throws Exception {
    // 60,000 digit-unit pairs: the shape that made a backtracking pattern recurse once per
    // repetition.
    String crafted = "1s".repeat(30_000);
    Pattern backtracking = Pattern.compile("^([0-9]{1,5}(s|m|h|d))+$");
    boolean overflowed;
    try {
      backtracking.matcher(crafted).matches();
      overflowed = false;
    } catch (StackOverflowError e) {
      overflowed = true;
    }
    assertTrue(
        overflowed, "the attack overflows a backtracking matcher, so this test is meaningful");
    long t0 = System.nanoTime();
    HttpResponse<String> r =
        service.call("POST", "/v1/tokens", "attacker", PREMIUM, "{\"ttl\":\"" + crafted + "\"}");
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.body().contains("at most 32 characters"), r.body());
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < 5_000);
    // Within the length bound, arithmetic that would overflow a long is refused too.
    assertEquals(
        400,
        service
            .call(
                "POST",
                "/v1/tokens",
                "attacker",
                PREMIUM,
                "{\"ttl\":\"999999d999999d999999d999999d\"}")
            .statusCode());
    assertEquals(200, service.call("GET", "/health", null, null, null).statusCode());
  }

  /**
   * Clients that announce a body and send a few bytes of it: each holds a connection until the
   * request deadline.
   */
  private static Connections slowClients(int count) throws Exception {
    Connections slow = new Connections();
    for (int i = 0; i < count; i++) {
      Socket s = new Socket("127.0.0.1", service.app().port());
      OutputStream out = s.getOutputStream();
      out.write(
          ("POST /v1/tokens HTTP/1.1\r\nHost: x\r\nX-MaaS-Username: slow\r\nContent-Length: 100\r\n\r\n{\"t")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      slow.add(s);
    }
    Thread.sleep(300);
    return slow;
  }

  @Test
  void slowClientsNeitherStarveTheApiNorDelayHealth() throws Exception {
    try (Connections slow = slowClients(40)) {
      long t0 = System.nanoTime();
      HttpResponse<String> issued = service.call("POST", "/v1/tokens", "patient", PREMIUM, null);
      long apiMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertEquals(201, issued.statusCode(), issued.body());
      assertTrue(apiMillis < 2_000, "a token took " + apiMillis + " ms beside 40 slow clients");
      long healthMillis = service.managementMillis("/health");
      assertTrue(healthMillis < 1_000, "health took " + healthMillis + " ms");
    }
  }

  @Test
  void healthAnswersWhileEveryApiThreadIsBusy() throws Exception {
    // More slow clients than the API pool has threads (64 in the test service); each holds a
    // connection, as a request reaches a thread only once it is whole.
    try (Connections slow = slowClients(70)) {
      for (int i = 0; i < 5; i++) {
        long millis = service.managementMillis("/health");
        assertTrue(millis < 1_000, "health took " + millis + " ms with the API saturated");
      }
    }
  }

  @Test
  void aSlowClientIsCutOffAtTheRequestDeadline() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", service.app().port())) {
      socket.setSoTimeout(30_000);
      socket
          .getOutputStream()
          .write(
              ("POST /v1/tiers/lookup HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"gro")
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      long t0 = System.nanoTime();
      int read = socket.getInputStream().read();
      long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
      assertEquals(-1, read, "the connection is closed without an answer");
      assertTrue(waited <= 20, "cut off after " + waited + " s");
    }
  }

  @Test
  void pipelinedRequestsAreAnsweredInTheirOrder() throws Exception {
    // The first waits for the ledger's store, the second does not: answered as they came all the
    // same.
    try (Socket s = new Socket("127.0.0.1", service.app().port())) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("POST /v1/tokens HTTP/1.1\r\nHost: x\r\nX-MaaS-Username: piped\r\n"
                  + "X-MaaS-Groups: [\"premium-users\"]\r\nContent-Length: 0\r\n\r\n"
                  + "DELETE /v1/tokens/0000 HTTP/1.1\r\nHost: x\r\nX-MaaS-Username: piped\r\n"
                  + "X-MaaS-Groups: [\"premium-users\"]\r\nContent-Length: 0\r\n"
                  + "Connection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answers = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int issued = answers.indexOf("HTTP/1.1 201");
      int missing = answers.indexOf("HTTP/1.1 404");
      assertTrue(issued == 0 && missing > issued, answers);
    }
  }

  @Test
  void tooManyHeaderFieldsAreRefused() throws Exception {
    try (Socket s = new Socket("127.0.0.1", service.app().port())) {
      s.setSoTimeout(30_000);
      StringBuilder request = new StringBuilder("GET /v1/tokens HTTP/1.1\r\nHost: x\r\n");
      for (int i = 0; i < 120; i++) {
        request.append("X-Filler-").append(i).append(": y\r\n");
      }
      request.append("Connection: close\r\n\r\n");
      s.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 431"), answer);
    }
  }

  @Test
  void liveTokensAndSingleRevocationsAreBoundedPerUser(@TempDir Path other) throws Exception {
    long exp = java.time.Instant.now().getEpochSecond() + 3600;
    Map<String, Long> pending = new java.util.TreeMap<>();
    for (int i = 0; i < TokenLedger.MAX_REVOKED_PER_USER; i++) {
      pending.put("r" + i, exp);
    }
    java.nio.file.Files.createDirectories(other.resolve("state"));
    Json.MAPPER.writeValue(
        other.resolve("state/tokens.json").toFile(),
        new TokenState(Map.of(), Map.of("hoarder", pending), Map.of()));
    try (TestService bounded = new TestService(other)) {
      String kept =
          (String)
              TestService.json(bounded.call("POST", "/v1/tokens", "hoarder", PREMIUM, null))
                  .get("jti");
      String jti =
          (String)
              TestService.json(bounded.call("POST", "/v1/tokens", "hoarder", PREMIUM, null))
                  .get("jti");
      assertEquals(
          204,
          bounded.call("DELETE", "/v1/tokens/" + jti, "hoarder", PREMIUM, null).statusCode(),
          "past the bound a single revocation still succeeds");
      assertEquals(
          404,
          bounded.call("DELETE", "/v1/tokens/" + kept, "hoarder", PREMIUM, null).statusCode(),
          "it revoked every token of the user issued until then, with one record");
      java.nio.file.Path state = other.resolve("state/tokens.json");
      TokenState stored = Json.MAPPER.readValue(state.toFile(), TokenState.class);
      assertEquals(TokenLedger.MAX_REVOKED_PER_USER, stored.revoked().get("hoarder").size());
      assertTrue(stored.revokedBefore().containsKey("hoarder"));
      assertEquals(
          204,
          bounded.call("DELETE", "/v1/tokens", "hoarder", PREMIUM, null).statusCode(),
          "revoking all is one record and always possible");

      for (int i = 0; i < TokenLedger.MAX_LIVE_TOKENS_PER_USER; i++) {
        assertEquals(201, bounded.call("POST", "/v1/tokens", "many", PREMIUM, null).statusCode());
      }
      assertEquals(429, bounded.call("POST", "/v1/tokens", "many", PREMIUM, null).statusCode());
      assertEquals(
          201, bounded.call("POST", "/v1/tokens", "someone-else", PREMIUM, null).statusCode());
    }
  }

  @Test
  void controlCharactersOfAUserNameStayInsideOneEscapedLogLine() throws Exception {
    String forged = "eve\u001b[31m\u0085{\"event\":\"issue\",\"user\":\"root\"}\u2028x";
    // The JDK client refuses raw control characters in headers, so the request is written by hand.
    try (Socket s = new Socket("127.0.0.1", service.app().port())) {
      byte[] name = forged.getBytes(StandardCharsets.UTF_8);
      OutputStream out = s.getOutputStream();
      out.write(
          "POST /v1/tokens HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nX-MaaS-Groups: [\"nobody\"]\r\nX-MaaS-Username: "
              .getBytes(StandardCharsets.US_ASCII));
      out.write(name);
      out.write("\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
    }
    String log = service.log();
    assertFalse(log.contains("\u001b"), "no raw ESC in the log");
    assertFalse(log.contains("\u2028"), "no raw line separator in the log");
    assertFalse(log.contains("\u0085"), "no raw NEL in the log");
    long forgedLines = log.lines().filter(l -> l.contains("\"user\":\"root\"")).count();
    assertEquals(0, forgedLines, "the name forged no audit line of its own");
    String denied =
        log.lines()
            .filter(l -> l.contains("no_tier") && l.contains("eve"))
            .findFirst()
            .orElseThrow();
    @SuppressWarnings("unchecked")
    Map<String, Object> event = Json.MAPPER.readValue(denied, Map.class);
    assertEquals("denied", event.get("event"));
    // The JDK server reads header bytes as ISO-8859-1, so the name arrives as those characters,
    // intact.
    assertEquals(
        new String(forged.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1),
        event.get("user"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyIssueRevokeAndDenialIsOneAuditLineWithoutTheToken() throws Exception {
    HttpResponse<String> r = service.call("POST", "/v1/tokens", "audited", PREMIUM, null);
    Map<String, Object> issued = TestService.json(r);
    String token = (String) issued.get("token");
    String jti = (String) issued.get("jti");
    service.call("DELETE", "/v1/tokens/" + jti, "audited", PREMIUM, null);
    service.call("DELETE", "/v1/tokens", "audited", PREMIUM, null);
    service.call("POST", "/v1/tokens", "audited", "[\"visitors\"]", null);
    List<Map<String, Object>> events = new ArrayList<>();
    for (String line : service.log().lines().filter(l -> l.startsWith("{")).toList()) {
      Map<String, Object> e = Json.MAPPER.readValue(line, Map.class);
      if ("audited".equals(e.get("user"))) {
        events.add(e);
      }
    }
    assertEquals(
        List.of("issue", "revoke", "revoke_all", "denied"),
        events.stream().map(e -> e.get("event")).toList());
    assertEquals("premium", events.get(0).get("tier"));
    assertEquals(jti, events.get(0).get("jti"));
    assertEquals(jti, events.get(1).get("jti"));
    assertEquals("no_tier", events.get(3).get("outcome"));
    assertEquals(403, events.get(3).get("status"));
    assertFalse(service.log().contains(token), "the token is never logged");
    assertFalse(service.log().contains("eyJ"), "no token at all is logged");
    assertFalse(service.log().contains("PRIVATE KEY"));
  }
}
