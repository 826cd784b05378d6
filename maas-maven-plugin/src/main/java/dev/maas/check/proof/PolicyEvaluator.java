package dev.maas.check.proof;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.cel.CelEngine;
import dev.maas.cel.CelExpression;
import dev.maas.cel.CelFailure;
import dev.maas.cel.CelVariables;
import dev.maas.model.Window;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides what the gateway does with a request by evaluating the rendered policies' CEL the way Kuadrant
 * does: the AuthPolicy of the request's HTTPRoute, else the Gateway's; every limit of the applicable
 * RateLimitPolicy and TokenRateLimitPolicy whose predicates all hold. It reads only the rendered objects.
 */
public final class PolicyEvaluator {

  private static final CelEngine CEL = CelEngine.withVariables("request", "auth");
  private static final Object FAILED = new Object();
  private static final Object DEPENDS_ON_IDENTITY = new Object();

  private final GatewayObjects objects;
  private final String issuer;
  private final List<RouteMatch> routes;
  private final Map<String, Object> compiled = new ConcurrentHashMap<>();
  // Every tier asks for the same model paths; the route of a path is looked up once, not once per tier.
  private final Map<String, Optional<RouteMatch>> routeOfPath = new ConcurrentHashMap<>();
  // A handful of windows, read for every limit of every request.
  private final Map<String, Long> windowMillis = new ConcurrentHashMap<>();

  /** A path match of an HTTPRoute. */
  private record RouteMatch(String route, String namespace, String type, String value) {

    boolean matches(String urlPath) {
      if ("Exact".equals(type)) {
        return urlPath.equals(value);
      }
      String prefix = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
      return prefix.isEmpty() || urlPath.equals(prefix) || urlPath.startsWith(prefix + "/");
    }
  }

  /**
   * @param objects the rendered objects
   * @param issuer the issuer whose JWTs callers present ({@code null}: any JWT rule accepts them)
   */
  public PolicyEvaluator(GatewayObjects objects, String issuer) {
    this.objects = objects;
    this.issuer = issuer;
    List<RouteMatch> found = new ArrayList<>();
    for (GatewayObjects.Located route : objects.ofKind("HTTPRoute")) {
      for (JsonNode rule : route.body().path("spec").path("rules")) {
        for (JsonNode match : rule.path("matches")) {
          JsonNode path = match.path("path");
          found.add(new RouteMatch(route.name(), route.namespace(), path.path("type").asText("PathPrefix"),
              path.path("value").asText("/")));
        }
      }
    }
    this.routes = List.copyOf(found);
  }

  /**
   * What the gateway does with {@code request}. The limits see only what the AuthPolicy's success filters
   * pass on ({@code auth.identity.userid} is the {@code identity} filter's property), never the token's claims.
   */
  public Verdict evaluate(SyntheticRequest request) {
    RouteMatch route = route(request.urlPath());
    GatewayObjects.Located auth = policyFor("AuthPolicy", route);
    Verdict decided = authorize(auth, request, CelVariables.of(request.variables()));
    AuthorinoIdentity.Passed mine = passedOn(auth, decided, request);
    AuthorinoIdentity.Passed theirs = passedOn(auth, decided, otherUser(request));
    CelVariables vars = CelVariables.of(mine.limitVariables(request.variables()));
    CelVariables otherVars = CelVariables.of(theirs.limitVariables(request.variables()));
    List<LimitMatch> requestLimits = limits(policyFor("RateLimitPolicy", route), vars, otherVars);
    List<LimitMatch> tokenLimits = limits(policyFor("TokenRateLimitPolicy", route), vars, otherVars);
    boolean authorized = decided.authorized() && mine.failure() == null;
    String denial = decided.authorized() && mine.failure() != null ? decided.authPolicy() + " fails: " + mine.failure()
        : decided.denial();
    return new Verdict(decided.authPolicy(), decided.authPolicyFile(), decided.authentication(), decided.anonymous(),
        authorized, denial, requestLimits, tokenLimits);
  }

  /**
   * What Authorino passes on for {@code request} once {@code decided} authenticated it: the success filters of
   * {@code auth} over the identity the first accepting rule proves (an anonymous rule proves the request's
   * identity as is); nothing when no policy applies or no rule authenticates.
   */
  private AuthorinoIdentity.Passed passedOn(GatewayObjects.Located auth, Verdict decided, SyntheticRequest request) {
    if (decided.authPolicy() == null || (decided.authentication().isEmpty() && !decided.anonymous())) {
      return AuthorinoIdentity.Passed.NONE;
    }
    JsonNode rules = section(auth.body()).path("rules");
    Map<String, Object> identified = identified(rules, decided.authentication(), request);
    CelVariables identifiedVars = CelVariables.of(identified);
    return AuthorinoIdentity.successFilters(rules.path("response").path("success").path("filters"), identified,
        this::resolved, when -> allHold(when, identifiedVars));
  }

  /**
   * The request's variables with the identity the first accepting non-anonymous rule proves, extended by its
   * {@code defaults} and {@code overrides}; an anonymous rule proves the request's identity as it is.
   */
  private Map<String, Object> identified(JsonNode rules, List<String> accepting, SyntheticRequest request) {
    Map<String, Object> vars = request.variables();
    for (String name : accepting) {
      JsonNode rule = rules.path("authentication").path(name);
      if (rule.has("anonymous")) {
        continue;
      }
      Map<String, Object> proven = vars;
      if (rule.has("jwt") && request.credential() == SyntheticRequest.Credential.MAAS_TOKEN
          && "".equals(request.identity().get("iss"))) {
        // A synthetic platform token names no issuer; the jwt rule that verified it proves its iss claim.
        Map<String, Object> identity = new LinkedHashMap<>(request.identity());
        identity.put("iss", rule.path("jwt").path("issuerUrl").asText());
        proven = new SyntheticRequest(request.method(), request.path(), request.headers(), request.credential(),
            identity).variables();
      }
      return AuthorinoIdentity.authenticated(rule, proven, this::resolved);
    }
    return vars;
  }

  /** An expression's value for {@link AuthorinoIdentity}. */
  private Object resolved(String expression, Map<String, Object> vars) {
    Object value = value(expression, CelVariables.of(vars));
    return value == FAILED ? AuthorinoIdentity.UNRESOLVED : value;
  }

  /** Authentication and authorization of {@code request} by {@code auth}; the verdict has no limits yet. */
  private Verdict authorize(GatewayObjects.Located auth, SyntheticRequest request, CelVariables vars) {
    List<LimitMatch> requestLimits = List.of();
    List<LimitMatch> tokenLimits = List.of();
    if (auth == null) {
      return new Verdict(null, null, List.of(), false, true, null, requestLimits, tokenLimits);
    }
    JsonNode section = section(auth.body());
    if (!allHold(section.path("when"), vars)) {
      return new Verdict(null, null, List.of(), false, true, null, requestLimits, tokenLimits);
    }
    JsonNode rules = section.path("rules");
    List<String> accepting = new ArrayList<>();
    boolean anonymous = false;
    JsonNode authentication = rules.path("authentication");
    if (!authentication.isObject() || authentication.isEmpty()) {
      anonymous = true;
    }
    for (Map.Entry<String, JsonNode> rule : entries(authentication)) {
      JsonNode spec = rule.getValue();
      if (!allHold(spec.path("when"), vars)) {
        continue;
      }
      if (spec.has("anonymous")) {
        anonymous = true;
        accepting.add(rule.getKey());
      } else if (spec.has("jwt") && request.credential() == SyntheticRequest.Credential.MAAS_TOKEN
          && (issuer == null || issuer.equals(spec.path("jwt").path("issuerUrl").asText()))) {
        accepting.add(rule.getKey());
      } else if (spec.has("jwt") && request.credential() == SyntheticRequest.Credential.OIDC
          && spec.path("jwt").path("issuerUrl").asText().equals(request.identity().get("iss"))) {
        accepting.add(rule.getKey());
      } else if (spec.has("kubernetesTokenReview") && request.credential() == SyntheticRequest.Credential.KUBERNETES) {
        accepting.add(rule.getKey());
      }
    }
    String who = auth.identity();
    if (accepting.isEmpty() && !anonymous) {
      return new Verdict(who, auth.file(), List.of(), false, false,
          "no authentication rule of " + who + " accepts " + credentialName(request), requestLimits, tokenLimits);
    }
    CelVariables identified = CelVariables.of(identified(rules, accepting, request));
    for (Map.Entry<String, JsonNode> rule : entries(rules.path("authorization"))) {
      JsonNode spec = rule.getValue();
      if (!allHold(spec.path("when"), identified)) {
        continue;
      }
      if (!authorizes(spec, identified)) {
        return new Verdict(who, auth.file(), accepting, anonymous, false,
            who + " denies it (rule " + rule.getKey() + ")", requestLimits, tokenLimits);
      }
    }
    return new Verdict(who, auth.file(), accepting, anonymous, true, null, requestLimits, tokenLimits);
  }

  private static String credentialName(SyntheticRequest request) {
    return switch (request.credential()) {
      case MAAS_TOKEN -> "a token of the token service";
      case OIDC -> "a token of the OIDC issuer " + request.identity().get("iss");
      case KUBERNETES -> "a Kubernetes token";
    };
  }

  /** The HTTPRoute match with the longest path that the request's path meets, or {@code null}. */
  private RouteMatch route(String urlPath) {
    return remembered(routeOfPath, urlPath, this::longestMatch).orElse(null);
  }

  private Optional<RouteMatch> longestMatch(String urlPath) {
    return routes.stream().filter(r -> r.matches(urlPath))
        .max(Comparator.comparingInt((RouteMatch r) -> "Exact".equals(r.type()) ? Integer.MAX_VALUE : r.value().length()));
  }

  /** The policy of {@code kind} targeting the route, else the one targeting the Gateway (Kuadrant's precedence). */
  private GatewayObjects.Located policyFor(String kind, RouteMatch route) {
    List<GatewayObjects.Located> policies = objects.ofKind(kind);
    if (route != null) {
      for (GatewayObjects.Located p : policies) {
        JsonNode target = p.body().path("spec").path("targetRef");
        if ("HTTPRoute".equals(target.path("kind").asText()) && route.route().equals(target.path("name").asText())
            && Objects.equals(route.namespace(), p.namespace())) {
          return p;
        }
      }
    }
    for (GatewayObjects.Located p : policies) {
      if ("Gateway".equals(p.body().path("spec").path("targetRef").path("kind").asText())) {
        return p;
      }
    }
    return null;
  }

  /** Where a policy keeps its rules: {@code spec}, or its {@code defaults} or {@code overrides} block. */
  private static JsonNode section(JsonNode policy) {
    JsonNode spec = policy.path("spec");
    if (spec.path("overrides").isObject()) {
      return spec.path("overrides");
    }
    return spec.path("defaults").isObject() ? spec.path("defaults") : spec;
  }

  /**
   * The limits of {@code policy} whose predicates hold with {@code vars}; {@code otherUser} are the variables of
   * the same request by another user of the tier, to tell counters per user from shared ones.
   */
  private List<LimitMatch> limits(GatewayObjects.Located policy, CelVariables vars, CelVariables otherUser) {
    List<LimitMatch> out = new ArrayList<>();
    if (policy == null) {
      return out;
    }
    JsonNode section = section(policy.body());
    if (!allHold(section.path("when"), vars)) {
      return out;
    }
    for (Map.Entry<String, JsonNode> limit : entries(section.path("limits"))) {
      JsonNode spec = limit.getValue();
      if (!allHold(spec.path("when"), vars)) {
        continue;
      }
      List<LimitMatch.RateValue> rates = new ArrayList<>();
      for (JsonNode rate : spec.path("rates")) {
        String window = rate.path("window").asText();
        long millis = remembered(windowMillis, window, w -> Window.isValid(w) ? Window.parse(w).millis() : -1L);
        rates.add(new LimitMatch.RateValue(rate.path("limit").asLong(), window, millis));
      }
      List<String> counters = new ArrayList<>();
      boolean perUser = false;
      for (JsonNode counter : spec.path("counters")) {
        String expression = counter.path("expression").asText();
        counters.add(expression);
        Object mine = value(expression, vars);
        Object theirs = value(expression, otherUser);
        perUser |= mine != FAILED && theirs != FAILED && !Objects.equals(mine, theirs);
      }
      out.add(new LimitMatch(policy.identity(), policy.file(), limit.getKey(), rates, counters, perUser));
    }
    return out;
  }

  /** The same request made by another user of the same tier (every claim naming the user names another). */
  private static SyntheticRequest otherUser(SyntheticRequest request) {
    Map<String, Object> identity = new LinkedHashMap<>(request.identity());
    Object sub = identity.get("sub");
    identity.replaceAll((k, v) -> v instanceof String s && (k.equals("sub") || s.equals(sub)) ? s + "-other" : v);
    if (identity.get("user") instanceof Map<?, ?> user) {
      Map<Object, Object> copy = new LinkedHashMap<>(user);
      copy.put("username", String.valueOf(user.get("username")) + "-other");
      identity.put("user", copy);
    }
    return new SyntheticRequest(request.method(), request.path(), request.headers(), request.credential(), identity);
  }

  private boolean authorizes(JsonNode rule, CelVariables vars) {
    if (!rule.has("patternMatching")) {
      // OPA, SubjectAccessReview, SpiceDB: outside what the proof can evaluate; counted as refusing.
      return false;
    }
    for (JsonNode pattern : rule.path("patternMatching").path("patterns")) {
      if (!holds(pattern, vars)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a pattern holds: a predicate, or Authorino's {@code any} (one of its patterns holds) and {@code all}
   * (each holds). Selector patterns and references are outside what the proof evaluates and count as refusing.
   */
  private boolean holds(JsonNode pattern, CelVariables vars) {
    if (pattern.has("predicate")) {
      // Access patterns are asked about the same path once per tier: their request-only parts (a range of model
      // paths) are worth remembering.
      return Boolean.TRUE.equals(value(pattern.path("predicate").asText(), vars, true));
    }
    if (pattern.path("any").isArray()) {
      for (JsonNode part : pattern.path("any")) {
        if (holds(part, vars)) {
          return true;
        }
      }
      return false;
    }
    if (pattern.path("all").isArray() && !pattern.path("all").isEmpty()) {
      for (JsonNode part : pattern.path("all")) {
        if (!holds(part, vars)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private boolean allHold(JsonNode when, CelVariables vars) {
    for (JsonNode condition : when) {
      if (!condition.has("predicate") || !test(condition.path("predicate").asText(), vars)) {
        return false;
      }
    }
    return true;
  }

  /** A predicate's value; one that does not compile or evaluate counts as false, as Authorino denies then. */
  private boolean test(String expression, CelVariables vars) {
    return Boolean.TRUE.equals(value(expression, vars, false));
  }

  private Object value(String expression, CelVariables vars) {
    return value(expression, vars, false);
  }

  /**
   * An expression's value, remembered where the same attributes come back.
   *
   * @param askedPerTier whether every tier asks it about the same request, so that a value that reads only the
   *     request is worth remembering (a limit's request-only predicates are reached by their own tier only)
   */
  private Object value(String expression, CelVariables vars, boolean askedPerTier) {
    Object program = remembered(compiled, expression, e -> {
      try {
        return Predicate.of(CEL.compile(e));
      } catch (CelFailure failure) {
        return FAILED;
      }
    });
    if (!(program instanceof Predicate predicate)) {
      return FAILED;
    }
    if (predicate.all() == null || (!predicate.readsIdentity() && !askedPerTier)) {
      return evaluate(predicate.cel(), vars);
    }
    if (predicate.request().isEmpty() || !predicate.readsIdentity()) {
      // Tier and user predicates (twenty tiers, thousands of requests), and request-only ones asked per tier.
      return remembered(predicate.byAttributes(), predicate.key(predicate.all(), vars),
          k -> evaluate(predicate.cel(), vars));
    }
    // With no auth at all, a value (rather than an unknown) means the request's attributes alone decide it: CEL's
    // && and || decide without an operand when the other one does. A model's access predicate is so found false
    // for every path of another model, once per path rather than once per tier.
    Object alone = remembered(predicate.byRequestAlone(), predicate.key(predicate.request(), vars), k -> {
      Object value = evaluate(predicate.cel(), vars.only(Set.of("request")));
      return value == FAILED ? DEPENDS_ON_IDENTITY : value;
    });
    return alone != DEPENDS_ON_IDENTITY ? alone : evaluate(predicate.cel(), vars);
  }

  /**
   * The value remembered for {@code key}, computed on first use. A plain read first: the maps are read far more
   * often than written, and {@code computeIfAbsent} locks a bin whose first entry is another key.
   */
  private static <K, V> V remembered(Map<K, V> map, K key, java.util.function.Function<K, V> compute) {
    V value = map.get(key);
    return value != null ? value : map.computeIfAbsent(key, compute);
  }

  private static Object evaluate(CelExpression cel, CelVariables vars) {
    try {
      Object value = cel.evaluate(vars);
      return value == null ? FAILED : value;
    } catch (CelFailure failure) {
      return FAILED;
    }
  }

  /**
   * A compiled expression, the attributes it reads (sorted; {@code all} is {@code null} when they cannot be told)
   * and the values it was found to have for them.
   *
   * @param request the attributes under {@code request}
   * @param all every attribute
   * @param readsIdentity whether it reads anything under {@code auth}
   * @param byAttributes its value by the values of all its attributes
   * @param byRequestAlone its value with no {@code auth}, by the values of its request attributes
   */
  private record Predicate(CelExpression cel, List<List<String>> request, List<List<String>> all,
      boolean readsIdentity, Map<Object, Object> byAttributes, Map<Object, Object> byRequestAlone) {

    static Predicate of(CelExpression cel) {
      if (cel.reads().isEmpty()) {
        return new Predicate(cel, null, null, true, Map.of(), Map.of());
      }
      List<List<String>> all = cel.reads().get().stream().sorted(Comparator.comparing(Object::toString)).toList();
      List<List<String>> request = all.stream().filter(c -> c.get(0).equals("request")).toList();
      return new Predicate(cel, request, all, request.size() < all.size(), new ConcurrentHashMap<>(),
          new ConcurrentHashMap<>());
    }

    /** The values of {@code chains} in {@code vars}: the one value itself when there is one, else a list. */
    Object key(List<List<String>> chains, CelVariables vars) {
      if (chains.size() == 1) {
        return vars.attribute(chains.get(0));
      }
      List<Object> values = new ArrayList<>(chains.size());
      for (List<String> chain : chains) {
        values.add(vars.attribute(chain));
      }
      return values;
    }
  }

  private static Iterable<Map.Entry<String, JsonNode>> entries(JsonNode object) {
    return object::fields;
  }
}
