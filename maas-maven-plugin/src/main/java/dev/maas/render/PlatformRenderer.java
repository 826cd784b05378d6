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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

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
    return render(platform, null);
  }

  /**
   * The files of one platform, as {@link #render(Platform)} makes them; the generators of {@link
   * #pipeline()} whose objects {@code made} holds for this very platform do not run again, and
   * those objects become the output's.
   */
  public GeneratedTree render(Platform platform, RenderPipeline.Generated made) {
    TreeMap<String, byte[]> files = new TreeMap<>();
    RenderPipeline pipeline =
        platform.target() == Target.KUADRANT
            ? this.pipeline
            : RenderPipeline.of(options, platform.target());
    RenderPipeline.Run run = pipeline.executeWith(platform, made);
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
    List<Environment> environments = platform.environments();
    List<SortedMap<String, byte[]>> overlays =
        new ArrayList<>(Collections.nCopies(environments.size(), null));
    // Each environment's overlay is its own work on objects the base only reads: every processor
    // builds some, and their files are put in the environments' order.
    IntStream.range(0, environments.size())
        .parallel()
        .forEach(i -> overlays.set(i, overlay(pipeline, platform, run, base, environments.get(i))));
    for (int i = 0; i < environments.size(); i++) {
      String prefix = "overlays/" + environments.get(i).name() + "/";
      overlays.get(i).forEach((path, bytes) -> files.put(prefix + path, bytes));
    }
    return new GeneratedTree(files);
  }

  /** The files of {@code env}'s overlay, relative to its folder. */
  private SortedMap<String, byte[]> overlay(
      RenderPipeline pipeline,
      Platform platform,
      RenderPipeline.Run run,
      List<KubeObject> base,
      Environment env) {
    // Only the stages an environment can change run again; the others' objects are the base's own.
    List<KubeObject> envObjects =
        pipeline
            .execute(EnvironmentView.apply(platform, env), run)
            .folders()
            .get(RenderPipeline.BASE);
    Path handWritten =
        options.overlaysDir() == null ? null : options.overlaysDir().resolve(env.name());
    return OverlayBuilder.build(base, envObjects, handWritten);
  }

  private static void writeFolder(
      TreeMap<String, byte[]> files,
      String folder,
      List<KubeObject> objects,
      Map<String, String> commonAnnotations) {
    Kustomization kustomization = new Kustomization();
    commonAnnotations.forEach(kustomization::commonAnnotation);
    List<Map.Entry<String, KubeObject>> layout =
        new ArrayList<>(ObjectFiles.layout(objects).entrySet());
    byte[][] texts = new byte[layout.size()][];
    // Writing YAML is most of rendering and each object's text is its own: every processor writes
    // some, and the files are listed in the layout's order.
    IntStream.range(0, texts.length)
        .parallel()
        .forEach(
            i ->
                texts[i] =
                    Yaml.write(layout.get(i).getValue().body()).getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < texts.length; i++) {
      String path = layout.get(i).getKey();
      files.put(folder + "/" + path, texts[i]);
      kustomization.resource(path);
    }
    files.put(
        folder + "/" + Kustomization.FILE, kustomization.text().getBytes(StandardCharsets.UTF_8));
  }
}
