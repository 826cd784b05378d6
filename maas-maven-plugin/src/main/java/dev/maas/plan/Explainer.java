package dev.maas.plan;

import dev.maas.check.proof.AccessMatrix;
import dev.maas.check.proof.GatewayObjects;
import dev.maas.check.proof.LimitMatch;
import dev.maas.check.proof.MatrixBuilder;
import dev.maas.check.proof.PolicyEvaluator;
import dev.maas.check.proof.PolicyProof;
import dev.maas.check.proof.Verdict;
import dev.maas.model.CounterScope;
import dev.maas.model.MeteredEndpoints;
import dev.maas.model.Model;
import dev.maas.model.ModelLimits;
import dev.maas.model.Platform;
import dev.maas.model.Rate;
import dev.maas.model.Tier;
import dev.maas.output.GeneratedTree;
import dev.maas.spec.JsonPointers;
import dev.maas.spec.SpecDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * Explains what the gateway does with a request of a tier to a model: the decision comes from
 * evaluating the rendered policies, and each rule is traced back to the spec line that asks for it.
 */
public final class Explainer {

  private final Platform platform;
  private final SpecDocument document;
  private final GeneratedTree tree;

  /**
   * Explains requests against {@code tree}, the output of {@code platform} read from {@code
   * document}.
   */
  public Explainer(Platform platform, SpecDocument document, GeneratedTree tree) {
    this.platform = platform;
    this.document = document;
    this.tree = tree;
  }

  /**
   * The explanation for a request of {@code tierName} to {@code modelName}; both must exist in the
   * platform.
   */
  public Explanation explain(String tierName, String modelName) {
    int t = platform.tiers().indexOf(platform.tier(tierName).orElseThrow());
    Tier tier = platform.tiers().get(t);
    Model model = platform.model(modelName).orElseThrow();
    String tierPointer = "/spec/tiers/" + t;
    PolicyEvaluator evaluator =
        new PolicyEvaluator(GatewayObjects.of(tree), PolicyProof.issuer(platform));
    var request =
        MatrixBuilder.inference(
            MeteredEndpoints.primaryPath(model), tier.name(), PolicyProof.audience(platform));
    Verdict verdict = evaluator.evaluate(request);
    List<Explanation.Rule> rules = new ArrayList<>();

    int m = platform.models().indexOf(model);
    rules.add(
        new Explanation.Rule(
            "model " + model.name() + " is served at " + model.pathPrefix() + "/",
            where("/spec/models/" + m + "/name")));
    if (tier.models() == null) {
      rules.add(
          new Explanation.Rule(
              "access: tier " + tier.name() + " lists no models, so it may call every model",
              where(tierPointer + "/name")));
    } else if (tier.models().contains(model.name())) {
      rules.add(
          new Explanation.Rule(
              "access: tier " + tier.name() + " lists model " + model.name(),
              where(tierPointer + "/models/" + tier.models().indexOf(model.name()))));
    } else {
      rules.add(
          new Explanation.Rule(
              "access: tier " + tier.name() + " does not list model " + model.name(),
              where(tierPointer + "/models")));
    }
    if (verdict.authPolicy() == null) {
      rules.add(
          new Explanation.Rule(
              "gateway: no AuthPolicy protects this path, so the gateway lets anyone through",
              null));
    } else if (verdict.authorized()) {
      rules.add(
          new Explanation.Rule(
              "gateway: allows — "
                  + verdict.authPolicy()
                  + " authenticates the token"
                  + (verdict.authentication().isEmpty()
                      ? ""
                      : " (rule " + String.join(", ", verdict.authentication()) + ")")
                  + ", checks its audience "
                  + PolicyProof.audience(platform)
                  + " and that it is not revoked, and its"
                  + " tier-access predicate admits tier "
                  + tier.name()
                  + " on "
                  + String.join(", ", MeteredEndpoints.gatewayPaths(model)),
              verdict.authPolicyFile()));
      if (verdict.route() != null) {
        rules.add(
            new Explanation.Rule(
                "route: HTTPRoute "
                    + verdict.route()
                    + " takes it to "
                    + (verdict.destination() == null ? "no backend" : verdict.destination())
                    + "; every limit below is"
                    + " counted in Limitador namespace "
                    + verdict.route(),
                null));
      }
    } else {
      rules.add(
          new Explanation.Rule(
              "gateway: denies with 403 — " + verdict.denial(), verdict.authPolicyFile()));
    }
    if (verdict.authorized()) {
      // A model's cap is told with the cost below, apart from the tier's own limits.
      limits(
          "request",
          verdict.requestLimits().stream().filter(l -> !l.global()).toList(),
          tier,
          model,
          tierPointer,
          rules);
      limits(
          "token",
          verdict.tokenLimits().stream().filter(l -> !l.global()).toList(),
          tier,
          model,
          tierPointer,
          rules);
      String counterPointer = tierPointer + "/limits/counter";
      boolean shared = tier.limits().counterScope() == CounterScope.TIER;
      rules.add(
          new Explanation.Rule(
              "counter: "
                  + (shared
                      ? "all users of tier " + tier.name() + " share one counter"
                      : "each user has a counter of their own")
                  + (document.find(counterPointer) == null ? " (the default)" : ""),
              where(
                  document.find(counterPointer) == null
                      ? tierPointer + "/limits"
                      : counterPointer)));
    }
    if (verdict.authorized()) {
      rules.addAll(
          CostExplainer.rules(platform.currency() != null, tier, model, m, verdict, this::where));
    }
    return new Explanation(tier.name(), model.name(), request.line(), verdict.authorized(), rules);
  }

  private void limits(
      String kind,
      List<LimitMatch> found,
      Tier tier,
      Model model,
      String tierPointer,
      List<Explanation.Rule> rules) {
    ModelLimits override = tier.modelLimits().get(model.name());
    boolean overridden =
        override != null
            && (kind.equals("request") ? override.requests() : override.tokens()) != null;
    String list =
        overridden
            ? JsonPointers.child(tierPointer + "/modelLimits", model.name())
                + "/"
                + (kind.equals("request") ? "requests" : "tokens")
            : tierPointer + "/limits/" + (kind.equals("request") ? "requests" : "tokens");
    List<Rate> spec =
        kind.equals("request")
            ? tier.requestRatesFor(model.name())
            : tier.tokenRatesFor(model.name());
    if (found.isEmpty()) {
      rules.add(
          new Explanation.Rule(
              kind
                  + " limit: none, "
                  + kind
                  + "s of tier "
                  + tier.name()
                  + " are not limited"
                  + (spec.isEmpty() ? "" : " — but the spec sets " + spec.size() + " rate(s)!"),
              where(tierPointer + "/limits")));
      return;
    }
    for (LimitMatch limit : found) {
      for (LimitMatch.RateValue rate : limit.rates()) {
        int k = -1;
        for (int i = 0; i < spec.size(); i++) {
          if (spec.get(i).limit() == rate.limit()
              && spec.get(i).parsedWindow().millis() == rate.millis()) {
            k = i;
          }
        }
        String words =
            kind
                + " limit "
                + limit.key()
                + ": "
                + AccessMatrix.number(rate.limit())
                + " "
                + kind
                + "s per "
                + rate.window()
                + ", "
                + (limit.perUser() ? "per user" : "shared by the tier")
                + (overridden ? " (this model's own limit)" : "")
                + (k < 0 ? " — not in the spec!" : "");
        rules.add(new Explanation.Rule(words, k < 0 ? limit.file() : where(list + "/" + k)));
      }
    }
  }

  private String where(String pointer) {
    return document.locate(pointer).toString();
  }
}
