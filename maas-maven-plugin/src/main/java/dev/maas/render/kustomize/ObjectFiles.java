package dev.maas.render.kustomize;

import dev.maas.render.KubeObject;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Names the file of every object: {@code <kind-lowercase>-<name>.yaml}, or {@code
 * <namespace>/<kind-lowercase>-<name>.yaml} for objects whose plain name would collide.
 */
public final class ObjectFiles {

  private ObjectFiles() {}

  /** File path (relative to the folder) → object, sorted by path. */
  public static SortedMap<String, KubeObject> layout(List<KubeObject> objects) {
    Map<String, Integer> counts = new HashMap<>();
    objects.forEach(o -> counts.merge(plainName(o), 1, Integer::sum));
    SortedMap<String, KubeObject> out = new TreeMap<>();
    for (KubeObject o : objects) {
      String name = plainName(o);
      String path =
          counts.get(name) == 1
              ? name
              : (o.namespace().isEmpty() ? "cluster" : o.namespace()) + "/" + name;
      if (out.putIfAbsent(path, o) != null) {
        throw new IllegalStateException("two objects would be written to " + path);
      }
    }
    return out;
  }

  /** The file name of an object without its folder. */
  public static String plainName(KubeObject o) {
    return o.kind().toLowerCase(Locale.ROOT) + "-" + o.name() + ".yaml";
  }
}
