package dev.maas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.maas.model.Platform;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A render that takes the objects the generators made to find name clashes writes the bytes a
 * render from scratch writes, and takes them only when they were made of the very platform it
 * renders.
 */
class GeneratedOnceTest {

  private static PlatformRenderer renderer() {
    return new PlatformRenderer(new RenderOptions(null, Fixtures.VERSION));
  }

  @Test
  void theGeneratorsObjectsRenderTheTreeARenderFromScratchWrites() {
    Platform platform = Fixtures.acme();
    PlatformRenderer renderer = renderer();
    RenderPipeline.Generated made = renderer.pipeline().generate(platform);
    assertEquals(Fixtures.render(platform), renderer.render(platform, made));
  }

  @Test
  void aStartedRunKeepsTheStagesOrderAndTheirObjects() {
    Platform platform = Fixtures.acme();
    RenderPipeline pipeline = renderer().pipeline();
    RenderPipeline.GeneratorRun started = pipeline.start(platform);
    assertSame(platform, started.platform());
    RenderPipeline.Generated made = started.join();
    // The token service is started first, on whichever thread; its objects keep their stage's
    // place.
    assertEquals(
        pipeline.stages().stream().filter(Stage.Generating.class::isInstance).toList(),
        List.copyOf(made.objects().keySet()));
    RenderPipeline.Generated again = pipeline.generate(platform);
    made.objects()
        .forEach(
            (stage, objects) ->
                assertEquals(
                    again.objects().get(stage).stream().map(KubeObject::body).toList(),
                    objects.stream().map(KubeObject::body).toList(),
                    stage.name()));
  }

  @Test
  void theRunTakesTheObjectsMadeOfItsPlatform() {
    Platform platform = Fixtures.acme();
    RenderPipeline pipeline = renderer().pipeline();
    RenderPipeline.Generated made = pipeline.generate(platform);
    RenderPipeline.Run run = pipeline.executeWith(platform, made);
    made.objects().forEach((stage, objects) -> assertSame(objects, run.generated().get(stage)));
  }

  @Test
  void objectsMadeOfAnotherPlatformAreNotTaken() {
    Platform platform = Fixtures.acme();
    Platform moved =
        platform.withGitOps(platform.gitops().target("https://git.example/other.git", null, null));
    PlatformRenderer renderer = renderer();
    RenderPipeline.Generated made = renderer.pipeline().generate(platform);
    RenderPipeline.Run run = renderer.pipeline().executeWith(moved, made);
    made.objects()
        .forEach(
            (stage, objects) -> {
              List<KubeObject> ran = run.generated().get(stage);
              if (!objects.isEmpty()) {
                assertNotSame(objects, ran, stage.name());
              }
            });
    assertEquals(Fixtures.render(moved), renderer().render(moved, made));
  }

  @Test
  void objectsOfAnotherPipelineAreNotTaken() {
    Platform platform = Fixtures.acme();
    RenderPipeline.Generated made =
        RenderPipeline.standard(new RenderOptions(null, "validate")).generate(platform);
    RenderPipeline.Run run = renderer().pipeline().executeWith(platform, made);
    made.objects()
        .forEach(
            (stage, objects) -> {
              if (!objects.isEmpty()) {
                run.generated().values().forEach(ran -> assertNotSame(objects, ran));
              }
            });
  }
}
