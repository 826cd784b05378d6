package dev.maas.check.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Selectors, extended properties and success filters resolve as Authorino resolves them. */
class AuthorinoIdentityTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Map<String, Object> VARS =
      Map.of(
          "request", Map.of("url_path", "/v1/models"),
          "auth",
              Map.of(
                  "identity",
                  Map.of(
                      "sub",
                      "alice",
                      "user",
                      Map.of("username", "bob", "groups", List.of("a", "b")),
                      "https://example.com/roles",
                      List.of("r"))));

  /**
   * Only {@code auth.identity.sub} is an expression the fake evaluator knows; anything else fails.
   */
  private static final AuthorinoIdentity.Expressions CEL =
      expression ->
          expression.source().equals("auth.identity.sub") ? "alice" : AuthorinoIdentity.UNRESOLVED;

  /**
   * Expressions as the policies are read: never compiled here, as the fake evaluator answers for
   * them.
   */
  private static final Function<String, Expr> EXPRESSIONS = source -> new Expr(source, null, null);

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void selectorsWalkTheAuthorizationJson() {
    assertEquals("bob", AuthorinoIdentity.select("auth.identity.user.username", VARS));
    assertEquals(List.of("a", "b"), AuthorinoIdentity.select("auth.identity.user.groups", VARS));
    assertEquals(
        "[\"a\",\"b\"]", AuthorinoIdentity.select("auth.identity.user.groups.@tostr", VARS));
    assertEquals(
        List.of("r"), AuthorinoIdentity.select("auth.identity.https://example\\.com/roles", VARS));
    assertNull(
        AuthorinoIdentity.select("auth.identity.tier", VARS),
        "a missing claim is null, not a failure");
    assertNull(AuthorinoIdentity.select("auth.identity.sub.deeper", VARS));
    assertSame(
        AuthorinoIdentity.UNRESOLVED,
        AuthorinoIdentity.select("auth.identity.sub.@case:upper", VARS));
    assertSame(
        AuthorinoIdentity.UNRESOLVED, AuthorinoIdentity.select("{auth.identity.sub}:x", VARS));
  }

  @Test
  void overridesReplaceAndDefaultsOnlyFill() throws Exception {
    JsonNode rule =
        json(
            "{\"defaults\": {\"sub\": {\"value\": \"ignored\"}, \"plan\": {\"value\": \"basic\"}},"
                + " \"overrides\": {\"maas_username\": {\"selector\": \"auth.identity.user.username\"},"
                + " \"maas_groups\": {\"value\": []}, \"broken\": {\"expression\": \"nope\"}}}");
    @SuppressWarnings("unchecked")
    Map<String, Object> identity =
        (Map<String, Object>)
            ((Map<String, Object>)
                    AuthorinoIdentity.authenticated(
                            AuthorinoIdentity.properties(rule.path("defaults"), EXPRESSIONS),
                            AuthorinoIdentity.properties(rule.path("overrides"), EXPRESSIONS),
                            VARS,
                            CEL)
                        .get("auth"))
                .get("identity");
    assertEquals("alice", identity.get("sub"));
    assertEquals("basic", identity.get("plan"));
    assertEquals("bob", identity.get("maas_username"));
    assertEquals(List.of(), identity.get("maas_groups"));
    assertEquals(false, identity.containsKey("broken"), "an unresolvable property is left out");
  }

  @Test
  void successFiltersPassOnTheirObjectsOrFail() throws Exception {
    JsonNode filters =
        json(
            "{\"identity\": {\"json\": {\"properties\": {\"userid\": {\"expression\": \"auth.identity.sub\"},"
                + " \"plan\": {\"value\": \"basic\"}}}}, \"skipped\": {\"when\": [{\"predicate\": \"false\"}],"
                + " \"plain\": {\"value\": \"x\"}}, \"renamed\": {\"key\": \"who\", \"plain\": {\"selector\": \"auth.identity.sub\"}}}");
    AuthorinoIdentity.Passed passed =
        AuthorinoIdentity.successFilters(
            AuthorinoIdentity.filters(filters, EXPRESSIONS),
            VARS,
            CEL,
            when -> when.predicates().isEmpty());
    assertNull(passed.failure());
    assertEquals(
        Map.of("identity", Map.of("userid", "alice", "plan", "basic"), "who", "alice"),
        passed.objects());
    assertEquals(
        Map.of("request", VARS.get("request"), "auth", passed.objects()),
        passed.limitVariables(VARS));

    JsonNode failing =
        json(
            "{\"identity\": {\"json\": {\"properties\": {\"tier\": {\"expression\": \"auth.identity.tier\"}}}}}");
    AuthorinoIdentity.Passed failed =
        AuthorinoIdentity.successFilters(
            AuthorinoIdentity.filters(failing, EXPRESSIONS), VARS, CEL, when -> true);
    assertEquals(
        "its success filter `identity` fails (property `tier` cannot be resolved)",
        failed.failure());
    assertEquals(Map.of(), failed.objects());
  }
}
