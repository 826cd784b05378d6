package dev.maas.render.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.model.CounterScope;
import dev.maas.model.Model;
import dev.maas.model.ModelRouting;
import dev.maas.model.Platform;
import dev.maas.model.Rate;
import dev.maas.model.Tier;
import dev.maas.render.Generator;
import dev.maas.render.KubeObject;
import dev.maas.render.Manifests;
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
public final class RateLimitGenerator implements Generator {

  private final LimitKind kind;

  public RateLimitGenerator(LimitKind kind) {
    this.kind = kind;
  }

  /** It reads model and gateway names and namespaces, and the tiers. */
  @Override
  public boolean environmentInvariant() {
    return true;
  }

  @Override
  public String name() {
    return kind.word() + "-limits";
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

  /** The limits by key, in tier order then model order. */
  Map<String, ObjectNode> limits(Platform platform) {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    for (Tier tier : platform.tiers()) {
      if (tier.unlimited()) {
        continue;
      }
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
        put(out, tier.name() + "-" + kind.word(), limit(tier, general, when));
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
        put(out, tier.name() + "-" + model.name() + "-" + kind.word(), limit(tier, rates, when));
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
      put(out, kind.capKey(model.name()), limit(null, cap, when));
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

  private static ObjectNode limit(Tier tier, List<Rate> rates, List<String> when) {
    ObjectNode limit = Manifests.map();
    ArrayNode ratesNode = limit.putArray("rates");
    for (Rate rate : rates) {
      ObjectNode r = ratesNode.addObject();
      r.put("limit", rate.limit());
      r.put("window", rate.parsedWindow().toKuadrant());
    }
    ArrayNode whenNode = limit.putArray("when");
    when.forEach(predicate -> whenNode.addObject().put("predicate", predicate));
    if (tier != null && tier.limits().counterScope() == CounterScope.USER) {
      limit.putArray("counters").addObject().put("expression", Predicates.USER_ID);
    }
    return limit;
  }
}
