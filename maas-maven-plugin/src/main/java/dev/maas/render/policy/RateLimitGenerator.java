package dev.maas.render.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.model.CounterScope;
import dev.maas.model.Model;
import dev.maas.model.ModelRouting;
import dev.maas.model.Platform;
import dev.maas.model.Rate;
import dev.maas.model.Tier;
import dev.maas.render.EnvironmentInvariant;
import dev.maas.render.Generator;
import dev.maas.render.KubeObject;
import dev.maas.render.Manifests;
import dev.maas.tokenservice.config.LimitName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates one policy per {@link LimitKind}, on the public model route, with one limit per tier
 * and one per tier-model override. The predicates are mutually exclusive: a tier's general limit
 * leaves out the paths of the models that have their own limit of that kind, so at most one limit
 * of each kind applies to any request, and exactly one when the tier (or the override) sets rates
 * of that kind. A model's cap is one more limit, without tier predicate or counters, that every
 * call of the model meets.
 */
@EnvironmentInvariant(reads = "model and gateway names and namespaces, and the tiers")
public final class RateLimitGenerator implements Generator {

  private final LimitKind kind;

  public RateLimitGenerator(LimitKind kind) {
    this.kind = kind;
  }

  @Override
  public List<KubeObject> generate(Platform platform) {
    Map<String, ObjectNode> limits = limits(platform);
    if (limits.isEmpty()) {
      // The CRD requires at least one limit; no tier limits this kind, so there is no policy.
      return List.of();
    }
    KubeObject policy =
        Manifests.object(
            kind.apiVersion(),
            kind.policyKind(),
            kind.policyName(platform.name()),
            platform.gateway().namespace());
    ObjectNode spec = Manifests.spec(policy);
    // The public model route, not the Gateway: Kuadrant makes one set of counters per route a limit
    // applies to
    // (kuadrant-operator v1.5.2 internal/controller/ratelimit_workflow_helpers.go lines 66-68 and
    // 333), and this
    // route carries every model call and the listing, so each tier limit is counted once, across
    // all its models.
    spec.set("targetRef", Manifests.routeTarget(ModelRouting.publicRouteName(platform)));
    ObjectNode limitsNode = spec.putObject("limits");
    limits.forEach(limitsNode::set);
    return List.of(policy);
  }

  /**
   * One limit of the policy before it is written.
   *
   * @param key the limit's key in the policy, which Kuadrant makes the Limitador limit's name
   * @param tier the tier it counts, or {@code null} for a model's cap
   * @param model the model it counts, or {@code null} for every model of the tier
   * @param rates its rates
   * @param when its predicates
   * @param perUser whether each caller has counters of their own ({@link Predicates#USER_ID})
   */
  public record PlannedLimit(
      String key,
      String tier,
      String model,
      List<Rate> rates,
      List<String> when,
      boolean perUser) {}

  /** The limits by key, in tier order then model order. */
  Map<String, ObjectNode> limits(Platform platform) {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    for (PlannedLimit planned : planned(platform)) {
      put(out, planned.key(), limit(planned));
    }
    return out;
  }

  /** The limits in policy order: tier order then model order, then the models' caps. */
  public List<PlannedLimit> planned(Platform platform) {
    List<PlannedLimit> out = new ArrayList<>();
    for (Tier tier : platform.tiers()) {
      if (tier.unlimited()) {
        continue;
      }
      boolean perUser = tier.limits().counterScope() == CounterScope.USER;
      List<Model> overridden = new ArrayList<>();
      for (Model model : platform.models()) {
        if (tier.allows(model.name())
            && kind.overrideRates(tier.modelLimits().get(model.name())) != null) {
          overridden.add(model);
        }
      }
      List<Rate> general = kind.tierRates(tier);
      if (!general.isEmpty()) {
        List<String> when = new ArrayList<>();
        when.add(Predicates.tierIs(tier.name()));
        if (kind == LimitKind.TOKENS) {
          when.add(Predicates.notModelListing());
        }
        overridden.forEach(model -> when.add(Predicates.notPathUnder(model)));
        out.add(
            new PlannedLimit(
                LimitName.tier(tier.name(), kind.word()),
                tier.name(),
                null,
                general,
                when,
                perUser));
      }
      for (Model model : overridden) {
        List<Rate> rates = kind.overrideRates(tier.modelLimits().get(model.name()));
        if (rates.isEmpty()) {
          continue; // the override lifts this kind of limit for the model
        }
        List<String> when = new ArrayList<>();
        when.add(Predicates.tierIs(tier.name()));
        when.add(Predicates.pathUnder(model));
        if (kind == LimitKind.TOKENS) {
          when.add(Predicates.notModelListing());
        }
        out.add(
            new PlannedLimit(
                LimitName.override(tier.name(), model.name(), kind.word()),
                tier.name(),
                model.name(),
                rates,
                when,
                perUser));
      }
    }
    for (Model model : platform.models()) {
      List<Rate> cap = kind.capRates(model);
      if (cap.isEmpty()) {
        continue;
      }
      // No tier predicate and no counters: one counter for the model, whoever calls it, on top of
      // the tier's own.
      List<String> when = new ArrayList<>();
      when.add(Predicates.pathUnder(model));
      if (kind == LimitKind.TOKENS) {
        when.add(Predicates.notModelListing());
      }
      out.add(new PlannedLimit(kind.capKey(model.name()), null, model.name(), cap, when, false));
    }
    return out;
  }

  private static void put(Map<String, ObjectNode> limits, String key, ObjectNode limit) {
    if (limits.putIfAbsent(key, limit) != null) {
      throw new IllegalStateException(
          "two limits are both named `"
              + key
              + "`: a tier name joined with a model name equals another tier's name");
    }
  }

  private static ObjectNode limit(PlannedLimit planned) {
    ObjectNode limit = Manifests.map();
    ArrayNode ratesNode = limit.putArray("rates");
    for (Rate rate : planned.rates()) {
      ObjectNode r = ratesNode.addObject();
      r.put("limit", rate.limit());
      r.put("window", rate.parsedWindow().toKuadrant());
    }
    ArrayNode whenNode = limit.putArray("when");
    planned.when().forEach(predicate -> whenNode.addObject().put("predicate", predicate));
    if (planned.perUser()) {
      limit.putArray("counters").addObject().put("expression", Predicates.USER_ID);
    }
    return limit;
  }
}
