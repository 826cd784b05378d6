package dev.maas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.model.Autoscaling;
import dev.maas.model.Environment;
import dev.maas.model.Model;
import dev.maas.model.ModelOverride;
import dev.maas.model.Platform;
import dev.maas.model.Resources;
import dev.maas.output.GeneratedTree;
import dev.maas.render.kustomize.EnvironmentView;
import dev.maas.render.kustomize.OverlayBuilder;
import dev.maas.validate.SpecValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Overlays reuse the base objects of the generators that declare themselves environment-invariant;
 * these tests check that declaration against a full re-render of every environment, so that a
 * generator that starts reading the hostname or a model's scaling cannot silently drop a change
 * from an overlay.
 */
class PlatformRendererEnvironmentTest {

  static Stream<String> specs() {
    return Stream.of(
        "platform-specs/acme.yaml",
        "tests/corpus/valid/many-environments.yaml",
        "tests/corpus/valid/boundaries.yaml",
        "tests/corpus/valid/predictor-only.yaml");
  }

  private static Platform platform(String spec) {
    SpecValidator.Outcome outcome =
        new SpecValidator().validate(Fixtures.repoRoot().resolve(spec), spec);
    assertNotNull(outcome.platform(), () -> outcome.diagnostics().toString());
    return outcome.platform();
  }

  @ParameterizedTest
  @MethodSource("specs")
  void overlaysEqualAFullReRenderOfEveryEnvironment(String spec) {
    Platform platform = platform(spec);
    PlatformRenderer renderer = new PlatformRenderer(new RenderOptions(null, Fixtures.VERSION));
    GeneratedTree tree = renderer.render(platform);
    List<KubeObject> base = renderer.pipeline().run(platform).get(RenderPipeline.BASE);
    assertFalse(platform.environments().isEmpty(), spec + " has environments");
    for (Environment env : platform.environments()) {
      List<KubeObject> full =
          renderer.pipeline().run(EnvironmentView.apply(platform, env)).get(RenderPipeline.BASE);
      SortedMap<String, byte[]> expected = OverlayBuilder.build(base, full, null);
      Map<String, String> want = new LinkedHashMap<>();
      expected.forEach(
          (path, bytes) -> want.put("overlays/" + env.name() + "/" + path, new String(bytes)));
      Map<String, String> got = new LinkedHashMap<>();
      tree.files()
          .forEach(
              (path, bytes) -> {
                if (path.startsWith("overlays/" + env.name() + "/")) {
                  got.put(path, new String(bytes));
                }
              });
      assertEquals(want, got, spec + ", environment " + env.name());
    }
  }

  /**
   * An environment that changes everything an environment can: the hostname and every model's
   * scaling.
   */
  private static Environment changingEverything(Platform platform) {
    Map<String, ModelOverride> overrides = new LinkedHashMap<>();
    int i = 0;
    for (Model m : platform.models()) {
      overrides.put(
          m.name(),
          i++ % 2 == 0
              ? new ModelOverride(
                  null, new Autoscaling(1, 7, "concurrency", 3), new Resources("3", "7Gi", 1))
              : new ModelOverride(5, null, new Resources("1", "1Gi", 0)));
    }
    return new Environment("everything", "changed.example.org", overrides);
  }

  @ParameterizedTest
  @MethodSource("specs")
  void invariantGeneratorsGiveTheSameObjectsInAnEnvironmentThatChangesEverything(String spec) {
    Platform platform = platform(spec);
    Platform view = EnvironmentView.apply(platform, changingEverything(platform));
    List<String> variant = new ArrayList<>();
    for (Stage stage :
        RenderPipeline.standard(new RenderOptions(null, Fixtures.VERSION)).stages()) {
      if (!(stage instanceof Stage.Generating generating)) {
        continue;
      }
      Generator generator = generating.generator();
      List<KubeObject> before = generator.generate(platform);
      List<KubeObject> after = generator.generate(view);
      if (generator.environmentInvariant()) {
        assertEquals(before, after, stage + " declares itself environment-invariant");
      } else if (!before.equals(after)) {
        variant.add(stage.name());
      }
    }
    // The environment reaches the objects at all: otherwise this test would prove nothing.
    assertTrue(variant.contains("models"), () -> "generators that changed: " + variant);
  }

  @ParameterizedTest
  @MethodSource("specs")
  void anEnvironmentRunReusesTheBaseInstancesOfInvariantGenerators(String spec) {
    Platform platform = platform(spec);
    RenderPipeline pipeline = RenderPipeline.standard(new RenderOptions(null, Fixtures.VERSION));
    RenderPipeline.Run base = pipeline.execute(platform, null);
    assertNotNull(base.generated(), "transformers change objects in place");
    RenderPipeline.Run env =
        pipeline.execute(EnvironmentView.apply(platform, platform.environments().get(0)), base);
    base.generated()
        .forEach(
            (stage, objects) -> {
              if (stage.generator().environmentInvariant()) {
                List<KubeObject> again = env.generated().get(stage);
                for (int k = 0; k < objects.size(); k++) {
                  assertTrue(
                      objects.get(k) == again.get(k),
                      stage + " object " + k + " is the base's instance");
                }
              }
            });
  }
}
