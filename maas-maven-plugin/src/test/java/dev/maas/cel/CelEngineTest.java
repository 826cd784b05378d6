package dev.maas.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kuadrant-style predicates compile once and evaluate against nested maps. */
class CelEngineTest {

  private static final CelEngine CEL = CelEngine.withVariables("auth", "request");

  private static final Map<String, Object> VARS =
      Map.of(
          "auth", Map.of("identity", Map.of("tier", "premium", "userid", "u1")),
          "request",
              Map.of(
                  "path", "/llm/granite-8b/v1/chat/completions",
                  "method", "POST",
                  "headers", Map.of("content-type", "application/json", "x-tokens", "12")));

  @Test
  void kuadrantPredicates() throws CelFailure {
    assertEquals("llm", CEL.compile("request.path.split(\"/\")[1]").evaluate(VARS));
    assertTrue(CEL.compile("!request.path.endsWith(\"/v1/models\")").test(VARS));
    assertTrue(
        CEL.compile("auth.identity.tier == \"premium\" && request.method == \"POST\"").test(VARS));
    assertTrue(
        CEL.compile("request.headers[\"content-type\"].lowerAscii().startsWith(\"application/\")")
            .test(VARS));
    assertEquals(12L, CEL.compile("int(request.headers[\"x-tokens\"])").evaluate(VARS));
    assertEquals("u1", CEL.compile("auth.identity.userid").evaluate(VARS));
    assertTrue(CEL.compile("auth.identity.tier in [\"free\", \"premium\"]").test(VARS));
  }

  @Test
  void oneCompilationManyEvaluations() throws CelFailure {
    CelExpression tier = CEL.compile("auth.identity.tier == \"free\"");
    assertFalse(tier.test(VARS));
    assertTrue(tier.test(Map.of("auth", Map.of("identity", Map.of("tier", "free")))));
  }

  @Test
  void listsAndNumbers() throws CelFailure {
    CelEngine engine = CelEngine.withVariables("self");
    Map<String, Object> self = Map.of("ports", List.of(80L, 443L), "ratio", 0.5);
    assertTrue(
        engine.compile("self.ports.all(p, p > 0) && self.ratio < 1").test(Map.of("self", self)));
    assertEquals(2L, engine.compile("size(self.ports)").evaluate(Map.of("self", self)));
    java.util.HashMap<String, Object> withNull = new java.util.HashMap<>();
    withNull.put("gone", null);
    assertTrue(engine.compile("self.gone == null").test(Map.of("self", withNull)));
    assertEquals(4L, engine.compile("self.n + 1").evaluate(Map.of("self", Map.of("n", 3))));
  }

  @Test
  void errorsAreClear() throws CelFailure {
    CelFailure syntax = assertThrows(CelFailure.class, () -> CEL.compile("request.path ==="));
    assertTrue(syntax.getMessage().startsWith("cannot compile: "), syntax.getMessage());
    CelFailure unknown = assertThrows(CelFailure.class, () -> CEL.compile("isURL(request.path)"));
    assertTrue(unknown.getMessage().contains("isURL"), unknown.getMessage());
    CelFailure undeclared =
        assertThrows(CelFailure.class, () -> CEL.compile("response.code == 200"));
    assertTrue(undeclared.getMessage().contains("response"), undeclared.getMessage());
    CelFailure missing =
        assertThrows(
            CelFailure.class, () -> CEL.compile("auth.identity.group == \"x\"").test(VARS));
    assertTrue(
        missing.getMessage().startsWith("cannot evaluate: ")
            && missing.getMessage().contains("group"),
        missing.getMessage());
    CelFailure notBool =
        assertThrows(CelFailure.class, () -> CEL.compile("request.method").test(VARS));
    assertEquals("expected a boolean, got string: POST", notBool.getMessage());
  }

  @Test
  void aVariableNotGivenDecidesNothingUnlessLogicDoesWithoutIt() throws CelFailure {
    CelVariables requestOnly = CelVariables.of(VARS).only(java.util.Set.of("request"));
    assertFalse(
        (Boolean)
            CEL.compile("request.method == \"GET\" && auth.identity.tier == \"free\"")
                .evaluate(requestOnly));
    assertTrue(
        (Boolean)
            CEL.compile("request.method == \"POST\" || auth.identity.tier == \"free\"")
                .evaluate(requestOnly));
    for (String dependent :
        List.of(
            "request.method == \"POST\" && auth.identity.tier == \"free\"",
            "type(auth.identity.aud) == list ? true : false",
            "auth.identity.tier in [\"free\"]")) {
      CelFailure unknown =
          assertThrows(
              CelFailure.class, () -> CEL.compile(dependent).evaluate(requestOnly), dependent);
      assertTrue(
          unknown.getMessage().contains("depends on a variable that was not given"),
          unknown.getMessage());
    }
  }

  @Test
  void anExpressionNamesTheAttributesItReads() throws CelFailure {
    assertEquals(
        java.util.Optional.of(
            java.util.Set.of(
                List.of("auth", "identity", "tier"),
                List.of("request", "path"),
                List.of("request", "headers"))),
        CEL.compile(
                "auth.identity.tier == \"a\" && request.path.startsWith(\"/x\")"
                    + " && \"h\" in request.headers && has(request.path)")
            .reads());
    assertEquals(
        java.util.Optional.of(java.util.Set.of(List.of("auth"))),
        CEL.compile("type(auth) == map").reads());
    assertEquals(
        java.util.Optional.of(java.util.Set.of(List.of("request", "headers"))),
        CEL.compile("request.headers.exists(h, h.startsWith(\"x-\"))").reads());
    // A loop variable named like a platform variable hides it; no attributes are claimed then.
    assertEquals(java.util.Optional.empty(), CEL.compile("[1].exists(auth, auth > 0)").reads());
  }

  @Test
  void attributesAreReadFromTheGivenValues() {
    CelVariables vars = CelVariables.of(VARS);
    assertEquals("premium", vars.attribute(List.of("auth", "identity", "tier")));
    assertEquals(CelVariables.ABSENT, vars.attribute(List.of("auth", "identity", "groups")));
    assertEquals(CelVariables.ABSENT, vars.attribute(List.of("request", "path", "deeper")));
  }

  @Test
  void aJunctionIsTrueExactlyWhenItsOperandsSaySo() throws CelFailure {
    List<String> chains =
        List.of(
            "request.method == \"POST\" && auth.identity.tier == \"premium\"",
            "request.method == \"GET\" || (auth.identity.tier == \"free\" || request.path.startsWith(\"/llm/\"))",
            "auth.identity.group == \"x\" || request.method == \"POST\"",
            "auth.identity.group == \"x\" && request.method == \"POST\"",
            "request.method == \"GET\" || auth.identity.group == \"x\"",
            "request.method == \"POST\" && auth.identity.group == \"x\"",
            "auth.identity.missing.startsWith(\"a\") || request.path.endsWith(\"/completions\")",
            "request.path.startsWith(\"/llm/\") && (auth.identity.tier in [\"premium\"] && int(request.headers[\"x-tokens\"]) > 10)");
    List<CelVariables> bindings =
        List.of(
            CelVariables.of(VARS),
            CelVariables.of(VARS).only(java.util.Set.of("request")),
            CelVariables.of(
                Map.of(
                    "request",
                    Map.of("method", "GET", "path", "/v1/models", "headers", Map.of()),
                    "auth",
                    Map.of("identity", Map.of("tier", "free")))));
    for (String source : chains) {
      CelExpression whole = CEL.compile(source);
      CelExpression.Junction junction =
          whole.junction().orElseThrow(() -> new AssertionError(source));
      assertTrue(junction.operands().size() >= 2, source);
      for (CelVariables vars : bindings) {
        boolean operandsSay =
            junction.conjunction()
                ? junction.operands().stream().allMatch(o -> isTrue(o, vars))
                : junction.operands().stream().anyMatch(o -> isTrue(o, vars));
        assertEquals(isTrue(whole, vars), operandsSay, source + " with " + vars);
      }
    }
    assertTrue(
        CEL.compile("!(request.method == \"GET\" && true)").junction().isEmpty(),
        "a negation is no chain");
    assertTrue(CEL.compile("request.method == \"GET\" ? true : false").junction().isEmpty());
    for (String dyn :
        List.of("request.method || true", "request.method && true", "true && request.method")) {
      // "POST" || true is an error, not true: an operand that may not be boolean leaves the chain
      // whole.
      assertTrue(CEL.compile(dyn).junction().isEmpty(), dyn);
      assertFalse(isTrue(CEL.compile(dyn), CelVariables.of(VARS)), dyn);
    }
  }

  @Test
  void equalOperandsOfDifferentExpressionsReadAlike() throws CelFailure {
    CelExpression.Junction a =
        CEL.compile("request.path.startsWith(\"/a/\") && auth.identity.tier in [\"x\", \"y\"]")
            .junction()
            .orElseThrow();
    CelExpression.Junction b =
        CEL.compile("request.path.startsWith(\"/b/\")&&auth.identity.tier in [\"x\",\"y\"]")
            .junction()
            .orElseThrow();
    assertEquals(a.operands().get(1).source(), b.operands().get(1).source());
    assertFalse(a.operands().get(0).source().equals(b.operands().get(0).source()));
    assertEquals(
        List.of(List.of("auth", "identity", "tier")),
        List.copyOf(a.operands().get(1).reads().orElseThrow()));
    CelExpression.Junction loops =
        CEL.compile("[1].exists(x, x == 1) && [1].exists(x, x == 1)").junction().orElseThrow();
    assertFalse(
        loops.operands().get(0).source().equals(loops.operands().get(1).source()),
        "operands with comprehensions are never taken for one another");
  }

  @Test
  void operandKeysAreEqualExactlyForEqualSyntaxTrees() throws CelFailure {
    List<String> operands =
        List.of(
            "auth.identity.tier in [\"x\", \"y\"]",
            "auth.identity.tier in [\"x\", \"y\", \"\"]",
            "auth.identity.tier in [\"x\", \"y\"] == true",
            "auth.identity.tier in [\"x\" + \"\", \"y\"]",
            "auth.identity.tier in [\"x\\\", \\\"y\"]",
            "auth.identity.tier in [\"x, y\"]",
            "request.path == \"/a\"",
            "request.path == '/a'",
            "request.path == b\"/a\"",
            "has(request.path)",
            "request.path != null",
            "request.size == 1",
            "request.size == 1u",
            "request.size == 1.0",
            "request.size == -0.0",
            "request.path.startsWith(\"/a\")",
            "request.path.size() == 1",
            "size(request.path) == 1",
            "{\"a\": 1}[request.path] == 1",
            "{\"a\": 1, \"b\": 1}[request.path] == 1",
            "[request.path][0] == \"a\"",
            "[request.path, ?optional.none()][0] == \"a\"",
            "request.a.b == \"c\"",
            "request[\"a.b\"] == \"c\"");
    List<String> keys = new java.util.ArrayList<>();
    for (String operand : operands) {
      CelExpression.Junction a =
          CEL.compile("request.method == \"GET\" && " + operand).junction().orElseThrow();
      CelExpression.Junction b =
          CEL.compile("request.method==\"POST\"&&(" + operand + ")").junction().orElseThrow();
      assertEquals(a.operands().get(1).key(), b.operands().get(1).key(), operand);
      assertFalse(a.operands().get(0).key().equals(b.operands().get(0).key()), operand);
      keys.add(a.operands().get(1).key());
    }
    // A string's quotes are not part of its tree; every other operand differs from the rest in a
    // literal, an operator or a call's form only, and has a key of its own.
    assertEquals(keys.get(operands.indexOf("request.path == '/a'")), keys.get(6));
    assertEquals(operands.size() - 1, new java.util.HashSet<>(keys).size(), keys.toString());
    // The printed form is made when asked for, and is CEL that reads as the operand.
    CelExpression.Junction printed =
        CEL.compile("request.method == \"GET\" && request.path.startsWith('/a')")
            .junction()
            .orElseThrow();
    assertEquals("request.path.startsWith(\"/a\")", printed.operands().get(1).source());
    // An operand holding a comprehension, whose printed form may not tell apart what it does, is
    // named by the expression it is part of, printed as CEL, and its place there, two junctions
    // down as one.
    CelExpression whole =
        CEL.compile(
            "request.method == \"GET\" && (request.path == \"/a\" ||"
                + " request.headers.exists(h, h == \"x\"))");
    CelExpression inner = whole.junction().orElseThrow().operands().get(1);
    CelExpression comprehension = inner.junction().orElseThrow().operands().get(1);
    assertTrue(inner.source().startsWith(whole.source() + " #"), inner.source());
    assertTrue(comprehension.source().startsWith(inner.source() + " #"), comprehension.source());
  }

  @Test
  void compilingTogetherGivesWhatCompilingAloneGives() throws CelFailure {
    List<String> expressions =
        List.of(
            "request.method == \"POST\"",
            "auth.identity.tier in [\"free\", \"premium\"] // a comment ends at the line's end",
            "request.path.startsWith(\"/llm/\") && size([1, 2]) == 2",
            "[1].exists(x, x == 1) && request.method != \"GET\"",
            "type(auth.identity.tier) == string ? auth.identity.tier : \"\"",
            "int(request.headers[\"x-tokens\"])");
    assertSameOutcomes(expressions);
    // Expressions that do not compile, or that would swallow or split their neighbours if the text
    // were trusted.
    assertSameOutcomes(
        List.of("request.method == \"POST\"", "isURL(request.path)", "auth.identity.tier"));
    assertSameOutcomes(
        List.of("request.method), dyn(request.path", "\"\"\"open", "request.path\"\"\"", "true"));
    assertSameOutcomes(List.of("request.method == \"POST\"", "a) + (b", "request.path"));
    assertSameOutcomes(List.of("request.method == \"POST\"", "'x' + (", "') == 'x'"));
  }

  private static void assertSameOutcomes(List<String> expressions) {
    List<CelEngine.Outcome> together = CEL.compileAll(expressions);
    assertEquals(expressions.size(), together.size());
    for (int i = 0; i < expressions.size(); i++) {
      String source = expressions.get(i);
      CelExpression alone;
      try {
        alone = CEL.compile(source);
      } catch (CelFailure failure) {
        assertEquals(null, together.get(i).expression(), source);
        continue;
      }
      CelExpression compiled = together.get(i).expression();
      assertEquals(source, compiled.source());
      assertEquals(alone.reads(), compiled.reads(), source);
      assertEquals(outcome(alone), outcome(compiled), source);
    }
  }

  private static String outcome(CelExpression expression) {
    try {
      return String.valueOf(expression.evaluate(VARS));
    } catch (CelFailure failure) {
      return failure.getMessage();
    }
  }

  private static boolean isTrue(CelExpression expression, CelVariables vars) {
    try {
      return Boolean.TRUE.equals(expression.evaluate(vars));
    } catch (CelFailure failure) {
      return false;
    }
  }
}
