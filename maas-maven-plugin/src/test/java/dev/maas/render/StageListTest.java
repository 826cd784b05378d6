package dev.maas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The stage list reads in the order the stages run: generators, transformers, checks. */
class StageListTest {

  @Test
  void stagesAreGeneratorsThenTransformersThenChecks() {
    List<Stage> stages = RenderPipeline.standard(new RenderOptions(null, "x")).stages();
    List<Stage.Kind> kinds = stages.stream().map(Stage::kind).toList();
    assertEquals(kinds.stream().sorted().toList(), kinds);
    assertEquals(
        List.of(
            "gateway",
            "kuadrant",
            "auth-policy",
            "requests-limits",
            "tokens-limits",
            "telemetry-policy",
            "models",
            "token-service",
            "token-service-limits",
            "monitoring",
            "price-table",
            "access-logs",
            "argocd",
            "sync-waves",
            "provenance",
            "unique-objects",
            "provenance-present",
            "kuadrant-windows"),
        stages.stream().map(Stage::name).toList());
    assertEquals(
        "argocd",
        stages.stream()
            .filter(s -> s.name().equals("argocd"))
            .map(Stage.Generating.class::cast)
            .findFirst()
            .orElseThrow()
            .folder());
  }

  @Test
  void onlyTheTokenServiceIsStartedFirst() {
    // Its first conversion of Kubernetes model classes makes it the longest generator by far in a
    // new JVM: started last, it would end last, alone.
    List<String> first =
        RenderPipeline.standard(new RenderOptions(null, "x")).stages().stream()
            .filter(Stage.Generating.class::isInstance)
            .map(Stage.Generating.class::cast)
            .filter(stage -> stage.generator().startsFirst())
            .map(Stage::name)
            .toList();
    assertEquals(List.of("token-service"), first);
  }
}
