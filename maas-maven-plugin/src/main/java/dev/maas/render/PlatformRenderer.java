package dev.maas.render;

import dev.maas.model.Environment;
import dev.maas.model.Platform;
import dev.maas.model.Target;
import dev.maas.output.GeneratedTree;
import dev.maas.output.Yaml;
import dev.maas.render.kustomize.EnvironmentView;
import dev.maas.render.kustomize.Kustomization;
import dev.maas.render.kustomize.ObjectFiles;
import dev.maas.render.kustomize.OverlayBuilder;
import dev.maas.render.transform.ProvenanceTransformer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compiles a platform into its output tree: {@code base/} (a Kustomize base), {@code
 * overlays/<env>/} (one per environment) and {@code argocd/}; every folder with manifests has a
 * {@code kustomization.yaml}.
 */
public final class PlatformRenderer {

  private final RenderOptions options;
  private final RenderPipeline pipeline;

  public PlatformRenderer(RenderOptions options) {
    this.options = options;
    this.pipeline = RenderPipeline.standard(options);
  }

  /** The stages this renderer runs, in order. */
  public RenderPipeline pipeline() {
    return pipeline;
  }

  /** The files of one platform, with paths relative to {@code <out>/<platform>/}. */
  public GeneratedTree render(Platform platform) {
    TreeMap<String, byte[]> files = new TreeMap<>();
    RenderPipeline pipeline =
        platform.target() == Target.KUADRANT
            ? this.pipeline
            : RenderPipeline.of(options, platform.target());
    RenderPipeline.Run run = pipeline.execute(platform, null);
    Map<String, List<KubeObject>> folders = run.folders();
    folders.forEach(
        (folder, objects) -> {
          if (!objects.isEmpty()) {
            writeFolder(
                files,
                folder,
                objects,
                ProvenanceTransformer.commonAnnotations(platform, options.pluginVersion()));
          }
        });
    List<KubeObject> base = folders.get(RenderPipeline.BASE);
    for (Environment env : platform.environments()) {
      // Only the stages an environment can change run again; the others' objects are the base's
      // own.
      List<KubeObject> envObjects =
          pipeline
              .execute(EnvironmentView.apply(platform, env), run)
              .folders()
              .get(RenderPipeline.BASE);
      Path handWritten =
          options.overlaysDir() == null ? null : options.overlaysDir().resolve(env.name());
      OverlayBuilder.build(base, envObjects, handWritten)
          .forEach((path, bytes) -> files.put("overlays/" + env.name() + "/" + path, bytes));
    }
    return new GeneratedTree(files);
  }

  private static void writeFolder(
      TreeMap<String, byte[]> files,
      String folder,
      List<KubeObject> objects,
      Map<String, String> commonAnnotations) {
    Kustomization kustomization = new Kustomization();
    commonAnnotations.forEach(kustomization::commonAnnotation);
    ObjectFiles.layout(objects)
        .forEach(
            (path, object) -> {
              files.put(
                  folder + "/" + path, Yaml.write(object.body()).getBytes(StandardCharsets.UTF_8));
              kustomization.resource(path);
            });
    files.put(
        folder + "/" + Kustomization.FILE, kustomization.text().getBytes(StandardCharsets.UTF_8));
  }
}
