package dev.maas.check.proof;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.cel.CelVariables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * An AuthPolicy, read once into what its evaluation walks: conditions, authentication rules,
 * authorization rules with their pattern trees, and success filters.
 *
 * @param identity the policy, {@code Kind namespace/name}
 * @param file the file that holds it
 * @param when the policy's own conditions
 * @param noAuthentication whether it has no authentication rule at all, so nothing authenticates
 *     the caller
 * @param authentication the authentication rules in the order written
 * @param authorization the authorization rules in the order written
 * @param filters the success filters in the order written
 */
record AuthForm(
    String identity,
    String file,
    Conditions when,
    boolean noAuthentication,
    List<Authentication> authentication,
    List<Authorization> authorization,
    List<AuthorinoIdentity.Filter> filters) {

  /**
   * An authentication rule.
   *
   * @param name its name
   * @param when its conditions over the request
   * @param anonymous whether it is an anonymous rule
   * @param jwt whether it verifies JWTs
   * @param issuerUrl the JWTs' issuer (empty when it names none)
   * @param tokenReview whether it reviews Kubernetes tokens
   * @param defaults identity properties it adds where the identity lacks them
   * @param overrides identity properties it sets
   * @param plain the CEL expression of a {@code plain} identity (what it proves), or {@code null}
   */
  record Authentication(
      String name,
      Conditions when,
      boolean anonymous,
      boolean jwt,
      String issuerUrl,
      boolean tokenReview,
      List<AuthorinoIdentity.Property> defaults,
      List<AuthorinoIdentity.Property> overrides,
      Expr plain) {}

  /**
   * An authorization rule.
   *
   * @param name its name
   * @param when its conditions over the authenticated request
   * @param patterns its patterns, or {@code null} for a kind the proof cannot evaluate (OPA,
   *     SubjectAccessReview, SpiceDB), which counts as refusing
   */
  record Authorization(String name, Conditions when, Patterns patterns) {}

  /**
   * The patterns of a {@code patternMatching} rule, all of which must hold, and what is left of
   * them to decide once a request's attributes are known. Every tier asks about the same request:
   * the parts the request alone decides (a range of model paths, another model's path) are decided
   * once per request, not once per tier.
   */
  static final class Patterns {

    private static final List<String> REQUEST = List.of("request");
    private static final Set<String> REQUEST_VARIABLE = Set.of("request");

    private final Pattern all;
    private final Map<Object, Pattern> residuals = new ConcurrentHashMap<>();
    private volatile List<List<String>> requestAttributes;

    Patterns(List<Pattern> patterns) {
      this.all =
          patterns.isEmpty()
              ? Pattern.Constant.TRUE
              : patterns.size() == 1 ? patterns.get(0) : new Pattern.All(patterns);
    }

    /** Whether every pattern holds with {@code vars}. */
    boolean hold(CelVariables vars) {
      // The residual depends on the request attributes the predicates read alone (see
      // Pattern#residual), so their values are the key: a model's path, not the credential's
      // header; nothing at all where no predicate reads the request (an audience or revocation
      // test).
      List<List<String>> read = requestAttributes();
      Object request = read.isEmpty() ? REQUEST : Expr.key(read, vars);
      Pattern residual = residuals.get(request);
      if (residual == null) {
        residual = all.residual(vars.only(REQUEST_VARIABLE));
        residuals.putIfAbsent(request, residual);
      }
      return residual.holds(vars);
    }

    /**
     * The attributes under {@code request} the predicates read, sorted; the whole request when that
     * cannot be told.
     */
    private List<List<String>> requestAttributes() {
      List<List<String>> read = requestAttributes;
      if (read == null) {
        Set<List<String>> found = new HashSet<>();
        read =
            all.requestAttributes(found)
                ? found.stream().sorted(Comparator.comparing(Object::toString)).toList()
                : List.of(REQUEST);
        requestAttributes = read;
      }
      return read;
    }
  }

  /**
   * The policy of {@code policy}; {@code expressions} gives each expression's one compiled form.
   */
  static AuthForm of(GatewayObjects.Located policy, Function<String, Expr> expressions) {
    JsonNode section = section(policy.body());
    JsonNode rules = section.path("rules");
    JsonNode authentication = rules.path("authentication");
    List<Authentication> authenticating = new ArrayList<>();
    for (Map.Entry<String, JsonNode> rule : entries(authentication)) {
      JsonNode spec = rule.getValue();
      authenticating.add(
          new Authentication(
              rule.getKey(),
              Conditions.of(spec.path("when"), expressions),
              spec.has("anonymous"),
              spec.has("jwt"),
              spec.path("jwt").path("issuerUrl").asText(),
              spec.has("kubernetesTokenReview"),
              AuthorinoIdentity.properties(spec.path("defaults"), expressions),
              AuthorinoIdentity.properties(spec.path("overrides"), expressions),
              spec.path("plain").path("expression").isTextual()
                  ? expressions.apply(spec.path("plain").path("expression").asText())
                  : null));
    }
    List<Authorization> authorizing = new ArrayList<>();
    for (Map.Entry<String, JsonNode> rule : entries(rules.path("authorization"))) {
      JsonNode spec = rule.getValue();
      Patterns patterns = null;
      if (spec.has("patternMatching")) {
        List<Pattern> parts = new ArrayList<>();
        spec.path("patternMatching")
            .path("patterns")
            .forEach(p -> parts.add(Pattern.of(p, expressions)));
        patterns = new Patterns(parts);
      }
      authorizing.add(
          new Authorization(
              rule.getKey(), Conditions.of(spec.path("when"), expressions), patterns));
    }
    return new AuthForm(
        policy.identity(),
        policy.file(),
        Conditions.of(section.path("when"), expressions),
        !authentication.isObject() || authentication.isEmpty(),
        List.copyOf(authenticating),
        List.copyOf(authorizing),
        AuthorinoIdentity.filters(
            rules.path("response").path("success").path("filters"), expressions));
  }

  /**
   * Where a policy keeps its rules: {@code spec}, or its {@code defaults} or {@code overrides}
   * block.
   */
  static JsonNode section(JsonNode policy) {
    JsonNode spec = policy.path("spec");
    if (spec.path("overrides").isObject()) {
      return spec.path("overrides");
    }
    return spec.path("defaults").isObject() ? spec.path("defaults") : spec;
  }

  static Iterable<Map.Entry<String, JsonNode>> entries(JsonNode object) {
    return object::fields;
  }
}
