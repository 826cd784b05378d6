package dev.maas.render;

import dev.maas.model.Platform;
import java.util.List;

/**
 * A render stage that creates objects of the Kustomize base from the platform model; the pipeline
 * names it where it lists it ({@link Stage#generator}).
 */
public interface Generator {

  /** The objects this stage adds to the base. */
  List<KubeObject> generate(Platform platform);

  /**
   * Whether this stage's objects are the same in every environment because it reads nothing an
   * environment changes (the gateway hostname; a model's replicas, autoscaling and resources). An
   * overlay then reuses the base's objects instead of generating them again. Say {@code true} only
   * when sure: {@code PlatformRendererEnvironmentTest} compares overlays against a full re-render.
   * A generator says it by carrying {@link EnvironmentInvariant}.
   */
  default boolean environmentInvariant() {
    return getClass().isAnnotationPresent(EnvironmentInvariant.class);
  }

  /**
   * Whether this stage is started before the others. The generator stages run on every processor,
   * each index claimed in turn, so a stage far longer than the rest, started last, would end last
   * and alone.
   */
  default boolean startsFirst() {
    return false;
  }
}
