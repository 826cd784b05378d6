package dev.maas.render.argocd;

import dev.maas.model.Platform;
import dev.maas.render.KubeObject;
import java.util.List;

/** Generates the Argo CD AppProject and Applications that sync the platform's overlays. */
public final class ArgoCdGenerator {

  /** The objects of {@code <out>/<platform>/argocd/}; empty when the spec has no {@code gitops}. */
  public List<KubeObject> generate(Platform platform) {
    return List.of();
  }
}
