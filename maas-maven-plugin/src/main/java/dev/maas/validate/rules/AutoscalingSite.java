package dev.maas.validate.rules;

import dev.maas.model.Autoscaling;
import dev.maas.model.Model;
import dev.maas.model.ModelOverride;
import dev.maas.model.Platform;
import dev.maas.model.Serving;
import dev.maas.spec.JsonPointers;
import dev.maas.validate.Findings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One autoscaling block of the spec and where it is: a model's own, or an environment's override of
 * it.
 *
 * @param autoscaling the block
 * @param pointer its JSON pointer
 */
record AutoscalingSite(Autoscaling autoscaling, String pointer) {

  /**
   * Every autoscaling block of the models served as {@code kind}, the models' first, then the
   * environments'.
   */
  static List<AutoscalingSite> of(Platform platform, Serving kind) {
    List<AutoscalingSite> sites = new ArrayList<>();
    for (int i = 0; i < platform.models().size(); i++) {
      Model model = platform.models().get(i);
      if (model.servingKind() == kind && model.autoscaling() != null) {
        sites.add(new AutoscalingSite(model.autoscaling(), "/spec/models/" + i + "/autoscaling"));
      }
    }
    for (int i = 0; i < platform.environments().size(); i++) {
      for (Map.Entry<String, ModelOverride> e :
          platform.environments().get(i).models().entrySet()) {
        boolean served = platform.model(e.getKey()).map(m -> m.servingKind() == kind).orElse(false);
        if (served && e.getValue().autoscaling() != null) {
          String base = JsonPointers.child("/spec/environments/" + i + "/models", e.getKey());
          sites.add(new AutoscalingSite(e.getValue().autoscaling(), base + "/autoscaling"));
        }
      }
    }
    return sites;
  }

  /** The blocks of {@link #of} that the spec writes itself (not filled in by a default). */
  static List<AutoscalingSite> written(Platform platform, Serving kind, Findings findings) {
    return of(platform, kind).stream().filter(site -> findings.written(site.pointer())).toList();
  }
}
