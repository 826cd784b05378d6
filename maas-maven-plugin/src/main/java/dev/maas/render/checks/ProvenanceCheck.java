package dev.maas.render.checks;

import dev.maas.model.Platform;
import dev.maas.render.KubeObject;
import dev.maas.render.transform.ProvenanceTransformer;

/**
 * Every object carries the managed-by and part-of labels and names its spec (the hash comes from
 * the kustomization).
 */
public final class ProvenanceCheck implements EachObjectCheck {

  @Override
  public void checkObject(Platform platform, KubeObject o) {
    var metadata = o.body().path("metadata");
    boolean ok =
        "maas".equals(metadata.path("labels").path(ProvenanceTransformer.MANAGED_BY).asText(null))
            && platform
                .name()
                .equals(metadata.path("labels").path(ProvenanceTransformer.PART_OF).asText(null))
            && metadata.path("annotations").has(ProvenanceTransformer.SPEC);
    if (!ok) {
      throw new IllegalStateException(
          o.kind() + " " + o.name() + " lacks the maas labels or provenance annotations");
    }
  }
}
