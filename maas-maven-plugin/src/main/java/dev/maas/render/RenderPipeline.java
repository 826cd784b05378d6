package dev.maas.render;

import dev.maas.concurrent.SharedLoop;
import dev.maas.model.Platform;
import dev.maas.model.Target;
import dev.maas.render.argocd.ArgoCdGenerator;
import dev.maas.render.checks.KuadrantWindowCheck;
import dev.maas.render.checks.ProvenanceCheck;
import dev.maas.render.checks.UniqueObjectsCheck;
import dev.maas.render.gateway.GatewayGenerator;
import dev.maas.render.kserve.ModelGenerator;
import dev.maas.render.kuadrant.KuadrantGenerator;
import dev.maas.render.logs.AccessLogGenerator;
import dev.maas.render.maascrds.MaaSResourcesGenerator;
import dev.maas.render.maascrds.UpstreamOwned;
import dev.maas.render.monitoring.MonitoringGenerator;
import dev.maas.render.monitoring.PriceTableGenerator;
import dev.maas.render.policy.AuthPolicyGenerator;
import dev.maas.render.policy.LimitKind;
import dev.maas.render.policy.RateLimitGenerator;
import dev.maas.render.policy.TelemetryPolicyGenerator;
import dev.maas.render.policy.TokenServiceLimitGenerator;
import dev.maas.render.tokenservice.TokenServiceGenerator;
import dev.maas.render.transform.ProvenanceTransformer;
import dev.maas.render.transform.SyncWaveTransformer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ordered list of render stages: generators (each adds objects to a folder), then transformers
 * (each changes every object), then read-only checks. {@link #stages()} is the whole story of what
 * a compilation produces, in order.
 */
public final class RenderPipeline {

  /** The folder of the Kustomize base. */
  public static final String BASE = "base";

  /** The folder of the Argo CD objects. */
  public static final String ARGOCD = "argocd";

  /** The order objects are written and listed in: group, kind, namespace, name. */
  public static final Comparator<KubeObject> ORDER =
      Comparator.comparing(KubeObject::group)
          .thenComparing(KubeObject::kind)
          .thenComparing(KubeObject::namespace)
          .thenComparing(KubeObject::name);

  private final List<Stage> stages;

  private RenderPipeline(List<Stage> stages) {
    this.stages = List.copyOf(stages);
  }

  /** The standard pipeline. */
  public static RenderPipeline standard(RenderOptions options) {
    List<Stage> stages = new ArrayList<>();
    stages.add(Stage.generator("gateway", new GatewayGenerator(), BASE));
    stages.add(Stage.generator("kuadrant", new KuadrantGenerator(), BASE));
    stages.add(Stage.generator("auth-policy", new AuthPolicyGenerator(), BASE));
    stages.add(
        Stage.generator("requests-limits", new RateLimitGenerator(LimitKind.REQUESTS), BASE));
    stages.add(Stage.generator("tokens-limits", new RateLimitGenerator(LimitKind.TOKENS), BASE));
    stages.add(Stage.generator("telemetry-policy", new TelemetryPolicyGenerator(), BASE));
    stages.add(Stage.generator("models", new ModelGenerator(), BASE));
    stages.add(Stage.generator("token-service", new TokenServiceGenerator(), BASE));
    stages.add(Stage.generator("token-service-limits", new TokenServiceLimitGenerator(), BASE));
    stages.add(Stage.generator("monitoring", new MonitoringGenerator(), BASE));
    stages.add(Stage.generator("price-table", new PriceTableGenerator(), BASE));
    stages.add(Stage.generator("access-logs", new AccessLogGenerator(), BASE));
    stages.add(Stage.generator("argocd", argoCd(), ARGOCD));
    stages.add(Stage.transformer("sync-waves", new SyncWaveTransformer()));
    stages.add(Stage.transformer("provenance", new ProvenanceTransformer()));
    stages.add(Stage.check("unique-objects", new UniqueObjectsCheck()));
    stages.add(Stage.check("provenance-present", new ProvenanceCheck()));
    stages.add(Stage.check("kuadrant-windows", new KuadrantWindowCheck()));
    return new RenderPipeline(stages);
  }

  /**
   * The pipeline of {@code target}: {@link #standard} for Kuadrant, {@link #maasCrds} for upstream
   * MaaS's CRDs.
   */
  public static RenderPipeline of(RenderOptions options, Target target) {
    return target == Target.MAAS_CRDS ? maasCrds(options) : standard(options);
  }

  /**
   * The pipeline of the {@code maas-crds} target: the Gateway, Kuadrant, models, monitoring and
   * Argo CD as the standard one writes them, upstream MaaS's resources in place of the gateway
   * policies and the token service.
   */
  public static RenderPipeline maasCrds(RenderOptions options) {
    List<Stage> stages = new ArrayList<>();
    stages.add(Stage.generator("gateway", UpstreamOwned.gateway(), BASE));
    stages.add(Stage.generator("kuadrant", new KuadrantGenerator(), BASE));
    stages.add(Stage.generator("maas-resources", new MaaSResourcesGenerator(), BASE));
    stages.add(Stage.generator("models", UpstreamOwned.models(), BASE));
    stages.add(Stage.generator("monitoring", UpstreamOwned.monitoring(), BASE));
    stages.add(Stage.generator("argocd", argoCd(), ARGOCD));
    stages.add(Stage.transformer("sync-waves", new SyncWaveTransformer()));
    stages.add(Stage.transformer("provenance", new ProvenanceTransformer()));
    stages.add(Stage.check("unique-objects", new UniqueObjectsCheck()));
    stages.add(Stage.check("provenance-present", new ProvenanceCheck()));
    return new RenderPipeline(stages);
  }

  /** The stages in the order they run. */
  public List<Stage> stages() {
    return stages;
  }

  /** Runs every stage on {@code platform}: the objects of each folder, sorted by {@link #ORDER}. */
  public Map<String, List<KubeObject>> run(Platform platform) {
    return execute(platform, null).folders();
  }

  /**
   * What the generator stages made of one platform, before any transformer: the input of {@link
   * NameClashes}, and of one run of the same platform, which then need not run them again. The
   * objects are that run's to change.
   *
   * @param platform the platform the generators read
   * @param objects each generator stage's objects, in the stages' order
   */
  public record Generated(Platform platform, Map<Stage.Generating, List<KubeObject>> objects) {}

  /** Runs the generator stages alone on {@code platform}. */
  public Generated generate(Platform platform) {
    return start(platform).join();
  }

  /**
   * Starts the generator stages on {@code platform} on other threads; {@link GeneratorRun#join}
   * takes their objects. A run that is never joined is let go: its failures are not thrown.
   */
  public GeneratorRun start(Platform platform) {
    List<Stage.Generating> generating = new ArrayList<>();
    for (Stage stage : stages) {
      if (stage instanceof Stage.Generating g) {
        generating.add(g);
      }
    }
    return new GeneratorRun(platform, generating);
  }

  /** The generator stages running on one platform. */
  public static final class GeneratorRun {
    private final Platform platform;
    private final List<Stage.Generating> generating;
    private final List<List<KubeObject>> made;
    private final SharedLoop loop;

    private GeneratorRun(Platform platform, List<Stage.Generating> generating) {
      this.platform = platform;
      this.generating = generating;
      this.made = new ArrayList<>(Collections.nCopies(generating.size(), null));
      this.loop = generateAll(generating, platform, made);
    }

    /** The platform the generators read. */
    public Platform platform() {
      return platform;
    }

    /**
     * What the generators made, once all ran; the calling thread runs those no other thread has
     * started.
     */
    public Generated join() {
      loop.join();
      Map<Stage.Generating, List<KubeObject>> objects = new LinkedHashMap<>();
      for (int i = 0; i < generating.size(); i++) {
        objects.put(generating.get(i), made.get(i));
      }
      return new Generated(platform, Collections.unmodifiableMap(objects));
    }
  }

  /**
   * The objects of each of {@code generating}, in order. Generators only read the platform and
   * build objects of their own, so every processor runs some.
   */
  private static List<List<KubeObject>> generateAll(
      List<Stage.Generating> generating, Platform platform) {
    List<List<KubeObject>> made = new ArrayList<>(Collections.nCopies(generating.size(), null));
    generateAll(generating, platform, made).join();
    return made;
  }

  /**
   * Starts filling {@code made} with the objects of each of {@code generating}, those that {@link
   * Generator#startsFirst} first.
   */
  private static SharedLoop generateAll(
      List<Stage.Generating> generating, Platform platform, List<List<KubeObject>> made) {
    List<Integer> order = new ArrayList<>();
    List<Integer> later = new ArrayList<>();
    for (int i = 0; i < generating.size(); i++) {
      (generating.get(i).generator().startsFirst() ? order : later).add(i);
    }
    order.addAll(later);
    return SharedLoop.start(
        order.size(),
        k -> {
          int i = order.get(k);
          made.set(i, List.copyOf(generating.get(i).generator().generate(platform)));
        });
  }

  /**
   * The objects of a run, by folder, and the objects each generator stage made (after the
   * transformers), so that a run for an environment can reuse what does not vary by environment.
   *
   * @param folders the objects of each folder, sorted by {@link #ORDER}
   * @param generated each generator stage's objects; {@code null} when a transformer replaced
   *     objects
   */
  public record Run(
      Map<String, List<KubeObject>> folders, Map<Stage.Generating, List<KubeObject>> generated) {}

  /**
   * Runs every stage on {@code platform}; with {@code reuse} (a run of the whole platform), a
   * generator that is {@link Generator#environmentInvariant()} is not run again: its objects of
   * {@code reuse}, already transformed, are taken as they are (the same instances, which overlays
   * compare at no cost).
   */
  public Run execute(Platform platform, Run reuse) {
    return execute(platform, reuse, null);
  }

  /**
   * Runs every stage on {@code platform} as {@link #execute(Platform, Run)} does; a generator stage
   * that {@code made} holds, made of this very platform by this pipeline's stages, is not run
   * again.
   */
  public Run executeWith(Platform platform, Generated made) {
    return execute(platform, null, made);
  }

  private Run execute(Platform platform, Run reuse, Generated made) {
    boolean reusing = reuse != null && reuse.generated() != null;
    Map<Stage.Generating, List<KubeObject>> ready =
        made != null && made.platform() == platform ? made.objects() : Map.of();
    List<Stage.Generating> toRun = new ArrayList<>();
    for (Stage stage : stages) {
      if (stage instanceof Stage.Generating generating
          && !(reusing && generating.generator().environmentInvariant())
          && !ready.containsKey(generating)) {
        toRun.add(generating);
      }
    }
    List<List<KubeObject>> ran = generateAll(toRun, platform);
    Map<String, List<KubeObject>> fresh = new LinkedHashMap<>();
    Map<String, List<KubeObject>> reused = new LinkedHashMap<>();
    fresh.put(BASE, new ArrayList<>());
    fresh.put(ARGOCD, new ArrayList<>());
    Map<Stage.Generating, List<KubeObject>> generated = new LinkedHashMap<>();
    for (Stage stage : stages) {
      if (stage instanceof Stage.Generating generating) {
        int at = toRun.indexOf(generating);
        if (at >= 0 || ready.containsKey(generating)) {
          List<KubeObject> objects = at >= 0 ? ran.get(at) : ready.get(generating);
          fresh.computeIfAbsent(generating.folder(), f -> new ArrayList<>()).addAll(objects);
          generated.put(generating, objects);
        } else {
          List<KubeObject> objects = reuse.generated().get(generating);
          reused.computeIfAbsent(generating.folder(), f -> new ArrayList<>()).addAll(objects);
          generated.put(generating, objects);
        }
      }
    }
    for (Stage stage : stages) {
      if (stage instanceof Stage.Transforming transforming) {
        Transformer transformer = transforming.transformer();
        fresh.replaceAll(
            (folder, objects) -> new ArrayList<>(transformer.transform(platform, objects)));
      }
    }
    Map<String, List<KubeObject>> folders = new LinkedHashMap<>();
    fresh.forEach((folder, objects) -> folders.put(folder, new ArrayList<>(objects)));
    reused.forEach(
        (folder, objects) ->
            folders.computeIfAbsent(folder, f -> new ArrayList<>()).addAll(objects));
    folders.values().forEach(objects -> objects.sort(ORDER));
    for (Stage stage : stages) {
      if (stage instanceof Stage.Checking checking) {
        RenderCheck check = checking.check();
        folders.values().forEach(objects -> check.check(platform, List.copyOf(objects)));
      }
    }
    Map<String, List<KubeObject>> out = new LinkedHashMap<>();
    folders.forEach((folder, objects) -> out.put(folder, List.copyOf(objects)));
    return new Run(out, transformedInPlace(generated, folders) ? generated : null);
  }

  /**
   * Whether every generated object is still in its folder: transformers changed objects, not
   * replaced them.
   */
  private static boolean transformedInPlace(
      Map<Stage.Generating, List<KubeObject>> generated, Map<String, List<KubeObject>> folders) {
    Set<KubeObject> present = Collections.newSetFromMap(new IdentityHashMap<>());
    folders.values().forEach(present::addAll);
    return generated.values().stream().allMatch(present::containsAll);
  }

  private static Generator argoCd() {
    ArgoCdGenerator argo = new ArgoCdGenerator();
    return new Generator() {
      @Override
      public List<KubeObject> generate(Platform platform) {
        return argo.generate(platform);
      }

      @Override
      public boolean environmentInvariant() {
        return true; // overlays hold base objects only
      }
    };
  }
}
