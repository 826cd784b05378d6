package dev.maas.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A predicate decided without the interpreter has the interpreter's value (or the same failure) for
 * every request and identity, present, absent, of another type or unknown.
 */
class CelDirectTest {

  private static final CelEngine CEL = CelEngine.withVariables("request", "auth");

  /** The gateway policies' forms, and a few around them. */
  private static final List<String> DIRECT =
      List.of(
          "request.url_path >= \"/models-0/model-3/\" && request.url_path < \"/models-0/model-7\"",
          "request.url_path > \"/a\" || request.url_path <= \"/a/b\"",
          "\"/m\" < request.url_path",
          "\"/m\" >= request.url_path",
          "request.url_path == \"/v1/models\"",
          "request.url_path != \"/v1/models\"",
          "!(request.url_path == \"/v1/models\" || request.url_path.startsWith(\"/v1/models/\"))",
          "request.method == \"POST\" && request.url_path in [\"/m/a/v1/completions\","
              + " \"/m/a/v1/chat/completions\"]",
          "request.url_path.endsWith(\"/completions\") || request.url_path.contains(\"chat\")",
          "has(auth.identity.maas_api_key) || auth.identity.tier in [\"free\", \"gold\"]",
          "!has(auth.identity.maas_api_key) || auth.metadata.apikey.tier == \"free\"",
          "auth.identity.tier == \"free\"",
          "has(request.headers.authorization)",
          "\"authorization\" in request.headers"
              + " && request.headers.authorization.startsWith(\"Bearer maas_\")",
          "true && request.method == \"GET\"",
          "false || !true");

  /** Forms the interpreter keeps. */
  private static final List<String> INTERPRETED =
      List.of(
          "request.url_path.size() > 3",
          "auth.metadata.apikey.valid == true",
          "request.url_path == request.path",
          "request.url_path in [\"/a\", 1]",
          "[\"a\"].all(x, request.method == x)",
          "type(auth.identity.aud) == list ? \"a\" in auth.identity.aud : auth.identity.aud == \"a\"");

  @Test
  void theDirectFormsAreDecidedDirectlyTheOthersAreNot() throws CelFailure {
    for (String source : DIRECT) {
      assertTrue(CEL.compile(source).decidedDirectly(), source);
    }
    for (String source : INTERPRETED) {
      assertFalse(CEL.compile(source).decidedDirectly(), source);
    }
  }

  @Test
  void everyValueIsTheInterpretersOwn() throws CelFailure {
    List<CelExpression> expressions = new ArrayList<>();
    for (String source : DIRECT) {
      expressions.add(CEL.compile(source));
    }
    // Compiled together, as the proof compiles them: the parts of one checked list.
    CEL.compileAll(DIRECT).forEach(outcome -> expressions.add(outcome.expression()));
    int compared = 0;
    for (CelVariables vars : variables()) {
      for (CelExpression expression : expressions) {
        assertEquals(
            outcome(() -> expression.interpreted(vars)),
            outcome(() -> expression.evaluate(vars)),
            expression.source() + " with " + vars.values());
        compared++;
      }
    }
    assertTrue(compared > 1_000, "compared " + compared);
  }

  /**
   * Requests and identities around the literals: equal, just before and after, prefixes, other code
   * points, a missing or null attribute, another type, and no {@code auth} at all (unknown).
   */
  private static List<CelVariables> variables() {
    List<Object> paths =
        new ArrayList<>(
            List.of(
                "/models-0/model-3/",
                "/models-0/model-3",
                "/models-0/model-30/v1/completions",
                "/models-0/model-7",
                "/models-0/model-69",
                "/models-0/model-7/x",
                "/v1/models",
                "/v1/models/",
                "/v1/models/m",
                "/m",
                "/m/a/v1/completions",
                "/a",
                "/a/b",
                "",
                "/\uD83D\uDE00",
                "/\uFFFF",
                "chat"));
    paths.add(7L);
    paths.add(null);
    paths.add(List.of("/a"));
    List<Object> methods = new ArrayList<>(List.of("POST", "GET"));
    methods.add(1L);
    List<Map<String, Object>> auths = new ArrayList<>();
    auths.add(Map.of("identity", Map.of("tier", "free"), "metadata", Map.of()));
    auths.add(
        Map.of(
            "identity",
            Map.of("maas_api_key", true),
            "metadata",
            Map.of("apikey", Map.of("tier", "gold", "valid", true))));
    auths.add(Map.of("identity", Map.of("tier", 3L), "metadata", Map.of("apikey", Map.of())));
    auths.add(Map.of("identity", "not a map"));
    auths.add(Map.of());
    auths.add(null);
    // A list of headers is no map: "authorization" in it is the interpreter's to decide.
    List<Object> headers =
        List.of(
            Map.of("authorization", "Bearer x"),
            Map.of("authorization", "Bearer maas_k"),
            Map.of("x", "y"),
            List.of("authorization"));
    List<CelVariables> out = new ArrayList<>();
    for (Object path : paths) {
      for (Object method : methods) {
        for (Map<String, Object> auth : auths) {
          Map<String, Object> request = new HashMap<>();
          if (path != null || out.size() % 2 == 0) {
            request.put("url_path", path);
          }
          request.put("path", "/m");
          request.put("method", method);
          request.put("headers", headers.get(out.size() % headers.size()));
          Map<String, Object> vars = new LinkedHashMap<>();
          vars.put("request", request);
          vars.put("auth", auth);
          CelVariables converted = CelVariables.of(vars);
          // No auth at all: the interpreter's unknown, as the proof's request-only evaluations.
          out.add(auth == null ? converted.only(Set.of("request")) : converted);
        }
      }
    }
    return out;
  }

  private interface Evaluation {
    Object run() throws CelFailure;
  }

  /** The value, or that it failed (the message aside). */
  private static Object outcome(Evaluation evaluation) {
    try {
      return evaluation.run();
    } catch (CelFailure failure) {
      return "failed";
    }
  }
}
