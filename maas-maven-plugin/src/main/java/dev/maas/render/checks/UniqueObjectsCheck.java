package dev.maas.render.checks;

import dev.maas.model.Platform;
import dev.maas.render.KubeObject;
import dev.maas.render.RenderCheck;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** No two objects share group, kind, namespace and name (Kustomize would refuse the base). */
public final class UniqueObjectsCheck implements RenderCheck {

  @Override
  public void check(Platform platform, List<KubeObject> objects) {
    Set<String> seen = new HashSet<>();
    for (KubeObject o : objects) {
      String id = o.group() + "/" + o.kind() + "/" + o.namespace() + "/" + o.name();
      if (!seen.add(id)) {
        throw new IllegalStateException("two generated objects are both " + id);
      }
    }
  }
}
