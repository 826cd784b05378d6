package dev.maas.check.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.cel.CelEngine;
import dev.maas.cel.CelVariables;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Decides what the gateway does with a request by evaluating the rendered policies' CEL the way
 * Kuadrant does: the AuthPolicy of the request's HTTPRoute, else the Gateway's; every limit of the
 * applicable RateLimitPolicy and TokenRateLimitPolicy whose predicates all hold. It reads only the
 * rendered objects.
 */
public final class PolicyEvaluator {

  /** The engine of every expression of the policies; {@link CelAhead} compiles with it too. */
  static final CelEngine CEL = CelEngine.withVariables("request", "auth");

  /** The kinds of object the evaluator reads; it needs no other. */
  static final Set<String> KINDS =
      Set.of(
          "HTTPRoute",
          "AuthPolicy",
          "RateLimitPolicy",
          "TokenRateLimitPolicy",
          "Gateway",
          "Service",
          "LLMInferenceService",
          "InferenceService",
          "ScaledObject",
          "ServiceAccount",
          "PodMonitor",
          "NetworkPolicy");

  private final String issuer;
  private final List<RouteMatch> routes;
  private final Forwarding forwarding;
  // Every tier asks for the same model paths; the route of a path is looked up once, not once per
  // tier.
  private final Map<String, Optional<RouteMatch>> routeOfPath = new ConcurrentHashMap<>();
  // The policies that apply to each route (and to paths no route matches), read once from the
  // objects.
  private final Map<RouteMatch, Applicable> byRoute = new HashMap<>();
  private final Applicable withoutRoute;

  /**
   * A path match of an HTTPRoute attached to a public Gateway.
   *
   * @param method the method the match requires, or {@code null} for any
   * @param backend {@code namespace/name} of the rule's first backend Service, or {@code null}
   * @param served {@code Kind namespace/name} of what serves the route when no Service of the
   *     output says it (KServe's own route of an LLMInferenceService), else {@code null}
   * @param prefix for a prefix match, the value without a trailing slash
   */
  private record RouteMatch(
      String route,
      String namespace,
      String type,
      String value,
      String method,
      String backend,
      String served,
      String prefix) {

    RouteMatch(
        String route,
        String namespace,
        String type,
        String value,
        String method,
        String backend,
        String served) {
      this(
          route,
          namespace,
          type,
          value,
          method,
          backend,
          served,
          value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
    }

    boolean matches(String requestMethod, String urlPath) {
      if (method != null && !method.equals(requestMethod)) {
        return false;
      }
      if ("Exact".equals(type)) {
        return urlPath.equals(value);
      }
      return prefix.isEmpty()
          || (urlPath.startsWith(prefix)
              && (urlPath.length() == prefix.length() || urlPath.charAt(prefix.length()) == '/'));
    }

    /** {@code namespace/name}: the Limitador namespace of every limit counted on this route. */
    String scope() {
      return namespace + "/" + route;
    }
  }

  /**
   * The policies Kuadrant applies to a route, each {@code null} when none does.
   *
   * @param auth the AuthPolicy
   * @param requestLimits the RateLimitPolicy
   * @param tokenLimits the TokenRateLimitPolicy
   */
  private record Applicable(AuthForm auth, LimitForm requestLimits, LimitForm tokenLimits) {}

  /**
   * The request's variables once an authentication rule proved who makes it.
   *
   * @param map as plain maps, for selectors and the success filters' output
   * @param vars the same, converted for CEL
   */
  private record Identified(Map<String, Object> map, CelVariables vars) {}

  /**
   * Authentication and authorization of a request.
   *
   * @param verdict the verdict, without limits yet
   * @param accepting the accepting authentication rules
   * @param identified the variables the first accepting rule proves, or {@code null} when none
   *     authenticates
   */
  private record Decision(
      Verdict verdict, List<AuthForm.Authentication> accepting, Identified identified) {}

  /**
   * @param objects the rendered objects
   * @param issuer the issuer whose JWTs callers present ({@code null}: any JWT rule accepts them)
   */
  public PolicyEvaluator(GatewayObjects objects, String issuer) {
    this(objects, issuer, null);
  }

  /**
   * @param objects the rendered objects
   * @param issuer the issuer whose JWTs callers present ({@code null}: any JWT rule accepts them)
   * @param ahead predicates compiled while the objects were rendered, or {@code null}
   */
  PolicyEvaluator(GatewayObjects objects, String issuer, CelAhead ahead) {
    this.issuer = issuer;
    this.forwarding = new Forwarding(objects);
    Set<String> entries = publicGateways(objects);
    List<RouteMatch> found = new ArrayList<>();
    for (GatewayObjects.Located route : objects.ofKind("HTTPRoute")) {
      if (!attachedTo(route, entries)) {
        continue;
      }
      for (JsonNode rule : route.body().path("spec").path("rules")) {
        JsonNode ref = rule.path("backendRefs").path(0);
        String backend =
            ref.isMissingNode()
                ? null
                : ref.path("namespace").asText(route.namespace()) + "/" + ref.path("name").asText();
        for (JsonNode match : rule.path("matches")) {
          JsonNode path = match.path("path");
          found.add(
              new RouteMatch(
                  route.name(),
                  route.namespace(),
                  path.path("type").asText("PathPrefix"),
                  path.path("value").asText("/"),
                  match.path("method").isTextual() ? match.path("method").asText() : null,
                  backend,
                  null));
        }
      }
    }
    // KServe's own route of an LLMInferenceService attached to a public Gateway:
    // `<name>-kserve-route` in the
    // service's namespace, every rule under `/<namespace>/<name>` to its workload (see Forwarding).
    for (GatewayObjects.Located llm : objects.ofKind("LLMInferenceService")) {
      JsonNode router = llm.body().path("spec").path("router");
      if (!router.has("route") || router.path("route").path("http").has("refs")) {
        continue;
      }
      boolean attached = false;
      for (JsonNode ref : router.path("gateway").path("refs")) {
        attached |=
            entries == null
                || entries.contains(
                    ref.path("namespace").asText(llm.namespace())
                        + "/"
                        + ref.path("name").asText());
      }
      if (attached) {
        found.add(
            new RouteMatch(
                llm.name() + "-kserve-route",
                llm.namespace(),
                "PathPrefix",
                "/" + llm.namespace() + "/" + llm.name(),
                null,
                null,
                "LLMInferenceService " + llm.namespace() + "/" + llm.name()));
      }
    }
    this.routes = List.copyOf(found);
    // Each policy and each distinct expression is read once, however many routes share it.
    Map<String, Expr> expressions = new HashMap<>();
    Map<String, Expr> operands = new ConcurrentHashMap<>();
    Function<String, Expr> expression =
        source -> expressions.computeIfAbsent(source, e -> new Expr(e, CEL, operands));
    Map<GatewayObjects.Located, Object> forms = new IdentityHashMap<>();
    Function<GatewayObjects.Located, AuthForm> auth =
        p ->
            p == null ? null : (AuthForm) forms.computeIfAbsent(p, q -> AuthForm.of(q, expression));
    Function<GatewayObjects.Located, LimitForm> limits =
        p ->
            p == null
                ? null
                : (LimitForm) forms.computeIfAbsent(p, q -> LimitForm.of(q, expression));
    for (RouteMatch route : routes) {
      byRoute.putIfAbsent(
          route,
          new Applicable(
              auth.apply(policyFor(objects, "AuthPolicy", route)),
              limits.apply(policyFor(objects, "RateLimitPolicy", route)),
              limits.apply(policyFor(objects, "TokenRateLimitPolicy", route))));
    }
    this.withoutRoute =
        new Applicable(
            auth.apply(policyFor(objects, "AuthPolicy", null)),
            limits.apply(policyFor(objects, "RateLimitPolicy", null)),
            limits.apply(policyFor(objects, "TokenRateLimitPolicy", null)));
    Expr.compileAll(
        CEL, List.copyOf(expressions.values()), ahead == null ? Map.of() : ahead.finish());
  }

  /**
   * The Gateways clients call: those with an HTTPS listener (a Gateway that only an internal
   * Service fronts is reached through them), or every Gateway when none has one; {@code null} when
   * the output has no Gateway.
   */
  private static Set<String> publicGateways(GatewayObjects objects) {
    Set<String> all = new java.util.HashSet<>();
    Set<String> https = new java.util.HashSet<>();
    for (GatewayObjects.Located gateway : objects.ofKind("Gateway")) {
      all.add(gateway.namespace() + "/" + gateway.name());
      for (JsonNode listener : gateway.body().path("spec").path("listeners")) {
        if ("HTTPS".equals(listener.path("protocol").asText())) {
          https.add(gateway.namespace() + "/" + gateway.name());
        }
      }
    }
    return all.isEmpty() ? null : https.isEmpty() ? all : https;
  }

  private static boolean attachedTo(GatewayObjects.Located route, Set<String> gateways) {
    if (gateways == null) {
      return true;
    }
    for (JsonNode parent : route.body().path("spec").path("parentRefs")) {
      if (gateways.contains(
          parent.path("namespace").asText(route.namespace())
              + "/"
              + parent.path("name").asText())) {
        return true;
      }
    }
    return false;
  }

  /**
   * What the gateway does with {@code request}. The limits see only what the AuthPolicy's success
   * filters pass on ({@code auth.identity.userid} is the {@code identity} filter's property), never
   * the token's claims.
   */
  public Verdict evaluate(SyntheticRequest request) {
    return evaluate(request, false);
  }

  /**
   * What the gateway does with {@code request}, where only whether it is let through, and where to,
   * matters: a refused request's verdict names no limit that runs after the auth action, as none
   * sees it, which saves evaluating them (most requests the proof makes are refused ones). The
   * access matrix keeps what would count a refused call once allowed, and asks {@link #evaluate}.
   */
  Verdict admission(SyntheticRequest request) {
    return evaluate(request, true);
  }

  private Verdict evaluate(SyntheticRequest request, boolean refusedUncounted) {
    RouteMatch route = route(request.method(), request.urlPath());
    Applicable applicable = route == null ? withoutRoute : byRoute.get(route);
    Map<String, Object> requestVars = request.variables();
    CelVariables vars = CelVariables.of(requestVars);
    Decision decision = authorize(applicable.auth(), request, requestVars, vars);
    Verdict decided = decision.verdict();
    if (refusedUncounted
        && !decided.authorized()
        && afterAuth(applicable.requestLimits())
        && afterAuth(applicable.tokenLimits())) {
      // A limit policy that reads auth.* runs after the auth action (kuadrant-operator v1.5.2
      // internal/controller/istio_extension_reconciler.go, hasAuthAccess), and a denied request
      // ends at the auth action: no such limit sees it.
      return new Verdict(
          decided.authPolicy(),
          decided.authPolicyFile(),
          decided.authentication(),
          decided.anonymous(),
          false,
          decided.denial(),
          List.of(),
          List.of(),
          route == null ? null : route.scope(),
          destination(route, request));
    }
    AuthorinoIdentity.Passed mine =
        decision.identified() == null
            ? AuthorinoIdentity.Passed.NONE
            : passedOn(applicable.auth(), decision.identified());
    CelVariables limitVars = CelVariables.of(mine.limitVariables(requestVars));
    // Another user's variables are needed only where a matching limit has counters: found then, and
    // once.
    Supplier<CelVariables> otherVars =
        new Supplier<>() {
          private CelVariables found;

          @Override
          public CelVariables get() {
            if (found == null) {
              AuthorinoIdentity.Passed theirs =
                  decision.identified() == null
                      ? AuthorinoIdentity.Passed.NONE
                      : passedOn(
                          applicable.auth(),
                          identifiedAlike(
                              decision.accepting(), otherUser(request), requestVars, vars));
              found = CelVariables.of(theirs.limitVariables(requestVars));
            }
            return found;
          }
        };
    // Kuadrant counts a limit in the Limitador namespace of the route it applies to: one set of
    // counters per route.
    String scope = route == null ? "" : route.scope();
    List<LimitMatch> requestLimits =
        applicable.requestLimits() == null
            ? List.of()
            : scoped(applicable.requestLimits().matching(limitVars, otherVars), scope);
    List<LimitMatch> tokenLimits =
        applicable.tokenLimits() == null
            ? List.of()
            : scoped(applicable.tokenLimits().matching(limitVars, otherVars), scope);
    String destination = destination(route, request);
    boolean authorized = decided.authorized() && mine.failure() == null;
    String denial =
        decided.authorized() && mine.failure() != null
            ? decided.authPolicy() + " fails: " + mine.failure()
            : decided.denial();
    return new Verdict(
        decided.authPolicy(),
        decided.authPolicyFile(),
        decided.authentication(),
        decided.anonymous(),
        authorized,
        denial,
        requestLimits,
        tokenLimits,
        route == null ? null : route.scope(),
        destination);
  }

  /** Whether {@code limits} is absent or runs after the auth action. */
  private static boolean afterAuth(LimitForm limits) {
    return limits == null || limits.readsAuth();
  }

  /** What answers {@code request} once {@code route} takes it, or {@code null}. */
  private String destination(RouteMatch route, SyntheticRequest request) {
    return route == null
        ? null
        : route.served() != null
            ? route.served()
            : route.backend() == null
                ? null
                : forwarding.destination(route.backend(), request.urlPath());
  }

  private static List<LimitMatch> scoped(List<LimitMatch> limits, String scope) {
    if (limits.isEmpty()) {
      return limits;
    }
    List<LimitMatch> out = new ArrayList<>(limits.size());
    limits.forEach(l -> out.add(l.in(scope)));
    return out;
  }

  /**
   * What Authorino passes on once a rule authenticated the request: the success filters of {@code
   * auth} over the identity the first accepting rule proves (an anonymous rule proves the request's
   * identity as is).
   */
  private static AuthorinoIdentity.Passed passedOn(AuthForm auth, Identified identified) {
    return AuthorinoIdentity.successFilters(
        auth.filters(),
        identified.map(),
        e -> resolved(e, identified.vars()),
        when -> when.hold(identified.vars()));
  }

  /**
   * {@link #identified} for {@code request}, which differs from the request of {@code
   * sameRequestVars} by its identity only: the converted request is shared.
   */
  private static Identified identifiedAlike(
      List<AuthForm.Authentication> accepting,
      SyntheticRequest request,
      Map<String, Object> sameRequestVars,
      CelVariables sameRequest) {
    Map<String, Object> requestVars = withIdentity(sameRequestVars, request.identity());
    return identified(
        accepting, request, requestVars, sameRequest.with("auth", requestVars.get("auth")));
  }

  /**
   * The request's variables with the identity the first accepting non-anonymous rule proves,
   * extended by its {@code defaults} and {@code overrides}; an anonymous rule proves the request's
   * identity as it is.
   */
  private static Identified identified(
      List<AuthForm.Authentication> accepting,
      SyntheticRequest request,
      Map<String, Object> requestVars,
      CelVariables vars) {
    for (AuthForm.Authentication rule : accepting) {
      if (rule.anonymous()) {
        continue;
      }
      Map<String, Object> proven = requestVars;
      CelVariables provenVars = vars;
      if (rule.jwt()
          && request.credential() == SyntheticRequest.Credential.MAAS_TOKEN
          && "".equals(request.identity().get("iss"))) {
        // A synthetic platform token names no issuer; the jwt rule that verified it proves its iss
        // claim.
        Map<String, Object> identity = new LinkedHashMap<>(request.identity());
        identity.put("iss", rule.issuerUrl());
        proven = withIdentity(requestVars, Collections.unmodifiableMap(identity));
        // Only the identity differs from the request's variables: the converted request is shared.
        provenVars = vars.with("auth", proven.get("auth"));
      }
      if (rule.plain() != null) {
        Object plain = rule.plain().value(vars);
        if (!(plain instanceof Map<?, ?> object)) {
          continue;
        }
        Map<String, Object> identity = new LinkedHashMap<>();
        object.forEach((k, v) -> identity.put(String.valueOf(k), v));
        proven = withIdentity(requestVars, Collections.unmodifiableMap(identity));
        provenVars = vars.with("auth", proven.get("auth"));
      }
      CelVariables unextended = provenVars;
      Map<String, Object> extended =
          AuthorinoIdentity.authenticated(
              rule.defaults(), rule.overrides(), proven, e -> resolved(e, unextended));
      return new Identified(
          extended,
          extended == proven ? provenVars : provenVars.with("auth", extended.get("auth")));
    }
    return new Identified(requestVars, vars);
  }

  /**
   * {@code requestVars} with {@code auth.identity} replaced, as the variables of the same request
   * by that identity.
   */
  private static Map<String, Object> withIdentity(
      Map<String, Object> requestVars, Map<String, Object> identity) {
    @SuppressWarnings("unchecked")
    Map<String, Object> auth = new LinkedHashMap<>((Map<String, Object>) requestVars.get("auth"));
    auth.put("identity", identity);
    Map<String, Object> vars = new LinkedHashMap<>(requestVars);
    vars.put("auth", auth);
    return vars;
  }

  /** An expression's value for {@link AuthorinoIdentity}. */
  private static Object resolved(Expr expression, CelVariables vars) {
    Object value = expression.value(vars);
    return value == Expr.FAILED ? AuthorinoIdentity.UNRESOLVED : value;
  }

  /**
   * Authentication and authorization of {@code request} by {@code auth}; the verdict has no limits
   * yet.
   */
  private Decision authorize(
      AuthForm auth, SyntheticRequest request, Map<String, Object> requestVars, CelVariables vars) {
    List<LimitMatch> requestLimits = List.of();
    List<LimitMatch> tokenLimits = List.of();
    if (auth == null || !auth.when().hold(vars)) {
      return new Decision(
          new Verdict(
              null, null, List.of(), false, true, null, requestLimits, tokenLimits, null, null),
          List.of(),
          null);
    }
    List<AuthForm.Authentication> accepting = new ArrayList<>();
    boolean anonymous = auth.noAuthentication();
    for (AuthForm.Authentication rule : auth.authentication()) {
      if (!rule.when().hold(vars)) {
        continue;
      }
      if (rule.anonymous()) {
        anonymous = true;
        accepting.add(rule);
      } else if (rule.jwt()
          && request.credential() == SyntheticRequest.Credential.MAAS_TOKEN
          && (issuer == null || issuer.equals(rule.issuerUrl()))) {
        accepting.add(rule);
      } else if (rule.jwt()
          && request.credential() == SyntheticRequest.Credential.OIDC
          && rule.issuerUrl().equals(request.identity().get("iss"))) {
        accepting.add(rule);
      } else if (rule.tokenReview()
          && request.credential() == SyntheticRequest.Credential.KUBERNETES) {
        accepting.add(rule);
      } else if (rule.plain() != null
          && request.credential() == SyntheticRequest.Credential.API_KEY) {
        // A plain identity proves whatever its expression gives; its conditions (the key's prefix)
        // held above.
        accepting.add(rule);
      }
    }
    String who = auth.identity();
    if (accepting.isEmpty() && !anonymous) {
      return new Decision(
          new Verdict(
              who,
              auth.file(),
              List.of(),
              false,
              false,
              "no authentication rule of " + who + " accepts " + credentialName(request),
              requestLimits,
              tokenLimits,
              null,
              null),
          accepting,
          null);
    }
    List<String> names = accepting.stream().map(AuthForm.Authentication::name).toList();
    Identified identified = identified(accepting, request, requestVars, vars);
    for (AuthForm.Authorization rule : auth.authorization()) {
      if (!rule.when().hold(identified.vars())) {
        continue;
      }
      if (rule.patterns() == null || !rule.patterns().hold(identified.vars())) {
        // A rule the proof cannot evaluate (OPA, SubjectAccessReview, SpiceDB) counts as refusing.
        return new Decision(
            new Verdict(
                who,
                auth.file(),
                names,
                anonymous,
                false,
                who + " denies it (rule " + rule.name() + ")",
                requestLimits,
                tokenLimits,
                null,
                null),
            accepting,
            identified);
      }
    }
    return new Decision(
        new Verdict(
            who, auth.file(), names, anonymous, true, null, requestLimits, tokenLimits, null, null),
        accepting,
        identified);
  }

  private static String credentialName(SyntheticRequest request) {
    return switch (request.credential()) {
      case MAAS_TOKEN -> "a token of the token service";
      case OIDC -> "a token of the OIDC issuer " + request.identity().get("iss");
      case KUBERNETES -> "a Kubernetes token";
      case API_KEY -> "an API key of the token service";
    };
  }

  /**
   * The HTTPRoute match with the longest path that the request's method and path meet, or {@code
   * null}.
   */
  private RouteMatch route(String method, String urlPath) {
    String key = method + " " + urlPath;
    Optional<RouteMatch> found = routeOfPath.get(key);
    if (found == null) {
      found = longestMatch(method, urlPath);
      routeOfPath.putIfAbsent(key, found);
    }
    return found.orElse(null);
  }

  private Optional<RouteMatch> longestMatch(String method, String urlPath) {
    return routes.stream()
        .filter(r -> r.matches(method, urlPath))
        .max(
            Comparator.comparingInt(
                (RouteMatch r) ->
                    "Exact".equals(r.type()) ? Integer.MAX_VALUE : r.value().length()));
  }

  /**
   * The policy of {@code kind} targeting the route, else the one targeting the Gateway (Kuadrant's
   * precedence: a Gateway's policy whose defaults are atomic gives way to any of the route's).
   * Several policies on one target whose defaults all say {@code strategy: merge} act as one that
   * holds every rule of each, one of each name (kuadrant-operator v1.5.2 {@code
   * api/v1/merge_strategies.go}, {@code PoliciesInPath} and {@code
   * PolicyRuleDefaultsMergeStrategy}); which of two rules of one name wins depends on the objects'
   * creation times, which the output does not set, so the merged policy keeps the first by name.
   */
  private static GatewayObjects.Located policyFor(
      GatewayObjects objects, String kind, RouteMatch route) {
    List<GatewayObjects.Located> policies = objects.ofKind(kind);
    if (route != null) {
      List<GatewayObjects.Located> onRoute = new ArrayList<>();
      for (GatewayObjects.Located p : policies) {
        JsonNode target = p.body().path("spec").path("targetRef");
        if ("HTTPRoute".equals(target.path("kind").asText())
            && route.route().equals(target.path("name").asText())
            && Objects.equals(route.namespace(), p.namespace())) {
          onRoute.add(p);
        }
      }
      if (!onRoute.isEmpty()) {
        return merged(onRoute);
      }
    }
    for (GatewayObjects.Located p : policies) {
      if ("Gateway".equals(p.body().path("spec").path("targetRef").path("kind").asText())) {
        return p;
      }
    }
    return null;
  }

  /**
   * {@code policies}, all on one target, as Kuadrant applies them: the first alone unless each
   * merges its rules, else one policy holding the rules of all (in name order, the first of a name
   * kept).
   */
  static GatewayObjects.Located merged(List<GatewayObjects.Located> policies) {
    if (policies.size() == 1 || !policies.stream().allMatch(PolicyEvaluator::mergesRules)) {
      return policies.get(0);
    }
    List<GatewayObjects.Located> sorted = new ArrayList<>(policies);
    sorted.sort(Comparator.comparing(GatewayObjects.Located::name));
    ObjectNode body = (ObjectNode) sorted.get(0).body().deepCopy();
    ObjectNode rules = child(child(child(body, "spec"), "defaults"), "rules");
    for (GatewayObjects.Located other : sorted.subList(1, sorted.size())) {
      for (Map.Entry<String, JsonNode> section :
          AuthForm.entries(other.body().path("spec").path("defaults").path("rules"))) {
        if (!section.getValue().isObject() || "response".equals(section.getKey())) {
          // Response rules merge by name too; the proof reads only the success filters, below.
          continue;
        }
        ObjectNode target = child(rules, section.getKey());
        for (Map.Entry<String, JsonNode> rule : AuthForm.entries(section.getValue())) {
          if (!target.has(rule.getKey())) {
            target.set(rule.getKey(), rule.getValue());
          }
        }
      }
      JsonNode filters =
          other
              .body()
              .path("spec")
              .path("defaults")
              .path("rules")
              .path("response")
              .path("success")
              .path("filters");
      if (filters.isObject()) {
        ObjectNode into = child(child(child(rules, "response"), "success"), "filters");
        for (Map.Entry<String, JsonNode> filter : AuthForm.entries(filters)) {
          if (!into.has(filter.getKey())) {
            into.set(filter.getKey(), filter.getValue());
          }
        }
      }
    }
    return new GatewayObjects.Located(sorted.get(0).file(), body);
  }

  /** {@code parent}'s object {@code name}, made when it has none. */
  private static ObjectNode child(ObjectNode parent, String name) {
    JsonNode node = parent.get(name);
    return node instanceof ObjectNode object ? object : parent.putObject(name);
  }

  /** Whether a policy's defaults merge rule by rule ({@code strategy: merge}). */
  private static boolean mergesRules(GatewayObjects.Located policy) {
    JsonNode spec = policy.body().path("spec");
    return !spec.has("overrides")
        && spec.path("defaults").isObject()
        && "merge".equals(spec.path("defaults").path("strategy").asText());
  }

  /**
   * The same request made by another user of the same tier (every claim naming the user names
   * another).
   */
  private static SyntheticRequest otherUser(SyntheticRequest request) {
    Map<String, Object> identity = new LinkedHashMap<>(request.identity());
    Object sub = identity.get("sub");
    identity.replaceAll(
        (k, v) -> v instanceof String s && (k.equals("sub") || s.equals(sub)) ? s + "-other" : v);
    if (identity.get("user") instanceof Map<?, ?> user) {
      Map<Object, Object> copy = new LinkedHashMap<>(user);
      copy.put("username", String.valueOf(user.get("username")) + "-other");
      identity.put("user", copy);
    }
    Map<String, Object> metadata = new LinkedHashMap<>(request.metadata());
    if (metadata.get("apikey") instanceof Map<?, ?> answer && answer.containsKey("user")) {
      Map<Object, Object> copy = new LinkedHashMap<>(answer);
      copy.put("user", answer.get("user") + "-other");
      metadata.put("apikey", copy);
    }
    return new SyntheticRequest(
        request.method(),
        request.path(),
        request.headers(),
        request.credential(),
        identity,
        metadata);
  }
}
