package dev.maas.tokenservice.api;

import static dev.maas.tokenservice.TestService.FREE;
import static dev.maas.tokenservice.TestService.PREMIUM;
import static dev.maas.tokenservice.TestService.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.tokenservice.TestService;
import dev.maas.tokenservice.WithService;
import dev.maas.tokenservice.http.SecurityHeaders;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/usage}, the limits of {@code /v1/me}, {@code /v1/models} with an API key, and the
 * security headers, against the service with a recorded-format Limitador (not the real one, which
 * is not built here): its answer is {@code limitador-counters.json}, in limitador-server's
 * documented {@code /counters} format.
 */
class UsageApiTest extends WithService {

  /** Each limit as {@code name/window remaining resets}. */
  @SuppressWarnings("unchecked")
  private static List<String> usage(String user, String groups) throws Exception {
    HttpResponse<String> r = service.call("GET", "/v1/usage", user, groups, null);
    assertEquals(200, r.statusCode(), r.body());
    List<String> out = new ArrayList<>();
    for (Map<String, Object> l : (List<Map<String, Object>>) json(r).get("limits")) {
      out.add(
          l.get("name")
              + "/"
              + l.get("window")
              + " "
              + l.get("kind")
              + " "
              + l.get("scope")
              + " "
              + l.get("remaining")
              + " of "
              + l.get("limit")
              + " resets "
              + l.get("resetsInSeconds"));
    }
    return out;
  }

  /** Every test leaves the recorded Limitador answering at once, as it does from the start. */
  @AfterEach
  void limitadorAnswersAgain() {
    service.limitador.delay(0);
    service.limitador.answer(200);
  }

  @Test
  void aCallerSeesTheirOwnCountersAndTheSharedOnes() throws Exception {
    assertEquals(
        List.of(
            "premium-requests/1m requests user 93 of 100 resets 41",
            "premium-requests/1d requests user 4800 of 5000 resets 50000",
            "model.llama-70b.requests/1m requests shared 640 of 1000 resets 30",
            // The recorded counter went past its limit and Limitador's u64 subtraction wrapped.
            "premium-tokens/1h tokens user 0 of 20000 resets 1200",
            // No counter yet in this window: all of it is left.
            "per-caller/1m requests user 30 of 30 resets null"),
        usage("alice", PREMIUM));
    assertEquals(
        List.of(
            "premium-requests/1m requests user 12 of 100 resets 7",
            "premium-requests/1d requests user 5000 of 5000 resets null",
            "model.llama-70b.requests/1m requests shared 640 of 1000 resets 30",
            "premium-tokens/1h tokens user 20000 of 20000 resets null",
            "per-caller/1m requests user 30 of 30 resets null"),
        usage("bob", PREMIUM));
  }

  @Test
  void aFreeCallerMeetsTheFreeLimitsOnly() throws Exception {
    assertEquals(
        List.of(
            "free-requests/1m requests user 2 of 10 resets 11",
            "per-caller/1m requests user 30 of 30 resets null"),
        usage("alice", FREE));
    assertEquals(
        List.of(
            "free-requests/1m requests user 10 of 10 resets null",
            "per-caller/1m requests user 30 of 30 resets null"),
        usage("carol", FREE));
  }

  @Test
  void kuadrantsNamespaceIsSentAsOnePercentEncodedSegment() throws Exception {
    usage("alice", PREMIUM);
    List<String> asked = service.limitador.asked();
    assertTrue(asked.contains("/counters/maas-gateway%2Facme-models"), asked::toString);
    assertTrue(asked.contains("/counters/maas-system%2Facme-token-service"), asked::toString);
    assertTrue(asked.contains("/limits/maas-gateway%2Facme-models"), asked::toString);
  }

  @Test
  void limitadorFailingOrSlowIsA503WithAJsonErrorAndNoStackTrace() throws Exception {
    service.limitador.answer(500);
    HttpResponse<String> failing = service.call("GET", "/v1/usage", "alice", PREMIUM, null);
    assertEquals(503, failing.statusCode(), failing.body());
    assertEquals("quota_unavailable", json(failing).get("reason"));
    assertTrue(
        json(failing).get("error").toString().contains("Limitador answered HTTP 500"),
        failing.body());
    service.limitador.answer(200);
    service.limitador.delay(5_000);
    long started = System.nanoTime();
    HttpResponse<String> slow = service.call("GET", "/v1/usage", "alice", PREMIUM, null);
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertEquals(503, slow.statusCode(), slow.body());
    assertTrue(millis < 4_500, "answered after " + millis + " ms");
    assertTrue(json(slow).get("error").toString().contains("did not answer"), slow.body());
    assertFalse(slow.body().contains("\tat ") || slow.body().contains("dev.maas"), slow.body());
  }

  @Test
  @SuppressWarnings("unchecked")
  void meListsTheLimitsTheCallerMeets() throws Exception {
    Map<String, Object> me = json(service.call("GET", "/v1/me", "alice", PREMIUM, null));
    List<Map<String, Object>> limits = (List<Map<String, Object>>) me.get("limits");
    assertEquals(
        List.of(
            "premium-requests",
            "premium-requests",
            "model.llama-70b.requests",
            "premium-tokens",
            "per-caller"),
        limits.stream().map(l -> l.get("name")).toList());
    assertEquals(
        Map.of(
            "name", "premium-tokens",
            "kind", "tokens",
            "scope", "user",
            "window", "1h",
            "windowSeconds", 3600,
            "limit", 20000),
        withoutNulls(limits.get(3)));
    assertEquals("llama-70b", limits.get(2).get("model"));
    assertEquals("1d", limits.get(1).get("window"));
  }

  @Test
  void meStillAnswersWhileLimitadorIsDownWithoutLimits() throws Exception {
    service.limitador.answer(503);
    HttpResponse<String> r = service.call("GET", "/v1/me", "alice", PREMIUM, null);
    assertEquals(200, r.statusCode(), r.body());
    Map<String, Object> me = json(r);
    assertTrue(me.containsKey("limits") && me.get("limits") == null, r.body());
    assertEquals(2, ((List<?>) me.get("models")).size());
  }

  private static Map<String, Object> withoutNulls(Map<String, Object> m) {
    Map<String, Object> out = new java.util.HashMap<>(m);
    out.values().removeIf(java.util.Objects::isNull);
    return out;
  }

  @Test
  @SuppressWarnings("unchecked")
  void modelsListsTheTierOfAnApiKeyAndRefusesARevokedOne() throws Exception {
    Map<String, Object> key = json(service.call("POST", "/v1/api-keys", "dora", PREMIUM, null));
    String secret = (String) key.get("key");
    HttpResponse<String> r =
        TestService.call(service.base(), "GET", "/v1/models", null, null, null, secret);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(
        List.of("granite-8b", "llama-70b"),
        ((List<Map<String, Object>>) json(r).get("data")).stream().map(m -> m.get("id")).toList());
    assertEquals(
        204,
        service
            .call("DELETE", "/v1/api-keys/" + key.get("id"), "dora", PREMIUM, null)
            .statusCode());
    HttpResponse<String> revoked =
        TestService.call(service.base(), "GET", "/v1/models", null, null, null, secret);
    assertEquals(401, revoked.statusCode(), revoked.body());
    assertEquals(
        401,
        TestService.call(service.base(), "GET", "/v1/models", null, null, null, "maas_unknown")
            .statusCode());
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() throws Exception {
    HttpResponse<String> page = service.call("GET", "/ui/", null, null, null);
    assertEquals(200, page.statusCode());
    assertEquals(
        SecurityHeaders.PAGE_POLICY,
        page.headers().firstValue("Content-Security-Policy").orElseThrow());
    // The page's meta tag says the same, less what only a header can say.
    assertTrue(
        page.body()
            .contains(
                "content=\""
                    + SecurityHeaders.PAGE_POLICY.replace("; frame-ancestors 'none'", "")
                    + "\""),
        "the meta tag and the header differ");
    for (HttpResponse<String> r :
        List.of(
            page,
            service.call("GET", "/v1/usage", "alice", PREMIUM, null),
            service.call("GET", "/v1/nothing", "alice", PREMIUM, null))) {
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
      assertTrue(
          r.headers()
              .firstValue("Content-Security-Policy")
              .orElseThrow()
              .contains("frame-ancestors 'none'"));
    }
    assertEquals(
        SecurityHeaders.API_POLICY,
        service
            .call("GET", "/v1/me", "alice", PREMIUM, null)
            .headers()
            .firstValue("Content-Security-Policy")
            .orElseThrow());
  }
}
