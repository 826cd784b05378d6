package dev.maas.render.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.cel.CelStrings;
import dev.maas.model.AccessLogs;
import dev.maas.model.MeteredEndpoints;
import dev.maas.model.Model;
import dev.maas.model.ModelRouting;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.render.EnvironmentInvariant;
import dev.maas.render.Generator;
import dev.maas.render.KubeObject;
import dev.maas.render.Manifests;
import dev.maas.render.tokenservice.TokenServiceEndpoints;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Generates the gateway-level AuthPolicy: only credentials of the platform's token service pass
 * (its JWTs, and its API keys, which the service resolves by hash), revoked ones are refused, and a
 * request is allowed only when it is a metered endpoint ({@link dev.maas.model.MeteredEndpoints})
 * of a model the caller's tier may call, or the model listing; every other path, a model's metrics
 * or tokenizer among them, is denied.
 */
@EnvironmentInvariant(
    reads = "the gateway, the tiers, model names and namespaces, and the access logs' settings")
public final class AuthPolicyGenerator implements Generator {

  /** Longest time a revocation answer is trusted, in seconds. */
  public static final int REVOCATION_CACHE_TTL = 30;

  /** The prefix of the service's API keys in the Authorization header; a JWT never starts so. */
  public static final String API_KEY_BEARER_PREFIX = "Bearer maas_";

  /**
   * The identity an API key authenticates before the service resolves it: a marker, never the key.
   */
  static final String API_KEY_MARKER = "auth.identity.maas_api_key";

  /** The service's answer about the presented API key. */
  static final String API_KEY_METADATA = "auth.metadata.apikey";

  /**
   * The caller's tier for both credential kinds: the key's tier once resolved, else the JWT's
   * claim.
   */
  public static final String CALLER_TIER =
      "(has(" + API_KEY_MARKER + ") ? " + API_KEY_METADATA + ".tier : " + Predicates.TIER + ")";

  /** The caller's user id for both credential kinds: the key's owner, else the JWT's subject. */
  static final String CALLER_USER =
      "has(" + API_KEY_MARKER + ") ? " + API_KEY_METADATA + ".user : auth.identity.sub";

  /** How long the issuer's discovery document is cached, in seconds. */
  static final int DISCOVERY_TTL = 300;

  /**
   * Longest tier-access predicate written as one expression, in characters. CEL refuses expressions
   * longer than 100,000 code points (cel-go in Authorino and dev.cel alike), and a platform of a
   * thousand models needs about twice that; above this size the predicate becomes a tree of small
   * ones.
   */
  static final int PREDICATE_BUDGET = 30_000;

  /**
   * Most models in one leaf of the tree: a request is checked against the alternatives of one leaf.
   */
  static final int MODELS_PER_LEAF = 16;

  /**
   * Most branches under one node of the tree: a request passes the range guards of at most this
   * many per level.
   */
  static final int FAN_OUT = 32;

  /**
   * Most characters of the tree's leaves in one AuthPolicy. An object holds at most 1.5 MiB in
   * etcd; the tree of a thousand models is about 400,000 characters, and a platform whose tree is
   * larger than this spreads it over several policies of the models route.
   */
  static final int PIECE_BUDGET = 300_000;

  private final int predicateBudget;
  private final int modelsPerLeaf;
  private final int fanOut;
  private final int pieceBudget;

  /** A generator with the sizes above. */
  public AuthPolicyGenerator() {
    this(PREDICATE_BUDGET, MODELS_PER_LEAF, FAN_OUT, PIECE_BUDGET);
  }

  /** A generator with other sizes, so that a small platform can show the shape of a large one. */
  AuthPolicyGenerator(int predicateBudget, int modelsPerLeaf, int fanOut) {
    this(predicateBudget, modelsPerLeaf, fanOut, Integer.MAX_VALUE);
  }

  /** The same, with the route policies' budget too. */
  AuthPolicyGenerator(int predicateBudget, int modelsPerLeaf, int fanOut, int pieceBudget) {
    this.predicateBudget = predicateBudget;
    this.modelsPerLeaf = modelsPerLeaf;
    this.fanOut = fanOut;
    this.pieceBudget = pieceBudget;
  }

  /** The AuthPolicy's name. */
  public static String policyName(Platform platform) {
    return platform.name() + "-gateway-auth";
  }

  /**
   * The name of the {@code index}th AuthPolicy of the public models route, on a platform whose
   * tier-access rule is split over several.
   */
  public static String routePolicyName(Platform platform, int index) {
    return ModelRouting.publicRouteName(platform) + "-auth-" + index;
  }

  @Override
  public List<KubeObject> generate(Platform platform) {
    KubeObject policy =
        Manifests.object(
            "kuadrant.io/v1", "AuthPolicy", policyName(platform), platform.gateway().namespace());
    ObjectNode spec = Manifests.spec(policy);
    spec.set("targetRef", Manifests.gatewayTarget(platform.gateway().name()));
    String whole = accessPredicate(platform);
    if (whole.length() <= predicateBudget) {
      commonRules(spec.putObject("rules"), platform, List.of(), whole);
      return List.of(policy);
    }
    List<Leaf> leaves = leaves(platform);
    List<List<Leaf>> pieces = pieces(leaves);
    if (pieces.size() == 1) {
      ObjectNode rules = spec.putObject("rules");
      commonRules(rules, platform, leaves, null);
      return List.of(policy);
    }
    // Too large for one object: the Gateway's policy admits only the listing, and the models route
    // takes several policies whose rules Kuadrant merges (below).
    commonRules(
        spec.putObject("rules"),
        platform,
        List.of(),
        joined(List.of(Predicates.isGatewayModelListing())));
    List<KubeObject> objects = new ArrayList<>();
    objects.add(policy);
    for (int i = 0; i < pieces.size(); i++) {
      objects.add(routePolicy(platform, pieces, i));
    }
    return List.copyOf(objects);
  }

  /**
   * The {@code index}th policy of the models route. Kuadrant gathers every policy targeting the
   * route and, when each says {@code strategy: merge}, keeps every rule of each, one of each name
   * (kuadrant-operator v1.5.2 {@code api/v1/merge_strategies.go}: {@code PoliciesInPath}, {@code
   * PolicyRuleDefaultsMergeStrategy}); the route's merged policy replaces the Gateway's, whose
   * defaults are atomic. Every piece holds the same authentication, metadata and response rules, so
   * each alone refuses an unauthenticated caller, and one tier-access rule of its own that applies
   * ({@code when}) to its range of paths only: the ranges cover every path once, so exactly one of
   * them decides a request, with the listing and the models of its range.
   */
  private KubeObject routePolicy(Platform platform, List<List<Leaf>> pieces, int index) {
    KubeObject policy =
        Manifests.object(
            "kuadrant.io/v1",
            "AuthPolicy",
            routePolicyName(platform, index),
            platform.gateway().namespace());
    ObjectNode spec = Manifests.spec(policy);
    spec.set("targetRef", Manifests.routeTarget(ModelRouting.publicRouteName(platform)));
    ObjectNode defaults = spec.putObject("defaults");
    defaults.put("strategy", "merge");
    ObjectNode rules = defaults.putObject("rules");
    commonRules(rules, platform, null, null);
    ObjectNode access = ((ObjectNode) rules.get("authorization")).putObject("tier-access-" + index);
    String from = index == 0 ? null : pieces.get(index).get(0).first().pathPrefix() + "/";
    String to =
        index == pieces.size() - 1 ? null : pieces.get(index + 1).get(0).first().pathPrefix() + "/";
    access.putArray("when").addObject().put("predicate", pieceRange(from, to));
    ArrayNode any =
        access.putObject("patternMatching").putArray("patterns").addObject().putArray("any");
    any.addObject().put("predicate", joined(List.of(Predicates.isGatewayModelListing())));
    branches(any, pieces.get(index));
    return policy;
  }

  /** The paths from {@code from} (inclusive) to {@code to} (exclusive); {@code null}: unbounded. */
  private static String pieceRange(String from, String to) {
    String lower = from == null ? null : Predicates.PATH + " >= " + CelStrings.quote(from);
    String upper = to == null ? null : Predicates.PATH + " < " + CelStrings.quote(to);
    return lower == null ? upper : upper == null ? lower : lower + " && " + upper;
  }

  /** {@code leaves} cut into runs whose predicates add up to at most the route policy budget. */
  List<List<Leaf>> pieces(List<Leaf> leaves) {
    List<List<Leaf>> pieces = new ArrayList<>();
    List<Leaf> piece = new ArrayList<>();
    long length = 0;
    for (Leaf leaf : leaves) {
      if (!piece.isEmpty() && length + leaf.predicate().length() > pieceBudget) {
        pieces.add(piece);
        piece = new ArrayList<>();
        length = 0;
      }
      piece.add(leaf);
      length += leaf.predicate().length();
    }
    if (!piece.isEmpty() || pieces.isEmpty()) {
      pieces.add(piece);
    }
    return pieces;
  }

  /**
   * The rules every gateway AuthPolicy holds, into {@code rules}; its tier-access rule is {@code
   * predicate} when given, else the tree of {@code leaves} when given, else none.
   */
  private void commonRules(
      ObjectNode rules, Platform platform, List<Leaf> leaves, String predicate) {
    ObjectNode authentication = rules.putObject("authentication");
    ObjectNode jwt = authentication.putObject("maas-tokens");
    ObjectNode jwtSettings = jwt.putObject("jwt");
    jwtSettings.put("issuerUrl", TokenServiceEndpoints.issuer(platform));
    jwtSettings.put("ttl", DISCOVERY_TTL);
    apiKeyAuthentication(authentication);

    ObjectNode metadata = rules.putObject("metadata");
    serviceCall(
        metadata,
        "revocation",
        "!has(" + API_KEY_MARKER + ")",
        TokenServiceEndpoints.revocationStatusUrl(platform),
        "{\"jti\": auth.identity.jti, \"sub\": auth.identity.sub, \"iat\": auth.identity.iat}",
        "auth.identity.jti");
    apiKeyMetadata(metadata, platform);

    ObjectNode authorization = rules.putObject("authorization");
    // An API key carries no audience or jti: its checks are the service's answer about it.
    patternRule(
        authorization,
        "audience",
        "has(" + API_KEY_MARKER + ") || (" + audiencePredicate(platform) + ")");
    // A failed status call leaves no answer, so the predicate errs and the request is denied.
    patternRule(
        authorization,
        "not-revoked",
        "has(" + API_KEY_MARKER + ") || auth.metadata.revocation.revoked == false");
    patternRule(
        authorization,
        "api-key-valid",
        "!has(" + API_KEY_MARKER + ") || " + API_KEY_METADATA + ".valid == true");
    if (predicate != null) {
      patternRule(authorization, "tier-access", predicate);
    } else if (leaves != null) {
      treeRule(authorization, leaves);
    }

    ObjectNode response = rules.putObject("response");
    ObjectNode unauthenticated = response.putObject("unauthenticated");
    unauthenticated.put("code", 401);
    unauthenticated.putObject("message").put("value", "a valid token of this platform is required");
    ObjectNode unauthorized = response.putObject("unauthorized");
    unauthorized.put("code", 403);
    unauthorized.putObject("message").put("value", "your tier may not call this path");
    ObjectNode properties =
        response
            .putObject("success")
            .putObject("filters")
            .putObject("identity")
            .putObject("json")
            .putObject("properties");
    properties.putObject("userid").put("expression", CALLER_USER);
    properties.putObject("tier").put("expression", CALLER_TIER);
    if (platform.observability() != null && platform.observability().logs() != null) {
      // The access log reads the caller from request headers: Authorino's success headers replace
      // any the client sent (wasm-shim sets, not appends, them), and only then reach the log.
      ObjectNode headers = ((ObjectNode) response.get("success")).putObject("headers");
      headers.putObject(AccessLogs.USER_HEADER).putObject("plain").put("expression", CALLER_USER);
      headers.putObject(AccessLogs.TIER_HEADER).putObject("plain").put("expression", CALLER_TIER);
    }
  }

  /**
   * API keys: Authorino's {@code apiKey} method compares the presented value with raw keys held in
   * Secrets (pkg/evaluators/identity/api_key.go, {@code Call}), which would store every key in the
   * clear. A request whose Authorization header is {@code Bearer maas_...} is instead authenticated
   * by a {@code plain} identity that only marks it, and the key is resolved by the service, which
   * keeps its hash (the {@code apikey} metadata below); the authorization rules then require the
   * service's {@code valid: true}.
   */
  private static void apiKeyAuthentication(ObjectNode authentication) {
    ObjectNode apiKey = authentication.putObject("maas-api-keys");
    apiKey
        .putArray("when")
        .addObject()
        .put(
            "predicate",
            "\"authorization\" in request.headers && "
                + "request.headers.authorization.startsWith("
                + CelStrings.quote(API_KEY_BEARER_PREFIX)
                + ")");
    apiKey.putObject("plain").put("expression", "{\"maas_api_key\": true}");
  }

  /**
   * The service's answer about the presented key, cached per Authorization header for {@link
   * #REVOCATION_CACHE_TTL} seconds: a revoked key is refused at most that long after the replicas
   * saw the revocation.
   */
  private static void apiKeyMetadata(ObjectNode metadata, Platform platform) {
    serviceCall(
        metadata,
        "apikey",
        "has(" + API_KEY_MARKER + ")",
        TokenServiceEndpoints.apiKeyResolveUrl(platform),
        "{\"authorization\": request.headers.authorization}",
        "request.headers.authorization");
  }

  /**
   * A JSON POST to the token service when {@code when} holds, its answer cached per {@code
   * cacheKey}.
   */
  private static void serviceCall(
      ObjectNode metadata, String name, String when, String url, String body, String cacheKey) {
    ObjectNode call = metadata.putObject(name);
    call.putArray("when").addObject().put("predicate", when);
    ObjectNode http = call.putObject("http");
    http.put("url", url);
    http.put("method", "POST");
    http.put("contentType", "application/json");
    http.putObject("body").put("expression", body);
    ObjectNode cache = call.putObject("cache");
    cache.putObject("key").put("selector", cacheKey);
    cache.put("ttl", REVOCATION_CACHE_TTL);
  }

  /**
   * The tier-access rule of a platform too large for one predicate: a pattern that holds when the
   * request lists models or when a leaf of a tree of range-guarded predicates admits it
   * (Authorino's {@code any} and {@code all}).
   */
  private void treeRule(ObjectNode authorization, List<Leaf> leaves) {
    ArrayNode any =
        authorization
            .putObject("tier-access")
            .putObject("patternMatching")
            .putArray("patterns")
            .addObject()
            .putArray("any");
    any.addObject().put("predicate", joined(List.of(Predicates.isGatewayModelListing())));
    branches(any, leaves);
  }

  /**
   * {@code leaves} under {@code into}: each leaf, or groups of them behind the range of paths they
   * cover.
   */
  private void branches(ArrayNode into, List<Leaf> leaves) {
    if (leaves.size() <= fanOut) {
      leaves.forEach(leaf -> into.addObject().put("predicate", leaf.predicate()));
      return;
    }
    int size = (leaves.size() + fanOut - 1) / fanOut;
    for (int from = 0; from < leaves.size(); from += size) {
      List<Leaf> group = leaves.subList(from, Math.min(leaves.size(), from + size));
      ArrayNode all = into.addObject().putArray("all");
      all.addObject()
          .put("predicate", range(group.get(0).first(), group.get(group.size() - 1).last()));
      branches(all.addObject().putArray("any"), group);
    }
  }

  /**
   * A run of models, sorted by path, and its predicate.
   *
   * @param predicate the range of the run's paths, then the alternatives of its models
   * @param first the run's first model
   * @param last the run's last model
   */
  record Leaf(String predicate, Model first, Model last) {}

  /**
   * The platform's models that some tier may call, sorted by path, cut into runs of at most {@code
   * modelsPerLeaf} and of alternatives within half the budget.
   */
  List<Leaf> leaves(Platform platform) {
    List<Model> sorted = new ArrayList<>(platform.models());
    // Sorted with the trailing slash, as the ranges compare: "/llm/granite-8b/" sorts before
    // "/llm/granite/".
    sorted.sort(Comparator.comparing((Model m) -> m.pathPrefix() + "/"));
    List<Leaf> leaves = new ArrayList<>();
    List<Model> run = new ArrayList<>();
    int length = 0;
    for (Model model : sorted) {
      String alternative = alternative(platform, model);
      if (alternative == null) {
        continue;
      }
      if (!run.isEmpty()
          && (run.size() == modelsPerLeaf
              || length + alternative.length() + 6 > predicateBudget / 2)) {
        leaves.add(leaf(platform, run));
        run = new ArrayList<>();
        length = 0;
      }
      run.add(model);
      // A model's own alternative bounds what it adds to the leaf's: models of the same tiers
      // share one.
      length += alternative.length() + 6;
    }
    if (!run.isEmpty()) {
      leaves.add(leaf(platform, run));
    }
    return leaves;
  }

  private static Leaf leaf(Platform platform, List<Model> run) {
    Model first = run.get(0);
    Model last = run.get(run.size() - 1);
    return new Leaf(
        range(first, last) + "\n&& (" + joined(alternatives(platform, run)) + ")", first, last);
  }

  /**
   * The paths under the models from {@code first} to {@code last}, in the order of their prefixes
   * with the trailing slash. A path under {@code /ns/m/} is at least {@code /ns/m/} and below
   * {@code /ns/m0} ({@code '/'} sorts just before {@code '0'}); no such prefix is a prefix of
   * another, as names hold no slash, so a path under an earlier model differs from the last prefix
   * at a smaller character, and every path under a model of the run lies in this range. The proof
   * evaluates every model's path against it.
   */
  private static String range(Model first, Model last) {
    return Predicates.PATH
        + " >= "
        + CelStrings.quote(first.pathPrefix() + "/")
        + " && "
        + Predicates.PATH
        + " < "
        + CelStrings.quote(last.pathPrefix() + "0");
  }

  private static void patternRule(ObjectNode authorization, String name, String predicate) {
    authorization
        .putObject(name)
        .putObject("patternMatching")
        .putArray("patterns")
        .addObject()
        .put("predicate", predicate);
  }

  /** The token was issued for this platform; {@code aud} may be a string or a list. */
  static String audiencePredicate(Platform platform) {
    String audience = CelStrings.quote(TokenServiceEndpoints.audience(platform));
    return "type(auth.identity.aud) == list ? "
        + audience
        + " in auth.identity.aud : auth.identity.aud == "
        + audience;
  }

  /**
   * The model listing, then one alternative per set of tiers that may call some model (the paths of
   * those models, and the tiers); a path matching no alternative is denied.
   */
  static String accessPredicate(Platform platform) {
    List<String> alternatives = new ArrayList<>();
    alternatives.add(Predicates.isGatewayModelListing());
    alternatives.addAll(alternatives(platform, platform.models()));
    return joined(alternatives);
  }

  private static String joined(List<String> alternatives) {
    return String.join("\n|| ", alternatives.stream().map(a -> "(" + a + ")").toList());
  }

  /**
   * The alternatives of {@code models}: the models that the same tiers may call share one, which
   * lists their paths, in the order of the set's first model; a model no tier may call has none.
   * One clause per set of tiers rather than per model keeps the predicate of a large platform a
   * fraction of the size, for Authorino to compile and etcd to hold.
   */
  private static List<String> alternatives(Platform platform, List<Model> models) {
    Map<List<String>, List<String>> pathsByTiers = new LinkedHashMap<>();
    for (Model model : models) {
      List<String> tiers = tiers(platform, model);
      if (!tiers.isEmpty()) {
        pathsByTiers
            .computeIfAbsent(tiers, t -> new ArrayList<>())
            .addAll(MeteredEndpoints.gatewayPaths(model));
      }
    }
    List<String> alternatives = new ArrayList<>();
    pathsByTiers.forEach((tiers, paths) -> alternatives.add(alternative(paths, tiers)));
    return alternatives;
  }

  /** The tiers that may call {@code model}, sorted. */
  private static List<String> tiers(Platform platform, Model model) {
    TreeSet<String> tiers = new TreeSet<>();
    for (Tier tier : platform.tiers()) {
      if (tier.allows(model.name())) {
        tiers.add(tier.name());
      }
    }
    return List.copyOf(tiers);
  }

  /** A call with POST to one of {@code paths} by one of {@code tiers}. */
  private static String alternative(List<String> paths, List<String> tiers) {
    return Predicates.meteredCall(paths)
        + " && "
        + CALLER_TIER
        + " in ["
        + tiers.stream().map(CelStrings::quote).collect(java.util.stream.Collectors.joining(", "))
        + "]";
  }

  /** The tiers that may call {@code model}, on its path; {@code null} when no tier may. */
  private static String alternative(Platform platform, Model model) {
    List<String> tiers = tiers(platform, model);
    return tiers.isEmpty() ? null : alternative(MeteredEndpoints.gatewayPaths(model), tiers);
  }
}
