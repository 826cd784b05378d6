package dev.maas.render.kustomize;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.output.SafePaths;
import dev.maas.output.Yaml;
import dev.maas.render.KubeObject;
import dev.maas.render.Manifests;
import dev.maas.render.RenderPipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds {@code overlays/<env>/}: the base plus one JSON patch per object the environment changes,
 * the objects only the environment has, and the hand-written files of {@code <overlaysDir>/<env>/}
 * copied under {@code custom/}.
 */
public final class OverlayBuilder {

  /** The sub-folder of an overlay that holds the hand-written files. */
  public static final String CUSTOM = "custom";

  /** How generated and hand-written patch files end. */
  public static final String PATCH_SUFFIX = "-patch.yaml";

  private OverlayBuilder() {}

  /**
   * The overlay's files, relative to the overlay folder.
   *
   * @param base the base's objects
   * @param env the same pipeline's objects for the environment
   * @param handWritten the environment's hand-written folder, or {@code null}
   */
  public static SortedMap<String, byte[]> build(
      List<KubeObject> base, List<KubeObject> env, Path handWritten) {
    SortedMap<String, String> files = new TreeMap<>();
    Kustomization kustomization =
        new Kustomization().leadingResource("../../" + RenderPipeline.BASE);
    SortedMap<String, KubeObject> baseFiles = ObjectFiles.layout(base);
    Map<String, String> baseFileById = new TreeMap<>();
    Map<String, KubeObject> baseById = new TreeMap<>();
    baseFiles.forEach(
        (path, o) -> {
          baseFileById.put(id(o), path);
          baseById.put(id(o), o);
        });
    Map<String, KubeObject> envById = new TreeMap<>();
    env.forEach(o -> envById.put(id(o), o));

    for (KubeObject o : env) {
      KubeObject before = baseById.get(id(o));
      if (before == null) {
        String path = ObjectFiles.plainName(o);
        files.put(path, Yaml.write(o.body()));
        kustomization.resource(path);
        continue;
      }
      ArrayNode ops = JsonPatches.diff(before.body(), o.body());
      if (!ops.isEmpty()) {
        String path = patchName(baseFileById.get(id(o)));
        files.put(path, Yaml.write(ops));
        kustomization.patch(new Kustomization.Patch(path, target(o)));
      }
    }
    for (Map.Entry<String, KubeObject> e : baseById.entrySet()) {
      if (!envById.containsKey(e.getKey())) {
        KubeObject gone = e.getValue();
        String path = patchName(baseFileById.get(e.getKey()));
        KubeObject delete =
            Manifests.object(
                gone.apiVersion(),
                gone.kind(),
                gone.name(),
                gone.namespace().isEmpty() ? null : gone.namespace());
        delete.body().put("$patch", "delete");
        files.put(path, Yaml.write(delete.body()));
        kustomization.patch(new Kustomization.Patch(path, null));
      }
    }

    SortedMap<String, byte[]> out = new TreeMap<>();
    if (handWritten != null && Files.isDirectory(handWritten)) {
      for (Map.Entry<String, byte[]> e : readFolder(handWritten).entrySet()) {
        String path = CUSTOM + "/" + e.getKey();
        out.put(path, e.getValue());
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        if (fileName.equals(Kustomization.FILE)
            || !(fileName.endsWith(".yaml") || fileName.endsWith(".yml"))) {
          continue; // copied for reference, but not an object or a patch
        }
        if (fileName.endsWith(PATCH_SUFFIX)) {
          kustomization.patch(new Kustomization.Patch(path, null));
        } else {
          kustomization.resource(path);
        }
      }
    }
    files.put(Kustomization.FILE, kustomization.text());
    files.forEach(
        (path, text) -> out.put(path, text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return out;
  }

  private static String patchName(String objectFile) {
    return objectFile.substring(0, objectFile.length() - ".yaml".length()) + PATCH_SUFFIX;
  }

  private static String id(KubeObject o) {
    return o.group() + "/" + o.kind() + "/" + o.namespace() + "/" + o.name();
  }

  private static ObjectNode target(KubeObject o) {
    ObjectNode t = Manifests.map();
    t.put("group", o.group());
    String version = o.apiVersion().substring(o.apiVersion().indexOf('/') + 1);
    t.put("version", version);
    t.put("kind", o.kind());
    t.put("name", o.name());
    if (!o.namespace().isEmpty()) {
      t.put("namespace", o.namespace());
    }
    return t;
  }

  /**
   * The regular files under {@code folder} whose every path segment is a safe name, relative,
   * sorted.
   */
  private static SortedMap<String, byte[]> readFolder(Path folder) {
    SortedMap<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        String rel = folder.relativize(p).toString().replace('\\', '/');
        try {
          SafePaths.requireRelative(rel);
        } catch (IllegalArgumentException hidden) {
          continue; // dot files and odd names stay behind
        }
        out.put(rel, Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the hand-written overlay " + folder + ": " + e.getMessage(), e);
    }
    return out;
  }
}
