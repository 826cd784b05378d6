package dev.maas.check.proof;

import dev.maas.concurrent.SharedLoop;
import dev.maas.diag.Diagnostic;
import dev.maas.diag.SourceLocation;
import dev.maas.model.CounterScope;
import dev.maas.model.MeteredEndpoints;
import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.model.Rate;
import dev.maas.model.Serving;
import dev.maas.model.Tier;
import dev.maas.output.GeneratedTree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Proves that the rendered gateway policies do what the spec says: for every tier × model ×
 * endpoint a synthetic request is evaluated against the rendered CEL, and the outcome (access, the
 * one request limit and the one token limit that apply, their rates and counter) is compared with
 * what the model of the spec expects. The expectations come from {@code model/} only, never from
 * the code that rendered the policies.
 */
public final class PolicyProof {

  /** The path of the token service's token endpoint on the gateway. */
  public static final String TOKEN_PATH = "/maas-api/v1/tokens";

  /** The Web UI's page, which loads without a credential. */
  public static final String WEB_UI_PATH = "/maas-api/ui/";

  /** The path of the model listing on the gateway. */
  static final String LISTING_PATH = "/v1/models";

  /**
   * A tier name no spec can hold (it is not a DNS label), used to show unknown tiers are refused.
   */
  static final String NO_TIER = "no such tier";

  /**
   * What the proof found.
   *
   * @param matrix the access matrix it checked
   * @param findings its errors, empty when the policies do what the spec says
   * @param requestsChecked how many synthetic requests were evaluated
   * @param counters per tier, the sets of Limitador counters its calls are counted in ({@link
   *     LimitMatch#counterIdentity()}): one per limit of the tier when each limit spans all its
   *     models
   */
  public record Result(
      AccessMatrix matrix,
      List<Diagnostic> findings,
      int requestsChecked,
      Map<String, Set<String>> counters) {}

  /** The issuer of the platform's tokens, by the naming convention of the token service. */
  public static String issuer(Platform platform) {
    return "http://"
        + platform.name()
        + "-token-service."
        + platform.tokens().namespace()
        + ".svc.cluster.local:8080";
  }

  /** The audience of the platform's tokens. */
  public static String audience(Platform platform) {
    return "maas:" + platform.name();
  }

  private final CelAhead ahead;

  /** A proof that compiles every predicate it reads. */
  public PolicyProof() {
    this(null);
  }

  /**
   * A proof that takes the outcomes {@code ahead} compiled ({@code null}: none) and compiles the
   * other predicates it reads.
   */
  public PolicyProof(CelAhead ahead) {
    this.ahead = ahead;
  }

  /** Proves {@code tree}, the output of {@code platform}. */
  public Result prove(Platform platform, GeneratedTree tree) {
    // The proof reads the routes and policies only; the thousand model files are not parsed.
    GatewayObjects objects = GatewayObjects.of(tree, PolicyEvaluator.KINDS);
    PolicyEvaluator evaluator = new PolicyEvaluator(objects, issuer(platform), ahead);
    String audience = audience(platform);
    Check check = new Check(objects);
    // The matrix is filled from the same verdicts the checks read: each request is evaluated once.
    Map<String, Map<String, AccessMatrix.Cell>> cells = new LinkedHashMap<>();
    Map<String, AccessMatrix.Cell> listings = new LinkedHashMap<>();
    int checked = 0;
    Set<String> unauthenticatedModels = new HashSet<>();
    RuntimeModel runtime = new RuntimeModel(objects);
    Set<String> tokenLimited = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Map<String, Set<String>> counterSets = new LinkedHashMap<>();

    List<Model> models = platform.models();
    List<Tier> tiers = platform.tiers();
    TierCalls evaluating =
        tiers.isEmpty() ? null : TierCalls.start(evaluator, tiers.get(0), models, audience);
    for (int t = 0; t < tiers.size(); t++) {
      Tier tier = tiers.get(t);
      TierCalls calls = evaluating.finish();
      // The checks below read one tier's verdicts in order, on one processor: the next tier's
      // calls are evaluated meanwhile, on the others, and this thread joins in once done.
      evaluating =
          t + 1 < tiers.size()
              ? TierCalls.start(evaluator, tiers.get(t + 1), models, audience)
              : null;
      Map<String, AccessMatrix.Cell> row = new LinkedHashMap<>();
      cells.put(tier.name(), row);
      SyntheticRequest[] requests = calls.requests();
      Verdict[] verdicts = calls.byToken();
      Counters counters = new Counters(tier);
      for (int i = 0; i < models.size(); i++) {
        Model model = models.get(i);
        SyntheticRequest request = requests[i];
        Verdict verdict = verdicts[i];
        row.put(model.name(), AccessMatrix.Cell.of(verdict));
        checked++;
        // Told only in a finding: most cells have none.
        Supplier<String> where =
            () ->
                "tier `"
                    + tier.name()
                    + "` → model `"
                    + model.name()
                    + "` ("
                    + request.line()
                    + ")";
        if (open(verdict) && unauthenticatedModels.add(model.name())) {
          check.unauthenticated(verdict, "model `" + model.name() + "` (" + request.line() + ")");
        }
        boolean expected = tier.allows(model.name());
        if (expected && !verdict.authorized()) {
          check.error(
              "proof.access",
              verdict.authPolicyFile(),
              "tier `"
                  + tier.name()
                  + "` is refused model `"
                  + model.name()
                  + "` ("
                  + request.line()
                  + "): the spec lets the tier call it, but "
                  + verdict.denial(),
              "the AuthPolicy's tier-access predicate must admit every tier that lists the model");
        } else if (!expected && verdict.authorized()) {
          check.error(
              "proof.access",
              verdict.authPolicyFile(),
              "tier `"
                  + tier.name()
                  + "` reaches model `"
                  + model.name()
                  + "` ("
                  + request.line()
                  + "): the spec does not let the tier call it, but "
                  + (verdict.authPolicy() == null
                      ? "no AuthPolicy refuses it"
                      : verdict.authPolicy() + " lets it through"),
              "the AuthPolicy's tier-access predicate must admit only the tiers that list the model");
        }
        if (expected) {
          check.limits(
              "request",
              where,
              ofTier(verdict.requestLimits()),
              tier.requestRatesFor(model.name()),
              tier.limits().counterScope(),
              "RateLimitPolicy");
          check.limits(
              "token",
              where,
              ofTier(verdict.tokenLimits()),
              tier.tokenRatesFor(model.name()),
              tier.limits().counterScope(),
              "TokenRateLimitPolicy");
          check.cap(
              "request",
              where,
              verdict.requestLimits(),
              capRates(model.cap() == null ? null : model.cap().requests()),
              "RateLimitPolicy");
          check.cap(
              "token",
              where,
              verdict.tokenLimits(),
              capRates(model.cap() == null ? null : model.cap().tokens()),
              "TokenRateLimitPolicy");
          counters.add(model.name(), verdict);
          check.reaches(where, verdict, runtime.destinationOf(model));
          if (verdict.authorized() && !verdict.tokenLimits().isEmpty()) {
            tokenLimited.add(model.name());
          }
        }
      }

      checked += apiKeys(check, tier, models, calls);

      SyntheticRequest list = MatrixBuilder.listing(tier.name(), audience);
      Verdict listing = evaluator.evaluate(list);
      listings.put(tier.name(), AccessMatrix.Cell.of(listing));
      checked++;
      String listingWhere = "tier `" + tier.name() + "` listing models (" + list.line() + ")";
      if (open(listing)) {
        check.unauthenticated(listing, listingWhere);
      } else if (!listing.authorized()) {
        check.error(
            "proof.listing",
            listing.authPolicyFile(),
            listingWhere + ": every tier may list the models, but " + listing.denial(),
            null);
      }
      if (!listing.tokenLimits().isEmpty()) {
        check.error(
            "proof.listing",
            listing.tokenLimits().get(0).file(),
            listingWhere
                + ": the listing is never token-limited, but token limit "
                + keys(listing.tokenLimits())
                + " matches",
            "token limits must leave out */v1/models");
      }
      check.limits(
          "request",
          () -> listingWhere,
          listing.requestLimits(),
          tier.limits().requests(),
          tier.limits().counterScope(),
          "RateLimitPolicy");
      counters.add("the model listing", listing);
      checked += check.query(listingWhere, list, listing, evaluator);
      check.countedOnce(counters);
      counterSets.put(tier.name(), counters.identities());

      SyntheticRequest mint =
          SyntheticRequest.withUser(
              platform.auth(), "POST", TOKEN_PATH, MatrixBuilder.USER, tier.groups(), Map.of());
      Verdict minting = evaluator.evaluate(mint);
      checked++;
      String mintWhere =
          "a member of tier `" + tier.name() + "` asking for a token (" + mint.line() + ")";
      if (open(minting)) {
        check.unauthenticated(minting, mintWhere);
      } else if (!minting.authorized()) {
        check.error(
            "proof.tokenService",
            minting.authPolicyFile(),
            mintWhere + ": refused, but every user may ask" + " for a token: " + minting.denial(),
            null);
      }
      if (minting.authorized() && minting.requestLimits().size() != 1) {
        check.error(
            "proof.tokenService",
            minting.authPolicyFile(),
            mintWhere
                + ": "
                + (minting.requestLimits().isEmpty()
                    ? "no request limit counts it, so a stolen credential could mint tokens without bound"
                    : minting.requestLimits().size()
                        + " request limits match ("
                        + keys(minting.requestLimits())
                        + ")"),
            "every credential path must be rate-limited per caller");
      } else if (minting.authorized() && !minting.requestLimits().get(0).perUser()) {
        check.error(
            "proof.tokenService",
            minting.requestLimits().get(0).file(),
            mintWhere
                + ": request limit `"
                + minting.requestLimits().get(0).key()
                + "` is one counter for every caller, so one caller can lock out"
                + " all others",
            "count the token service's calls per caller");
      }
      if (!minting.tokenLimits().isEmpty()) {
        check.error(
            "proof.tokenService",
            minting.tokenLimits().get(0).file(),
            mintWhere
                + ": the token service is"
                + " never token-limited, but token limit "
                + keys(minting.tokenLimits())
                + " matches",
            null);
      }
    }

    SyntheticRequest forged =
        SyntheticRequest.withUser(
            platform.auth(),
            "POST",
            TOKEN_PATH,
            MatrixBuilder.USER,
            List.of(),
            Map.of("x-maas-username", "admin", "x-maas-groups", "[\"enterprise-users\"]"));
    Verdict forgedVerdict = evaluator.evaluate(forged);
    checked++;
    if (forgedVerdict.authorized()) {
      check.error(
          "proof.tokenService",
          forgedVerdict.authPolicyFile(),
          "a request to the token service with"
              + " client-set X-MaaS-Username and X-MaaS-Groups headers ("
              + forged.line()
              + ") is let through, so a caller"
              + " could name any user and groups",
          "the token service route's AuthPolicy must refuse those headers");
    }
    // The Web UI's files load before anyone signs in; the anonymous rule that allows it must open
    // nothing else.
    SyntheticRequest page =
        SyntheticRequest.withUser(
            platform.auth(), "GET", WEB_UI_PATH, MatrixBuilder.USER, List.of(), Map.of());
    Verdict pageVerdict = evaluator.evaluate(page);
    checked++;
    if (!pageVerdict.authorized()) {
      check.error(
          "proof.webUi",
          pageVerdict.authPolicyFile(),
          "the Web UI's page (" + page.line() + ") is refused: " + pageVerdict.denial(),
          "let GETs under " + WEB_UI_PATH + " in without a credential");
    }
    for (SyntheticRequest beside :
        List.of(
            SyntheticRequest.withUser(
                platform.auth(), "POST", WEB_UI_PATH, MatrixBuilder.USER, List.of(), Map.of()),
            SyntheticRequest.withUser(
                platform.auth(), "GET", "/maas-api/v1/me", MatrixBuilder.USER, List.of(), Map.of()),
            SyntheticRequest.withUser(
                platform.auth(), "GET", "/maas-api/ui", MatrixBuilder.USER, List.of(), Map.of()))) {
      Verdict verdict = evaluator.evaluate(beside);
      checked++;
      if (open(verdict)) {
        check.unauthenticated(verdict, "the token service's " + beside.line());
      }
    }
    // The listing's request limits bind by a platform token's tier; a person's own token has none,
    // so it must not list.
    SyntheticRequest person =
        SyntheticRequest.withUser(
            platform.auth(), "GET", LISTING_PATH, MatrixBuilder.USER, List.of(), Map.of());
    Verdict personVerdict = evaluator.evaluate(person);
    checked++;
    if (personVerdict.authorized()) {
      check.error(
          "proof.listing",
          personVerdict.authPolicyFile(),
          "a person's own "
              + (person.credential() == SyntheticRequest.Credential.OIDC ? "OIDC" : "Kubernetes")
              + " token lists the models ("
              + person.line()
              + "): it carries no tier, so no request limit counts it",
          "the AuthPolicy of the listing's route must accept only platform tokens on /v1/models");
    }
    for (Model model : platform.models()) {
      SyntheticRequest stranger =
          MatrixBuilder.inference(MeteredEndpoints.primaryPath(model), NO_TIER, audience);
      Verdict verdict = evaluator.admission(stranger);
      checked++;
      if (verdict.authorized()) {
        check.error(
            "proof.access",
            verdict.authPolicyFile(),
            "a token whose tier names no tier of the spec reaches"
                + " model `"
                + model.name()
                + "` ("
                + stranger.line()
                + ")",
            null);
      }
    }
    // The refused endpoints of every model, asked of the first tier that may call it: many requests
    // and independent ones, evaluated on every processor and read in order below.
    List<Model> all = platform.models();
    List<List<Verdict>> unmetered = new ArrayList<>(Collections.nCopies(all.size(), null));
    IntStream.range(0, all.size())
        .parallel()
        .forEach(
            i -> unmetered.set(i, unmeteredVerdicts(evaluator, platform, all.get(i), audience)));
    int index = -1;
    for (Model model : platform.models()) {
      index++;
      String sharding = runtime.shardingMissing(model);
      if (sharding != null) {
        check.error(
            "proof.sharding",
            runtime.fileOf("LLMInferenceService", model),
            "model `"
                + model.name()
                + "` asks for "
                + model.resources().gpus()
                + " GPUs per replica, but "
                + sharding
                + ": vLLM loads it on one GPU",
            "set spec.parallelism.tensor (× pipeline) to the GPUs per replica");
      }
      String mode = runtime.deploymentModeWrong(model);
      if (mode != null) {
        check.error(
            "proof.deploymentMode",
            runtime.fileOf("InferenceService", model),
            "model `"
                + model.name()
                + "`: "
                + mode
                + ", so on a cluster whose default is Serverless its predictor Service is an ExternalName"
                + " for the Knative gateway and the route to it answers 404",
            "pin serving.kserve.io/deploymentMode:" + " Standard");
      }
      String scaling = runtime.scalingDropped(platform, model);
      if (scaling != null) {
        check.error(
            "proof.scaling",
            runtime.fileOf("InferenceService", model),
            "model `"
                + model.name()
                + "`: "
                + scaling
                + " (spec metric `"
                + model.autoscaling().metric()
                + "`)",
            "scale request metrics with KEDA:"
                + " serving.kserve.io/autoscalerClass: external and a ScaledObject on the predictor's Deployment, reading"
                + " metrics Prometheus scrapes from the internal Gateway");
      }
      String credentials = runtime.credentialsMissing(model);
      if (credentials != null) {
        check.error(
            "proof.credentials",
            runtime.fileOf(
                model.servingKind() == Serving.LLM ? "LLMInferenceService" : "InferenceService",
                model),
            "model `"
                + model.name()
                + "` names download credentials, but "
                + credentials
                + ": KServe's storage initializer fails to download it",
            "run the model's pods as a ServiceAccount whose" + " secrets list the credentials");
      }
      Tier caller =
          platform.tiers().stream().filter(t -> t.allows(model.name())).findFirst().orElse(null);
      if (caller == null) {
        continue;
      }
      SyntheticRequest call =
          MatrixBuilder.inference(MeteredEndpoints.primaryPath(model), caller.name(), audience);
      checked +=
          check.query(
              "tier `" + caller.name() + "` → model `" + model.name() + "`",
              call,
              evaluator.evaluate(call),
              evaluator);
      Iterator<Verdict> probed = unmetered.get(index).iterator();
      for (String path : MeteredEndpoints.unmeteredGatewayPaths(model)) {
        for (String method : PROBE_METHODS) {
          SyntheticRequest probe =
              SyntheticRequest.withToken(method, path, caller.name(), MatrixBuilder.USER, audience);
          Verdict verdict = probed.next();
          checked++;
          if (verdict.forwarded()) {
            check.error(
                "proof.unmetered",
                verdict.authPolicyFile(),
                "tier `"
                    + caller.name()
                    + "` reaches "
                    + probe.line()
                    + " of model `"
                    + model.name()
                    + "` (forwarded to "
                    + verdict.destination()
                    + "), an endpoint the platform does not meter",
                "allow only the metered endpoints of "
                    + MeteredEndpoints.class.getSimpleName()
                    + " in the AuthPolicy's tier-access rule");
          }
        }
      }
      if (tokenLimited.contains(model.name())) {
        String missing = runtime.streamedUsageMissing(model);
        if (missing != null) {
          check.error(
              "proof.streamUsage",
              missing,
              "model `"
                  + model.name()
                  + "` has token limits, but a call with"
                  + " \"stream\": true is counted as 0 tokens: vLLM reports no usage in a stream unless asked, and the"
                  + " TokenRateLimitPolicy reads /usage/total_tokens of the response",
              "give the LLMInferenceService's main container VLLM_ADDITIONAL_ARGS with "
                  + RuntimeModel.FORCE_USAGE_FLAG);
        }
      }
    }
    AccessMatrix matrix =
        AccessMatrix.of(
            platform, cells, listings, platform.tiers().size() * (platform.models().size() + 1));
    return new Result(matrix, check.findings(), checked, counterSets);
  }

  private static final List<String> PROBE_METHODS = List.of("GET", "POST");

  /**
   * The verdicts of {@code model}'s unmetered endpoints, each with every probe method, for the
   * first tier that may call it, in the order of {@link MeteredEndpoints#unmeteredGatewayPaths};
   * empty when no tier may.
   */
  private static List<Verdict> unmeteredVerdicts(
      PolicyEvaluator evaluator, Platform platform, Model model, String audience) {
    Tier caller =
        platform.tiers().stream().filter(t -> t.allows(model.name())).findFirst().orElse(null);
    if (caller == null) {
      return List.of();
    }
    List<Verdict> out = new ArrayList<>();
    for (String path : MeteredEndpoints.unmeteredGatewayPaths(model)) {
      for (String method : PROBE_METHODS) {
        out.add(
            evaluator.admission(
                SyntheticRequest.withToken(
                    method, path, caller.name(), MatrixBuilder.USER, audience)));
      }
    }
    return out;
  }

  /**
   * The tier's calls made with an API key instead of a token: the gateway must let through and
   * count exactly what it does for the tier's token, and refuse a revoked key once the answer it
   * caches (for the metadata's TTL) is the service's {@code valid: false}. Returns how many
   * requests were evaluated.
   */
  private static int apiKeys(Check check, Tier tier, List<Model> models, TierCalls calls) {
    Verdict[] byToken = calls.byToken();
    Verdict[] byKey = calls.byKey();
    Verdict[] revoked = calls.revoked();
    int evaluated = 0;
    for (int i = 0; i < models.size(); i++) {
      if (byKey[i] == null) {
        continue;
      }
      Model model = models.get(i);
      // Told only in a finding: most calls have none.
      Supplier<String> call =
          () -> "model `" + model.name() + "` (POST " + MeteredEndpoints.primaryPath(model) + ")";
      evaluated += revoked[i] == null ? 1 : 2;
      if (byKey[i].authorized() != byToken[i].authorized()) {
        check.error(
            "proof.access",
            byKey[i].authPolicyFile(),
            "an API key of tier `"
                + tier.name()
                + "` is "
                + (byKey[i].authorized() ? "let through to " : "refused ")
                + call.get()
                + " while a token of the tier is "
                + (byToken[i].authorized() ? "let through" : "refused")
                + (byKey[i].denial() == null ? "" : ": " + byKey[i].denial()),
            "the AuthPolicy must give an API key the tier the token service resolves it to, as it gives a token its"
                + " claim");
      } else if (byKey[i].authorized()
          && (!sameKeys(byKey[i].requestLimits(), byToken[i].requestLimits())
              || !sameKeys(byKey[i].tokenLimits(), byToken[i].tokenLimits()))) {
        check.error(
            "proof.access",
            byKey[i].authPolicyFile(),
            "an API key of tier `"
                + tier.name()
                + "` calling "
                + call.get()
                + " is counted by "
                + keys(byKey[i].requestLimits())
                + " / "
                + keys(byKey[i].tokenLimits())
                + ", a token of the tier by "
                + keys(byToken[i].requestLimits())
                + " / "
                + keys(byToken[i].tokenLimits()),
            "the AuthPolicy's identity filter must give an API key the user and tier the token service resolves");
      }
      if (revoked[i] != null && revoked[i].authorized()) {
        check.error(
            "proof.access",
            revoked[i].authPolicyFile(),
            "a revoked API key of tier `"
                + tier.name()
                + "` still reaches "
                + call.get()
                + " once the gateway holds the service's answer `valid: false`",
            "the AuthPolicy must require the token service's `valid: true` for an API key");
      }
    }
    return evaluated;
  }

  /** Whether nothing authenticates the caller: no AuthPolicy applies, or an anonymous rule does. */
  private static boolean open(Verdict verdict) {
    return verdict.authPolicy() == null || verdict.anonymous();
  }

  /** Whether both count in the same limits, in the same order. */
  private static boolean sameKeys(List<LimitMatch> one, List<LimitMatch> other) {
    if (one.size() != other.size()) {
      return false;
    }
    for (int i = 0; i < one.size(); i++) {
      if (!one.get(i).key().equals(other.get(i).key())) {
        return false;
      }
    }
    return true;
  }

  private static String keys(List<LimitMatch> limits) {
    return limits.stream().map(l -> "`" + l.key() + "`").collect(Collectors.joining(", "));
  }

  /**
   * The limits of {@code matches} that read who calls: the tier's own, without the models' caps.
   */
  private static List<LimitMatch> ofTier(List<LimitMatch> matches) {
    return matches.stream().anyMatch(LimitMatch::global)
        ? matches.stream().filter(l -> !l.global()).toList()
        : matches;
  }

  /** A model's cap rates of one kind, empty without a cap. */
  private static List<Rate> capRates(List<Rate> rates) {
    return rates == null ? List.of() : rates;
  }

  /** The rates of the spec as the policies must hold them: {@code 2000000/24h}. */
  static String expectedText(List<Rate> rates) {
    return rates.stream()
        .map(r -> r.limit() + "/" + r.parsedWindow().toKuadrant())
        .collect(Collectors.joining(", "));
  }

  /**
   * A tier's calls of every model, in the order of the models, and what the gateway does with each.
   *
   * @param requests the calls with the tier's token
   * @param byToken their verdicts
   * @param byKey the same calls with a valid API key of the tier; {@code null} where nothing
   *     authenticates the token's call (that finding says it; credentials make no difference there)
   * @param revoked the same calls with a revoked key of the tier, where the token's call is let
   *     through (a key's limits are compared with the token's only there); else {@code null}
   * @param loop the evaluation of the calls, which fills the arrays
   */
  private record TierCalls(
      SyntheticRequest[] requests,
      Verdict[] byToken,
      Verdict[] byKey,
      Verdict[] revoked,
      SharedLoop loop) {

    /**
     * Starts evaluating {@code tier}'s calls: they are independent, so every processor takes some,
     * the one that then waits for them too.
     */
    static TierCalls start(
        PolicyEvaluator evaluator, Tier tier, List<Model> models, String audience) {
      SyntheticRequest[] requests = new SyntheticRequest[models.size()];
      Verdict[] byToken = new Verdict[models.size()];
      Verdict[] byKey = new Verdict[models.size()];
      Verdict[] revoked = new Verdict[models.size()];
      SharedLoop loop =
          SharedLoop.start(
              models.size(),
              i -> {
                String path = MeteredEndpoints.primaryPath(models.get(i));
                requests[i] = MatrixBuilder.inference(path, tier.name(), audience);
                Verdict verdict = evaluator.evaluate(requests[i]);
                byToken[i] = verdict;
                if (open(verdict)) {
                  return;
                }
                byKey[i] =
                    evaluator.admission(MatrixBuilder.apiKeyInference(path, tier.name(), true));
                revoked[i] =
                    verdict.authorized()
                        ? evaluator.admission(
                            MatrixBuilder.apiKeyInference(path, tier.name(), false))
                        : null;
              });
      return new TierCalls(requests, byToken, byKey, revoked, loop);
    }

    /** The calls, every one evaluated. */
    TierCalls finish() {
      loop.join();
      return this;
    }
  }

  /**
   * The counters one tier's calls are counted in, by limit: which routes (Limitador namespaces) and
   * for what.
   */
  private static final class Counters {
    private final Tier tier;
    // policy + key → scope → the first match and the calls counted there; keyed by records of the
    // policies' own strings, whose hashes they keep, for every call of every tier.
    private final Map<LimitId, Map<String, LimitMatch>> byLimit = new LinkedHashMap<>();
    private final Map<Counted, List<String>> calls = new LinkedHashMap<>();

    /** A limit of a policy. */
    record LimitId(String policy, String key) {}

    /** A limit's counters on one route. */
    private record Counted(LimitId limit, String scope) {}

    Counters(Tier tier) {
      this.tier = tier;
    }

    Tier tier() {
      return tier;
    }

    void add(String call, Verdict verdict) {
      if (!verdict.authorized()) {
        return;
      }
      for (List<LimitMatch> limits : List.of(verdict.requestLimits(), verdict.tokenLimits())) {
        for (LimitMatch limit : limits) {
          LimitId id = new LimitId(limit.policy(), limit.key());
          byLimit.computeIfAbsent(id, k -> new LinkedHashMap<>()).putIfAbsent(limit.scope(), limit);
          calls.computeIfAbsent(new Counted(id, limit.scope()), k -> new ArrayList<>()).add(call);
        }
      }
    }

    /** The limits counted on more than one route, with the routes. */
    Map<LimitId, Map<String, LimitMatch>> split() {
      Map<LimitId, Map<String, LimitMatch>> out = new LinkedHashMap<>();
      byLimit.forEach(
          (id, scopes) -> {
            if (scopes.size() > 1) {
              out.put(id, scopes);
            }
          });
      return out;
    }

    List<String> callsIn(LimitId limit, String scope) {
      List<String> found = calls.getOrDefault(new Counted(limit, scope), List.of());
      return found.size() <= 3
          ? found
          : List.of(found.get(0), found.get(1), "and " + (found.size() - 2) + " more");
    }

    /** Every set of counters, as {@link LimitMatch#counterIdentity()}. */
    Set<String> identities() {
      Set<String> out = new java.util.TreeSet<>();
      byLimit.forEach((id, scopes) -> scopes.values().forEach(l -> out.add(l.counterIdentity())));
      return out;
    }
  }

  /** The findings of one proof, each located at the policy file concerned. */
  private static final class Check {
    private final GatewayObjects objects;
    private final List<Diagnostic> findings = new ArrayList<>();

    Check(GatewayObjects objects) {
      this.objects = objects;
    }

    void error(String code, String file, String message, String hint) {
      findings.add(
          Diagnostic.error(
              code,
              SourceLocation.ofFile(file == null ? "base" : file),
              "",
              "policy proof: " + message,
              hint));
    }

    List<Diagnostic> findings() {
      return List.copyOf(findings);
    }

    /**
     * A model call the spec allows must reach that model's server, through every hop of the routes.
     */
    void reaches(Supplier<String> at, Verdict verdict, String expected) {
      if (!verdict.authorized()) {
        return;
      }
      if (verdict.route() == null) {
        error(
            "proof.unrouted",
            verdict.authPolicyFile(),
            at.get() + ": no route of the public Gateway takes it",
            "the public model route must match every model namespace");
      } else if (expected != null && !expected.equals(verdict.destination())) {
        error(
            "proof.unrouted",
            verdict.authPolicyFile(),
            at.get()
                + ": HTTPRoute "
                + verdict.route()
                + " forwards it to "
                + (verdict.destination() == null ? "no backend" : verdict.destination())
                + ", expected "
                + expected,
            null);
      }
    }

    /**
     * The same request with a query string must meet the same fate: Kuadrant's {@code request.path}
     * holds the query, {@code request.url_path} does not, so a predicate on the first changes its
     * meaning. Returns the number of requests evaluated.
     */
    int query(String where, SyntheticRequest plain, Verdict verdict, PolicyEvaluator evaluator) {
      SyntheticRequest queried =
          new SyntheticRequest(
              plain.method(),
              plain.path() + "?stream=true&x=/v1/models",
              plain.headers(),
              plain.credential(),
              plain.identity());
      Verdict other = evaluator.evaluate(queried);
      if (other.authorized() != verdict.authorized()
          || !keys(other.requestLimits()).equals(keys(verdict.requestLimits()))
          || !keys(other.tokenLimits()).equals(keys(verdict.tokenLimits()))) {
        String file =
            java.util.stream.Stream.of(
                    other.tokenLimits(),
                    verdict.tokenLimits(),
                    other.requestLimits(),
                    verdict.requestLimits())
                .filter(l -> !l.isEmpty())
                .map(l -> l.get(0).file())
                .findFirst()
                .orElse(verdict.authPolicyFile());
        error(
            "proof.queryString",
            file,
            where
                + ": "
                + queried.line()
                + " is treated unlike "
                + plain.line()
                + " ("
                + fate(verdict)
                + " without the query, "
                + fate(other)
                + " with it)",
            "compare paths with request.url_path, which holds no query string, not request.path");
      }
      return 1;
    }

    private static String fate(Verdict verdict) {
      return (verdict.authorized() ? "admitted" : "refused")
          + ", request limits "
          + orNone(verdict.requestLimits())
          + ", token limits "
          + orNone(verdict.tokenLimits());
    }

    private static String orNone(List<LimitMatch> limits) {
      return limits.isEmpty() ? "none" : keys(limits);
    }

    /** Each limit of a tier must be one set of counters across all the calls it covers. */
    void countedOnce(Counters counters) {
      counters
          .split()
          .forEach(
              (limit, scopes) -> {
                LimitMatch first = scopes.values().iterator().next();
                error(
                    "proof.perRoute",
                    first.file(),
                    "tier `"
                        + counters.tier().name()
                        + "`: limit `"
                        + first.key()
                        + "` of "
                        + first.policy()
                        + " is counted separately on "
                        + scopes.size()
                        + " routes ("
                        + scopes.entrySet().stream()
                            .map(
                                e ->
                                    e.getKey()
                                        + " for "
                                        + String.join(", ", counters.callsIn(limit, e.getKey())))
                            .collect(Collectors.joining("; "))
                        + "): Kuadrant keeps one set of counters per route,"
                        + " so the tier may use "
                        + first.ratesText()
                        + " on each of them",
                    "carry every model call and the listing on one HTTPRoute, and target the limits at it");
              });
    }

    void unauthenticated(Verdict verdict, String where) {
      String why =
          verdict.authPolicy() == null
              ? "no AuthPolicy protects its route"
              : verdict.authPolicy() + " lets callers in without authentication";
      error(
          "proof.unauthenticated",
          verdict.authPolicyFile(),
          where + " has no authentication: " + why,
          "every route must be behind an AuthPolicy with an authentication rule");
    }

    void limits(
        String kind,
        Supplier<String> at,
        List<LimitMatch> found,
        List<Rate> expected,
        CounterScope scope,
        String policyKind) {
      String file = findingFile(found, policyKind);
      if (found.size() > 1) {
        overlap(
            file, at, found, kind + " limits", "a request must meet exactly one", "the limits'");
        return;
      }
      if (found.isEmpty()) {
        if (!expected.isEmpty()) {
          error(
              "proof.missingLimit",
              file,
              at.get() + ": no " + kind + " limit matches, expected " + expectedText(expected),
              "the tier's " + kind + " limits must apply to this model");
        }
        return;
      }
      LimitMatch limit = found.get(0);
      String named = kind + " limit `" + limit.key() + "`";
      if (expected.isEmpty()) {
        unexpected(file, at, named, limit, "the spec sets no " + kind + " limit here");
        return;
      }
      rates(file, at, named, limit, expected);
      boolean perUser = scope == CounterScope.USER;
      if (perUser != limit.perUser()) {
        error(
            "proof.counter",
            file,
            at.get()
                + ": "
                + named
                + " counts "
                + (limit.perUser() ? "per user" : "for the whole tier")
                + ", expected "
                + (perUser ? "per user" : "one counter for the whole tier"),
            null);
      }
    }

    /**
     * A model's cap: every allowed call of the model meets exactly one limit that reads nothing of
     * the caller, with the cap's rates and no counters, so that all users of all tiers share its
     * one counter.
     */
    void cap(
        String kind,
        Supplier<String> at,
        List<LimitMatch> found,
        List<Rate> expected,
        String policyKind) {
      List<LimitMatch> global = found.stream().filter(LimitMatch::global).toList();
      String file = findingFile(global, policyKind);
      if (global.size() > 1) {
        overlap(file, at, global, kind + " caps", "a model has one cap", "the caps'");
        return;
      }
      if (global.isEmpty()) {
        if (!expected.isEmpty()) {
          error(
              "proof.missingLimit",
              file,
              at.get()
                  + ": no "
                  + kind
                  + " cap shared by all callers matches, expected "
                  + expectedText(expected),
              "the model's cap must be a limit without tier predicate or counters");
        }
        return;
      }
      LimitMatch cap = global.get(0);
      String named = kind + " cap `" + cap.key() + "`";
      if (expected.isEmpty()) {
        unexpected(file, at, named, cap, "the spec sets no cap on this model");
        return;
      }
      rates(file, at, named, cap, expected);
    }

    /**
     * The file a finding about limits names: the first matching limit's, else the first policy of
     * {@code policyKind}. Written out only for a finding: most requests give none.
     */
    private String findingFile(List<LimitMatch> found, String policyKind) {
      return found.isEmpty()
          ? objects.ofKind(policyKind).stream()
              .map(GatewayObjects.Located::file)
              .findFirst()
              .orElse(null)
          : found.get(0).file();
    }

    /** More than one limit matches where one must: {@code what} names them, in the plural. */
    private void overlap(
        String file,
        Supplier<String> at,
        List<LimitMatch> found,
        String what,
        String why,
        String whose) {
      error(
          "proof.overlap",
          file,
          at.get() + ": " + found.size() + " " + what + " match (" + keys(found) + "); " + why,
          "make " + whose + " predicates exclusive");
    }

    /** A limit ({@code named}) matches where the spec sets none. */
    private void unexpected(
        String file, Supplier<String> at, String named, LimitMatch limit, String hint) {
      error(
          "proof.unexpectedLimit",
          file,
          at.get() + ": " + named + " (" + limit.ratesText() + ") matches, expected none",
          hint);
    }

    /** The matching limit ({@code named}) has other rates than the spec's. */
    private void rates(
        String file, Supplier<String> at, String named, LimitMatch limit, List<Rate> expected) {
      if (!sameRates(limit.rates(), expected)) {
        error(
            "proof.rate",
            file,
            at.get()
                + ": "
                + named
                + " of "
                + limit.policy()
                + ": expected "
                + expectedText(expected)
                + ", found "
                + limit.ratesText(),
            null);
      }
    }

    private static boolean sameRates(List<LimitMatch.RateValue> found, List<Rate> expected) {
      if (found.size() != expected.size()) {
        return false;
      }
      // Most limits have one rate: compared at once, with no lists to sort for every call.
      if (found.size() == 1) {
        return found.get(0).limit() == expected.get(0).limit()
            && found.get(0).millis() == expected.get(0).parsedWindow().millis();
      }
      Comparator<long[]> order =
          Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]);
      List<long[]> a =
          new ArrayList<>(found.stream().map(r -> new long[] {r.limit(), r.millis()}).toList());
      List<long[]> b =
          new ArrayList<>(
              expected.stream()
                  .map(r -> new long[] {r.limit(), r.parsedWindow().millis()})
                  .toList());
      a.sort(order);
      b.sort(order);
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i)[0] != b.get(i)[0] || a.get(i)[1] != b.get(i)[1]) {
          return false;
        }
      }
      return true;
    }
  }
}
