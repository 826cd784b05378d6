package dev.maas.render.kustomize;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.output.Yaml;
import dev.maas.render.Manifests;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * A {@code kustomization.yaml}: its resources (sorted) and patches (sorted by file, hand-written
 * ones last).
 */
public final class Kustomization {

  /** The file name Kustomize looks for. */
  public static final String FILE = "kustomization.yaml";

  /**
   * One patch entry.
   *
   * @param path the patch file, relative to the kustomization
   * @param target the object it patches, or {@code null} when the patch names it itself
   */
  public record Patch(String path, ObjectNode target) {}

  private final List<String> leading = new ArrayList<>();
  private final TreeSet<String> resources = new TreeSet<>();
  private final List<Patch> patches = new ArrayList<>();
  private final java.util.TreeMap<String, String> annotations = new java.util.TreeMap<>();

  /** Adds a resource listed before the sorted ones (e.g. the base an overlay builds on). */
  public Kustomization leadingResource(String path) {
    leading.add(path);
    return this;
  }

  /** Adds a resource file or folder. */
  public Kustomization resource(String path) {
    resources.add(path);
    return this;
  }

  /** Adds a patch. */
  public Kustomization patch(Patch patch) {
    patches.add(patch);
    return this;
  }

  /** Adds an annotation Kustomize puts on every object it builds from this folder. */
  public Kustomization commonAnnotation(String key, String value) {
    annotations.put(key, value);
    return this;
  }

  /** The YAML text. */
  public String text() {
    ObjectNode k = Manifests.map();
    k.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
    k.put("kind", "Kustomization");
    if (!annotations.isEmpty()) {
      ObjectNode common = k.putObject("commonAnnotations");
      annotations.forEach(common::put);
    }
    ArrayNode res = k.putArray("resources");
    leading.forEach(res::add);
    resources.forEach(res::add);
    if (!patches.isEmpty()) {
      ArrayNode p = k.putArray("patches");
      // Kustomize applies patches in list order: the hand-written ones (under custom/) last, so
      // that they win.
      patches.stream()
          .sorted(
              Comparator.comparing(
                      (Patch patch) -> patch.path().startsWith(OverlayBuilder.CUSTOM + "/"))
                  .thenComparing(Patch::path))
          .forEach(
              patch -> {
                ObjectNode entry = p.addObject();
                entry.put("path", patch.path());
                if (patch.target() != null) {
                  entry.set("target", patch.target());
                }
              });
    }
    return Yaml.write(k);
  }
}
