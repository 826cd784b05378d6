package dev.maas.render;

import dev.maas.model.Platform;
import dev.maas.render.argocd.ArgoCdGenerator;
import dev.maas.render.checks.KuadrantWindowCheck;
import dev.maas.render.checks.ProvenanceCheck;
import dev.maas.render.checks.UniqueObjectsCheck;
import dev.maas.render.gateway.GatewayGenerator;
import dev.maas.render.kserve.ModelGenerator;
import dev.maas.render.kuadrant.KuadrantGenerator;
import dev.maas.render.monitoring.MonitoringGenerator;
import dev.maas.render.policy.AuthPolicyGenerator;
import dev.maas.render.policy.LimitKind;
import dev.maas.render.policy.RateLimitGenerator;
import dev.maas.render.policy.TelemetryPolicyGenerator;
import dev.maas.render.tokenservice.TokenServiceGenerator;
import dev.maas.render.transform.ProvenanceTransformer;
import dev.maas.render.transform.SyncWaveTransformer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered list of render stages: generators (each adds objects to a folder), then transformers
 * (each changes every object), then read-only checks. {@link #stages()} is the whole story of what a
 * compilation produces, in order.
 */
public final class RenderPipeline {

  /** The folder of the Kustomize base. */
  public static final String BASE = "base";

  /** The folder of the Argo CD objects. */
  public static final String ARGOCD = "argocd";

  /** The order objects are written and listed in: group, kind, namespace, name. */
  public static final Comparator<KubeObject> ORDER = Comparator.comparing(KubeObject::group)
      .thenComparing(KubeObject::kind).thenComparing(KubeObject::namespace).thenComparing(KubeObject::name);

  private final List<Stage> stages;

  private RenderPipeline(List<Stage> stages) {
    this.stages = List.copyOf(stages);
  }

  /** The standard pipeline. */
  public static RenderPipeline standard(RenderOptions options) {
    List<Stage> stages = new ArrayList<>();
    stages.add(Stage.generator(new GatewayGenerator(), BASE));
    stages.add(Stage.generator(new KuadrantGenerator(), BASE));
    stages.add(Stage.generator(new AuthPolicyGenerator(), BASE));
    stages.add(Stage.generator(new RateLimitGenerator(LimitKind.REQUESTS), BASE));
    stages.add(Stage.generator(new RateLimitGenerator(LimitKind.TOKENS), BASE));
    stages.add(Stage.generator(new TelemetryPolicyGenerator(), BASE));
    stages.add(Stage.generator(new ModelGenerator(), BASE));
    stages.add(Stage.generator(new TokenServiceGenerator(), BASE));
    stages.add(Stage.generator(new MonitoringGenerator(), BASE));
    stages.add(Stage.generator(argoCd(), ARGOCD));
    stages.add(Stage.transformer(new SyncWaveTransformer()));
    stages.add(Stage.transformer(new ProvenanceTransformer(options.pluginVersion())));
    stages.add(Stage.check(new UniqueObjectsCheck()));
    stages.add(Stage.check(new ProvenanceCheck()));
    stages.add(Stage.check(new KuadrantWindowCheck()));
    return new RenderPipeline(stages);
  }

  /** The stages in the order they run. */
  public List<Stage> stages() {
    return stages;
  }

  /** Runs every stage on {@code platform}: the objects of each folder, sorted by {@link #ORDER}. */
  public Map<String, List<KubeObject>> run(Platform platform) {
    Map<String, List<KubeObject>> folders = new LinkedHashMap<>();
    folders.put(BASE, new ArrayList<>());
    folders.put(ARGOCD, new ArrayList<>());
    for (Stage stage : stages) {
      if (stage.kind() == Stage.Kind.GENERATOR) {
        folders.computeIfAbsent(stage.folder(), f -> new ArrayList<>()).addAll(((Generator) stage.step()).generate(platform));
      }
    }
    for (Stage stage : stages) {
      if (stage.kind() == Stage.Kind.TRANSFORMER) {
        Transformer transformer = (Transformer) stage.step();
        folders.replaceAll((folder, objects) -> new ArrayList<>(transformer.transform(platform, objects)));
      }
    }
    folders.values().forEach(objects -> objects.sort(ORDER));
    for (Stage stage : stages) {
      if (stage.kind() == Stage.Kind.CHECK) {
        RenderCheck check = (RenderCheck) stage.step();
        folders.values().forEach(objects -> check.check(platform, List.copyOf(objects)));
      }
    }
    Map<String, List<KubeObject>> out = new LinkedHashMap<>();
    folders.forEach((folder, objects) -> out.put(folder, List.copyOf(objects)));
    return out;
  }

  private static Generator argoCd() {
    ArgoCdGenerator argo = new ArgoCdGenerator();
    return new Generator() {
      @Override
      public String name() {
        return "argocd";
      }

      @Override
      public List<KubeObject> generate(Platform platform) {
        return argo.generate(platform);
      }
    };
  }
}
