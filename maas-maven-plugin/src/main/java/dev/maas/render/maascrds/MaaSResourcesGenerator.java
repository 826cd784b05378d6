package dev.maas.render.maascrds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.model.Rate;
import dev.maas.model.Serving;
import dev.maas.model.Tier;
import dev.maas.render.Generator;
import dev.maas.render.KubeObject;
import dev.maas.render.Manifests;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates upstream MaaS's resources: a {@code MaaSModelRef} per LLM model (in the model's
 * namespace), and per tier a {@code MaaSSubscription} (owner groups, priority from the level, each
 * allowed model with its token limits) and a {@code MaaSAuthPolicy} (the same groups and models): a
 * tier's groups, models and token limits become a MaaSAuthPolicy and a MaaSSubscription, as
 * upstream's migration guide maps them (docs/content/migration/ tier-to-subscription.md lines
 * 192-212 and 621 at upstream commit c0639b1b).
 */
public final class MaaSResourcesGenerator implements Generator {

  @Override
  public List<KubeObject> generate(Platform platform) {
    List<KubeObject> out = new ArrayList<>();
    for (Model model : platform.models()) {
      if (model.servingKind() == Serving.LLM) {
        out.add(modelRef(model));
      }
    }
    for (Tier tier : platform.tiers()) {
      List<Model> models =
          platform.models().stream()
              .filter(m -> m.servingKind() == Serving.LLM && tier.allows(m.name()))
              .toList();
      if (models.isEmpty()) {
        continue; // both kinds need at least one model; a tier without one grants nothing on either
        // target
      }
      out.add(subscription(platform, tier, models));
      out.add(accessPolicy(platform, tier, models));
    }
    return out;
  }

  private static KubeObject modelRef(Model model) {
    KubeObject ref =
        Manifests.object(
            MaaSResources.API_VERSION, "MaaSModelRef", model.name(), model.namespace());
    ObjectNode annotations = ref.body().with("metadata").putObject("annotations");
    annotations.put(MaaSResources.DISPLAY_NAME_ANNOTATION, model.displayName());
    if (model.description() != null) {
      annotations.put(MaaSResources.DESCRIPTION_ANNOTATION, model.description());
    }
    ObjectNode target = Manifests.spec(ref).putObject("modelRef");
    target.put("kind", "LLMInferenceService");
    target.put("name", model.name());
    return ref;
  }

  private static KubeObject subscription(Platform platform, Tier tier, List<Model> models) {
    KubeObject sub = tierObject(platform, tier, "MaaSSubscription");
    ObjectNode spec = Manifests.spec(sub);
    owners(spec.putObject("owner"), tier);
    // maas-api binds a new key to the caller's subscription of the highest priority
    // (maas-api/internal/subscription/
    // selector.go lines 289-316), as the token service gives a caller the tier of the highest
    // level.
    spec.put("priority", tier.level());
    ArrayNode refs = spec.putArray("modelRefs");
    for (Model model : models) {
      ObjectNode ref = refs.addObject();
      ref.put("name", model.name());
      ref.put("namespace", model.namespace());
      ArrayNode limits = ref.putArray("tokenRateLimits");
      for (Rate rate : tier.tokenRatesFor(model.name())) {
        ObjectNode limit = limits.addObject();
        limit.put("limit", rate.limit());
        limit.put("window", rate.window());
      }
    }
    return sub;
  }

  private static KubeObject accessPolicy(Platform platform, Tier tier, List<Model> models) {
    KubeObject policy = tierObject(platform, tier, "MaaSAuthPolicy");
    ObjectNode spec = Manifests.spec(policy);
    ArrayNode refs = spec.putArray("modelRefs");
    for (Model model : models) {
      ObjectNode ref = refs.addObject();
      ref.put("name", model.name());
      ref.put("namespace", model.namespace());
    }
    owners(spec.putObject("subjects"), tier);
    return policy;
  }

  private static KubeObject tierObject(Platform platform, Tier tier, String kind) {
    KubeObject object =
        Manifests.object(
            MaaSResources.API_VERSION,
            kind,
            MaaSResources.name(platform, tier),
            MaaSResources.SUBSCRIPTION_NAMESPACE);
    object.body().with("metadata").putObject("labels").put(MaaSResources.TIER_LABEL, tier.name());
    return object;
  }

  private static void owners(ObjectNode owner, Tier tier) {
    ArrayNode groups = owner.putArray("groups");
    tier.groups().forEach(g -> groups.addObject().put("name", g));
  }
}
